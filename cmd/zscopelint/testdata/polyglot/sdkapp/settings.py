ZOHO_SCOPE = "ZohoCRM.modules.ALL,ZohoCRM.org.ALL"
