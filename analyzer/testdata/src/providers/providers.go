package providers

// Config is an OAuth client configuration, the shape golang.org/x/oauth2 users write.
type Config struct {
	ClientID string
	Scopes   []string
}

// Other providers' scopes in a package that also talks to Zoho are not ours: a set is
// judged only when one of its elements is a Zoho scope.
var xero = Config{Scopes: []string{"openid", "profile", "email", "accounting.transactions", "accounting.contacts.read", "offline_access"}}

var hubspot = Config{Scopes: []string{"crm.objects.contacts.write", "crm.objects.deals.read", "oauth"}}

var google = []string{"https://www.googleapis.com/auth/drive.readonly"}

var zoho = Config{Scopes: []string{"ZohoCRM.users.READ", "ZohoCRM.org.READ"}}

// A scope without its service name, in a scope position, that one catalogued service
// completes: malformed, with the completion as the fix.
var missing = Config{Scopes: []string{"modules.leads.READ"}} // want `malformed scope "modules.leads.READ": no service name; did you mean ZohoCRM.modules.leads.READ\? \(ZS101\)`

// Beside a Zoho scope too.
var mixed = Config{Scopes: []string{"ZohoCRM.users.READ", "settings.fiscal_year.READ"}} // want `malformed scope "settings.fiscal_year.READ": no service name; did you mean ZohoCRM.settings.fiscal_year.READ\? \(ZS101\)`

var _ = []any{xero, hubspot, google, zoho, missing, mixed}
