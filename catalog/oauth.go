package catalog

import (
	_ "embed"
	"slices"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed oauth.yaml
var oauthYAML []byte

// AuthRequestSpec is what Zoho's authorization endpoint expects of a request's query.
type AuthRequestSpec struct {
	Paths struct {
		Auth       string `yaml:"auth"`        // /oauth/v2/auth, on an accounts server
		PortalAuth string `yaml:"portal_auth"` // /clientoauth/v2/, followed by a portal ID
	} `yaml:"paths"`
	Required []string     `yaml:"required"` // parameters every request carries
	Values   []ParamValue `yaml:"values"`   // parameters whose value Zoho restricts
	// EndpointParams are those an endpoint URL an OAuth library completes may hold alone.
	EndpointParams []string `yaml:"endpoint_params"`
}

// ParamValue restricts the value of one query parameter.
type ParamValue struct {
	Param   string   `yaml:"param"`
	Allowed []string `yaml:"allowed"`
	Want    string   `yaml:"want"` // what a finding says a wrong value should be
}

// IsEndpointParam reports whether a parameter may stand alone in an endpoint URL.
func (s *AuthRequestSpec) IsEndpointParam(name string) bool {
	return slices.Contains(s.EndpointParams, name)
}

// AuthRequest is the authorization request spec, parsed on first use.
var AuthRequest = sync.OnceValue(func() *AuthRequestSpec {
	s := &AuthRequestSpec{}
	if err := yaml.Unmarshal(oauthYAML, s); err != nil || s.Paths.Auth == "" || len(s.Required) == 0 {
		panic("zscopelint: catalog/oauth.yaml is broken")
	}
	return s
})
