// Package main asks for its scopes through zohosdk.BuildScope: each call with constant
// arguments is an element of the set, checked like a literal.
package main

import z "leastpriv/zohosdk"

var scopes = []string{
	z.BuildScope(z.Crm, z.ModulesScope, z.Leads, z.Read),
	z.BuildScope(z.Crm, z.ModulesScope, z.Leads, z.Reed),      // want `ZohoCRM.modules.leads does not accept operation "REED".*\(ZS104\)`
	z.BuildScope(z.Crm, z.ModulesScope, z.Activities, z.Read), // want `ZohoCRM.modules.activities.READ is deprecated.*\(ZS106\)`
	z.BuildScope(z.Crm, z.SettingsScope, z.None, z.All),       // want `ZohoCRM.settings.ALL is a group scope.*\(ZS201\)`
}

func main() { _ = scopes }
