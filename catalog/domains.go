package catalog

import (
	_ "embed"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed domains.yaml
var domainsYAML []byte

// DataCentre is one Zoho data centre: its accounts server and API domain suffix.
type DataCentre struct {
	Name     string `yaml:"name"`
	Accounts string `yaml:"accounts"`
	APITLD   string `yaml:"api_tld"`
}

type apiPrefix struct {
	Prefix      string `yaml:"prefix"`
	Environment string `yaml:"environment"`
}

type domainData struct {
	DataCentres []DataCentre `yaml:"data_centres"`
	APIPrefixes []apiPrefix  `yaml:"api_prefixes"`
}

// domains is parsed on first use: only the hygiene checks need it.
var domains = sync.OnceValue(func() (d domainData) {
	if err := yaml.Unmarshal(domainsYAML, &d); err != nil {
		panic("zscopelint: catalog/domains.yaml: " + err.Error())
	}
	return d
})

// DataCentres lists Zoho's data centres.
func DataCentres() []DataCentre { return domains().DataCentres }

// AccountsServer reports whether host is a Zoho accounts server, and its data centre.
func AccountsServer(host string) (DataCentre, bool) {
	for _, dc := range domains().DataCentres {
		if strings.EqualFold(host, dc.Accounts) {
			return dc, true
		}
	}
	return DataCentre{}, false
}

// LooksLikeAccountsServer reports whether host is meant as a Zoho accounts server
// (accounts.zoho.<anything> or accounts.zohocloud.<anything>), known or not.
func LooksLikeAccountsServer(host string) bool {
	h := strings.ToLower(host)
	return strings.HasPrefix(h, "accounts.zoho.") || strings.HasPrefix(h, "accounts.zohocloud.")
}

// APIHost reads a Zoho API host (www.zohoapis.eu, sandbox.zohoapis.com) as an environment
// (production, sandbox, developer) and a data centre.
func APIHost(host string) (environment string, dc DataCentre, ok bool) {
	h := strings.ToLower(host)
	prefix, rest, found := strings.Cut(h, ".zohoapis.")
	if !found {
		return "", DataCentre{}, false
	}
	for _, p := range domains().APIPrefixes {
		if p.Prefix == prefix {
			environment = p.Environment
		}
	}
	if environment == "" {
		return "", DataCentre{}, false
	}
	for _, d := range domains().DataCentres {
		if d.APITLD == rest {
			return environment, d, true
		}
	}
	return "", DataCentre{}, false
}
