"""Django settings of a Zoho CRM integration."""
import os

ZOHO_CLIENT_ID = os.getenv("ZOHO_CLIENT_ID", "1000.LOCALDEVCLIENT")
ZOHO_CLIENT_SECRET = os.getenv("ZOHO_CLIENT_SECRET", "2f4a6c8e0b1d3f5a7c9e1b3d5f7a9c0e2b4d6f8a1c")  # expect: ZS301
ZOHO_SECRET = os.environ.get("ZOHO_SECRET", "")  # an empty default says nothing
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-5a7c9e1b3d5f7a9c0e2b4d6f8")

# The scopes of the deal-sync login, joined into the consent URL by deals/views.py.
ZOHO_DEAL_SCOPES = [
    "ZohoCRM.modules.deals.ALL",  # expect: ZS302 (joined by a space in deal_views.py)
    "ZohoCRM.users.READ",
]
