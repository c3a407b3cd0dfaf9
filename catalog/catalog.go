package catalog

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
)

//go:embed data/*.yaml
var embedded embed.FS

// Product selects which Zoho product's variant of a service catalog applies.
// Zoho CRM and Zoho Vertical Solutions share the service name ZohoCRM but not every scope.
type Product uint8

const (
	CRM               Product = 1 << iota // Zoho CRM
	VerticalSolutions                     // Zoho Vertical Solutions (clientoauth portals)

	AllProducts = CRM | VerticalSolutions
)

// ParseProduct reads a product name as written in catalogs, policy files and flags.
func ParseProduct(s string) (Product, bool) {
	switch strings.ToLower(s) {
	case "crm":
		return CRM, true
	case "vertical", "vertical-solutions", "verticalsolutions":
		return VerticalSolutions, true
	}
	return 0, false
}

func (p Product) String() string {
	switch p {
	case CRM:
		return "Zoho CRM"
	case VerticalSolutions:
		return "Zoho Vertical Solutions"
	}
	return "all products"
}

// Catalog is the set of known services and their scopes. It is immutable once built and
// safe for concurrent use.
type Catalog struct {
	services map[string]*Service // by lower-case name
	names    []string            // canonical service names, sorted
	known    []string            // names and the registry's known-by-name services, sorted
	near     []string            // the known names a misspelt one is matched against
	index    map[string]*Entry   // by lower-case full scope text
	memo     sync.Map            // derived answers worth keeping (wildcard instances)
}

// Service is one catalogued service, such as ZohoCRM.
type Service struct {
	Name      string
	Product   string // the Zoho product, for -list-services
	Source    string
	Origin    string      // catalog file that defined it
	Resources []*Resource // top-level scopes, in catalog order
	// Partial says the catalog holds the documented part of Zoho's list only: a scope it
	// lacks may exist (an info, unless it is a near miss of one it has).
	Partial bool
	// AnyCase says Zoho's pages spell the service's scopes in several cases: none is a
	// ZS105.
	AnyCase bool
	// LowerOperations says the canonical spelling of operations is lower case.
	LowerOperations bool
	byName          map[string]*Resource
}

// Resource is a scope name under a service, possibly nested (settings.fields).
type Resource struct {
	Service    *Service
	Parent     *Resource
	Name       string
	Path       string   // dotted path below the service: "modules.leads"
	Operations []string // operations on this resource itself
	Group      []string // operations that, on this resource, grant the same operation on every sub-scope
	Deprecated string   // why it is retired; empty if it is not
	// Whole says the resource's scopes grant every scope of the service (Books and
	// Analytics fullaccess.all).
	Whole    bool
	Products Product // products that have it (already narrowed by its ancestors)
	Source   string
	Origin   string // file:line:col of the entry that defined it last
	Children []*Resource
	byName   map[string]*Resource
}

// Entry is one valid scope: a resource and an operation.
type Entry struct {
	Scope     string // canonical spelling: ZohoCRM.modules.leads.READ
	Service   *Service
	Resource  *Resource
	Operation string
	Group     bool // a group scope: Operation applies to every sub-scope of Resource
}

// In reports whether the scope exists in product p.
func (e *Entry) In(p Product) bool { return e.Resource.Products&p != 0 }

// Deprecated returns why the scope (or one of its ancestors) is retired, or "".
func (e *Entry) Deprecated() string {
	for r := e.Resource; r != nil; r = r.Parent {
		if r.Deprecated != "" {
			return r.Deprecated
		}
	}
	return ""
}

// Default returns the embedded catalog. It panics if the embedded data is broken,
// which the package tests rule out.
var Default = sync.OnceValue(func() *Catalog {
	c, err := Load()
	if err != nil {
		panic("zscopelint: embedded catalog: " + err.Error())
	}
	return c
})

// EmbeddedFiles lists the embedded catalog files, for documentation and tests.
func EmbeddedFiles() []string {
	entries, _ := fs.ReadDir(embedded, "data")
	var out []string
	for _, e := range entries {
		out = append(out, path.Join("data", e.Name()))
	}
	return out
}

// Load builds a catalog from the embedded files followed by the given user catalog files,
// in order: a later file adds services, adds scopes to a service, overrides the entries it
// names again, or (with replace: true) replaces a service whole. Every bad file yields a
// positioned *LoadError; all of them are returned, joined.
func Load(userFiles ...string) (*Catalog, error) {
	specs, errs := embeddedSpecs()
	for _, f := range userFiles {
		fs, err := readCatalogFile(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		specs = append(specs, fs)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return build(specs)
}

// LoadBytes is Load with one user catalog given as contents, named for error messages.
func LoadBytes(name string, data []byte) (*Catalog, error) {
	specs, errs := embeddedSpecs()
	fs, err := parseFile(name, data)
	if err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return build(append(specs, fs))
}

func embeddedSpecs() ([]*fileSpec, []error) {
	// Parsing the embedded files is most of a run's start-up: they are parsed side by side,
	// each into its own slot, so that the order (and so the catalog) stays the same.
	names := EmbeddedFiles()
	specs := make([]*fileSpec, len(names))
	errs := make([]error, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(len(names), max(1, runtime.GOMAXPROCS(0))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				data, err := embedded.ReadFile(names[i])
				if err == nil {
					specs[i], err = parseFile("catalog/"+names[i], data)
				}
				errs[i] = err
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	var okSpecs []*fileSpec
	var okErrs []error
	for i := range names {
		if errs[i] != nil {
			okErrs = append(okErrs, errs[i])
		} else {
			okSpecs = append(okSpecs, specs[i])
		}
	}
	return okSpecs, okErrs
}

func build(specs []*fileSpec) (*Catalog, error) {
	c := &Catalog{services: map[string]*Service{}, index: map[string]*Entry{}}
	for _, fs := range specs {
		key := strings.ToLower(fs.service)
		svc := c.services[key]
		if svc == nil || fs.replace {
			svc = &Service{Name: fs.service, byName: map[string]*Resource{}}
			c.services[key] = svc
		}
		svc.Source, svc.Origin = fs.source, fs.file
		if fs.product != "" {
			svc.Product = fs.product
		}
		if !fs.replace && svc.Resources != nil {
			// A user file adding to a service keeps what the embedded file says of it,
			// unless it says otherwise.
			svc.Partial = svc.Partial || fs.partial
		} else {
			svc.Partial = fs.partial
		}
		svc.AnyCase = svc.AnyCase || fs.anyCase
		svc.LowerOperations = svc.LowerOperations || fs.lowerOperations
		if err := applyEntries(svc, nil, &svc.Resources, svc.byName, fs.scopes, fs.source); err != nil {
			return nil, err
		}
	}
	for _, svc := range c.services {
		c.names = append(c.names, svc.Name)
		if err := c.indexResources(svc.Resources, AllProducts); err != nil {
			return nil, err
		}
	}
	sort.Strings(c.names)
	c.known, c.near = c.knownNames()
	return c, nil
}

// applyEntries merges entry specs into a list of resources: a name already there
// (in any case) is updated with the fields the spec gives, a new name is appended.
func applyEntries(svc *Service, parent *Resource, list *[]*Resource, byName map[string]*Resource, specs []*entrySpec, fileSource string) error {
	for _, e := range specs {
		for _, name := range e.names {
			r := byName[strings.ToLower(name)]
			if r == nil {
				r = &Resource{Service: svc, Parent: parent, Name: name, Products: AllProducts,
					Source: fileSource, byName: map[string]*Resource{}}
				r.Path = name
				if parent != nil {
					r.Path = parent.Path + "." + name
				}
				byName[strings.ToLower(name)] = r
				*list = append(*list, r)
			}
			if e.hasOps {
				r.Operations = e.operations
			}
			if e.hasGroup {
				r.Group = e.group
			}
			if e.deprecated != "" {
				r.Deprecated = e.deprecated
			}
			if e.whole {
				r.Whole = true
			}
			if e.products != 0 {
				r.Products = e.products
			}
			if e.source != "" {
				r.Source = e.source
			}
			r.Origin = e.pos.String()
			for _, op := range r.Group {
				for _, own := range r.Operations {
					if own == op {
						return fmt.Errorf("%s: %s.%s: operation %s is both a group and an own operation", e.pos, svc.Name, r.Path, op)
					}
				}
			}
			if err := applyEntries(svc, r, &r.Children, r.byName, e.children, r.Source); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *Catalog) indexResources(list []*Resource, parentProducts Product) error {
	for _, r := range list {
		r.Products &= parentProducts
		add := func(op string, group bool) {
			spelt := op // Entry.Operation stays the canonical word; the text follows the service
			if r.Service.LowerOperations {
				spelt = strings.ToLower(op)
			}
			text := r.Service.Name + "." + r.Path + "." + spelt
			c.index[strings.ToLower(text)] = &Entry{Scope: text, Service: r.Service, Resource: r, Operation: op, Group: group}
		}
		for _, op := range r.Operations {
			add(op, false)
		}
		for _, op := range r.Group {
			add(op, true)
		}
		if err := c.indexResources(r.Children, r.Products); err != nil {
			return err
		}
	}
	return nil
}

// Services returns the canonical names of the catalogued services, sorted.
func (c *Catalog) Services() []string { return c.names }

// Service returns the service named name, in any case.
func (c *Catalog) Service(name string) (*Service, bool) {
	s, ok := c.services[strings.ToLower(name)]
	return s, ok
}

// Entries returns every valid scope, sorted by canonical text.
func (c *Catalog) Entries() []*Entry {
	out := make([]*Entry, 0, len(c.index))
	for _, e := range c.index {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Scope < out[j].Scope })
	return out
}

// lookupBuf bounds the scopes Lookup lowercases on the stack; the longest catalogued
// scope is about 60 bytes.
const lookupBuf = 128

// Lookup finds a scope in any case and returns its entry, whose Scope is the canonical
// spelling. It does not allocate.
func (c *Catalog) Lookup(text string) (*Entry, bool) {
	if len(text) > lookupBuf {
		return nil, false
	}
	var buf [lookupBuf]byte
	for i := 0; i < len(text); i++ {
		b := text[i]
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[i] = b
	}
	e, ok := c.index[string(buf[:len(text)])]
	return e, ok
}

// Covers reports whether scope a grants everything scope b grants: the same resource with
// a covering operation (ALL ⊇ everything, WRITE ⊇ CREATE, UPDATE, DELETE), or a group scope
// on an ancestor of b's resource with a covering operation.
func (c *Catalog) Covers(a, b *Entry) bool {
	if a.Service == b.Service && a.Resource.Whole {
		return true // fullaccess: every scope of the service
	}
	if a.Service != b.Service || !opCovers(a.Operation, b.Operation) {
		return false
	}
	if a.Resource == b.Resource {
		return a.Group || !b.Group
	}
	if !a.Group {
		return false
	}
	for r := b.Resource.Parent; r != nil; r = r.Parent {
		if r == a.Resource {
			return true
		}
	}
	return false
}

// Narrower returns the scopes one step narrower than e that exist in product p and are not
// deprecated: for a group scope, the same operation on each sub-scope (falling back to the
// operations it covers); for ALL or WRITE on one resource, the operations they cover.
// It returns nothing when no narrower scope exists (ZOHOPEOPLE.employee.ALL).
func (c *Catalog) Narrower(e *Entry, p Product) []*Entry {
	var out []*Entry
	keep := func(x *Entry) {
		if x != e && x.In(p) && x.Deprecated() == "" {
			out = append(out, x)
		}
	}
	if e.Group {
		for _, child := range e.Resource.Children {
			if x, ok := c.entryOf(child, e.Operation); ok {
				keep(x)
				continue
			}
			for _, op := range child.Operations {
				if opCovers(e.Operation, op) {
					x, _ := c.entryOf(child, op)
					keep(x)
				}
			}
		}
		return out
	}
	for _, op := range e.Resource.Operations {
		if op != e.Operation && opCovers(e.Operation, op) {
			x, _ := c.entryOf(e.Resource, op)
			keep(x)
		}
	}
	return out
}

func (c *Catalog) entryOf(r *Resource, op string) (*Entry, bool) {
	return c.Lookup(r.Service.Name + "." + r.Path + "." + op)
}

// AcceptedOperations lists what can follow r: its own and its group operations.
func (r *Resource) AcceptedOperations() []string {
	return append(append([]string(nil), r.Operations...), r.Group...)
}

func (r *Resource) child(name string) (*Resource, bool) {
	x, ok := r.byName[strings.ToLower(name)]
	return x, ok
}

func (r *Resource) childNames(p Product) []string {
	var out []string
	for _, c := range r.Children {
		if c.Products&p != 0 {
			out = append(out, c.Name)
		}
	}
	return out
}

func (s *Service) resourceNames(p Product) []string {
	var out []string
	for _, r := range s.Resources {
		if r.Products&p != 0 {
			out = append(out, r.Name)
		}
	}
	return out
}

// NearService reports whether s is a catalogued service name in any case, or a near miss
// of one (ZohoCMR): the first half of the scope-candidate rule of SPEC §2.
func (c *Catalog) NearService(s string) bool {
	if _, ok := c.services[strings.ToLower(s)]; ok {
		return true
	}
	if _, ok := uncatalogued(s); ok {
		return true
	}
	if _, ok := rightName(s); ok {
		return true
	}
	_, ok := nearest(s, c.nearCandidates())
	return ok
}
