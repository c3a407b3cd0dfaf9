package catalog

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// endpoints.yaml holds the head (hosts, roots) and the hand-written rows; each
// endpoints_<product>.yaml holds the rows of one product, written by a generator from
// Zoho's machine-readable sources (its header names the generator and the source commits).
//
//go:embed endpoints*.yaml
var endpointFS embed.FS

// endpointsYAML is endpoints.yaml's text, read on first use (a read copies it: 180 KB that a
// run without a call never needs).
var endpointsYAML = sync.OnceValue(func() []byte {
	b, err := endpointFS.ReadFile("endpoints.yaml")
	if err != nil {
		panic("zscopelint: catalog: " + err.Error())
	}
	return b
})

// endpointFiles is the text of endpoints.yaml, then the generated files in name order.
var endpointFiles = sync.OnceValue(func() [][]byte {
	files := [][]byte{endpointsYAML()}
	names, err := fs.Glob(endpointFS, "endpoints_*.yaml")
	if err != nil {
		panic("zscopelint: catalog: " + err.Error())
	}
	for _, n := range names { // fs.Glob returns names sorted
		b, err := endpointFS.ReadFile(n)
		if err != nil {
			panic("zscopelint: catalog: " + err.Error())
		}
		files = append(files, b)
	}
	return files
})

// Endpoint is one row of the endpoint catalog.
type Endpoint struct {
	Method   string     `yaml:"method"`
	Path     string     `yaml:"path"`
	Requires [][]string `yaml:"requires"`
	Source   string     `yaml:"source"`
	segments []string
}

// apiHost is an API host other than *.zohoapis.*, whose paths are matched under "/@name";
// or, with from and to, a product's own older host that serves the zohoapis paths under
// another prefix (books.zoho.com/api/v3/invoices is /books/v3/invoices).
type apiHost struct {
	From string `yaml:"from"` // the path prefix on this host: /api/v3
	To   string `yaml:"to"`   // the zohoapis path prefix it stands for: /books/v3
	Host string `yaml:"host"` // a prefix of the host name: mail.zoho.
	Name string `yaml:"name"`
}

type endpointDoc struct {
	Hosts []apiHost `yaml:"hosts"`
	Roots []string  `yaml:"roots"`
	// Services names the service each product root's calls need ("crm": ZohoCRM).
	Services map[string]string `yaml:"services"`
	// Reserved lists, per product root, the path segments that are never a module name.
	Reserved  map[string][]string `yaml:"reserved"`
	Endpoints []*Endpoint         `yaml:"endpoints"`
}

// endpointData is the whole file parsed, for documentation and tests; a run parses only
// the head and the rows of the products its calls reach (endpointHead, endpointsFor).
var endpointData = sync.OnceValue(func() *endpointDoc {
	doc := &endpointDoc{}
	for _, f := range endpointFiles() {
		part := &endpointDoc{}
		if err := yaml.Unmarshal(f, part); err != nil {
			panic("zscopelint: catalog endpoints: " + err.Error())
		}
		if doc.Hosts == nil {
			doc.Hosts, doc.Roots, doc.Services, doc.Reserved = part.Hosts, part.Roots, part.Services, part.Reserved
		}
		doc.Endpoints = append(doc.Endpoints, part.Endpoints...)
	}
	for _, e := range doc.Endpoints {
		e.segments = strings.Split(strings.Trim(e.Path, "/"), "/")
	}
	return doc
})

// Endpoints lists the endpoint catalog, for documentation and tests.
func Endpoints() []*Endpoint { return endpointData().Endpoints }

// The endpoint file is 190 KB, and parsing it whole took most of a go vet run over a
// package with one Zoho call (the vet tool is one process per package). Its rows are one
// line each ("  - {method: ..., path: "/crm/..."}"), so the file is cut by text: the head
// (hosts, roots) is parsed alone, and the rows of one product root (the first segment of
// their path: crm, inventory, @cliq) only when a call reaches it.

// endpointHead is the file up to its rows, parsed on first use.
var endpointHead = sync.OnceValue(func() *endpointDoc {
	head, _, _ := bytes.Cut(endpointsYAML(), []byte("\nendpoints:"))
	doc := &endpointDoc{}
	if err := yaml.Unmarshal(head, doc); err != nil {
		panic("zscopelint: catalog/endpoints.yaml: " + err.Error())
	}
	return doc
})

// endpointRows holds the row lines of each product root, in file order: slices of the
// embedded files, not copies.
var endpointRows = sync.OnceValue(func() map[string][][]byte {
	out := map[string][][]byte{}
	for _, f := range endpointFiles() {
		_, rows, _ := bytes.Cut(f, []byte("\nendpoints:"))
		cutRows(rows, out)
	}
	return out
})

// cutRows files each row line of an endpoints list under its product root.
func cutRows(rows []byte, out map[string][][]byte) {
	for len(rows) > 0 {
		line, rest, _ := bytes.Cut(rows, []byte("\n"))
		rows = rest
		_, p, ok := bytes.Cut(line, []byte(`path: "/`))
		if !ok || !bytes.HasPrefix(line, []byte("  - {")) {
			continue // a comment or blank line
		}
		root, _, _ := bytes.Cut(p, []byte("/"))
		root, _, _ = bytes.Cut(root, []byte(`"`))
		out[string(root)] = append(out[string(root)], line)
	}
}

var endpointsByRoot sync.Map // root → func() []*Endpoint

// endpointsFor returns the rows whose path starts with /root/, parsed on first use.
func endpointsFor(root string) []*Endpoint {
	f, ok := endpointsByRoot.Load(root)
	if !ok {
		f, _ = endpointsByRoot.LoadOrStore(root, sync.OnceValue(func() []*Endpoint {
			es := readRows(endpointRows()[root])
			for _, e := range es {
				e.segments = strings.Split(strings.Trim(e.Path, "/"), "/")
			}
			return es
		}))
	}
	return f.(func() []*Endpoint)()
}

// reservedFor returns the segments of a product root that never fill a module slot: the
// head's list, and every literal segment a row holds at a position where another row of
// the root has a module slot (settings in /crm/{v}/settings/fields, beside
// /crm/{v}/{module}). Module names a row spells (Notes) stay modules.
func (c *Catalog) reservedFor(root string) map[string]bool {
	key := "reserved\x00" + root
	if v, ok := c.memo.Load(key); ok {
		return v.(map[string]bool)
	}
	out := map[string]bool{}
	for _, s := range endpointHead().Reserved[root] {
		out[strings.ToLower(s)] = true
	}
	rows := endpointsFor(root)
	slots := map[int]bool{}
	for _, e := range rows {
		for i, t := range e.segments {
			if isModuleSlot(t) {
				slots[i] = true
			}
		}
	}
	for _, e := range rows {
		for i, t := range e.segments {
			if slots[i] && !strings.HasPrefix(t, "{") && !c.spellsModule(root, t) {
				out[strings.ToLower(t)] = true
			}
		}
	}
	c.memo.Store(key, out)
	return out
}

// spellsModule reports whether a row's literal segment is a module API name rather than a
// reserved word: a module the CRM catalog knows (Leads, Notes), or elsewhere a name in
// Zoho's module spelling, capitalised (Candidates in /recruit/v2/Candidates/actions/associate),
// where the reserved words are lower case (settings, users).
func (c *Catalog) spellsModule(root, seg string) bool {
	if root == "crm" {
		return c.moduleScope(seg) != "custom"
	}
	return seg != "" && seg[0] >= 'A' && seg[0] <= 'Z'
}

func isModuleSlot(t string) bool { return t == "{module}" || t == "{bmodule}" || t == "{rmodule}" }

// unresolved is the requirement of a call under a product root that no endpoint row
// matches: the service it calls, and nothing guessed about the scope.
func unresolved(root string) (Requirement, bool) {
	svc, ok := endpointHead().Services[root]
	if !ok {
		return Requirement{}, false
	}
	return Requirement{Unresolved: svc}, true
}

// UnknownProduct is the Unresolved service of a Zoho API call whose product is not known
// before run time (a base URL and path from the environment): it may need any service's
// scopes.
const UnknownProduct = "*"

// Unknown marks the bytes of a URL that are not known before run time (a variable's
// value). A path segment holding it matches any module or identifier.
const Unknown = "\x00"

// Requirement is what one API call needs. Options are the endpoints the call may be (one
// when its method and path are known); each option is a list of clauses that must all
// hold, and each clause lists alternatives, narrowest first. A scope text may hold "*"
// where the module or the operation is not known.
type Requirement struct {
	Endpoints []string // "GET /crm/{v}/{module}" per option
	Options   [][][]string
	// Unresolved names the service of a call to a Zoho API path no endpoint row matches
	// (an unknown endpoint); Endpoints and Options are empty then.
	Unresolved string
}

// Exact reports whether the requirement is fully known: one endpoint, no wildcard.
func (r Requirement) Exact() bool {
	if r.Unresolved != "" || len(r.Options) != 1 {
		return false
	}
	for _, clause := range r.Options[0] {
		for _, alt := range clause {
			if strings.Contains(alt, "*") {
				return false
			}
		}
	}
	return true
}

var versionRE = regexp.MustCompile(`^v\d+(\.\d+)?$`)

// APIPath returns the path of a Zoho API URL as the endpoint catalog matches it: on
// *.zohoapis.* or people.zoho.* the path itself, on another product's API host (the
// catalog's hosts) "/@name" and the path; a path without a host counts when its first
// segment is a zohoapis product root (/crm/, /books/, ...). ok is false for anything else.
func APIPath(rawURL string) (path string, ok bool) {
	u := rawURL
	prefix := ""
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		host, p, _ := strings.Cut(rest, "/")
		h := strings.ToLower(host)
		switch {
		case strings.Contains(h, ".zohoapis.") || strings.HasPrefix(h, "people.zoho."):
		default:
			rewrite := false
			for _, ah := range endpointHead().Hosts {
				if !strings.HasPrefix(h, ah.Host) {
					continue
				}
				if ah.To != "" {
					rest, ok := strings.CutPrefix("/"+p, ah.From+"/")
					if !ok {
						return "", false
					}
					p, rewrite = strings.TrimPrefix(ah.To, "/")+"/"+rest, true
					break
				}
				prefix = "/@" + ah.Name
				break
			}
			if prefix == "" && !rewrite {
				return "", false
			}
		}
		u = "/" + p
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if prefix != "" {
		return prefix + u, true
	}
	if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, Unknown) {
		// A base not known before run time (a client's base URL field): the path runs from
		// the first product root on.
		at := -1
		for _, r := range endpointHead().Roots {
			if i := strings.Index(u, "/"+r+"/"); i >= 0 && (at < 0 || i < at) {
				at = i
			}
		}
		if at < 0 {
			return "", false
		}
		u = u[at:]
	}
	root, _, _ := strings.Cut(strings.TrimPrefix(u, "/"), "/")
	if !strings.HasPrefix(u, "/") || !slices.Contains(endpointHead().Roots, root) {
		return "", false
	}
	if root == "people" && !strings.HasPrefix(u, "/people/api/") {
		return "", false
	}
	return u, true
}

// Requirement works out what a call with this method (empty when unknown) and URL needs.
// An unknown method or path segment widens the requirement: every endpoint the call may
// be, any module. A path under a known product root that no row matches is an unresolved
// call (Requirement.Unresolved); ok is false for a URL that is not a Zoho API path.
func (c *Catalog) Requirement(method, rawURL string) (Requirement, bool) {
	path, ok := APIPath(rawURL)
	if !ok {
		return Requirement{}, false
	}
	segs := strings.Split(strings.Trim(path, "/"), "/")
	method = strings.ToUpper(method)
	type match struct {
		e      *Endpoint
		module string
		lits   int
	}
	var matches []match
	best := -1
	reserved := c.reservedFor(segs[0])
	for _, e := range endpointsFor(segs[0]) {
		if method != "" && !strings.Contains(method, Unknown) && e.Method != "*" && e.Method != method {
			continue
		}
		m, lits, ok := c.matchPath(e.segments, segs, reserved)
		if !ok {
			continue
		}
		if lits > best {
			best, matches = lits, nil
		}
		if lits == best {
			matches = append(matches, match{e, m, lits})
		}
	}
	if len(matches) == 0 {
		return unresolved(segs[0])
	}
	var r Requirement
	for _, m := range matches {
		var opt [][]string
		for _, clause := range m.e.Requires {
			var alts []string
			for _, alt := range clause {
				alt = strings.ReplaceAll(alt, "{module}", m.module)
				alts = append(alts, strings.ReplaceAll(alt, "{bmodule}", m.module))
			}
			opt = append(opt, alts)
		}
		r.Endpoints = append(r.Endpoints, m.e.Method+" "+m.e.Path)
		r.Options = append(r.Options, opt)
	}
	return r, true
}

// matchPath matches URL segments against a template, returning the module's scope name
// ("*" when unknown) and how many literal segments matched. A reserved segment fills no
// module slot.
func (c *Catalog) matchPath(tmpl, segs []string, reserved map[string]bool) (module string, lits int, ok bool) {
	if len(tmpl) != len(segs) {
		return "", 0, false
	}
	for i, t := range tmpl {
		s := segs[i]
		unknown := strings.Contains(s, Unknown)
		switch {
		case s == "":
			return "", 0, false
		case t == "{v}":
			if !unknown && !versionRE.MatchString(s) {
				return "", 0, false
			}
		case isModuleSlot(t) && !unknown && (reserved[strings.ToLower(s)] || strings.HasPrefix(s, "__")):
			return "", 0, false
		case t == "{module}":
			module = "*"
			if !unknown {
				module = c.moduleScope(s)
			}
		case t == "{bmodule}":
			module = "*"
			if !unknown {
				module = c.biginModuleScope(s)
			}
		case strings.HasPrefix(t, "{"):
		case unknown:
			// A segment known only at run time may be this literal too: the call may be
			// this endpoint, and is not guessed narrower.
		default:
			if !strings.EqualFold(t, s) {
				return "", 0, false
			}
			lits++
		}
	}
	return module, lits, true
}

// moduleScope maps a CRM module API name to its scope name: lower case without
// underscores (Price_Books -> pricebooks); a module the catalog does not know is a custom
// module.
func (c *Catalog) moduleScope(apiName string) string {
	if name, ok := c.catalogedModule("ZohoCRM", apiName); ok {
		return name
	}
	return "custom"
}

// biginModuleScope maps a Bigin module API name to its scope name by the same rule
// (Contacts -> contacts, as get-records.html spells ZohoBigin.modules.{module_name}); a
// module the catalog does not hold (Pipelines, a custom module) is "*": not known, so the
// call is not exact.
func (c *Catalog) biginModuleScope(apiName string) string {
	if name, ok := c.catalogedModule("ZohoBigin", apiName); ok {
		return name
	}
	return "*"
}

// catalogedModule looks a module API name up under service.modules, lower case without
// underscores.
func (c *Catalog) catalogedModule(service, apiName string) (string, bool) {
	name := strings.ToLower(strings.ReplaceAll(apiName, "_", ""))
	if svc, ok := c.Service(service); ok {
		if mods := svc.byName["modules"]; mods != nil {
			if r, ok := mods.child(name); ok {
				return r.Name, true
			}
		}
	}
	return "", false
}

// Serves reports whether a granted scope grants some instance of a required scope text
// (which may hold "*" for an unknown module or operation).
func (c *Catalog) Serves(granted *Entry, required string) bool {
	for _, inst := range c.instances(required) {
		if c.Covers(granted, inst) {
			return true
		}
	}
	return false
}

// instances lists the catalogued scopes a required scope text may stand for.
func (c *Catalog) instances(required string) []*Entry {
	if !strings.Contains(required, "*") {
		if e, ok := c.Lookup(required); ok {
			return []*Entry{e}
		}
		return nil
	}
	key := "instances\x00" + required
	if v, ok := c.memo.Load(key); ok {
		return v.([]*Entry)
	}
	pattern := "^" + strings.ReplaceAll(regexp.QuoteMeta(strings.ToLower(required)), `\*`, `[^.]+`) + "$"
	re := regexp.MustCompile(pattern)
	// A wildcard below the service asks for that service's scopes only.
	candidates := c.Entries
	if service, _, _ := strings.Cut(required, "."); !strings.Contains(service, "*") {
		candidates = func() []*Entry { return c.serviceEntries(service) }
	}
	var out []*Entry
	for _, e := range candidates() {
		if re.MatchString(strings.ToLower(e.Scope)) {
			out = append(out, e)
		}
	}
	c.memo.Store(key, out)
	return out
}

// String renders an endpoint for messages.
func (e *Endpoint) String() string { return fmt.Sprintf("%s %s", e.Method, e.Path) }

// ProductRoots lists the first path segments of the products' API paths (crm, books, ...),
// for front ends that look for API paths in text.
func ProductRoots() []string { return slices.Clone(endpointHead().Roots) }
