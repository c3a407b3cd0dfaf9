// Package main calls Zoho CRM through a resty request builder: the path parameters fill
// the URL's {module}.
package main

import "github.com/go-resty/resty/v2"

var scopes = []string{
	"ZohoCRM.modules.leads.READ",
	"ZohoCRM.modules.contacts.CREATE",
	"ZohoCRM.users.READ", // want `ZohoCRM.users.READ is not needed by any of the 2 ZohoCRM calls found \(GET https://www.zohoapis.com/crm/v8/Leads at leastpriv/restyapp/main.go:\d+, POST https://www.zohoapis.com/crm/v8/Contacts at leastpriv/restyapp/main.go:\d+\) \(ZS203\)`
}

func main() {
	_ = scopes
	c := resty.New()
	c.R().SetPathParams(map[string]string{"module": "Leads"}).Get("https://www.zohoapis.com/crm/v8/{module}")
	c.R().SetAuthToken("x").SetPathParam("module", "Contacts").Post("https://www.zohoapis.com/crm/v8/{module}")
}
