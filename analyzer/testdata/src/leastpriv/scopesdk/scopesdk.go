// Package scopesdk builds scopes into a named string type, and takes them one at a time or
// as a slice of it: the shapes of Go SDKs whose scope values are typed.
package scopesdk

import "fmt"

type ScopeString string

const (
	CRM      = "ZohoCRM"
	Modules  = "modules"
	Settings = "settings"
	Users    = "users"
)

// BuildScope joins the parts; the resource is optional.
func BuildScope(service, scope, resource, op string) ScopeString {
	if resource == "" {
		return ScopeString(fmt.Sprintf("%s.%s.%s", service, scope, op))
	}
	return ScopeString(fmt.Sprintf("%s.%s.%s.%s", service, scope, resource, op))
}

// Endpoint builds a URL from its parts: not a scope builder.
func Endpoint(host, path string) string { return fmt.Sprintf("https://%s/%s", host, path) }

type Client struct{ scopes []ScopeString }

// WithScope adds one scope to the client.
func (c *Client) WithScope(s ScopeString) *Client { c.scopes = append(c.scopes, s); return c }

// WithScopes sets the client's scopes.
func (c *Client) WithScopes(s []ScopeString) *Client { c.scopes = s; return c }
