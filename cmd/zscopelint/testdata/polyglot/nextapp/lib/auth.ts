// The OAuth client's grant.
export const ZOHO_SCOPES = ["ZohoCRM.modules.ALL", "ZohoCRM.settings.ALL"];
