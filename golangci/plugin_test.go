package golangci

import (
	"os"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis/analysistest"
	"gopkg.in/yaml.v3"

	"github.com/zscopelint/zscopelint/analyzer"
)

func TestBuildAnalyzers(t *testing.T) {
	newPlugin, err := register.GetPlugin("zscopelint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(map[string]any{"product": "crm", "checks": "ZS1*,-ZS105", "severity": "info", "config": "off"})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 {
		t.Fatalf("BuildAnalyzers = %v, %v", as, err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	if got := as[0].Flags.Lookup("checks").Value.String(); got != "ZS1*,-ZS105" {
		t.Errorf("checks flag = %q", got)
	}
	if got := analyzer.Analyzer.Flags.Lookup("checks").Value.String(); got != "" {
		t.Errorf("the plugin's settings changed the shared Analyzer: -checks = %q", got)
	}
	// The settings are in force when the analyzer runs on a package.
	analysistest.Run(t, analysistest.TestData(), as[0], "crm")
}

func TestSettingsAreStrict(t *testing.T) {
	for _, tt := range []struct {
		conf map[string]any
		want string // in the error of New or BuildAnalyzers
	}{
		{map[string]any{"severty": "info"}, `unknown field "severty"`},
		{map[string]any{"catalogs": "one.yaml"}, "cannot unmarshal"},
		{map[string]any{"product": "desk", "config": "off"}, `-product "desk"`},
		{map[string]any{"checks": "ZS999", "config": "off"}, "matches no check"},
		{map[string]any{"severity": "loud", "config": "off"}, `-severity "loud"`},
		{map[string]any{"config": "/no/such/policy.yaml"}, "policy.yaml"},
	} {
		p, err := New(tt.conf)
		if err == nil {
			_, err = p.BuildAnalyzers()
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: error %v, want %q", tt.conf, err, tt.want)
		}
	}
}

// readmeBlock decodes the YAML block of the README whose first line is the comment head.
func readmeBlock(t *testing.T, readme, head string, v any) {
	t.Helper()
	_, block, ok := strings.Cut(readme, "```yaml\n"+head+"\n")
	if !ok {
		t.Fatalf("README.md has no yaml block starting %q", head)
	}
	block, _, _ = strings.Cut(block, "```")
	if err := yaml.Unmarshal([]byte(block), v); err != nil {
		t.Fatalf("README.md's %s: %v", head, err)
	}
}

// TestREADMEConfig: the README's golangci-lint configuration is one this plugin accepts,
// for a golangci-lint v2, and it turns uniq-by-line off with v2's key, since the analyzer
// does put several findings on one line (package sameline), of which golangci-lint's
// default keeps the first.
func TestREADMEConfig(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	var custom struct {
		Version string
		Plugins []struct{ Module, Import string }
	}
	readmeBlock(t, readme, "# .custom-gcl.yml", &custom)
	if !strings.HasPrefix(custom.Version, "v2.") || len(custom.Plugins) != 1 || custom.Plugins[0].Import != "github.com/zscopelint/zscopelint/golangci" {
		t.Errorf(".custom-gcl.yml: %+v: want a golangci-lint v2 with this package as plugin", custom)
	}
	var config struct {
		Version string
		Linters struct {
			Enable   []string
			Settings struct {
				Custom map[string]struct {
					Type     string
					Settings map[string]any
				}
			}
		}
		Issues map[string]any
	}
	readmeBlock(t, readme, "# .golangci.yml", &config)
	if config.Version != "2" || len(config.Linters.Enable) != 1 || config.Linters.Enable[0] != "zscopelint" {
		t.Errorf(".golangci.yml: version %q, enable %v", config.Version, config.Linters.Enable)
	}
	if uniq, ok := config.Issues["uniq-by-line"]; !ok || uniq != false {
		t.Errorf(".golangci.yml: issues.uniq-by-line = %v, want false", uniq)
	}
	if !strings.Contains(readme, "`issues.uniq-by-line` in golangci-lint v2") {
		t.Error("README.md does not name the uniq-by-line key of golangci-lint v2")
	}
	zs := config.Linters.Settings.Custom["zscopelint"]
	if zs.Type != "module" {
		t.Errorf(".golangci.yml: custom zscopelint %+v", zs)
	}
	p, err := New(zs.Settings)
	if err != nil {
		t.Fatalf("the README's settings: %v", err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatalf("the README's settings: %v", err)
	}
	analysistest.Run(t, analysistest.TestData(), as[0], "sameline")
}
