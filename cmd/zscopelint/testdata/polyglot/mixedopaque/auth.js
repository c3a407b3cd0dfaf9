export const scopes = ["ZohoCRM.modules.leads.READ", "ZohoCRM.settings.ALL"];
