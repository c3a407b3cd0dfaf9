// Package main asks for exactly the scopes of its three CRM calls, none of which is a
// module: settings variables, the users count and the user groups' users count. No path
// segment of theirs is a module name, so nothing is judged as modules.custom.
package main

import "net/http"

const api = "https://www.zohoapis.com/crm/v8"

var scopes = []string{
	"ZohoCRM.settings.variables.READ",
	"ZohoCRM.users.READ",
	"ZohoCRM.settings.user_groups.READ",
}

func main() {
	_ = scopes
	http.Get(api + "/settings/variables")
	http.Get(api + "/users/actions/count")
	http.Get(api + "/settings/user_groups/actions/associated_users_count")
}
