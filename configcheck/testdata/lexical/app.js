// Zoho OAuth client. This comment names ZohoCRM.modules.ALLL and is not checked.
const config = {
  clientId: "1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123",
  scopes: ["ZohoCRM.modules.leads.READ", 'ZohoCRM.modules.ALL'],
  scope: "ZohoCRM.users.REED",
};
/* ZohoCRM.modules.leeds.READ in a block comment */
const url = `https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.org.READ,ZohoCRM.setting.ALL&client_id=${id}`;
const pkg = "com.zoho.crm.api";
