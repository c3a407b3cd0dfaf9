// Command leastpriv lists leads, adds contacts and reads users, and asks Zoho for far more
// than that. zscopelint works out, from the calls in package crm, the exact scopes it needs:
//
//	go run ./cmd/zscopelint -why ./examples/leastpriv/...
//	go run ./cmd/zscopelint -fix ./examples/leastpriv/...
package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/zscopelint/zscopelint/examples/leastpriv/crm"
)

// scopes is what the authorization request asks for.
var scopes = []string{
	"ZohoCRM.modules.ALL",
	"ZohoCRM.users.ALL",
}

func authorizationURL(clientID, redirectURI string) string {
	q := url.Values{}
	q.Set("scope", strings.Join(scopes, ","))
	q.Set("client_id", clientID)
	q.Set("response_type", "code")
	q.Set("access_type", "offline")
	q.Set("redirect_uri", redirectURI)
	return "https://accounts.zoho.com/oauth/v2/auth?" + q.Encode()
}

func main() {
	fmt.Println(authorizationURL(os.Getenv("ZOHO_CLIENT_ID"), "https://example.com/oauth/callback"))
	c := &crm.Client{HTTP: http.DefaultClient, Token: os.Getenv("ZOHO_ACCESS_TOKEN")}
	if c.Token == "" {
		return // nothing to call without a token
	}
	ctx := context.Background()
	for _, call := range []func(context.Context) (*http.Response, error){c.ListLeads, c.Users} {
		if resp, err := call(ctx); err == nil {
			resp.Body.Close()
		}
	}
	if resp, err := c.AddContact(ctx, `{"data":[{"Last_Name":"Example"}]}`); err == nil {
		resp.Body.Close()
	}
}
