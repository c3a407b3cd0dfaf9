// Package main adds contacts through zclient but asks only for leads: the missing scope is
// found through the wrappers.
package main

import (
	"context"

	"leastpriv/zclient"
)

const scope = "ZohoCRM.modules.leads.READ" // want `missing scope ZohoCRM.modules.contacts.CREATE, needed by POST \{…\}/crm/v8/Contacts at leastpriv/zclient/zclient.go:\d+ \(via zclient.\(\*Client\).do\).*\(ZS204\)`

func main() {
	_ = scope
	c := zclient.New()
	c.ListLeads(context.Background())
	c.AddContact(context.Background())
}
