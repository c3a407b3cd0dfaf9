// Command noopvet is a go vet tool that runs an analyzer doing nothing, built from the
// same golang.org/x/tools as zscopelint: the baseline bench/vet.sh measures zscopelint's
// own cost against.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

var noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "does nothing",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { unitchecker.Main(noop) }
