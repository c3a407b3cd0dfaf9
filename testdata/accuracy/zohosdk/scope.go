// Package zohosdk is the part of a vendored Zoho SDK that names scopes: a typed string
// built from its service, type, resource and operation.
package zohosdk

import "fmt"

// ScopeString is one OAuth scope.
type ScopeString string

// Service names and operations as the SDK spells them.
const (
	CRM      = "ZohoCRM"
	Modules  = "modules"
	Settings = "settings"
	Read     = "READ"
	All      = "ALL"
)

// BuildScope joins the parts of a scope; a scope of the whole service has no resource.
func BuildScope(service, scopeType, resource, operation string) ScopeString {
	if resource == "" {
		return ScopeString(fmt.Sprintf("%s.%s.%s", service, scopeType, operation))
	}
	return ScopeString(fmt.Sprintf("%s.%s.%s.%s", service, scopeType, resource, operation))
}

// Client holds the scopes a token is requested with.
type Client struct{ scopes []ScopeString }

// WithScope adds one scope.
func (c *Client) WithScope(s ScopeString) *Client { c.scopes = append(c.scopes, s); return c }
