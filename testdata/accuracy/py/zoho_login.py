"""Sign-in with Zoho for the partner portal: authorization URLs written in pieces."""
import os
from urllib.parse import quote

CLIENT_ID = os.environ["ZOHO_CLIENT_ID"]
REDIRECT_URI = "https://portal.example.com/oauth/callback"

# One URL over several lines (implicit concatenation), the client id added.
LOGIN_URL = ("https://accounts.zoho.com/oauth/v2/auth"
             "?response_type=code&access_type=offline"
             "&scope=ZohoCRM.modules.leads.READ,ZohoCRM.users.READ"
             "&client_id=" + CLIENT_ID +
             "&redirect_uri=" + quote(REDIRECT_URI, safe=""))


def consent_url(scopes, state):
    return (f"https://accounts.zoho.com/oauth/v2/auth?response_type=code&client_id={CLIENT_ID}"
            f"&scope={quote(','.join(scopes))}&redirect_uri={quote(REDIRECT_URI)}&state={state}")


def reconsent_url(scopes):
    # The redirect URI was left out: Zoho rejects the request.
    return ("https://accounts.zoho.com/oauth/v2/auth?response_type=code&prompt=consent"  # expect: ZS302
            f"&client_id={CLIENT_ID}&scope={quote(','.join(scopes))}")
