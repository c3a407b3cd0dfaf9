// Zoho CRM scopes of the dashboard, shared by the login route and the settings page.
export const CRM_SCOPES = ["ZohoCRM.modules.contacts.READ", "ZohoCRM.org.READ"]; // expect: ZS302 (joined by a space in login.ts)

// Shown on the settings page, never sent: nothing joins it with a space.
export const DISPLAY_SCOPES = ["ZohoCRM.modules.contacts.READ", "ZohoCRM.org.READ"];
