// Package golangci registers zscopelint as a golangci-lint module plugin. Build a custom
// golangci-lint that includes it with a .custom-gcl.yml (see the README) and enable it as
// the custom linter "zscopelint"; its settings are decoded strictly, so a misspelt key is an
// error rather than a silently ignored option.
package golangci

import (
	"fmt"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/zscopelint/zscopelint/analyzer"
)

func init() {
	register.Plugin("zscopelint", New)
}

// Settings are the plugin's settings in .golangci.yml, under
// linters.settings.custom.zscopelint.settings.
type Settings struct {
	// Config is the policy file; empty finds .zscopelint.yaml from each package's
	// directory, "off" disables policy files.
	Config string `json:"config"`
	// Catalogs are extra scope catalog files.
	Catalogs []string `json:"catalogs"`
	// Product is auto, crm or vertical.
	Product string `json:"product"`
	// Checks selects checks, e.g. "ZS1*,-ZS105".
	Checks string `json:"checks"`
	// Severity is the least severity reported: info, warning (default) or error.
	Severity string `json:"severity"`
}

type plugin struct{ settings Settings }

// New decodes and checks the settings.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("zscopelint: %w", err)
	}
	if s.Product == "" {
		s.Product = "auto"
	}
	if s.Severity == "" {
		s.Severity = "warning"
	}
	return &plugin{settings: s}, nil
}

// BuildAnalyzers returns zscopelint's analyzer configured by the settings. A bad value,
// policy file or catalog is reported here, before any package is analysed.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	s := analyzer.Settings{Config: p.settings.Config, Catalogs: strings.Join(p.settings.Catalogs, ","),
		Product: p.settings.Product, Checks: p.settings.Checks, Severity: p.settings.Severity}
	if _, err := s.ConfigFor("."); err != nil {
		return nil, fmt.Errorf("zscopelint: %w", err)
	}
	return []*analysis.Analyzer{analyzer.New(s)}, nil
}

// GetLoadMode says the analyzer needs type information (constant values).
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
