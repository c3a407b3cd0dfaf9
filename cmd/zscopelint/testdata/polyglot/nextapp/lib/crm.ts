import axios from "axios";

const crm = axios.create({ baseURL: "https://www.zohoapis.com/crm/v8" });

export async function leads(): Promise<unknown[]> {
  const res = await crm.get<{ data: unknown[] }>("/Leads", { params: { fields: "Last_Name" } });
  return res.data.data;
}

export async function createContact(contact: Record<string, string>) {
  return crm.post("/Contacts", { data: [contact] });
}
