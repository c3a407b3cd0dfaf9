from zohocrmsdk.src.com.zoho.crm.api.record import RecordOperations
from zohocrmsdk.src.com.zoho.crm.api.users import UsersOperations


def leads():
    return RecordOperations("Leads").get_records()


def create_deals(body):
    ops = RecordOperations("Deals")
    return ops.create_records(body)


def users():
    return UsersOperations().get_users()
