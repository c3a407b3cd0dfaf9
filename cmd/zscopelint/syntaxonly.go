package main

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/zscopelint/zscopelint/analyzer"
	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/internal/safefile"
	"github.com/zscopelint/zscopelint/report"
)

// checkGoWithoutTypes checks the Go files under directory patterns when go/packages could
// not load them at all (a go.mod the go command rejects, inconsistent vendoring): each
// directory's files are type-checked on their own, every import failing, which still gives
// the constants and literals the analyzer reads. Positions are exact; no call is resolved,
// so no least-privilege finding is claimed.
func checkGoWithoutTypes(wd workdir, settings analyzer.Settings, patterns []string, tests bool, reg *redact.Registry) ([]report.Finding, error) {
	dirs := map[string][]string{} // directory: its .go files
	for _, p := range patterns {
		root, recursive := strings.CutSuffix(p, "/...")
		if strings.Contains(root, "...") || !strings.HasPrefix(root, ".") && !filepath.IsAbs(root) {
			continue // an import path: nothing to read without the go command
		}
		root = wd.path(root)
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if path != root && (!recursive || skipDirs[d.Name()] || strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(path, ".go") && (tests || !strings.HasSuffix(path, "_test.go")) {
				dirs[filepath.Dir(path)] = append(dirs[filepath.Dir(path)], path)
			}
			return nil
		})
	}
	names := make([]string, 0, len(dirs))
	for d := range dirs {
		names = append(names, d)
	}
	sort.Strings(names)
	units := make([][]string, 0, len(names))
	for _, dir := range names {
		units = append(units, dirs[dir])
	}
	return checkFilesWithoutTypes(wd, settings, units, reg), nil
}

// checkFilesWithoutTypes checks Go files without the go command: each unit is files of
// one directory, type-checked together (one package per package clause), every import
// failing. A file that cannot be read, or that the parser gave up on, is a ZS001; so is
// each file of a package whose analysis failed.
func checkFilesWithoutTypes(wd workdir, settings analyzer.Settings, units [][]string, reg *redact.Registry) []report.Finding {
	fset := token.NewFileSet()
	sources := &sourceSet{files: map[string][]byte{}}
	var pkgs []*packages.Package
	var out []report.Finding // files that could not be read or parsed, packages that failed
	for _, unit := range units {
		if len(unit) == 0 {
			continue
		}
		dir := filepath.Dir(wd.path(unit[0]))
		byPkg := map[string][]*ast.File{}
		var order []string
		for _, name := range unit {
			abs := wd.path(name)
			src, err := safefile.ReadFile(abs, safefile.DefaultLimit)
			if err != nil {
				out = append(out, unreadableFile(wd, abs, err))
				continue
			}
			reg.Remember(src)
			sources.add(abs, src)
			// A syntax error still leaves the declarations before it; a file the parser
			// gave up on (nested past its limit) has none, and is a ZS001 where it stopped.
			f, err := parser.ParseFile(fset, abs, src, parser.ParseComments|parser.AllErrors)
			if f == nil || !f.Pos().IsValid() || fset.File(f.Pos()) == nil {
				out = append(out, gaveUp(wd, abs, err))
				continue
			}
			pkgName := f.Name.Name
			if _, ok := byPkg[pkgName]; !ok {
				order = append(order, pkgName)
			}
			byPkg[pkgName] = append(byPkg[pkgName], f)
		}
		for _, pkgName := range order {
			files := byPkg[pkgName]
			info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
				Uses: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{},
				Selections: map[*ast.SelectorExpr]*types.Selection{}, Scopes: map[ast.Node]*types.Scope{}}
			conf := types.Config{
				Importer: importerFunc(func(path string) (*types.Package, error) { return nil, errors.New("not loaded") }),
				Error:    func(error) {}, // expected: every import fails
			}
			tpkg, _ := conf.Check(dir, fset, files, info)
			var goFiles []string
			for _, f := range files {
				goFiles = append(goFiles, fset.File(f.Pos()).Name())
			}
			// Units may share a directory and a package name: the ID tells them apart.
			pkgs = append(pkgs, &packages.Package{ID: fmt.Sprintf("%s [%s #%d]", dir, pkgName, len(pkgs)), Name: pkgName, PkgPath: dir,
				Fset: fset, Syntax: files, Types: tpkg, TypesInfo: info, TypesSizes: types.SizesFor("gc", "amd64"),
				GoFiles: goFiles, CompiledGoFiles: goFiles, IllTyped: true})
		}
	}
	if len(pkgs) == 0 {
		return out
	}
	settings.Registry = reg
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.New(settings)}, pkgs, nil)
	if err != nil {
		for _, p := range pkgs {
			out = append(out, failedFiles(wd, p.GoFiles, err)...)
		}
		return out
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			out = append(out, failedFiles(wd, act.Package.GoFiles, act.Err)...)
			continue
		}
		r, ok := act.Result.(*analyzer.Result)
		if !ok {
			continue
		}
		for _, f := range r.Findings {
			out = append(out, toReport(wd, fset, f, sources))
		}
	}
	return out
}

// unreadableFile is the ZS001 of a Go file that could not be read.
func unreadableFile(wd workdir, name string, err error) report.Finding {
	if pe, ok := err.(*fs.PathError); ok {
		err = pe.Err
	}
	return report.Finding{Check: cannotCheck(), Severity: cannotCheck().Severity, File: wd.rel(name), Line: 1, Col: 1,
		Message: "cannot check: " + err.Error()}
}

// failedFiles are the ZS001 findings of Go files whose analysis failed with err.
func failedFiles(wd workdir, names []string, err error) []report.Finding {
	var out []report.Finding
	for _, name := range names {
		out = append(out, report.Finding{Check: cannotCheck(), Severity: cannotCheck().Severity, File: wd.rel(name), Line: 1, Col: 1,
			Message: fmt.Sprintf("cannot check: %v", err)})
	}
	return out
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// gaveUp is the ZS001 of a Go file the parser returned nothing for, at the first error it
// gives.
func gaveUp(wd workdir, name string, err error) report.Finding {
	f := report.Finding{Check: cannotCheck(), Severity: cannotCheck().Severity, File: wd.rel(name), Line: 1, Col: 1,
		Message: "cannot check: the Go parser gave up on this file"}
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		f.Line, f.Col, f.Message = max(list[0].Pos.Line, 1), max(list[0].Pos.Column, 1), "cannot check: "+list[0].Msg
	}
	return f
}
