# Call sites in the shapes public Python code sends Zoho API requests in (our own code).
import aiohttp
import httpx
import requests

BASE_URL = "https://www.zohoapis.com/crm/v8"
ORG_URL = BASE_URL + "/org"


def me(headers):
    return requests.get("https://www.zohoapis.com/crm/v8/users?type=CurrentUser", headers=headers)  # want literal GET /crm/v8/users exact ZohoCRM.users.READ


def org(headers):
    return requests.get(ORG_URL, headers=headers)  # want binding GET /crm/v8/org exact ZohoCRM.org.READ


def create_lead(lead, headers):
    return requests.post(f"{BASE_URL}/Leads", json={"data": [lead]}, headers=headers)  # want fstring POST /crm/v8/Leads exact ZohoCRM.modules.leads.CREATE


def delete_contact(cid, headers):
    return requests.request("DELETE", "{}/Contacts/{}".format(BASE_URL, cid), headers=headers)  # want format DELETE /crm/v8/Contacts/{…} exact ZohoCRM.modules.contacts.DELETE


def update_account(aid, body):
    return requests.put(BASE_URL + "/Accounts/%s" % aid, json=body)  # want percent PUT /crm/v8/Accounts/{…} exact ZohoCRM.modules.accounts.UPDATE


def records(module):
    return requests.get(f"{BASE_URL}/{module}")  # want template-param GET /crm/v8/{…} partial ZohoCRM.modules.*.READ | ZohoCRM.modules.appointments_rescheduled_history.READ | ZohoCRM.modules.entity_scores.READ | ZohoCRM.modules.notes.READ | ZohoCRM.modules.services.READ | ZohoCRM.apis.READ | ZohoCRM.features.READ | ZohoCRM.settings.intelligence.READ | ZohoCRM.files.READ | ZohoCRM.org.READ | ZohoCRM.users.READ


class ZohoSession(requests.Session):
    def __init__(self, token, base_url="https://www.zohoapis.com/crm/v8"):
        super().__init__()
        self.base_url = base_url
        self.headers["Authorization"] = "Zoho-oauthtoken " + token

    def _url(self, path):
        return f"{self.base_url}{path}"

    def deals(self):
        return self.get(self._url("/Deals"))  # want session-subclass GET /crm/v8/Deals exact ZohoCRM.modules.deals.READ

    def close_deal(self, did):
        return self.put(self._url(f"/Deals/{did}"), json={})  # want session-subclass PUT /crm/v8/Deals/{…} exact ZohoCRM.modules.deals.UPDATE


class Crm:
    def __init__(self, token):
        self.api = "https://www.zohoapis.com/crm/v8"
        self.session = requests.Session()
        self.token = token

    def calls(self):
        return self.session.get(self.api + "/Calls")  # want field GET /crm/v8/Calls exact ZohoCRM.modules.calls.READ

    def _call(self, method, path, **kw):
        return self.session.request(method, self.api + path, **kw)

    def tasks(self):
        return self._call("GET", "/Tasks")  # want helper GET /crm/v8/Tasks exact ZohoCRM.modules.tasks.READ

    def add_note(self, note):
        return self._call("POST", "/Notes", json={"data": [note]})  # want helper POST /crm/v8/Notes exact ZohoCRM.modules.notes.CREATE


client = httpx.Client(base_url="https://www.zohoapis.com/books/v3")


def invoices(org_id):
    return client.get("/invoices", params={"organization_id": org_id})  # want client-base GET /books/v3/invoices exact ZohoBooks.invoices.READ


async def events():
    async with aiohttp.ClientSession() as session:
        async with session.get(BASE_URL + "/Events") as resp:  # want with-session GET /crm/v8/Events exact ZohoCRM.modules.events.READ
            return await resp.json()


def from_env(os):
    return requests.get(os.environ["ZOHO_URL"] + "/records")  # want env-base opaque


def sdk(RecordOperations):
    return RecordOperations("Leads").get_records()  # want sdk-no-manifest opaque
