// Call sites in the shapes public JavaScript code sends Zoho API requests in (our own code).
// Each site's line ends in: want <shape> <method> <path> <outcome> <scope>, or want <shape> opaque.
import axios from "axios";
import got from "got";
import ky from "ky";

const CRM = "https://www.zohoapis.com/crm/v8";
const crm = axios.create({ baseURL: "https://www.zohoapis.com/crm/v8", timeout: 5000 });
const books = got.extend({ prefixUrl: "https://www.zohoapis.com/books/v3" });

export async function me(token) {
  return fetch("https://www.zohoapis.com/crm/v8/users?type=CurrentUser", { headers: { Authorization: token } }); // want literal GET /crm/v8/users exact ZohoCRM.users.READ
}

export async function createLead(lead) {
  return fetch(`${CRM}/Leads`, { method: "POST", body: JSON.stringify({ data: [lead] }) }); // want binding POST /crm/v8/Leads exact ZohoCRM.modules.leads.CREATE
}

export const deals = () => crm.get("/Deals", { params: { per_page: 200 } }); // want client-base GET /crm/v8/Deals exact ZohoCRM.modules.deals.READ

export function removeContact(id) {
  return axios.delete(CRM + "/Contacts/" + id); // want binding DELETE /crm/v8/Contacts/{…} exact ZohoCRM.modules.contacts.DELETE
}

export function updateAccount(id, body) {
  return axios({ method: "put", url: `${CRM}/Accounts/${id}`, data: body }); // want config PUT /crm/v8/Accounts/{…} exact ZohoCRM.modules.accounts.UPDATE
}

export function invoices(org) {
  return books.get(`invoices?organization_id=${org}`).json(); // want client-base GET /books/v3/invoices exact ZohoBooks.invoices.READ
}

export function records(module) {
  return fetch(`${CRM}/${module}?fields=id`); // want template-param GET /crm/v8/{…} partial ZohoCRM.modules.*.READ | ZohoCRM.modules.appointments_rescheduled_history.READ | ZohoCRM.modules.entity_scores.READ | ZohoCRM.modules.notes.READ | ZohoCRM.modules.services.READ | ZohoCRM.apis.READ | ZohoCRM.features.READ | ZohoCRM.settings.intelligence.READ | ZohoCRM.files.READ | ZohoCRM.org.READ | ZohoCRM.users.READ
}

async function zoho(path, method = "GET", body) {
  const res = await fetch(`${CRM}${path}`, { method, body });
  return res.json();
}

export const tasks = () => zoho("/Tasks"); // want helper GET /crm/v8/Tasks exact ZohoCRM.modules.tasks.READ
export const closeTask = (id) => zoho(`/Tasks/${id}`, "PUT", "{}"); // want helper PUT /crm/v8/Tasks/{…} exact ZohoCRM.modules.tasks.UPDATE

export function search(word) {
  return ky.get(`${CRM}/Leads/search`, { searchParams: { word } }).json(); // want literal GET /crm/v8/Leads/search exact ZohoCRM.modules.leads.READ and ZohoSearch.securesearch.READ
}

export function legacy(done) {
  $.ajax({ url: CRM + "/Calls", type: "POST", data: "{}", success: done }); // want config POST /crm/v8/Calls exact ZohoCRM.modules.calls.CREATE
}

export function fromEnv() {
  return fetch(`${process.env.ZOHO_API_URL}/${process.env.ZOHO_RESOURCE}`); // want env-base opaque
}

export function sdk(RecordOperations) {
  return new RecordOperations("Leads").getRecords(); // want sdk-no-manifest opaque
}
