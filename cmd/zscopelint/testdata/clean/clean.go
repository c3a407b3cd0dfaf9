package clean

var scopes = []string{"ZohoCRM.modules.leads.READ", "ZohoCRM.users.READ", "ZOHOPEOPLE.employee.ALL", "openid"}

const version = "ZohoCRM.v8.0.1"
