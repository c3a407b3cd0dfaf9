import requests


def feature(token):
    # A path under the CRM's root that no endpoint row matches: an unresolved call.
    return requests.get("https://www.zohoapis.com/crm/v8/settings/a_feature_no_source_names")
