// Package main reads records through the SDK's typed record calls, and asks for its scope
// through the SDK's builder: the two meet.
package main

import z "leastpriv/zohosdk"

var scopes = []string{
	z.BuildScope(z.Crm, z.ModulesScope, z.None, z.All), // want `ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.leads.READ \(ZS201\)`
}

func main() {
	_ = scopes
	var api z.API
	api.GetRecords(z.LeadsModule)
}
