// Package crm is the small Zoho CRM client of the leastpriv example: it lists leads, adds
// contacts and reads users.
package crm

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// APIBase is the Zoho CRM API of the US data centre, production environment.
const APIBase = "https://www.zohoapis.com/crm/v8"

// Client calls Zoho CRM with an access token.
type Client struct {
	HTTP  *http.Client
	Token string
}

func (c *Client) do(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", "Zoho-oauthtoken "+c.Token)
	return c.HTTP.Do(req)
}

// ListLeads reads the Leads module.
func (c *Client) ListLeads(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, APIBase+"/Leads", nil)
	if err != nil {
		return nil, err
	}
	return c.do(req)
}

// AddContact inserts a record into the Contacts module.
func (c *Client) AddContact(ctx context.Context, body string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("%s/%s", APIBase, "Contacts"), strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	return c.do(req)
}

// Users reads the org's users.
func (c *Client) Users(ctx context.Context) (*http.Response, error) {
	u, err := url.JoinPath("https://www.zohoapis.com", "crm/v8", "users")
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return c.do(req)
}
