"""Login view of the deal sync: sends the user to Zoho's consent page."""
from urllib.parse import quote

from django.conf import settings
from django.shortcuts import redirect


def zoho_login(request):
    scope = quote(" ".join(settings.ZOHO_DEAL_SCOPES))
    url = f"https://accounts.zoho.com/oauth/v2/auth?response_type=code&access_type=offline&client_id={settings.ZOHO_CLIENT_ID}&scope={scope}&redirect_uri={settings.ZOHO_REDIRECT_URI}"
    return redirect(url)
