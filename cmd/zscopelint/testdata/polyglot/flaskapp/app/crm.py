import requests

BASE = "https://www.zohoapis.com/crm/v8"


class CrmSession(requests.Session):
    def __init__(self, token, base_url=BASE):
        super().__init__()
        self.base_url = base_url
        self.headers["Authorization"] = f"Zoho-oauthtoken {token}"

    def url(self, path):
        return f"{self.base_url}{path}"

    def deals(self):
        return self.get(self.url("/Deals")).json()

    def add_note(self, note):
        return self.post(self.url("/Notes"), json={"data": [note]})


def org(token):
    return requests.get(f"{BASE}/org", headers={"Authorization": f"Zoho-oauthtoken {token}"})
