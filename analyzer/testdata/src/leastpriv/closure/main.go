// Package main builds its requests in a closure assigned once, with path.Join and a
// url.URL inside a wrapper, and with a strings.Builder: the calls are found through them.
package main

import (
	"net/http"
	"net/url"
	"path"
	"strings"
)

var scopes = []string{
	"ZohoCRM.modules.ALL", // want `ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.leads.READ, ZohoCRM.modules.deals.READ, ZohoCRM.modules.contacts.CREATE \(ZS201\)`
	"ZohoCRM.users.READ",
	"ZohoCRM.org.READ", // want `ZohoCRM.org.READ is not needed by any of the 4 ZohoCRM calls found.*\(ZS203\)`
}

// post builds the URL as a url.URL from its module parameter.
func post(module string) (*http.Response, error) { // want post:"request wrapper \\(1 requests\\)"
	u := url.URL{Scheme: "https", Host: "www.zohoapis.com", Path: path.Join("/crm/v8", module)}
	return http.Post(u.String(), "application/json", nil)
}

func main() {
	_ = scopes
	get := func(module string) (*http.Response, error) {
		return http.Get("https://www.zohoapis.com/" + path.Join("crm/v8", module))
	}
	get("Leads")
	get("Deals")
	post("Contacts")
	users()
}

// users builds its URL with a strings.Builder.
func users() (*http.Response, error) {
	var b strings.Builder
	b.WriteString("https://www.zohoapis.com")
	b.WriteString("/crm/v8/users")
	return http.Get(b.String())
}
