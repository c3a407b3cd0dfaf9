// Package main calls Zoho Inventory and Zoho Analytics, and Zoho CRM through a base URL
// known only at run time: each product's scopes are judged against its own calls.
package main

import (
	"net/http"
	"net/url"
	"os"
	"path"
)

var scopes = []string{
	"ZohoInventory.items.READ",
	"ZohoInventory.bills.READ", // want `ZohoInventory.bills.READ is not needed by any of the 1 ZohoInventory calls found \(GET https://www.zohoapis.com/inventory/v1/items at leastpriv/products/main.go:\d+\) \(ZS203\)`
	"ZohoAnalytics.data.read",
	"ZohoCRM.modules.leads.READ",
	"ZohoCRM.modules.deals.READ",
	"ZohoCRM.users.READ",
	"ZohoCRM.org.READ", // want `ZohoCRM.org.READ is not needed by any of the 3 ZohoCRM calls found.*\(ZS203\)`
}

func main() {
	_ = scopes
	http.Get("https://www.zohoapis.com/inventory/v1/items")
	http.Get("https://analyticsapi.zoho.com/restapi/v2/workspaces/1/views/2/data")
	base := os.Getenv("ZOHO_API")
	http.Get(base + "/crm/v8/Leads")
	http.Get(base + path.Join("/crm/v8", "Deals"))
	u := url.URL{Scheme: "https", Host: "www.zohoapis.com", Path: "/crm/v8/users"}
	http.Get(u.String())
}
