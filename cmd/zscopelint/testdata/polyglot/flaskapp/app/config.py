ZOHO_SCOPES = "ZohoCRM.modules.ALL,ZohoCRM.settings.ALL"
