// The base URL and the resource come from the environment: no call here says which
// endpoint it reaches.
export const records = () => fetch(`${process.env.ZOHO_API_URL}/${process.env.ZOHO_RESOURCE}`);
