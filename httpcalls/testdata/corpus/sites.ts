// Call sites in the shapes public TypeScript code sends Zoho API requests in (our own code).
import axios, { AxiosInstance } from "axios";

const API_BASE: string = "https://www.zohoapis.eu/crm/v8";
const NOTES = `${API_BASE}/Notes`;

export class ZohoCrm {
  private readonly http: AxiosInstance;
  private base = "https://www.zohoapis.eu/crm/v8";

  constructor(token: string) {
    this.http = axios.create({ baseURL: API_BASE, headers: { Authorization: `Zoho-oauthtoken ${token}` } });
  }

  leads(): Promise<unknown> {
    return this.http.get<unknown>("/Leads"); // want client-base GET /crm/v8/Leads exact ZohoCRM.modules.leads.READ
  }

  async createContact(contact: Record<string, unknown>) {
    return this.http.post("/Contacts", { data: [contact] }); // want client-base POST /crm/v8/Contacts exact ZohoCRM.modules.contacts.CREATE
  }

  async org() {
    const res = await fetch(`${this.base}/org`); // want field GET /crm/v8/org exact ZohoCRM.org.READ
    return res.json();
  }

  async notes() {
    return fetch(NOTES, { method: "GET" }); // want binding GET /crm/v8/Notes exact ZohoCRM.modules.notes.READ
  }

  async upsert(id: string | undefined, deal: object) {
    const url = id ? `${API_BASE}/Deals/${id}` : `${API_BASE}/Deals`;
    return fetch(url, { method: id ? "PUT" : "POST", body: JSON.stringify(deal) }); // want ternary PUT /crm/v8/Deals/{…} exact ZohoCRM.modules.deals.UPDATE + PUT /crm/v8/Deals exact ZohoCRM.modules.deals.UPDATE + POST /crm/v8/Deals/{…} exact ZohoCRM.modules.deals.CREATE + POST /crm/v8/Deals exact ZohoCRM.modules.deals.CREATE
  }

  async modules() {
    return axios.get(`${API_BASE}/settings/modules`); // want literal GET /crm/v8/settings/modules exact ZohoCRM.settings.modules.READ
  }

  async coql(query: string) {
    return axios.post(`${API_BASE}/coql`, { select_query: query }); // want literal POST /crm/v8/coql partial ZohoCRM.coql.READ and ZohoCRM.modules.*.READ
  }

  async deleteLead(id: string) {
    return this.send("DELETE", `/Leads/${id}`); // want helper DELETE /crm/v8/Leads/{…} exact ZohoCRM.modules.leads.DELETE
  }

  async quotes() {
    return this.send("GET", "/Quotes"); // want helper GET /crm/v8/Quotes exact ZohoCRM.modules.quotes.READ
  }

  private async send(method: string, path: string): Promise<Response> {
    return fetch(API_BASE + path, { method });
  }

  async relative(path: string) {
    return this.http.get(path); // want param-path GET /crm/v8/{…} partial ZohoCRM.modules.*.READ | ZohoCRM.modules.appointments_rescheduled_history.READ | ZohoCRM.modules.entity_scores.READ | ZohoCRM.modules.notes.READ | ZohoCRM.modules.services.READ | ZohoCRM.apis.READ | ZohoCRM.features.READ | ZohoCRM.settings.intelligence.READ | ZohoCRM.files.READ | ZohoCRM.org.READ | ZohoCRM.users.READ
  }
}

export async function fromEnv(resource: string) {
  return fetch(`${process.env.ZOHO_API_URL!}/${resource}`); // want env-base opaque
}

export async function sdk(ops: { getRecords(): Promise<unknown> }, RecordOperations: new (m: string) => typeof ops) {
  return new RecordOperations("Contacts").getRecords(); // want sdk-no-manifest opaque
}
