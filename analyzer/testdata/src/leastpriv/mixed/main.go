// Package main calls Zoho Books with a path known only at run time, and Zoho CRM exactly
// through zclient: the unresolved Books call widens Books only, so an unused CRM scope is
// still reported.
package main

import (
	"context"
	"net/http"
	"os"

	"leastpriv/zclient"
)

var scopes = []string{
	"ZohoCRM.modules.leads.READ",
	"ZohoCRM.modules.contacts.CREATE",
	"ZohoCRM.users.READ", // want `ZohoCRM.users.READ is not needed by any of the 2 ZohoCRM calls found.*\(ZS203\)`
	"ZohoBooks.fullaccess.all", // want `ZohoBooks.fullaccess.all grants every scope of ZohoBooks; request only those the code uses \(ZohoBooks.<name>.\{READ,CREATE,UPDATE,DELETE\}\) \(ZS201\)`
}

func main() {
	_ = scopes
	c := zclient.New()
	c.ListLeads(context.Background())
	c.AddContact(context.Background())
	http.Get("https://www.zohoapis.com/books/v3/" + os.Getenv("BOOKS_PATH"))
}
