// Package main calls Zoho Inventory and Zoho Analytics, and Zoho CRM through a base URL
// known only at run time: each product's scopes are judged against its own calls.
package main

import (
	"net/http"
	"os"
)

var scopes = []string{
	"ZohoInventory.items.READ",
	"ZohoInventory.bills.READ", // want `ZohoInventory.bills.READ is not needed by any of the 1 ZohoInventory calls found \(GET https://www.zohoapis.com/inventory/v1/items at leastpriv/products/main.go:\d+\) \(ZS203\)`
	"ZohoAnalytics.data.read",
	"ZohoCRM.modules.leads.READ",
}

func main() {
	_ = scopes
	http.Get("https://www.zohoapis.com/inventory/v1/items")
	http.Get("https://analyticsapi.zoho.com/restapi/v2/workspaces/1/views/2/data")
	base := os.Getenv("ZOHO_API")
	http.Get(base + "/crm/v8/Leads")
}
