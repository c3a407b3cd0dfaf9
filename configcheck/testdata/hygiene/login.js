// A hole that holds a call (even a template) does not end the URL: line 4 is a complete
// request; the + between the scopes of line 7, after such holes, is seen.
const scope = "ZohoCRM.modules.leads.READ";
export function login(r) {
  window.location = `https://accounts.zoho.com/oauth/v2/auth?response_type=code&client_id=1000.ABC&redirect_uri=${encodeURIComponent(r)}&scope=${scope}&access_type=offline`;
}
export function loginNested(r) {
  window.location = `https://accounts.zoho.com/oauth/v2/auth?response_type=code&client_id=${cfg(`id`)}&redirect_uri=${encodeURIComponent(r)}&scope=ZohoCRM.users.READ+ZohoCRM.org.READ&access_type=offline`;
}
