// An integration-framework piece: the framework fills {location} with the user's data
// centre (zoho.com, zoho.eu, ...) before it sends anyone there.
export const zohoCrmAuth = {
  authUrl: "https://accounts.{location}/oauth/v2/auth",
  tokenUrl: "https://accounts.{location}/oauth/v2/token",
  scope: ["ZohoCRM.users.READ", "ZohoCRM.org.READ"],
};
