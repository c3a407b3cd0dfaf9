package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/packages"
)

// loadedView is what analysing a loaded package depends on, comparable across loads.
type loadedView struct {
	ID, Name, PkgPath string
	Errors            []packages.Error
	Files             []string
	Names             []string // the package scope, as type-checked
	Complete          bool
	IllTyped          bool
	Imports           map[string]bool // import path: its types are complete
	Uses              int             // identifiers the type checker resolved
}

func viewOf(pkgs []*packages.Package) []loadedView {
	var out []loadedView
	for _, p := range pkgs {
		v := loadedView{ID: p.ID, Name: p.Name, PkgPath: p.PkgPath, Errors: p.Errors, IllTyped: p.IllTyped, Imports: map[string]bool{}}
		for _, f := range p.Syntax {
			v.Files = append(v.Files, p.Fset.Position(f.Package).Filename)
		}
		if p.Types != nil {
			v.Names, v.Complete = p.Types.Scope().Names(), p.Types.Complete()
		}
		if p.TypesInfo != nil {
			v.Uses = len(p.TypesInfo.Uses)
		}
		for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
			v.Imports[path] = p.Imports[path].Types != nil && p.Imports[path].Types.Complete()
		}
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b loadedView) int {
		if a.ID < b.ID {
			return -1
		}
		if a.ID > b.ID {
			return 1
		}
		return 0
	})
	return out
}

// TestLoadBatchAgreesWithPackagesLoad: a batch type-checked from the one listing is what
// packages.Load in LoadSyntax mode gives for the same patterns: the same packages and test
// variants, files, errors (parse, type and list errors), scopes and imports. The batch
// holds a package with a type error, one that does not parse, and packages with tests that
// import each other (rules is imported by analyzer).
func TestLoadBatchAgreesWithPackagesLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	patterns := []string{"./testdata/typeerr", "./testdata/broken", "../../rules", "../../analyzer"}
	parse := func(fset *token.FileSet, name string, src []byte) (*ast.File, error) {
		return parser.ParseFile(fset, name, src, parser.AllErrors|parser.ParseComments)
	}
	want, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Tests: true, ParseFile: parse}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	listed, err := packages.Load(&packages.Config{Mode: listMode, Tests: true}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	got := loadBatch(listed, rootPaths(listed), parse)
	if len(got) == 0 {
		t.Fatal("no packages loaded")
	}
	if diff := cmp.Diff(viewOf(want), viewOf(got)); diff != "" {
		t.Errorf("loadBatch differs from packages.Load (-want +got):\n%s", diff)
	}
	// Only the batch's own packages: a batch of typeerr alone holds none of the others.
	one := loadBatch(listed, []string{"github.com/zscopelint/zscopelint/cmd/zscopelint/testdata/typeerr"}, parse)
	if len(one) != 1 || one[0].Name != "typeerr" || len(one[0].Errors) == 0 {
		t.Errorf("batch of typeerr = %v, want typeerr alone, with its type error", one)
	}
}
