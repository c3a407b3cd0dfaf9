// Package main asks for scopes through scopesdk.BuildScope in the shapes programs write
// besides a []string literal: a slice of the SDK's named string type, an assignment, an
// append and a single argument. Each call with constant arguments is a scope, checked as a
// literal would be.
package main

import (
	"os"

	sdk "leastpriv/scopesdk"
)

// A slice of the named type.
var typed = []sdk.ScopeString{
	sdk.BuildScope(sdk.CRM, sdk.Modules, "", "ALL"),       // want `ZohoCRM.modules.ALL is a group scope.*\(ZS201\)`
	sdk.BuildScope(sdk.CRM, sdk.Modules, "leads", "READ"), // want `ZohoCRM.modules.leads.READ is redundant.*\(ZS202\)`
}

func main() {
	c := &sdk.Client{}
	c.WithScopes(typed)

	// An assignment.
	s := sdk.BuildScope(sdk.CRM, sdk.Modules, "leads", "REED") // want `ZohoCRM.modules.leads does not accept operation "REED".*\(ZS104\)`
	c.WithScope(s)

	// Appends: the elements of one append are one set.
	var scopes []sdk.ScopeString
	scopes = append(scopes, sdk.BuildScope(sdk.CRM, sdk.Settings, "", "ALL"), // want `ZohoCRM.settings.ALL is a group scope.*\(ZS201\)`
		sdk.BuildScope(sdk.CRM, sdk.Settings, "fields", "READ")) // want `ZohoCRM.settings.fields.READ is redundant.*\(ZS202\)`
	c.WithScopes(scopes)

	// A single argument.
	c.WithScope(sdk.BuildScope(sdk.CRM, sdk.Users, "", "ALL")) // want `ZohoCRM.users.ALL grants every operation on ZohoCRM.users.*\(ZS201\)`

	// Right, or not known: no finding.
	c.WithScope(sdk.BuildScope(sdk.CRM, sdk.Modules, "deals", "READ"))
	c.WithScope(sdk.BuildScope(sdk.CRM, sdk.Modules, os.Getenv("MODULE"), "ALL"))
	_ = sdk.Endpoint("www.zohoapis.com", "crm/v2/Leads.ALL")
}
