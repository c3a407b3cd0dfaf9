import requests

ACCOUNTS = "https://accounts.zoho.com"

def auth_url(client_id, redirect_uri, scope="ZOHOPEOPLE.forms.ALL,ZOHOPEOPLE.employee.ALL"):
    return "{}/oauth/v2/auth?scope={}&client_id={}&response_type=code&access_type=offline&redirect_uri={}".format(
        ACCOUNTS, scope, client_id, redirect_uri)

def leave_types(token):
    # Needs ZOHOPEOPLE.leave.READ on the token.
    return requests.get("https://people.zoho.com/people/api/leave/getLeaveTypeDetails",
                        headers={"Authorization": "Zoho-oauthtoken " + token})

TIMESHEET_SCOPE = "ZOHOPEOPLE.timetracker.REED"  # expect: ZS104
