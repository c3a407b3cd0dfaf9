package main

import "leastpriv/crm"

// The calls in crm need modules.leads.READ, modules.contacts.CREATE and users.READ.
var scopes = []string{
	"ZohoCRM.modules.ALL",   // want `ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.leads.READ, ZohoCRM.modules.contacts.CREATE \(ZS201\)`
	"ZohoCRM.users.ALL",     // want `ZohoCRM.users.ALL is broader than the calls found need: ZohoCRM.users.READ \(ZS201\)`
	"ZohoCRM.settings.ALL",  // want `ZohoCRM.settings.ALL is not needed by any of the 3 ZohoCRM calls found \(GET https://www.zohoapis.com/crm/v8/Leads at leastpriv/crm/crm.go:14, .*\) \(ZS203\)`
	"ZOHOPEOPLE.forms.READ", // no People call is known: not judged by evidence
}

func main() { _ = crm.ListLeads }
