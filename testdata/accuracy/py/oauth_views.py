"""Views that send the user to Zoho's consent page."""
from urllib.parse import urlencode

ZOHO_SCOPES = [
    "ZohoCRM.modules.contacts.READ",  # expect: ZS302 (joined by a space below)
    "ZohoCRM.settings.fields.READ",
]


def consent_url(client_id, redirect_uri):
    query = urlencode({
        "scope": " ".join(ZOHO_SCOPES),
        "client_id": client_id,
        "response_type": "code",
        "redirect_uri": redirect_uri,
    })
    return "https://accounts.zoho.com/oauth/v2/auth?" + query
