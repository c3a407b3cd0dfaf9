"""Zoho OAuth helper for the nightly export."""
from urllib.parse import urlencode

SCOPES = "ZohoCRM.modules.leads.READ ZohoCRM.users.READ"  # expect: ZS302

PEOPLE_SCOPE = 'ZOHOPEOPLE.forms.READ,ZOHOPEOPLE.employee.ALL'


def authorize_url(client_id, redirect_uri):
    params = {
        "scope": "ZohoCRM.modules.leads.READ,ZohoCRM.users.READ",
        "client_id": client_id,
        "response_type": "code",
        "access_type": "offline",
        "redirect_uri": redirect_uri,
    }
    return "https://accounts.zoho.eu/oauth/v2/auth?" + urlencode(params)


REPORT_SCOPE = "ZohoAnalytics.data.read"  # an uncatalogued product: at most an info
