// Package crmclient talks to Zoho CRM for the sales dashboard.
package crmclient

// Endpoint is golang.org/x/oauth2's shape; the library adds the client parameters.
type Endpoint struct{ AuthURL, TokenURL string }

// Config is golang.org/x/oauth2's shape.
type Config struct {
	ClientID, ClientSecret, RedirectURL string
	Endpoint                            Endpoint
	Scopes                              []string
}

var zohoEndpoint = Endpoint{
	AuthURL:  "https://accounts.zoho.com/oauth/v2/auth?access_type=offline&prompt=consent",
	TokenURL: "https://accounts.zoho.com/oauth/v2/token",
}

// NewConfig returns the OAuth configuration of the dashboard.
func NewConfig(id, secret string) *Config {
	return &Config{
		ClientID:     id,
		ClientSecret: secret,
		RedirectURL:  "https://dashboard.example.com/oauth/callback",
		Endpoint:     zohoEndpoint,
		Scopes: []string{
			"ZohoCRM.modules.ALL",         // expect: ZS201
			"ZohoCRM.settings.felds.READ", // expect: ZS103
			"ZohoCRM.users.READ",
			"ZohoCRM.org.READ",
			"ZohoCRM.coql.READ",
		},
	}
}

// helpText is shown on the settings page.
const helpText = "If the dashboard shows no deals, grant ZohoCRM.modules.deals.READ again."
