package main

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/zscopelint/zscopelint/analyzer"
	"github.com/zscopelint/zscopelint/report"
	"github.com/zscopelint/zscopelint/rules"
)

type goResult struct {
	findings   []report.Finding
	notes      []string // printed on stderr: type errors that did not stop the analysis
	incomplete bool     // some input could not be checked: exit 2
}

var unreadable = func() *rules.Check { c, _ := rules.CheckByID("ZS001"); return c }()

func checkGo(patterns []string, tests bool) (*goResult, error) {
	cfg := &packages.Config{
		Mode:  packages.LoadSyntax | packages.NeedModule,
		Tests: tests,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading packages: %v", err)
	}
	res := &goResult{}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("no Go packages match %s", strings.Join(patterns, " "))
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) { res.packageErrors(p) })
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, pkgs, nil)
	if err != nil {
		return nil, err
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
			res.findings = append(res.findings, toReport(act.Package.Fset, f))
		}
	}
	return res, nil
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
			res.notes = append(res.notes, fmt.Sprintf("%s: type error (analysed anyway): %s", relPos(e.Pos), e.Msg))
		case e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") && hasSourceErrors:
		case e.Pos == "" || e.Pos == "-":
			res.incomplete = true
			res.notes = append(res.notes, fmt.Sprintf("cannot load %s: %s", p.PkgPath, e.Msg))
		default:
			res.incomplete = true
			f := loadErrorFinding(e)
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

func toReport(fset *token.FileSet, f analyzer.Finding) report.Finding {
	start, end := fset.Position(f.Pos), fset.Position(f.End)
	rf := report.Finding{Check: f.Check, Severity: f.Severity, File: relPath(start.Filename),
		Line: start.Line, Col: start.Column, EndLine: end.Line, EndCol: end.Column,
		Scope: f.Scope, Message: f.Message, Suggestions: f.Suggestions}
	if f.Fix != nil {
		fx := &report.Fix{Message: f.Fix.Message}
		for _, e := range f.Fix.TextEdits {
			s, t := fset.Position(e.Pos), fset.Position(e.End)
			fx.Edits = append(fx.Edits, report.Edit{File: relPath(s.Filename), Start: s.Offset, End: t.Offset,
				New: string(e.NewText), StartLine: s.Line, StartCol: s.Column, EndLine: t.Line, EndCol: t.Column})
		}
		rf.Fix = fx
	}
	return rf
}

// loadErrorFinding reports a package error as ZS001 at the position the go command or
// parser gives ("file:line:col"), or at the package when it gives none.
func loadErrorFinding(e packages.Error) report.Finding {
	f := report.Finding{Check: unreadable, Severity: unreadable.Severity, Message: "cannot check: " + e.Msg, Line: 1, Col: 1}
	parts := strings.Split(e.Pos, ":")
	f.File = relPath(parts[0])
	if len(parts) > 1 {
		fmt.Sscan(parts[1], &f.Line)
	}
	if len(parts) > 2 {
		fmt.Sscan(parts[2], &f.Col)
	}
	return f
}

func relPos(pos string) string {
	if i := strings.Index(pos, ":"); i > 0 {
		return relPath(pos[:i]) + pos[i:]
	}
	return pos
}
