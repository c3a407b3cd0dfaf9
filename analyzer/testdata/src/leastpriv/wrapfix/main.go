// Package main is wrapapp for -fix: the fix rewrites the set to what the calls need.
package main

import (
	"context"

	"leastpriv/zclient"
)

var scopes = []string{
	"ZohoCRM.modules.ALL", // want `ZohoCRM.modules.ALL is broader than the calls found need.*\(ZS201\)`
	"ZohoCRM.org.READ",    // want `ZohoCRM.org.READ is not needed.*\(ZS203\)`
}

func main() {
	_ = scopes
	ctx := context.Background()
	c := zclient.New()
	c.ListLeads(ctx)
	c.AddContact(ctx)
	c.Raw(ctx, "PUT", "/crm/v8/Deals")
}
