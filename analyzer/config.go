package analyzer

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/policy"
	"github.com/zscopelint/zscopelint/rules"
)

// Config is what the analyzer's flags and the policy file in force set.
type Config struct {
	Policy   *policy.Policy // nil without a policy file
	Severity rules.Severity // least severity reported as a diagnostic
	catalog  *catalog.Catalog
	sel      rules.Selection
	product  catalog.Product // 0: detect per package
}

var (
	flagConfig   string
	flagCatalogs string
	flagProduct  = "auto"
	flagChecks   string
	flagSeverity = "warning"

	configMu    sync.Mutex
	configCache = map[string]configEntry{} // by flag values and policy file
)

type configEntry struct {
	c   *Config
	err error
}

// NoPolicy as the -config flag's value turns policy files off.
const NoPolicy = "off"

func flags() flag.FlagSet {
	var fs flag.FlagSet
	fs.StringVar(&flagConfig, "config", "", "policy file (default: .zscopelint.yaml found from the package directory up to the module root; off for none)")
	fs.StringVar(&flagCatalogs, "catalog", "", "comma-separated extra scope catalog files")
	fs.StringVar(&flagProduct, "product", flagProduct, "product whose ZohoCRM catalog applies: auto, crm or vertical")
	fs.StringVar(&flagChecks, "checks", "", "checks to run, e.g. ZS1*,-ZS105 (default all)")
	fs.StringVar(&flagSeverity, "severity", flagSeverity, "least severity reported as a diagnostic: info, warning or error")
	return fs
}

// LoadConfig is ConfigFor the working directory.
func LoadConfig() (*Config, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	return ConfigFor(wd)
}

// ConfigFor loads the settings for code in dir: the policy file the -config flag names, or
// the .zscopelint.yaml found from dir up to its module root, with the catalogs, product
// and checks of the flags and the policy. Each combination is loaded once.
func ConfigFor(dir string) (*Config, error) {
	file := flagConfig
	switch file {
	case NoPolicy:
		file = ""
	case "":
		file = policy.Find(dir)
	}
	configMu.Lock()
	defer configMu.Unlock()
	key := strings.Join([]string{file, flagCatalogs, flagProduct, flagChecks, flagSeverity}, "\x00")
	if e, ok := configCache[key]; ok {
		return e.c, e.err
	}
	c, err := loadConfig(file)
	configCache[key] = configEntry{c, err}
	return c, err
}

func checkIDs() []string {
	ids := make([]string, len(rules.Checks))
	for i, c := range rules.Checks {
		ids[i] = c.ID
	}
	return ids
}

func loadConfig(policyFile string) (*Config, error) {
	c := &Config{}
	var err error
	if policyFile != "" {
		if c.Policy, err = policy.Load(policyFile, checkIDs()); err != nil {
			return nil, err
		}
	}
	var catalogs []string
	if c.Policy != nil {
		catalogs = append(catalogs, c.Policy.Catalogs...)
	}
	for _, f := range strings.Split(flagCatalogs, ",") {
		if f = strings.TrimSpace(f); f != "" {
			catalogs = append(catalogs, f)
		}
	}
	if c.catalog, err = catalog.Load(catalogs...); err != nil {
		return nil, err
	}
	product := flagProduct
	if product == "auto" && c.Policy != nil && c.Policy.Product != "" {
		product = c.Policy.Product
	}
	if product != "auto" {
		var ok bool
		if c.product, ok = catalog.ParseProduct(product); !ok {
			return nil, fmt.Errorf("-product %q: want auto, crm or vertical", product)
		}
	}
	if c.sel, err = rules.ParseSelection(flagChecks); err != nil {
		return nil, err
	}
	var ok bool
	if c.Severity, ok = rules.ParseSeverity(flagSeverity); !ok {
		return nil, fmt.Errorf("-severity %q: want info, warning or error", flagSeverity)
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
