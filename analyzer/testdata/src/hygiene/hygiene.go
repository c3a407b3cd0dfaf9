package hygiene

// Tokens and secrets in source (ZS301), shown only by their first characters.
const refreshToken = "1000.3f2a9c1d7e6b5a4f8e9d0c1b2a3f4e5d.9c1d7e6b5a4f3f2a8e9d0c1b2a3f4e5d" // want `Zoho OAuth token 1000\.3f2a… \(70 characters\) is written in the source.*\(ZS301\)`

var header = "Zoho-oauthtoken 1000.0a1b2c3d4e5f60718293a4b5c6d7e8f9.f9e8d7c6b5a4039281706f5e4d3c2b1a" // want `Zoho OAuth token 1000\.0a1b… .*\(ZS301\)`

type Client struct {
	ClientID     string
	ClientSecret string
	RefreshToken string
	APIDomain    string
	SandboxURL   string
}

var c = Client{
	ClientID:     "1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123",        // a client ID is public
	ClientSecret: "a81b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c", // want `client secret a81… \(42 characters\).*\(ZS301\)`
}

// Placeholders and fakes are quiet.
var fake = Client{ClientSecret: "{client_secret}", RefreshToken: "1000.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}

// Authorization requests (ZS302).
const authURL = "http://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.modules.leads.READ+ZohoCRM.users.READ&client_id=1000.X&access_type=always&redirect_uri=https://example.com/cb" // want `Zoho authorization request: http:// sends.*; missing response_type; access_type=always \(want offline or online\) \(ZS302\)` `scopes separated by spaces \("ZohoCRM.modules.leads.READ ZohoCRM.users.READ"\): Zoho documents commas between scopes.*\(ZS302\)`

const vsURL = "{{Accounts-URL}}/clientoauth/v2/{PORTAL_ID}/auth?scope=ZohoCRM.modules.leads.READ&client_id={client_id}&response_type=code&redirect_uri=https://example.com/cb" // want `unfilled placeholder \{PORTAL_ID\}, \{client_id\}, \{\{Accounts-URL\}\}.*\(ZS302\)`

const wrongDC = "https://accounts.zoho.de/oauth/v2/auth?scope=ZohoCRM.users.READ&client_id=1000.X&response_type=code&redirect_uri=https://example.com/cb" // want `unknown accounts server accounts.zoho.de.*\(ZS302\)`

// Built at run time: the format verbs are not placeholders, and the query is not complete.
const authFormat = "https://accounts.zoho.com/oauth/v2/auth?scope=%s&client_id=%s&response_type=code&access_type=offline&redirect_uri=%s"

func authStart(id string) string {
	return "https://accounts.zoho.com/oauth/v2/auth?response_type=code&client_id=" + id
}

// One credential against two environments (ZS303).
var mixed = Client{
	RefreshToken: refreshFromEnv, // want `RefreshToken is used with environments production, sandbox.*one org in one environment.*\(ZS303\)`
	APIDomain:    "https://www.zohoapis.com",
	SandboxURL:   "https://sandbox.zohoapis.com",
}

// One credential block per environment is quiet.
var perEnv = map[string]Client{
	"production": {RefreshToken: refreshFromEnv, APIDomain: "https://www.zohoapis.com"},
	"sandbox":    {RefreshToken: refreshFromEnv, APIDomain: "https://sandbox.zohoapis.com"},
}

var refreshFromEnv = ""
