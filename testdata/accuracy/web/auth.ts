// NextAuth provider for Zoho CRM sign-in.
import type { OAuthConfig } from "next-auth/providers/oauth";

export default function ZohoProvider(options: { clientId: string; clientSecret: string }): OAuthConfig<any> {
  return {
    id: "zoho",
    name: "Zoho",
    type: "oauth",
    authorization: "https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.users.READ,ZohoCRM.org.READ&access_type=offline",
    token: "https://accounts.zoho.com/oauth/v2/token",
    ...options,
  };
}

export const dealScopes = ["ZohoCRM.modules.deals.READ", "ZohoCRM.modules.deals.READ"]; // expect: ZS202

export const loginUrl = (clientId: string, redirect: string) =>
  `https://accounts.zoho.com/oauth/v2/auth?response_type=code&client_id=${clientId}&scope=ZohoCRM.modules.contacts.READ&redirect_uri=${redirect}`;

const label = 'Needs ZohoCRM.modules.contacts.READ\n';
