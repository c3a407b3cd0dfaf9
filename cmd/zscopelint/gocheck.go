package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/zscopelint/zscopelint/analyzer"
	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/report"
	"github.com/zscopelint/zscopelint/rules"
)

type goResult struct {
	wd         workdir
	roots      []evidenceRoot // where calls were found, for config files
	findings   []report.Finding
	calls      []rules.Call    // the program's Zoho API calls
	why        []report.WhySet // scope sets judged against them
	notes      []string        // printed on stderr: type errors that did not stop the analysis
	incomplete bool            // some input could not be checked: exit 2
}

// cannotCheck is ZS001, the finding for an input that could not be checked.
var cannotCheck = rules.Unreadable()

// checkGo analyses the Go packages of patterns, loaded in wd, with a standalone analyzer of
// settings.
func checkGo(wd workdir, settings analyzer.Settings, patterns []string, tests bool, reg *redact.Registry) (*goResult, error) {
	sources := &sourceSet{files: map[string][]byte{}}
	cfg := &packages.Config{
		Mode:  packages.LoadSyntax | packages.NeedModule,
		Dir:   string(wd),
		Tests: tests,
		// Every Go file parsed is searched for credentials, so that a parser or type-checker
		// message that quotes part of one is shortened on output.
		ParseFile: func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
			reg.Remember(src)
			sources.add(filename, src)
			return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments) // the mode go/packages uses
		},
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading packages: %v", err)
	}
	res := &goResult{wd: wd}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no Go packages match %s", strings.Join(patterns, " "))
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) { res.packageErrors(p) })
	// Two passes: the first finds the program's Zoho API calls, the second judges every
	// scope set against all of them (under go vet, facts carry them instead).
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.New(settings)}, pkgs, nil)
	if err != nil {
		return nil, err
	}
	own := map[string][]rules.Call{}
	seen := map[string]bool{}
	for _, act := range graph.Roots {
		r, ok := act.Result.(*analyzer.Result)
		if !ok {
			continue
		}
		for _, c := range r.Calls {
			if k := c.Method + " " + c.URL + " " + c.Where; !seen[k] {
				seen[k] = true
				res.calls = append(res.calls, c)
				own[act.Package.PkgPath] = append(own[act.Package.PkgPath], c)
			}
		}
	}
	res.roots = evidenceRoots(pkgs, own)
	if len(res.calls) > 0 {
		settings.ProgramCalls = importClosure(pkgs, own)
		if graph, err = checker.Analyze([]*analysis.Analyzer{analyzer.New(settings)}, pkgs, nil); err != nil {
			return nil, err
		}
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			res.incomplete = true
			res.notes = append(res.notes, fmt.Sprintf("%s: %v", act.Package.PkgPath, act.Err))
			continue
		}
		r, ok := act.Result.(*analyzer.Result)
		if !ok {
			continue
		}
		for _, f := range r.Findings {
			res.findings = append(res.findings, toReport(wd, act.Package.Fset, f, sources))
		}
		for _, s := range r.Sets {
			p := act.Package.Fset.Position(s.Pos)
			res.why = append(res.why, report.WhySet{File: wd.rel(p.Filename), Line: p.Line, Col: p.Column, Scopes: s.Scopes, Calls: s.Calls})
		}
	}
	return res, nil
}

// evidenceRoot is a directory that bounds a program: a module root or a main package's
// directory, with the calls of the packages below it.
type evidenceRoot struct {
	dir   string
	calls []rules.Call
}

// evidenceRoots lists the module roots and main package directories of the loaded
// packages, each with the calls of the packages in or below it.
func evidenceRoots(pkgs []*packages.Package, own map[string][]rules.Call) []evidenceRoot {
	dirs := map[string]bool{}
	pkgDir := map[string]string{}
	for _, p := range pkgs {
		if len(p.GoFiles) == 0 {
			continue
		}
		d := filepath.Dir(p.GoFiles[0])
		pkgDir[p.PkgPath] = d
		if p.Name == "main" {
			dirs[d] = true
		}
		if p.Module != nil && p.Module.Dir != "" {
			dirs[p.Module.Dir] = true
		}
	}
	var out []evidenceRoot
	for d := range dirs {
		r := evidenceRoot{dir: d}
		for path, calls := range own {
			if pd := pkgDir[path]; pd == d || strings.HasPrefix(pd, d+string(filepath.Separator)) {
				r.calls = append(r.calls, calls...)
			}
		}
		sort.Slice(r.calls, func(i, j int) bool { return r.calls[i].Where < r.calls[j].Where })
		out = append(out, r)
	}
	return out
}

// evidenceFor returns the calls that judge a config file: those of the nearest enclosing
// main package directory or module root, so that one program's calls do not judge
// another program's configuration.
func (res *goResult) evidenceFor(file string) *rules.Evidence {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil
	}
	best := -1
	for i, r := range res.roots {
		if strings.HasPrefix(abs, r.dir+string(filepath.Separator)) && (best < 0 || len(r.dir) > len(res.roots[best].dir)) {
			best = i
		}
	}
	if best < 0 || len(res.roots[best].calls) == 0 {
		return nil
	}
	return &rules.Evidence{Calls: dedupeCalls(res.roots[best].calls)}
}

// importClosure gives each package the calls of itself and of every package it imports,
// directly or not: what facts give it under go vet.
func importClosure(pkgs []*packages.Package, own map[string][]rules.Call) map[string][]rules.Call {
	out := map[string][]rules.Call{}
	var walk func(p *packages.Package, seen map[string]bool, into *[]rules.Call)
	walk = func(p *packages.Package, seen map[string]bool, into *[]rules.Call) {
		if seen[p.ID] {
			return
		}
		seen[p.ID] = true
		*into = append(*into, own[p.PkgPath]...)
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			walk(p.Imports[path], seen, into)
		}
	}
	for _, p := range pkgs {
		var calls []rules.Call
		walk(p, map[string]bool{}, &calls)
		// A package and its test variant share a path: keep the larger closure.
		if len(calls) > len(out[p.PkgPath]) {
			out[p.PkgPath] = dedupeCalls(calls)
		}
	}
	return out
}

func dedupeCalls(calls []rules.Call) []rules.Call {
	seen := map[string]bool{}
	var out []rules.Call
	for _, c := range calls {
		if k := c.Method + " " + c.URL + " " + c.Where; !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	return out
}

// packageErrors sorts a package's errors: a type error is a note (the package is analysed
// anyway); a file that does not parse is one ZS001 at the first syntax error; any other
// failure to load is a ZS001 where it has a position and a message on stderr where it has
// none. The go command's compiler output ("# pkg ...") repeats type and syntax errors and
// is dropped when those are known.
func (res *goResult) packageErrors(p *packages.Package) {
	hasSourceErrors := false
	for _, e := range p.Errors {
		hasSourceErrors = hasSourceErrors || e.Kind == packages.TypeError || e.Kind == packages.ParseError
	}
	parseFailed := map[string]bool{}
	for _, e := range p.Errors {
		switch {
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

// sourceSet keeps the Go sources the loader parsed, for code point columns: nothing is
// read twice.
type sourceSet struct {
	mu    sync.Mutex
	files map[string][]byte
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
				CPStartCol: sources.cpCol(s), CPEndCol: sources.cpCol(t)})
		}
		rf.Fix = fx
	}
	return rf
}

// loadErrorFinding reports a package error as ZS001 at the position the go command or
// parser gives ("file:line:col"), or at the package when it gives none.
func (wd workdir) loadErrorFinding(e packages.Error) report.Finding {
	f := report.Finding{Check: cannotCheck, Severity: cannotCheck.Severity, Message: "cannot check: " + e.Msg, Line: 1, Col: 1}
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
	f := report.Finding{Check: cannotCheck, Severity: cannotCheck.Severity, File: wd.rel(m[1]), Line: 1, Col: 1,
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
