// Package main calls one CRM endpoint the table knows and one it does not: the unknown one
// may need any CRM scope, so no CRM scope is called unused, none missing, and no exact
// narrower set is claimed.
package main

import "net/http"

var scopes = []string{
	"ZohoCRM.users.READ",
	"ZohoCRM.org.READ",
}

func main() {
	_ = scopes
	http.Get("https://www.zohoapis.com/crm/v8/users")
	http.Get("https://www.zohoapis.com/crm/v8/settings/a_feature_no_source_names")
}
