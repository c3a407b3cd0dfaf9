// Browser-side consent redirect for a Zoho CRM widget.
const ZOHO_SCOPES = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.users.READ']; // expect: ZS302

export function consentUrl(clientId, redirectUri) {
  const scope = encodeURIComponent(ZOHO_SCOPES.join(' '));
  return `https://accounts.zoho.com/oauth/v2/auth?scope=${scope}&client_id=${clientId}&response_type=code&redirect_uri=${redirectUri}`;
}

// Joined with a comma, as Zoho documents: nothing to say.
export const reportScope = ['ZohoCRM.modules.deals.READ', 'ZohoCRM.org.READ'].join(',');
