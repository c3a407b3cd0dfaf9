package catalog

import (
	_ "embed"
	"sort"
	"strconv"
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
// only, sorted. A scanner looks for these. The slice is the catalog's: do not change it.
func (c *Catalog) KnownServices() []string {
	c.knownOnce.Do(c.knownNames)
	return c.known
}

// knownNames works out KnownServices and nearCandidates once, on first use: the candidate
// rule asks for them for every dotted token of every input.
func (c *Catalog) knownNames() {
	known := append([]string(nil), c.names...)
	for _, s := range registry().Uncatalogued {
		if _, ok := c.Service(s.Name); !ok {
			known = append(known, s.Name)
		}
	}
	sort.Strings(known)
	var near []string
	for _, n := range known {
		if strings.Contains(strings.ToLower(n), "zoho") {
			near = append(near, n)
		}
	}
	c.known, c.near = known, near
}

// ServiceInfo describes one service for -list-services and the README.
type ServiceInfo struct {
	Name, Product string
	Completeness  string // complete, partial, or "name only" for a service without a list
	Entries       int    // catalogued scopes
	Endpoints     int    // rows of the endpoint table under the service's product roots
	Source        string
}

// endpointCounts counts the endpoint rows of each service, by the service of their root.
func endpointCounts() map[string]int {
	out := map[string]int{}
	for _, e := range Endpoints() {
		root, _, _ := strings.Cut(strings.TrimPrefix(e.Path, "/"), "/")
		if svc, ok := endpointHead().Services[root]; ok {
			out[strings.ToLower(svc)]++
		}
	}
	return out
}

// ServiceInfos lists every known service: the catalogued ones, then those known by name
// only, each group sorted by name.
func (c *Catalog) ServiceInfos() []ServiceInfo {
	var out []ServiceInfo
	rows := endpointCounts()
	for _, name := range c.names {
		slot := c.services[strings.ToLower(name)].built()
		svc := slot.svc
		completeness := "complete"
		if svc.Partial {
			completeness = "partial"
		}
		out = append(out, ServiceInfo{Name: svc.Name, Product: svc.Product, Completeness: completeness, Entries: len(slot.index), Endpoints: rows[strings.ToLower(svc.Name)], Source: svc.Source})
	}
	var byName []ServiceInfo
	for _, s := range registry().Uncatalogued {
		if _, ok := c.Service(s.Name); !ok {
			byName = append(byName, ServiceInfo{Name: s.Name, Product: s.Product, Completeness: "name only", Source: s.Source})
		}
	}
	sort.Slice(byName, func(i, j int) bool { return byName[i].Name < byName[j].Name })
	return append(out, byName...)
}

// ServicesTable renders ServiceInfos as the README's Markdown table, so that a test can keep
// the README in step with the catalog files.
func (c *Catalog) ServicesTable() string {
	var b strings.Builder
	b.WriteString("| service | product | list | scopes | endpoints | source |\n|---|---|---|---|---|---|\n")
	for _, s := range c.ServiceInfos() {
		b.WriteString("| `" + s.Name + "` | " + s.Product + " | " + s.Completeness + " | " + strconv.Itoa(s.Entries) + " | " + strconv.Itoa(s.Endpoints) + " | " +
			strings.ReplaceAll(s.Source, "|", "\\|") + " |\n")
	}
	return b.String()
}

// nearCandidates are the service names a misspelt one is matched against: those with
// "zoho" in them. A short name without it (Desk, contracts, SalesIQ) is one edit from common
// words (Disk, contacts), which a near match would take for Zoho scopes.
func (c *Catalog) nearCandidates() []string {
	c.knownOnce.Do(c.knownNames)
	return c.near
}
