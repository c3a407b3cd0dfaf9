// Package crm makes the Zoho CRM calls; its scopes are asked for elsewhere.
package crm

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

const apiBase = "https://www.zohoapis.com/crm/v8"

func ListLeads(c *http.Client) (*http.Response, error) {
	return c.Get(apiBase + "/Leads")
}

func AddContact(ctx context.Context) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s/%s", apiBase, "Contacts"), nil)
}

func Users() (*http.Request, error) {
	u, _ := url.JoinPath("https://www.zohoapis.com", "crm/v8", "users")
	return http.NewRequest("GET", u, nil)
}
