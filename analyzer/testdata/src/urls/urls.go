package urls

import (
	"fmt"
	"net/url"
)

// The scope= parameter of an authorization URL is a scope set, URL-decoded.
const authURL = "https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.modules.leads.READ,ZohoCRM.modules.ALLL&client_id=1000.X&response_type=code&redirect_uri=https://example.com/cb" // want `did you mean ZohoCRM.modules.ALL\? \(ZS104\)`

const encoded = "https://accounts.zoho.eu/oauth/v2/auth?client_id=1000.X&scope=ZohoCRM.users.READ%2CZohoCRM.users.READ&response_type=code&redirect_uri=https://example.com/cb" // want `ZohoCRM.users.READ is listed twice.*\(ZS202\)`

// Placeholders make a template, not a scope; in a constant URL they are left unfilled.
const template = "https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.modules.{module_API_name}.ALL&client_id={client_id}" // want `Zoho authorization request: unfilled placeholder \{client_id\}, \{module_API_name\}.*missing response_type; missing redirect_uri \(ZS302\)`

func build() string {
	v := url.Values{}
	v.Set("scope", "ZohoCRM.modules.leeds.READ") // want `did you mean ZohoCRM.modules.leads.READ\? \(ZS103\)`
	return fmt.Sprintf("%s?%s", "https://accounts.zoho.com/oauth/v2/auth", v.Encode())
}
