const API = "https://www.zohoapis.com/crm/v8";

export default async function handler(req, res) {
  const r = await fetch(`${API}/users?type=CurrentUser`, { headers: { Authorization: `Zoho-oauthtoken ${req.token}` } });
  res.status(200).json(await r.json());
}
