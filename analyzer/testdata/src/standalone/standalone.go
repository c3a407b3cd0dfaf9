// Package standalone has no call of its own: its driver says what the program calls.
package standalone

var Scopes = []string{"ZohoCRM.modules.ALL", "ZohoCRM.users.READ"} // want `ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.leads.READ \(ZS201\)` `ZohoCRM.users.READ is not needed by any of the 1 ZohoCRM calls found \(GET https://www.zohoapis.com/crm/v8/Leads at client.go:1\) \(ZS203\)`
