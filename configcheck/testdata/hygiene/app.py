# Python fills {client_id} at run time: no placeholder finding.
AUTH = "https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.users.READ&client_id={client_id}&response_type=code&redirect_uri={redirect}".format(client_id=CID, redirect=CB)
