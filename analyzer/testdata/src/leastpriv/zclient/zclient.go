// Package zclient is a Zoho client in the shape real ones have: one private do helper that
// builds every request, a get wrapper of it, thin methods, and an exported Raw.
package zclient

import (
	"context"
	"net/http"
	"os"
	"strings"
)

type Client struct {
	base string // https://www.zohoapis.com, set at run time
	hc   *http.Client
}

func New() *Client { return &Client{base: os.Getenv("ZOHO_API"), hc: http.DefaultClient} }

func (c *Client) do(ctx context.Context, method, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, strings.NewReader(""))
	if err != nil {
		return nil, err
	}
	return c.hc.Do(req)
}

func (c *Client) get(ctx context.Context, path string) (*http.Response, error) {
	return c.do(ctx, http.MethodGet, path)
}

// ListLeads and AddContact are the thin methods a client offers.
func (c *Client) ListLeads(ctx context.Context) (*http.Response, error) {
	return c.get(ctx, "/crm/v8/Leads")
}

func (c *Client) AddContact(ctx context.Context) (*http.Response, error) {
	return c.do(ctx, http.MethodPost, "/crm/v8/Contacts")
}

// Raw lets callers reach any endpoint.
func (c *Client) Raw(ctx context.Context, method, path string) (*http.Response, error) {
	return c.do(ctx, method, path)
}
