package catalog

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
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
//
// A service's scopes are parsed and indexed the first time a query needs them: most runs
// meet one or two services (or none), and parsing every catalog file was most of a short
// run's start-up and of every go vet process. Services a user catalog file speaks of are
// built by Load, so that their errors are Load's.
type Catalog struct {
	services map[string]*serviceSlot // by lower-case name
	names    []string                // canonical service names, sorted
	memo     sync.Map                // derived answers worth keeping (wildcard instances)

	knownOnce sync.Once
	known     []string // names and the registry's known-by-name services, sorted
	near      []string // the known names a misspelt one is matched against

	topOnce sync.Once
	tops    map[string]bool // every service's top-level scope names, lower case
}

// serviceSlot is one service: the catalog files that speak of it, in load order from the
// last one that replaces it whole, and what they build, on first use.
type serviceSlot struct {
	name    string // canonical: as the first (or replacing) file spells it
	sources []specSource
	once    sync.Once
	svc     *Service
	index   map[string]*Entry // by lower-case full scope text
	err     error
}

// specSource is one catalog file of a service: an embedded file, parsed on first use, or a
// user file, parsed by Load.
type specSource struct {
	embedded string
	spec     *fileSpec
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
	// EitherOperationCase says Zoho's own pages write the operation in upper or in lower
	// case (ZohoCRM.modules.all, crm-oas's ZohoCRM.settings.fields.read): the lower-case
	// operation of a canonical scope is no ZS105.
	EitherOperationCase bool
	// WriteAlias says Zoho documents WRITE for this service as an alias for CREATE,
	// UPDATE and DELETE (CRM's select-api-scopes page). Where it does not, WRITE neither
	// covers those operations nor is covered by them: what it grants is unproven.
	WriteAlias bool
	byName     map[string]*Resource
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
	var specs []*fileSpec
	var errs []error
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
	return assemble(specs)
}

// LoadBytes is Load with one user catalog given as contents, named for error messages.
func LoadBytes(name string, data []byte) (*Catalog, error) {
	fs, err := parseFile(name, data)
	if err != nil {
		return nil, err
	}
	return assemble([]*fileSpec{fs})
}

// embeddedHead is what Load needs of an embedded file before its scopes: the service it
// describes.
type embeddedHead struct{ file, service string }

// embeddedHeads gives the service of each embedded file, from the files as parsed ahead
// (embeddedspecs.go), in file name order.
var embeddedHeads = sync.OnceValue(func() []embeddedHead {
	out := make([]embeddedHead, 0, len(parsedSpecs))
	for _, p := range parsedSpecs {
		out = append(out, embeddedHead{file: p.name, service: p.spec.service})
	}
	return out
})

// embeddedSpec is an embedded file as parsed ahead: every catalog built here shares it (a
// fileSpec is not changed by building).
func embeddedSpec(name string) (*fileSpec, error) {
	if fs, ok := generatedSpec(name); ok {
		return fs, nil
	}
	return nil, &LoadError{File: "catalog/" + name, Msg: "not parsed ahead into embeddedspecs.go: go test ./catalog -run TestEmbeddedSpecsGenerated -update"}
}

// parsedSpec is an embedded file as parseFile makes it (embeddedspecs.go, generated by
// TestEmbeddedSpecsGenerated, which holds it to the file): yaml.v3 took about 2 ms for the
// CRM catalog, a sixth of a run's CPU over a file with one scope.
type parsedSpec struct {
	name string
	spec *fileSpec
}

// generatedSpec returns the embedded file name as parsed ahead.
func generatedSpec(name string) (*fileSpec, bool) {
	for _, p := range parsedSpecs {
		if p.name == name {
			return p.spec, true
		}
	}
	return nil, false
}

// assemble lays out the services of the embedded files and the user's, and builds those the
// user's files speak of.
func assemble(user []*fileSpec) (*Catalog, error) {
	c := &Catalog{services: map[string]*serviceSlot{}}
	add := func(service string, src specSource, replace bool) {
		key := strings.ToLower(service)
		s := c.services[key]
		if s == nil || replace {
			s = &serviceSlot{name: service}
			c.services[key] = s
		}
		s.sources = append(s.sources, src)
	}
	for _, h := range embeddedHeads() {
		add(h.service, specSource{embedded: h.file}, false)
	}
	for _, fs := range user {
		add(fs.service, specSource{spec: fs}, fs.replace)
	}
	for _, s := range c.services {
		c.names = append(c.names, s.name)
	}
	sort.Strings(c.names)
	for _, name := range c.names {
		s := c.services[strings.ToLower(name)]
		for _, src := range s.sources {
			if src.spec != nil {
				if s.build(); s.err != nil {
					return nil, s.err
				}
				break
			}
		}
	}
	return c, nil
}

// build parses (embedded files) and merges the service's files, then indexes its scopes.
func (s *serviceSlot) build() {
	s.once.Do(func() {
		svc := &Service{Name: s.name, byName: map[string]*Resource{}}
		for _, src := range s.sources {
			fs := src.spec
			if fs == nil {
				if fs, s.err = embeddedSpec(src.embedded); s.err != nil {
					return
				}
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
			svc.WriteAlias = svc.WriteAlias || fs.writeAlias
			svc.EitherOperationCase = svc.EitherOperationCase || fs.eitherOperationCase
			if s.err = applyEntries(svc, nil, &svc.Resources, svc.byName, fs.scopes, fs.source); s.err != nil {
				return
			}
		}
		s.index = map[string]*Entry{}
		indexResources(s.index, svc.Resources, AllProducts)
		s.svc = svc
	})
}

// built is the slot once built. An error can only come from an embedded file, which the
// package tests rule out (a user file's is Load's): it panics.
func (s *serviceSlot) built() *serviceSlot {
	s.build()
	if s.err != nil {
		panic("zscopelint: embedded catalog: " + s.err.Error())
	}
	return s
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

func indexResources(index map[string]*Entry, list []*Resource, parentProducts Product) {
	for _, r := range list {
		r.Products &= parentProducts
		add := func(op string, group bool) {
			spelt := op // Entry.Operation stays the canonical word; the text follows the service
			if r.Service.LowerOperations {
				spelt = strings.ToLower(op)
			}
			text := r.Service.Name + "." + r.Path + "." + spelt
			index[strings.ToLower(text)] = &Entry{Scope: text, Service: r.Service, Resource: r, Operation: op, Group: group}
		}
		for _, op := range r.Operations {
			add(op, false)
		}
		for _, op := range r.Group {
			add(op, true)
		}
		indexResources(index, r.Children, r.Products)
	}
}

// Services returns the canonical names of the catalogued services, sorted.
func (c *Catalog) Services() []string { return c.names }

// Service returns the service named name, in any case.
func (c *Catalog) Service(name string) (*Service, bool) {
	s, ok := c.services[strings.ToLower(name)]
	if !ok {
		return nil, false
	}
	return s.built().svc, true
}

// TopScope reports whether some catalogued service has a top-level scope named name, in
// any case (modules, settings, tickets): the first segment after the service of every
// scope the catalog resolves. A text whose first segment is none (Promise.all, fs.read)
// completes to no scope whatever service is put before it.
func (c *Catalog) TopScope(name string) bool {
	c.topOnce.Do(func() {
		c.tops = map[string]bool{}
		for _, n := range c.names {
			svc, _ := c.Service(n)
			for lower := range svc.byName {
				c.tops[lower] = true
			}
		}
	})
	return c.tops[strings.ToLower(name)]
}

// Entries returns every valid scope, sorted by canonical text: each service's, sorted, in
// the order of the sorted names (a scope is its service's name, a dot, then the rest, and
// a dot sorts before every byte a name may hold).
func (c *Catalog) Entries() []*Entry {
	var out []*Entry
	for _, name := range c.names {
		out = append(out, c.serviceEntries(name)...)
	}
	return out
}

// serviceEntries returns the valid scopes of one service, sorted by canonical text.
func (c *Catalog) serviceEntries(name string) []*Entry {
	s, ok := c.services[strings.ToLower(name)]
	if !ok {
		return nil
	}
	index := s.built().index
	out := make([]*Entry, 0, len(index))
	for _, e := range index {
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
	dot := -1
	for i := 0; i < len(text); i++ {
		b := text[i]
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		if b == '.' && dot < 0 {
			dot = i
		}
		buf[i] = b
	}
	if dot < 0 {
		return nil, false
	}
	s, ok := c.services[string(buf[:dot])]
	if !ok {
		return nil, false
	}
	e, ok := s.built().index[string(buf[:len(text)])]
	return e, ok
}

// Covers reports whether scope a grants everything scope b grants: the same resource with
// a covering operation (ALL ⊇ everything, WRITE ⊇ CREATE, UPDATE, DELETE), or a group scope
// on an ancestor of b's resource with a covering operation.
func (c *Catalog) Covers(a, b *Entry) bool {
	if a.Service == b.Service && a.Resource.Whole {
		return true // fullaccess: every scope of the service
	}
	if a.Service != b.Service || !opCovers(a.Service, a.Operation, b.Operation) {
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
				if opCovers(e.Service, e.Operation, op) {
					x, _ := c.entryOf(child, op)
					keep(x)
				}
			}
		}
		return out
	}
	for _, op := range e.Resource.Operations {
		if op != e.Operation && opCovers(e.Service, e.Operation, op) {
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
