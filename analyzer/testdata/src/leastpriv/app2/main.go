package main

import "leastpriv/crm"

// Too little: the contacts insert and the users read would fail.
const scope = "ZohoCRM.modules.leads.READ" // want `missing scope ZohoCRM.modules.contacts.CREATE, needed by POST https://www.zohoapis.com/crm/v8/Contacts at leastpriv/crm/crm.go:18: without it Zoho answers OAUTH_SCOPE_MISMATCH \(ZS204\)` `missing scope ZohoCRM.users.READ, needed by GET https://www.zohoapis.com/crm/v8/users at leastpriv/crm/crm.go:23.*\(ZS204\)`

func main() { _ = crm.ListLeads }
