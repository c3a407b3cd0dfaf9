package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/zscopelint/zscopelint/analyzer"
	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/program"
	"github.com/zscopelint/zscopelint/report"
	"github.com/zscopelint/zscopelint/rules"
)

// goResult is what checking the Go packages of one load found.
type goResult struct {
	wd       workdir
	findings []report.Finding
	// build is the loaded packages and the calls each makes, for the programs: config
	// files' evidence, -needs.
	build      *program.GoBuild
	why        []report.WhySet // scope sets judged against calls
	notes      []string        // printed on stderr: type errors that did not stop the analysis
	incomplete bool            // some input could not be checked: exit 2
	unbuilt    *unbuiltFiles   // Go files the build leaves out, checked on their own (constrained.go)
}

// cannotCheck() is ZS001, the finding for an input that could not be checked.
var cannotCheck = rules.Unreadable

// checkLoad checks the packages of one load with a standalone analyzer of settings.
//
// The packages are listed once (go list -deps -export: names, files, imports and the
// export data of every package), then type-checked from that listing and analysed in
// batches (loadBatch), so that the syntax trees and type information of one batch are
// released before the next is loaded: peak memory follows the batch, not the module, and
// the go command runs once per load, not once per batch. The packages are analysed in
// dependency order, and the request wrappers and scope builders each one summarises reach
// the packages that import it before they are analysed (a summaryChannel): what facts
// carry under go vet, so that both find the same calls through wrappers of any depth. The
// first pass finds the Zoho API calls of every package; if there are any, a second pass
// judges again the packages that hold scope sets, each set against the calls of its
// package and of the packages it imports (under go vet, facts carry them instead).
// Findings are kept for the packages the load reports.
func checkLoad(wd workdir, settings analyzer.Settings, load *goLoad, tests bool, reg *redact.Registry) (*goResult, error) {
	cache := openResultCache()
	defer cache.Close()
	note := listingNote(wd, load, tests)
	split := splitListing(cache, note)
	list := &packages.Config{Mode: listMode, Dir: load.dir, Env: append(os.Environ(), load.env...), Tests: tests}
	listed, err := listPackages(list, split, load.patterns)
	if err != nil {
		return nil, fmt.Errorf("loading packages: %v", err)
	}
	if len(listed) == 0 {
		if len(load.requested) == 0 && load.reported != nil {
			// Loaded only for the calls that judge config files (a module that holds
			// config files and no Go package): no calls, and nothing unchecked.
			return &goResult{wd: wd, build: &program.GoBuild{}}, nil
		}
		return nil, fmt.Errorf("no Go packages match %s", strings.Join(load.patterns, " "))
	}
	// The calls a package's scopes answer for are made in the packages it imports too:
	// those of the module (or workspace) are analysed as well, whatever the arguments named.
	paths := rootPaths(listed)
	if more := mainModuleImports(listed); len(more) > 0 {
		if listed, err = listPackages(list, split, append(append([]string(nil), load.patterns...), more...)); err != nil {
			return nil, fmt.Errorf("loading packages: %v", err)
		}
		paths = rootPaths(listed)
	}
	res := &goResult{wd: wd, unbuilt: unbuiltGoFiles(listed, load, tests)}
	ch := newSummaryChannel()
	settings.ProgramWrappers, settings.ProgramBuilders = ch.wrappers, ch.builders
	paths = dependencyOrder(listed, paths)
	// The packages whose results the cache holds are not loaded: their summaries go into
	// the channel first, their results join the others' (resultcache.go).
	lc := newLoadCache(cache, wd, settings, load, tests, listed, paths)
	hits := lc.lookup(paths)
	var misses []string
	for _, path := range paths {
		if h := hits[path]; h != nil {
			ch.replay(h.first)
		} else {
			misses = append(misses, path)
		}
	}
	noteListing(cache, note, len(misses), len(paths))
	loadErrs := map[string]*goResult{}
	plan := batches(listed, misses)
	defer reserveMemory(largestBatchLive(listed, plan))()
	first, err := analyseBatches(wd, settings, load, listed, reg, plan, loadErrs, ch, lc)
	if err != nil {
		return nil, err
	}
	// In dependency order every package sees the summaries of the packages it imports. A
	// package analysed before one of its imports — only through a test variant: p's
	// external test imports q, which imports p — is analysed again, until none is left
	// behind; each round analyses only those, so this ends when the summaries stop changing.
	for round := 0; round <= len(paths); round++ {
		stale := ch.stale(listed)
		if len(stale) == 0 {
			break
		}
		again, err := analyseBatches(wd, settings, load, listed, reg, batches(listed, dependencyOrder(listed, stale)), nil, ch, lc)
		if err != nil {
			return nil, err
		}
		first = replaceResults(first, stale, again)
	}
	for _, path := range paths {
		if h := hits[path]; h != nil {
			first = append(first, h.first...)
			loadErrs[path] = h.load
		}
	}
	// One order, with or without the cache: the packages' dependency order, each one's
	// variants in the order they were analysed.
	first = inPathOrder(first, paths)
	own := map[string][]rules.Call{}
	seen := map[string]bool{}
	var scoped []string // the packages whose findings depend on the program's calls
	for _, pr := range first {
		for _, c := range pr.calls {
			if k := c.Method + " " + c.URL + " " + c.Where; !seen[k] {
				seen[k] = true
				own[pr.path] = append(own[pr.path], c)
			}
		}
		if pr.scoped && hits[pr.path] == nil && !slices.Contains(scoped, pr.path) {
			scoped = append(scoped, pr.path)
		}
	}
	res.build = &program.GoBuild{Packages: goPackages(listed, load), Calls: own}
	results := first
	if len(seen) > 0 {
		settings.ProgramCalls = res.build.Closures()
	}
	if len(seen) > 0 && len(scoped) > 0 {
		sort.Strings(scoped)
		again, err := analyseBatches(wd, settings, load, listed, reg, batches(listed, scoped), nil, nil, lc)
		if err != nil {
			return nil, err
		}
		results = nil
		for _, pr := range first {
			if !slices.Contains(scoped, pr.path) && hits[pr.path] == nil {
				results = append(results, pr)
			}
		}
		results = append(results, again...)
	} else {
		results = slices.DeleteFunc(slices.Clone(first), func(pr packageResult) bool { return hits[pr.path] != nil })
	}
	for _, path := range paths {
		if h := hits[path]; h != nil {
			results = append(results, h.final...)
		}
	}
	results = inPathOrder(results, paths)
	lc.store(paths, listed, first, results, loadErrs, reg)
	for _, path := range paths {
		if le := loadErrs[path]; le != nil {
			res.findings = append(res.findings, le.findings...)
			res.notes = append(res.notes, le.notes...)
			res.incomplete = res.incomplete || le.incomplete
		}
	}
	for _, pr := range results {
		res.findings = append(res.findings, pr.findings...)
		res.why = append(res.why, pr.why...)
		res.notes = append(res.notes, pr.notes...)
		res.incomplete = res.incomplete || pr.incomplete
	}
	return res, nil
}

// replaceResults puts the results of a round's packages in place of those of the round
// before.
func replaceResults(old []packageResult, paths []string, fresh []packageResult) []packageResult {
	var out []packageResult
	for _, pr := range old {
		if !slices.Contains(paths, pr.path) {
			out = append(out, pr)
		}
	}
	return append(out, fresh...)
}

// packageResult is what analysing one package (or test variant) found, ready to print.
type packageResult struct {
	path       string // the import path that loads it (loadPath)
	id         string // the package's ID and import path (a test variant's differ from path)
	pkgPath    string
	calls      []rules.Call
	scoped     bool // it holds Zoho scope sets: its findings depend on the program's calls
	wrappers   map[string]analyzer.WrapperFact
	builders   map[string]analyzer.BuilderFact
	findings   []report.Finding
	why        []report.WhySet
	notes      []string
	incomplete bool
}

// batchFiles bounds the Go files one batch loads with syntax and types. Measured on
// golang.org/x/tools (bench/memory.sh, peak RSS): 400 files a batch peak at 218 MiB in
// 3.3 s, 150 at 131 MiB in 3.9 s, 60 at 102 MiB in 5.6 s, 20 at 68 MiB in 12 s (each batch
// runs go list); 60 with main's soft memory limit at 68 MiB in 5.8 s, where go vet takes
// 49 MiB.
const batchFiles = 60

// batches splits import paths into groups of about batchFiles Go files, in order.
func batches(listed []*packages.Package, paths []string) [][]string {
	files := map[string]int{}
	for _, p := range listed {
		files[p.PkgPath] = max(files[p.PkgPath], len(p.GoFiles))
	}
	var out [][]string
	n := 0
	for _, path := range paths {
		if len(out) == 0 || n+files[path] > batchFiles && len(out[len(out)-1]) > 0 {
			out = append(out, nil)
			n = 0
		}
		out[len(out)-1] = append(out[len(out)-1], path)
		n += files[path]
	}
	return out
}

// loadPath is the import path that loads a package: its own, or for a test variant that
// of the package it tests (p_test and the p.test main are loaded with p).
func loadPath(p *packages.Package) string {
	switch {
	case testMain(p):
		return strings.TrimSuffix(p.PkgPath, ".test")
	case p.ID != p.PkgPath:
		return strings.TrimSuffix(p.PkgPath, "_test")
	}
	return p.PkgPath
}

// testMain reports whether p is the main package the go command generates for a test
// binary (p.test): no source of the user's.
func testMain(p *packages.Package) bool {
	return p.Name == "main" && len(p.GoFiles) == 1 && filepath.Base(p.GoFiles[0]) == "_testmain.go"
}

// rootPaths lists the import paths of the listed packages, sorted, once each: a package's
// test variants ("p [p.test]", p_test, p.test) are loaded with it and have no path to load.
func rootPaths(listed []*packages.Package) []string {
	var out []string
	for _, p := range listed {
		if p.ID == p.PkgPath && !testMain(p) && !slices.Contains(out, p.PkgPath) {
			out = append(out, p.PkgPath)
		}
	}
	sort.Strings(out)
	return out
}

// analyseBatches loads each batch of import paths with syntax and types from the listing
// (loadBatch), analyses it and keeps only what is printed, so that a batch is garbage once
// the next one loads. The
// packages of a batch are analysed in dependency order, each after those it imports, and
// the summaries of each go into ch for the next (settings' ProgramWrappers and
// ProgramBuilders are ch's maps). With loadErrs set, package errors are recorded there by
// import path (the first pass). lc, when set, learns which files held a credential.
func analyseBatches(wd workdir, settings analyzer.Settings, load *goLoad, listed []*packages.Package, reg *redact.Registry, groups [][]string, loadErrs map[string]*goResult, ch *summaryChannel, lc *loadCache) ([]packageResult, error) {
	settings.Registry = reg
	a := analyzer.New(settings)
	var out []packageResult
	for _, group := range groups {
		sources := &sourceSet{files: map[string][]byte{}}
		// Every Go file parsed is searched for credentials, so that a parser or
		// type-checker message that quotes part of one is shortened on output.
		pkgs := loadBatch(listed, group, func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
			goFilesParsed.Add(1)
			lc.parsed(filename, src, rememberCredentials(reg, src))
			sources.add(filename, src)
			return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments) // the mode go/packages uses
		})
		if loadErrs != nil {
			packages.Visit(pkgs, nil, func(p *packages.Package) {
				if load.reports(p) && slices.Contains(group, p.PkgPath) {
					if loadErrs[p.PkgPath] == nil {
						loadErrs[p.PkgPath] = &goResult{wd: wd}
					}
					loadErrs[p.PkgPath].packageErrors(p)
				}
			})
		}
		var roots []*checker.Action
		for _, level := range dependencyLevels(pkgs) {
			graph, err := checker.Analyze([]*analysis.Analyzer{a}, level, nil)
			if err != nil {
				return nil, err
			}
			ch.send(graph.Roots)
			roots = append(roots, graph.Roots...)
		}
		snapshotHeap() // while the batch's packages are live (the loop below reads them)
		for _, act := range roots {
			pr := packageResult{path: loadPath(act.Package), id: act.Package.ID, pkgPath: act.Package.PkgPath}
			r, _ := act.Result.(*analyzer.Result)
			if r != nil {
				pr.calls, pr.scoped, pr.wrappers, pr.builders = r.Calls, r.Scoped, r.Wrappers, r.Builders
			}
			if load.reports(act.Package) {
				switch {
				case act.Err != nil:
					pr.incomplete = true
					pr.notes = append(pr.notes, fmt.Sprintf("%s: %v", act.Package.PkgPath, act.Err))
				case r != nil:
					for _, f := range r.Findings {
						pr.findings = append(pr.findings, toReport(wd, act.Package.Fset, f, sources))
					}
					for _, s := range r.Sets {
						p := act.Package.Fset.Position(s.Pos)
						pr.why = append(pr.why, report.WhySet{File: wd.rel(p.Filename), Line: p.Line, Col: p.Column, Scopes: s.Scopes, Calls: s.Calls})
					}
				}
			}
			out = append(out, pr)
		}
	}
	return out, nil
}

// mainModuleImports lists the packages of the main modules (the module loaded, or the
// workspace's) that the loaded packages import but that were loaded without syntax.
func mainModuleImports(pkgs []*packages.Package) []string {
	roots := map[string]bool{}
	for _, p := range pkgs {
		roots[p.PkgPath] = true
	}
	seen := map[string]bool{}
	var out []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if !roots[p.PkgPath] && !seen[p.PkgPath] && p.Module != nil && p.Module.Main && len(p.Syntax) == 0 {
			seen[p.PkgPath] = true
			out = append(out, p.PkgPath)
		}
	})
	sort.Strings(out)
	return out
}

// packageDir is the directory of a package's files, "" for a package without any.
func packageDir(p *packages.Package) string {
	if len(p.GoFiles) == 0 {
		return ""
	}
	return filepath.Dir(p.GoFiles[0])
}

// goPackages describes the listed packages and every package they import for the
// programs, the packages the load reports as checked.
func goPackages(listed []*packages.Package, load *goLoad) []program.GoPackage {
	roots := map[*packages.Package]bool{}
	for _, p := range listed {
		roots[p] = true
	}
	var out []program.GoPackage
	packages.Visit(listed, nil, func(p *packages.Package) {
		gp := program.GoPackage{ID: p.ID, Path: p.PkgPath, Dir: packageDir(p), Main: p.Name == "main",
			Checked: roots[p] && !testMain(p) && load.reports(p)}
		for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
			gp.Imports = append(gp.Imports, p.Imports[path].ID)
		}
		out = append(out, gp)
	})
	return out
}

// packageErrors sorts a package's errors: a type error is a note (the package is analysed
// anyway); a file that does not parse is one ZS001 at the first syntax error; any other
// failure to load is a ZS001 where it has a position and a message on stderr where it has
// none. The go command's compiler output ("# pkg ...") repeats type and syntax errors and
// is dropped when those are known.
func (res *goResult) packageErrors(p *packages.Package) {
	hasSourceErrors, hasParseErrors := false, false
	for _, e := range p.Errors {
		hasSourceErrors = hasSourceErrors || e.Kind == packages.TypeError || e.Kind == packages.ParseError
		hasParseErrors = hasParseErrors || e.Kind == packages.ParseError
	}
	parseFailed := map[string]bool{}
	for _, e := range p.Errors {
		switch {
		case e.Kind == packages.TypeError && hasParseErrors && (e.Pos == "" || e.Pos == "-"):
			// A file the parser gave up on has no package clause: the type checker's
			// complaint about it says nothing the ZS001 does not.
		case e.Kind == packages.TypeError:
			res.notes = append(res.notes, fmt.Sprintf("%s: type error (analysed anyway): %s", res.wd.relPos(e.Pos), e.Msg))
		case e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") && hasSourceErrors:
		case e.Pos == "" || e.Pos == "-":
			res.incomplete = true
			res.notes = append(res.notes, fmt.Sprintf("cannot load %s: %s", p.PkgPath, e.Msg))
		default:
			res.incomplete = true
			f := res.wd.loadErrorFinding(e)
			if e.Kind == packages.ParseError {
				if parseFailed[f.File] {
					continue
				}
				parseFailed[f.File] = true
			}
			res.findings = append(res.findings, f)
		}
	}
}

// sourceSet keeps the Go sources the loader parsed, for code point columns and the Base
// of edits: nothing is read twice.
type sourceSet struct {
	mu    sync.Mutex
	files map[string][]byte
	sums  map[string]string // report.Sum of files, once an edit needs it
}

// sum is the report.Sum of a file's bytes as parsed, "" when they were not kept.
func (s *sourceSet) sum(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	src, ok := s.files[name]
	if !ok {
		return ""
	}
	if s.sums == nil {
		s.sums = map[string]string{}
	}
	if _, done := s.sums[name]; !done {
		s.sums[name] = report.Sum(src)
	}
	return s.sums[name]
}

func (s *sourceSet) add(name string, src []byte) {
	s.mu.Lock()
	s.files[name] = src
	s.mu.Unlock()
}

// cpCol is the code point column of a position (0 when it equals the byte column).
func (s *sourceSet) cpCol(p token.Position) int {
	s.mu.Lock()
	src := s.files[p.Filename]
	s.mu.Unlock()
	if p.Offset > len(src) || p.Column < 1 || p.Offset-(p.Column-1) < 0 {
		return 0
	}
	return report.CodePointCol(src[p.Offset-(p.Column-1):p.Offset], p.Column)
}

// toReport turns an analyzer finding into one to print, its names relative to wd.
func toReport(wd workdir, fset *token.FileSet, f analyzer.Finding, sources *sourceSet) report.Finding {
	start, end := fset.Position(f.Pos), fset.Position(f.End)
	rf := report.Finding{Check: f.Check, Severity: f.Severity, File: wd.rel(start.Filename),
		Line: start.Line, Col: start.Column, EndLine: end.Line, EndCol: end.Column,
		CPCol: sources.cpCol(start), CPEndCol: sources.cpCol(end),
		Scope: f.Scope, Message: f.Message, Suggestions: f.Suggestions, Withheld: f.Withheld}
	if f.Fix != nil {
		fx := &report.Fix{Message: f.Fix.Message}
		for _, e := range f.Fix.TextEdits {
			s, t := fset.Position(e.Pos), fset.Position(e.End)
			fx.Edits = append(fx.Edits, report.Edit{File: wd.rel(s.Filename), Start: s.Offset, End: t.Offset,
				New: string(e.NewText), StartLine: s.Line, StartCol: s.Column, EndLine: t.Line, EndCol: t.Column,
				CPStartCol: sources.cpCol(s), CPEndCol: sources.cpCol(t), Base: sources.sum(s.Filename)})
		}
		rf.Fix = fx
	}
	return rf
}

// loadErrorFinding reports a package error as ZS001 at the position the go command or
// parser gives ("file:line:col"), or at the package when it gives none.
func (wd workdir) loadErrorFinding(e packages.Error) report.Finding {
	f := report.Finding{Check: cannotCheck(), Severity: cannotCheck().Severity, Message: "cannot check: " + e.Msg, Line: 1, Col: 1}
	parts := strings.Split(e.Pos, ":")
	f.File = wd.rel(parts[0])
	if len(parts) > 1 {
		fmt.Sscan(parts[1], &f.Line)
	}
	if len(parts) > 2 {
		fmt.Sscan(parts[2], &f.Col)
	}
	return f
}

// goModErrorRE finds the positioned line of a go command error about a go.mod or go.work
// file ("go.mod:5: syntax error ...", "/abs/go.work:3:1: unknown directive").
var goModErrorRE = regexp.MustCompile(`(?m)^\s*(\S*go\.(?:mod|work)):(\d+)(?::(\d+))?: (.+)$`)

// loadFailure turns an error that stopped go/packages into a ZS001 at the go.mod or
// go.work line it names, when it names one.
func (wd workdir) loadFailure(err error) (report.Finding, bool) {
	m := goModErrorRE.FindStringSubmatch(err.Error())
	if m == nil {
		return report.Finding{}, false
	}
	f := report.Finding{Check: cannotCheck(), Severity: cannotCheck().Severity, File: wd.rel(m[1]), Line: 1, Col: 1,
		Message: "cannot check the Go code: " + m[4]}
	fmt.Sscan(m[2], &f.Line)
	if m[3] != "" {
		fmt.Sscan(m[3], &f.Col)
	}
	return f, true
}

// relPos writes a "file:line:col" position with its file relative to wd.
func (wd workdir) relPos(pos string) string {
	if i := strings.Index(pos, ":"); i > 0 {
		return wd.rel(pos[:i]) + pos[i:]
	}
	return pos
}
