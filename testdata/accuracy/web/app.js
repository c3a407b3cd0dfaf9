// Browser side of the widget: only the scope list lives here.
const ZOHO_SCOPES = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.modules.leads.CREATE', 'ZohoCRM.modules.Leads.READ']; // expect: ZS202

module.exports = { ZOHO_SCOPES };
