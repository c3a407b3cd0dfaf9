package catalog

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// sampleURL builds a URL that stands for one row: its template with a sample for each
// slot, on the row's API host. The sample module is one no row spells (rows for Leads,
// Contacts, Deals own their literal paths and rightly win over the {module} row).
func sampleURL(e *Endpoint) string {
	fill := map[string]string{"{v}": "v8", "{module}": "Price_Books", "{bmodule}": "Contacts", "{rmodule}": "Candidates",
		"{form}": "employee", "{related}": "Contacts"}
	segs := slices.Clone(e.segments)
	for i, s := range segs {
		if v, ok := fill[s]; ok {
			segs[i] = v
		} else if strings.HasPrefix(s, "{") {
			segs[i] = "1234"
		}
	}
	if name, ok := strings.CutPrefix(segs[0], "@"); ok {
		for _, h := range endpointHead().Hosts {
			if h.Name == name {
				return "https://" + h.Host + "com/" + strings.Join(segs[1:], "/")
			}
		}
	}
	if segs[0] == "people" {
		return "https://people.zoho.com/" + strings.Join(segs, "/")
	}
	return "https://www.zohoapis.com/" + strings.Join(segs, "/")
}

// TestEveryRowResolvesToItself sends each endpoint row's own method and path through the
// catalog: it must resolve to exactly that row (no other row ties or wins, no module slot
// swallows a literal of another product path), and every scope it requires must be a
// catalogued scope. It logs the rows per product root.
func TestEveryRowResolvesToItself(t *testing.T) {
	c := Default()
	perRoot := map[string]int{}
	var bad []string
	for _, e := range Endpoints() {
		perRoot[e.segments[0]]++
		method := e.Method
		if method == "*" {
			method = "GET"
		}
		url := sampleURL(e)
		r, ok := c.Requirement(method, url)
		switch {
		case !ok || r.Unresolved != "":
			bad = append(bad, fmt.Sprintf("%s (%s %s): unresolved", e, method, url))
		case len(r.Endpoints) != 1 || r.Endpoints[0] != e.Method+" "+e.Path:
			bad = append(bad, fmt.Sprintf("%s (%s %s): resolves to %v", e, method, url, r.Endpoints))
		}
	}
	for _, b := range bad {
		t.Error(b)
	}
	var roots []string
	for r := range perRoot {
		roots = append(roots, r)
	}
	slices.Sort(roots)
	for _, r := range roots {
		t.Logf("%-22s %4d rows", r, perRoot[r])
	}
}
