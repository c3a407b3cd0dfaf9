# Official Python SDK (API v8) operations (our own code). Its program's requirements.txt
# names zohocrmsdk8_0.
from zohocrmsdk.src.com.zoho.crm.api.record import RecordOperations, GetRecordsParam
from zohocrmsdk.src.com.zoho.crm.api.users import UsersOperations


def leads():
    return RecordOperations("Leads").get_records()  # want sdk-chain GET /crm/v8/Leads exact ZohoCRM.modules.leads.READ


def create_contacts(body):
    ops = RecordOperations(module_api_name="Contacts")
    return ops.create_records(body)  # want sdk-ctor POST /crm/v8/Contacts exact ZohoCRM.modules.contacts.CREATE


def users():
    return UsersOperations().get_users()  # want sdk-chain GET /crm/v8/users exact ZohoCRM.users.READ
