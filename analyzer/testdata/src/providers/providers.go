package providers

import "strings"

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

// Endpoint is golang.org/x/oauth2's shape: the library adds client_id, response_type and
// redirect_uri to AuthURL, so an endpoint with access_type alone is no malformed request.
type Endpoint struct{ AuthURL, TokenURL string }

var zohoEndpoint = Endpoint{AuthURL: "https://accounts.zoho.com/oauth/v2/auth?access_type=offline", TokenURL: "https://accounts.zoho.com/oauth/v2/token"}

// A request written out whole is still checked.
const loginURL = "https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.users.READ&client_id=1000.X&state=s" // want `missing response_type; missing redirect_uri \(ZS302\)`

// A sentence is no grant: checked for mistakes, not for breadth.
const help = "Grant ZohoCRM.modules.READ when the wizard asks; ZohoCRM.modules.REDA is a typo." // want `ZohoCRM.modules does not accept operation "REDA"`

// Scopes joined by spaces in one string: Zoho wants commas, the request fails.
var spaced = Config{Scopes: []string{"ZohoCRM.users.READ ZohoCRM.org.READ"}} // want `scopes separated by spaces \("ZohoCRM.users.READ ZohoCRM.org.READ"\).*write ZohoCRM.users.READ,ZohoCRM.org.READ \(ZS302\)`

var scopeParam = strings.Join([]string{"ZohoCRM.users.READ", "ZohoCRM.org.READ"}, " ") // want `scopes separated by spaces`

var commas = strings.Join([]string{"ZohoCRM.users.READ", "ZohoCRM.org.READ"}, ",")

// OpenID Connect scopes beside one Zoho scope, joined by spaces: the same failure.
var oidcSpaced = Config{Scopes: []string{"ZohoCRM.users.READ offline_access"}} // want `scopes separated by spaces`

// Defaults in struct tags (envconfig, kong, caarlos0/env) are strings of the program.
type Settings struct {
	Scopes  string `envconfig:"ZOHO_SCOPES" default:"ZohoCRM.modules.leads.RAED,ZohoCRM.users.READ"` // want `ZohoCRM.modules.leads does not accept operation "RAED"`
	Scope2  string `env:"ZOHO_SCOPE" envDefault:"ZohoCRM.modules.ALL"`                               // want `ZohoCRM.modules.ALL is a group scope`
	Region  string `default:"com" json:"region"`
	Comment string `json:"comment" default:"see ZohoCRM.modules.REED in the docs"` // want `ZohoCRM.modules does not accept operation "REED"`
}

var _ = []any{xero, hubspot, google, zoho, missing, mixed, zohoEndpoint, help, spaced, scopeParam, commas, oidcSpaced}
