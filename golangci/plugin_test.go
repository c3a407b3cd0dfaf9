package golangci

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis/analysistest"

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
