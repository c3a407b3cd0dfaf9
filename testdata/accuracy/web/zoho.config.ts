// Zoho Books connection of the invoicing service, read once at start-up.
type ZohoConfig = { refreshToken: string; apiBase: string; accountsBase: string };

export const zoho: ZohoConfig = {
  refreshToken: process.env.ZOHO_REFRESH_TOKEN ?? "", // expect: ZS303
  // The API moved to the EU data centre; the accounts URL was left behind.
  apiBase: "https://www.zohoapis.eu/books/v3",
  accountsBase: "https://accounts.zoho.com",
};

export function accountsUrl(region: string): string {
  return region === "eu" ? "https://accounts.zoho.eu" : "https://accounts.zoho.com";
}
