package analyzer_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/zscopelint/zscopelint/analyzer"
	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/rules"
)

// withInfo reports info findings too, so that every check has a `// want`.
func withInfo() analyzer.Settings {
	s := analyzer.DefaultSettings()
	s.Severity = "info"
	return s
}

func TestAnalyzer(t *testing.T) {
	t.Parallel()
	analysistest.Run(t, analysistest.TestData(), analyzer.New(withInfo()),
		"basic", "consts", "lists", "urls", "quiet", "vertical", "verticalcomment", "typeerrors", "suppression", "policy", "hygiene", "providers")
}

func TestSuggestedFixes(t *testing.T) {
	t.Parallel()
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.New(withInfo()), "fixes")
}

// TestLeastPrivilege judges scope sets in main packages against the calls of the packages
// they import, carried by facts.
func TestLeastPrivilege(t *testing.T) {
	t.Parallel()
	a := analyzer.New(withInfo())
	analysistest.Run(t, analysistest.TestData(), a, "leastpriv/app2", "leastpriv/app3", "leastpriv/app4", "leastpriv/products", "leastpriv/wrapapp", "leastpriv/sdkapp", "leastpriv/restyapp", "leastpriv/mixed", "leastpriv/closure", "leastpriv/wrapmissing", "leastpriv/sdkrecords", "leastpriv/crmsettings", "leastpriv/booksoldhost", "leastpriv/crmunknown", "leastpriv/books", "leastpriv/booksmissing", "leastpriv/booksfull", "leastpriv/sdkshapes")
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "leastpriv/app", "leastpriv/wrapfix")
}

// TestStandaloneProgramCalls judges a package without facts against the calls its driver
// gives for its path: the lead scope is then the exact grant and the broad one is reported.
func TestStandaloneProgramCalls(t *testing.T) {
	t.Parallel()
	s := withInfo()
	s.Standalone = true
	cat, err := catalog.Load()
	if err != nil {
		t.Fatal(err)
	}
	leads, ok := (&rules.Engine{Catalog: cat}).NewCall("GET", "https://www.zohoapis.com/crm/v8/Leads", "client.go:1")
	if !ok {
		t.Fatal("GET Leads needs no catalogued scope")
	}
	s.ProgramCalls = map[string][]rules.Call{"standalone": {leads}}
	a := analyzer.New(s)
	if len(a.FactTypes) != 0 {
		t.Fatalf("standalone analyzer has facts %v", a.FactTypes)
	}
	analysistest.Run(t, analysistest.TestData(), a, "standalone")
}

// TestFlagsArePerAnalyzer checks that setting one analyzer's flag leaves every other
// analyzer as it was: no configuration is package state.
func TestFlagsArePerAnalyzer(t *testing.T) {
	t.Parallel()
	a, b := analyzer.New(analyzer.DefaultSettings()), analyzer.New(withInfo())
	if err := a.Flags.Set("checks", "ZS1*"); err != nil {
		t.Fatal(err)
	}
	if got := a.Flags.Lookup("checks").Value.String(); got != "ZS1*" {
		t.Errorf("a: -checks = %q", got)
	}
	if got := b.Flags.Lookup("checks").Value.String(); got != "" {
		t.Errorf("b: -checks = %q after setting a's", got)
	}
	if got := b.Flags.Lookup("severity").Value.String(); got != "info" {
		t.Errorf("b: -severity = %q, want its setting info", got)
	}
	if got := analyzer.Analyzer.Flags.Lookup("checks").Value.String(); got != "" {
		t.Errorf("Analyzer: -checks = %q after setting another analyzer's", got)
	}
}

// TestPanicIsZS001 makes the extraction of one file panic: that file is a ZS001 at its
// package clause and the package's other file is still checked (issue 27, item 5).
func TestPanicIsZS001(t *testing.T) {
	analyzer.SetTestHookFile(t.Cleanup, func(name string) {
		if strings.HasSuffix(name, "boom.go") {
			panic("injected")
		}
	})
	analysistest.Run(t, analysistest.TestData(), analyzer.New(withInfo()), "panics")
}
