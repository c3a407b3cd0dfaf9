package analyzer

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/policy"
	"github.com/zscopelint/zscopelint/rules"
)

// Settings configure an analyzer: what its flags set under go vet, and what a driver that
// sees the whole program hands it.
type Settings struct {
	// Config is the policy file; "" finds .zscopelint.yaml from each package's directory
	// up to its module root, NoPolicy turns policy files off.
	Config   string
	Catalogs string // comma-separated extra scope catalog files
	Product  string // auto, crm or vertical
	Checks   string // checks to run, e.g. ZS1*,-ZS105; "" for all
	Severity string // least severity reported as a diagnostic: info, warning or error

	// Standalone drops the analyzer's facts, for a driver that analyses a whole program at
	// once (the zscopelint command): it need not analyse every dependency, as facts would
	// make it. A standalone analyzer judges a package's scope sets against ProgramCalls
	// for its path when that is set, against the package's own calls otherwise.
	Standalone bool
	// WorkDir, when set, is the directory messages name the policy file from (the
	// command's working directory); unset, they name it as it was found.
	WorkDir      string
	ProgramCalls map[string][]rules.Call
	// ProgramWrappers, for a standalone analyzer, are the request wrappers of the other
	// packages of the program (Result.Wrappers), by wrapperKey: what facts carry under go vet.
	ProgramWrappers map[string]WrapperFact
	// ProgramBuilders are the scope builders of the other packages, likewise.
	ProgramBuilders map[string]BuilderFact
	// Registry, when set, is given every credential the analysed files hold (decoded), so
	// that the driver's output shortens it wherever a message quotes it.
	Registry *redact.Registry
}

// DefaultSettings are the flags' defaults.
func DefaultSettings() Settings { return Settings{Product: "auto", Severity: "warning"} }

// NoPolicy as the -config flag's value turns policy files off.
const NoPolicy = "off"

// instance is one analyzer's settings and the configurations loaded for them.
type instance struct {
	settings Settings // bound to the analyzer's flags; read only once analysis starts

	mu      sync.Mutex
	configs map[string]configEntry // by policy file
}

type configEntry struct {
	c   *Config
	err error
}

// flags are the analyzer's flags, bound to the instance's settings.
func (in *instance) flags() flag.FlagSet {
	var fs flag.FlagSet
	s := &in.settings
	fs.StringVar(&s.Config, "config", s.Config, "policy file (default: .zscopelint.yaml found from the package directory up to the module root; off for none)")
	fs.StringVar(&s.Catalogs, "catalog", s.Catalogs, "comma-separated extra scope catalog files")
	fs.StringVar(&s.Product, "product", s.Product, "product whose ZohoCRM catalog applies: auto, crm or vertical")
	fs.StringVar(&s.Checks, "checks", s.Checks, "checks to run, e.g. ZS1*,-ZS105 (default all)")
	fs.StringVar(&s.Severity, "severity", s.Severity, "least severity reported as a diagnostic: info, warning or error")
	return fs
}

// configFor is the configuration for code in dir, each policy file loaded once.
func (in *instance) configFor(dir string) (*Config, error) {
	file := in.settings.policyFile(dir)
	in.mu.Lock()
	defer in.mu.Unlock()
	if e, ok := in.configs[file]; ok {
		return e.c, e.err
	}
	c, err := in.settings.load(file)
	in.configs[file] = configEntry{c, err}
	return c, err
}

// policyFile is the policy file in force for code in dir, "" for none.
func (s Settings) policyFile(dir string) string {
	switch s.Config {
	case NoPolicy:
		return ""
	case "":
		return policy.Find(dir)
	}
	return s.Config
}

// Config is what the settings and the policy file in force set.
type Config struct {
	Policy   *policy.Policy // nil without a policy file
	Severity rules.Severity // least severity reported as a diagnostic
	catalog  *catalog.Catalog
	sel      rules.Selection
	product  catalog.Product // 0: detect per package
}

// ConfigFor loads the configuration for code in dir: the policy file Config names, or the
// .zscopelint.yaml found from dir up to its module root, with the catalogs, product and
// checks of the settings and the policy. A bad value is an error here, before any package
// is analysed.
func (s Settings) ConfigFor(dir string) (*Config, error) { return s.load(s.policyFile(dir)) }

func checkIDs() []string {
	ids := make([]string, len(rules.Checks()))
	for i, c := range rules.Checks() {
		ids[i] = c.ID
	}
	return ids
}

func (s Settings) load(policyFile string) (*Config, error) {
	c := &Config{}
	var err error
	if policyFile != "" {
		if c.Policy, err = policy.Load(policyFile, checkIDs()); err != nil {
			return nil, err
		}
		if abs, err := filepath.Abs(policyFile); err == nil && s.WorkDir != "" {
			if rel, err := filepath.Rel(s.WorkDir, abs); err == nil {
				c.Policy.Shown = filepath.ToSlash(rel)
			}
		}
	}
	var catalogs []string
	if c.Policy != nil {
		catalogs = append(catalogs, c.Policy.Catalogs...)
	}
	for _, f := range strings.Split(s.Catalogs, ",") {
		if f = strings.TrimSpace(f); f != "" {
			catalogs = append(catalogs, f)
		}
	}
	if c.catalog, err = catalog.Load(catalogs...); err != nil {
		return nil, err
	}
	product := s.Product
	if product == "" {
		product = "auto"
	}
	if product == "auto" && c.Policy != nil && c.Policy.Product != "" {
		product = c.Policy.Product
	}
	if product != "auto" {
		var ok bool
		if c.product, ok = catalog.ParseProduct(product); !ok {
			return nil, fmt.Errorf("-product %q: want auto, crm or vertical", product)
		}
	}
	if c.sel, err = rules.ParseSelection(s.Checks); err != nil {
		return nil, err
	}
	severity := s.Severity
	if severity == "" {
		severity = "warning"
	}
	var ok bool
	if c.Severity, ok = rules.ParseSeverity(severity); !ok {
		return nil, fmt.Errorf("-severity %q: want info, warning or error", severity)
	}
	return c, nil
}

// Catalog is the catalog in force: the embedded one plus the policy's and -catalog files.
func (c *Config) Catalog() *catalog.Catalog { return c.catalog }

// Selection is the set of checks -checks enables.
func (c *Config) Selection() rules.Selection { return c.sel }

// FixedProduct is the product -product or the policy names, or 0 for auto-detection.
func (c *Config) FixedProduct() catalog.Product { return c.product }

// Engine returns a rules engine for this configuration and a product.
func (c *Config) Engine(product catalog.Product) *rules.Engine {
	if c.product != 0 {
		product = c.product
	}
	return &rules.Engine{Catalog: c.catalog, Product: product, Checks: c.sel, Policy: c.Policy}
}
