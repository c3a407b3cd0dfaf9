export const leads = () => fetch("https://www.zohoapis.com/crm/v8/Leads");

// Which API this reaches is configured at run time: it may need any scope of the grant.
export const configured = (resource) => fetch(`${process.env.ZOHO_API_BASE}/${resource}`);
