"""Zoho CRM settings of the order-sync worker (imported as settings.ZOHO)."""
import os

# The scopes the self-client was generated with, one a line with what each is for.
ZOHO_SCOPES = [
    "ZohoCRM.modules.ALL",  # orders, accounts and contacts  # expect: ZS201
    "ZohoCRM.modules.accounts.READ",  # account lookup by name  # expect: ZS202
    "ZohoCRM.users.READ",  # owner of new records
]

# One refresh token for both the production org and its sandbox: a token belongs to one
# environment, so one of the two always answers INVALID_TOKEN.
ZOHO = {
    "refresh_token": os.environ.get("ZOHO_REFRESH_TOKEN"),  # expect: ZS303
    "api_domain": "https://www.zohoapis.com",
    "sandbox_api_domain": "https://sandbox.zohoapis.com",
    "accounts_url": "https://accounts.zoho.com",
}

# A token per data centre, each with its own hosts: right.
ZOHO_REGIONS = {
    "us": {"refresh_token": os.environ.get("ZOHO_US_TOKEN"), "api_domain": "https://www.zohoapis.com"},
    "eu": {"refresh_token": os.environ.get("ZOHO_EU_TOKEN"), "api_domain": "https://www.zohoapis.eu"},
}
