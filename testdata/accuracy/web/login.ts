// Login route of the dashboard: redirects to Zoho's consent page.
import { CRM_SCOPES } from "./crmScopes";

export function loginUrl(clientId: string, redirectUri: string): string {
  const params = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: CRM_SCOPES.join(" "),
  });
  return `https://accounts.zoho.com/oauth/v2/auth?${params}`;
}
