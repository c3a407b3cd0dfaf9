package main

import (
	"errors"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"maps"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// listMode is what the one go list of a load asks for: the import graph, the files, the
// modules and the export data of every package (go list -deps -export -compiled), so
// that each batch is type-checked from it without running the go command again.
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedModule | packages.NeedExportFile | packages.NeedTypesSizes

// loadBatch type-checks the packages of one batch from the listing: those the batch names
// (the listed packages whose loadPath is in group, test variants included) from source,
// and every package they import from its export data, except one that imports a package
// of the batch or has no export data, which is type-checked from source too, without
// function bodies. It does what packages.Load in LoadSyntax mode does for the same
// patterns — the same packages, syntax, types, errors and Imports graph — but reads the
// listing instead of running go list -deps -export per batch. The packages returned are
// fresh copies, garbage once the batch's analysis is done; parse is called on every Go
// file parsed.
func loadBatch(listed []*packages.Package, group []string, parse func(*token.FileSet, string, []byte) (*ast.File, error)) []*packages.Package {
	in := map[string]bool{}
	for _, p := range group {
		in[p] = true
	}
	b := &batchLoader{fset: token.NewFileSet(), parse: parse, copies: map[*packages.Package]*packages.Package{},
		export: map[*packages.Package]string{}, needsrc: map[*packages.Package]bool{}, needtypes: map[*packages.Package]bool{}, exportErr: map[*packages.Package]error{}, initial: map[*packages.Package]bool{}, initialCopy: map[*packages.Package]bool{}}
	var roots []*packages.Package
	for _, p := range listed {
		if in[loadPath(p)] {
			b.initial[p] = true
		}
	}
	for _, p := range listed {
		if b.initial[p] {
			roots = append(roots, b.copy(p))
		}
	}
	// Types are needed for the packages loaded from source and those they import; the
	// others are placeholders that export data fills as it needs.
	for c, src := range b.needsrc {
		if src {
			b.needtypes[c] = true
			for _, imp := range c.Imports {
				b.needtypes[imp] = true
			}
		}
	}
	done := map[*packages.Package]bool{}
	var visit func(c *packages.Package)
	visit = func(c *packages.Package) {
		if done[c] {
			return
		}
		done[c] = true
		for _, path := range sortedKeys(c.Imports) {
			visit(c.Imports[path])
		}
		b.loadPackage(c)
	}
	for _, c := range roots {
		visit(c)
	}
	return roots
}

func sortedKeys(m map[string]*packages.Package) []string {
	return slices.Sorted(maps.Keys(m))
}

type batchLoader struct {
	fset        *token.FileSet
	parse       func(*token.FileSet, string, []byte) (*ast.File, error)
	initial     map[*packages.Package]bool // the batch's own packages (listed)
	initialCopy map[*packages.Package]bool
	copies      map[*packages.Package]*packages.Package
	export      map[*packages.Package]string // each copy's export data file
	needsrc     map[*packages.Package]bool   // by copy
	needtypes   map[*packages.Package]bool
	exportErr   map[*packages.Package]error
}

// copy copies a listed package and those it imports, and decides which are type-checked
// from source: the batch's own, those without export data, and those that import one of
// these.
func (b *batchLoader) copy(lp *packages.Package) *packages.Package {
	if c, ok := b.copies[lp]; ok {
		return c
	}
	c := &packages.Package{ID: lp.ID, Name: lp.Name, PkgPath: lp.PkgPath,
		Errors:  append([]packages.Error(nil), lp.Errors...),
		GoFiles: lp.GoFiles, CompiledGoFiles: lp.CompiledGoFiles, OtherFiles: lp.OtherFiles,
		IgnoredFiles: lp.IgnoredFiles,
		Module:       lp.Module, TypesSizes: lp.TypesSizes, Imports: make(map[string]*packages.Package, len(lp.Imports))}
	b.copies[lp] = c
	b.export[c] = lp.ExportFile
	if b.initial[lp] {
		b.initialCopy[c] = true
	}
	src := b.initial[lp] || lp.ExportFile == "" && lp.PkgPath != "unsafe"
	for path, imp := range lp.Imports {
		ic := b.copy(imp)
		c.Imports[path] = ic
		src = src || b.needsrc[ic]
	}
	src = src && lp.PkgPath != "unsafe"
	b.needsrc[c] = src
	return c
}

// loadPackage is packages' loader.loadPackage for one package whose imports are loaded.
func (b *batchLoader) loadPackage(p *packages.Package) {
	exportFile, initial := b.export[p], b.initialCopy[p]
	if p.PkgPath == "unsafe" {
		p.Types, p.Fset, p.Syntax, p.TypesInfo = types.Unsafe, b.fset, []*ast.File{}, newTypesInfo()
		return
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	p.Fset = b.fset
	if !b.needtypes[p] && !b.needsrc[p] {
		return
	}
	if !b.needsrc[p] {
		if err := b.fromExportData(p, exportFile); err != nil {
			b.exportErr[p] = err
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
		return
	}
	appendError := func(err error) {
		switch err := err.(type) {
		case packages.Error:
			p.Errors = append(p.Errors, err)
		case *os.PathError:
			p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
		case scanner.ErrorList:
			for _, e := range err {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}
	if len(p.CompiledGoFiles) == 0 && exportFile != "" {
		appendError(packages.Error{Pos: "-", Msg: fmt.Sprintf("sources missing for package %s", p.ID), Kind: packages.ParseError})
		_ = b.fromExportData(p, exportFile)
		return
	}
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			appendError(err)
			continue
		}
		f, err := b.parse(b.fset, name, src)
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
		if err != nil {
			appendError(err)
		}
	}
	p.TypesInfo = newTypesInfo()
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := p.Imports[path]
			if imp == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			if imp.Types != nil && imp.Types.Complete() {
				return imp.Types, nil
			}
			if err := b.exportErr[imp]; err != nil {
				return nil, err
			}
			return nil, fmt.Errorf("no types for %s", path)
		}),
		IgnoreFuncBodies: !initial,
		Error:            appendError,
		Sizes:            p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	typErr := types.NewChecker(tc, b.fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if typErr != nil && len(p.Errors) == 0 && len(p.Syntax) > 0 && strings.HasPrefix(typErr.Error(), "package requires newer Go version") {
		appendError(types.Error{Fset: b.fset, Pos: p.Syntax[0].Package, Msg: typErr.Error()})
	}
	if typErr != nil && len(p.Errors) == 0 {
		appendError(typErr)
	}
	p.IllTyped = len(p.Errors) > 0
	for _, imp := range p.Imports {
		p.IllTyped = p.IllTyped || imp.IllTyped
	}
}

// fromExportData reads a package's types from its export data, in the view of the
// packages it imports (already loaded), as packages does.
func (b *batchLoader) fromExportData(p *packages.Package, exportFile string) error {
	p.IllTyped = true
	if exportFile == "" {
		return errors.New("no export data file")
	}
	f, err := os.Open(exportFile)
	if err != nil {
		return err
	}
	defer f.Close()
	// go list -export names the compiler's archive, which NewReader unwraps, as
	// go/packages' own loadFromExportData does in the x/tools this module requires.
	//lint:ignore SA1019 go/packages reads go list's export files the same way (until Go 1.29)
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return fmt.Errorf("reading %s: %v", exportFile, err)
	}
	view := map[string]*types.Package{}
	seen := map[*packages.Package]bool{}
	var visit func(map[string]*packages.Package)
	visit = func(imports map[string]*packages.Package) {
		for _, ip := range imports {
			if !seen[ip] {
				seen[ip] = true
				view[ip.PkgPath] = ip.Types
				visit(ip.Imports)
			}
		}
	}
	visit(p.Imports)
	tpkg, err := gcexportdata.Read(r, b.fset, view, p.PkgPath)
	if err != nil {
		return fmt.Errorf("reading %s: %v", exportFile, err)
	}
	p.Types, p.IllTyped = tpkg, false
	return nil
}

func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}
