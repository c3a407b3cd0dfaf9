// Package main reaches Zoho only through zclient's wrappers: the calls are found through
// them, across the package boundary, and the scopes are judged against them.
package main

import (
	"context"

	"leastpriv/zclient"
)

var scopes = []string{
	"ZohoCRM.modules.ALL", // want `ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.deals.UPDATE, ZohoCRM.modules.leads.READ, ZohoCRM.modules.contacts.CREATE \(ZS201\)`
	"ZohoCRM.org.READ",    // want `ZohoCRM.org.READ is not needed by any of the 3 ZohoCRM calls found .*\(ZS203\)`
}

func main() {
	_ = scopes
	ctx := context.Background()
	c := zclient.New()
	c.ListLeads(ctx)
	c.AddContact(ctx)
	c.Raw(ctx, "PUT", "/crm/v8/Deals")
}
