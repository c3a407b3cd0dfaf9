// Command crmclient is a small Zoho CRM client with the scope mistakes zscopelint finds.
// Run zscopelint on it from the repository root:
//
//	go run ./cmd/zscopelint ./examples/...
package main

import (
	"fmt"
	"net/url"
	"strings"
)

// Scopes the client asks for. One is misspelt, one is retired, one is far too broad and
// one is already granted by another.
var scopes = []string{
	"ZohoCRM.modules.leads.READ",
	"ZohoCRM.modules.contacts.CREATE",
	"ZohoCRM.users.REED",
	"ZohoCRM.modules.activities.READ",
	"ZohoCRM.settings.ALL",
	"ZohoCRM.settings.fields.READ",
}

const accountsServer = "https://accounts.zoho.com"

// peopleScope has an operation Zoho People does not offer on forms.
const peopleScope = "ZOHOPEOPLE.forms.DELETE"

func authorizationURL(clientID, redirectURI string) string {
	q := url.Values{}
	q.Set("scope", strings.Join(scopes, ","))
	q.Set("client_id", clientID)
	q.Set("response_type", "code")
	q.Set("access_type", "offline")
	q.Set("redirect_uri", redirectURI)
	return accountsServer + "/oauth/v2/auth?" + q.Encode()
}

func main() {
	fmt.Println(authorizationURL("1000.EXAMPLECLIENTID", "https://example.com/oauth/callback"))
	fmt.Println("People scope:", peopleScope)
}
