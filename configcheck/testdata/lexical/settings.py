# ZohoCRM.modules.ALLL in a Python comment
ZOHO_SCOPES = ["ZohoCRM.modules.deals.READ", "ZohoCRM.modules.deals.READ"]
TIMEOUT = 30
