package catalog

import (
	_ "embed"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed services.yaml
var servicesYAML []byte

// ServiceName is a Zoho service name the catalog has no scopes for, or a wrong name with
// the one Zoho uses.
type ServiceName struct {
	Name    string `yaml:"name"`
	Product string `yaml:"product"`
	Right   string `yaml:"right"` // for a wrong name: Zoho's
	Source  string `yaml:"source"`
}

type serviceRegistry struct {
	Uncatalogued []ServiceName `yaml:"uncatalogued"`
	Wrong        []ServiceName `yaml:"wrong"`
}

var registry = sync.OnceValue(func() *serviceRegistry {
	r := &serviceRegistry{}
	if err := yaml.Unmarshal(servicesYAML, r); err != nil {
		panic("zscopelint: catalog/services.yaml: " + err.Error())
	}
	return r
})

// Uncatalogued lists the Zoho services zscopelint knows by name only.
func Uncatalogued() []ServiceName { return registry().Uncatalogued }

// uncatalogued finds a service known by name only, in any case.
func uncatalogued(name string) (ServiceName, bool) {
	for _, s := range registry().Uncatalogued {
		if strings.EqualFold(s.Name, name) {
			return s, true
		}
	}
	return ServiceName{}, false
}

// rightName is the service name Zoho uses for a wrong one, in any case.
func rightName(name string) (ServiceName, bool) {
	for _, s := range registry().Wrong {
		if strings.EqualFold(s.Name, name) {
			return s, true
		}
	}
	return ServiceName{}, false
}

// KnownServices lists every Zoho service name the catalog knows: catalogued or by name
// only, sorted. A scanner looks for these.
func (c *Catalog) KnownServices() []string {
	out := append([]string(nil), c.names...)
	for _, s := range registry().Uncatalogued {
		if _, ok := c.Service(s.Name); !ok {
			out = append(out, s.Name)
		}
	}
	sort.Strings(out)
	return out
}
