export const scope = "ZohoCRM.modules.ALL,ZohoCRM.settings.ALL";
