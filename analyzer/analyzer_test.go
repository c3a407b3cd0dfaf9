package analyzer_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/zscopelint/zscopelint/analyzer"
)

func TestMain(m *testing.M) {
	// Report info findings too, so that every check has a `// want`.
	if err := analyzer.Analyzer.Flags.Set("severity", "info"); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer,
		"basic", "consts", "lists", "urls", "quiet", "vertical", "typeerrors", "suppression", "policy", "hygiene", "providers")
}

func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.Analyzer, "fixes")
}

// TestLeastPrivilege judges scope sets in main packages against the calls of the packages
// they import, carried by facts.
func TestLeastPrivilege(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), analyzer.Analyzer,
		"leastpriv/app2", "leastpriv/app3", "leastpriv/app4")
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzer.Analyzer, "leastpriv/app")
}
