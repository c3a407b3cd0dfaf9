package analyzer

import (
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/rules"
)

// Analyzer checks the Zoho OAuth scopes written in Go string constants.
var Analyzer = &analysis.Analyzer{
	Name:             "zscopelint",
	Doc:              doc,
	URL:              "https://github.com/zscopelint/zscopelint",
	Run:              run,
	RunDespiteErrors: true, // constants are still known in a package with type errors
	ResultType:       reflect.TypeFor[*Result](),
	Flags:            flags(),
}

const doc = `check Zoho OAuth scopes in Go string constants

zscopelint finds Zoho OAuth scope strings (ZohoCRM.modules.leads.READ) in string
constants, []string literals, comma-joined strings and the scope= parameter of
authorization URLs, and reports malformed, unknown, unsupported, deprecated,
redundant and over-broad scopes against its embedded catalog.`

// Config is what the analyzer's flags set.
type Config struct {
	Catalogs []string       // extra catalog files
	Product  string         // auto, crm or vertical
	Checks   string         // -checks list
	Severity rules.Severity // least severity reported as a diagnostic
	catalog  *catalog.Catalog
	sel      rules.Selection
	product  catalog.Product // 0: detect per package
}

var (
	flagCatalogs string
	flagProduct  = "auto"
	flagChecks   string
	flagSeverity = "warning"

	configMu  sync.Mutex
	configKey string // the flag values config was loaded for
	config    *Config
	configErr error
)

func flags() flag.FlagSet {
	var fs flag.FlagSet
	fs.StringVar(&flagCatalogs, "catalog", "", "comma-separated extra scope catalog files")
	fs.StringVar(&flagProduct, "product", flagProduct, "product whose ZohoCRM catalog applies: auto, crm or vertical")
	fs.StringVar(&flagChecks, "checks", "", "checks to run, e.g. ZS1*,-ZS105 (default all)")
	fs.StringVar(&flagSeverity, "severity", flagSeverity, "least severity reported as a diagnostic: info, warning or error")
	return fs
}

// LoadConfig loads the catalog and settings the analyzer's flags name, once for each set of
// flag values. Drivers call it before analysing to report a bad flag or catalog file as a
// usage error.
func LoadConfig() (*Config, error) {
	configMu.Lock()
	defer configMu.Unlock()
	key := strings.Join([]string{flagCatalogs, flagProduct, flagChecks, flagSeverity}, "\x00")
	if config == nil && configErr == nil || key != configKey {
		configKey = key
		config, configErr = loadConfig()
	}
	return config, configErr
}

func loadConfig() (*Config, error) {
	c := &Config{Product: flagProduct, Checks: flagChecks}
	for _, f := range strings.Split(flagCatalogs, ",") {
		if f = strings.TrimSpace(f); f != "" {
			c.Catalogs = append(c.Catalogs, f)
		}
	}
	var err error
	if c.catalog, err = catalog.Load(c.Catalogs...); err != nil {
		return nil, err
	}
	if c.Product != "auto" {
		var ok bool
		if c.product, ok = catalog.ParseProduct(c.Product); !ok {
			return nil, fmt.Errorf("-product %q: want auto, crm or vertical", c.Product)
		}
	}
	if c.sel, err = rules.ParseSelection(c.Checks); err != nil {
		return nil, err
	}
	var ok bool
	if c.Severity, ok = rules.ParseSeverity(flagSeverity); !ok {
		return nil, fmt.Errorf("-severity %q: want info, warning or error", flagSeverity)
	}
	return c, nil
}

// Catalog is the catalog the flags name: the embedded one plus -catalog files.
func (c *Config) Catalog() *catalog.Catalog { return c.catalog }

// Selection is the set of checks -checks enables.
func (c *Config) Selection() rules.Selection { return c.sel }

// FixedProduct is the product -product names, or 0 for auto-detection.
func (c *Config) FixedProduct() catalog.Product { return c.product }

// Result is every finding of a package, whatever its severity, for drivers that format
// findings themselves (the zscopelint command).
type Result struct {
	Findings []Finding
}

// Finding is a rules.Finding positioned in the package's files.
type Finding struct {
	rules.Finding
	Pos, End token.Pos
	Fix      *analysis.SuggestedFix // nil when no safe edit exists
}

func run(pass *analysis.Pass) (any, error) {
	cfg, err := LoadConfig()
	if err != nil {
		return nil, err
	}
	x := &extractor{info: pass.TypesInfo, consumed: map[ast.Node]bool{}}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			continue
		}
		x.file(f)
	}
	eng := &rules.Engine{Catalog: cfg.catalog, Product: cfg.product, Checks: cfg.sel}
	if eng.Product == 0 {
		eng.Product = detectProduct(x)
	}
	res := &Result{}
	for _, gs := range x.sets {
		for _, f := range eng.Check(gs.set) {
			loc := gs.items[f.Item]
			fd := Finding{Finding: f, Pos: loc.pos, End: loc.end}
			if f.Fix != nil {
				edit := loc.replace
				if f.Fix.Remove {
					edit = loc.remove
				}
				if edit != nil {
					e := *edit
					if !f.Fix.Remove {
						e.NewText = []byte(f.Fix.Replacement)
					}
					fd.Fix = &analysis.SuggestedFix{Message: f.Fix.Message, TextEdits: []analysis.TextEdit{e}}
				}
			}
			res.Findings = append(res.Findings, fd)
			if f.Severity >= cfg.Severity {
				d := analysis.Diagnostic{Pos: fd.Pos, End: fd.End, Category: f.Check.ID,
					Message: f.Message + " (" + f.Check.ID + ")", URL: "https://github.com/zscopelint/zscopelint#" + strings.ToLower(f.Check.ID)}
				if fd.Fix != nil {
					d.SuggestedFixes = []analysis.SuggestedFix{*fd.Fix}
				}
				pass.Report(d)
			}
		}
	}
	return res, nil
}

// detectProduct chooses Zoho Vertical Solutions for a package that builds a clientoauth
// authorization URL (SPEC §1), Zoho CRM otherwise.
func detectProduct(x *extractor) catalog.Product {
	for _, s := range x.strings {
		if strings.Contains(s, "/clientoauth/v2/") {
			return catalog.VerticalSolutions
		}
	}
	return catalog.CRM
}
