// Server-side Zoho Desk client: each setting falls back to a value for local runs.
export const zohoConfig = {
  clientId: process.env.ZOHO_CLIENT_ID ?? "1000.LOCALDEVCLIENT",
  // A fallback is a committed secret as much as an assignment is.
  clientSecret: process.env.ZOHO_CLIENT_SECRET ?? "7d2e9a0c4b6f1e3a5c8d0b2f4a6e8c1d3f5b7a9e0c", // expect: ZS301
  sessionKey: process.env.SESSION_KEY || "0c9e8d7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e",
};
