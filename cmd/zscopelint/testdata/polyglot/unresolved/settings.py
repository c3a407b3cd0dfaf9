SCOPE = "ZohoCRM.modules.ALL,ZohoCRM.settings.ALL"
