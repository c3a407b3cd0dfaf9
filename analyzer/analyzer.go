package analyzer

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/judge"
	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/scopetext"
	"github.com/zscopelint/zscopelint/suppress"
)

// Analyzer checks the Zoho OAuth scopes written in Go string constants. Its flags
// configure it, for go vet, golangci-lint and nogo; a driver that configures an analyzer
// itself calls New.
var Analyzer = New(DefaultSettings())

// New returns an analyzer configured by s. Its flags start at s and set its own copy of it:
// analyzers made by New share no state.
func New(s Settings) *analysis.Analyzer {
	in := &instance{settings: s, configs: map[string]configEntry{}}
	a := &analysis.Analyzer{
		Name:             "zscopelint",
		Doc:              doc,
		URL:              "https://github.com/zscopelint/zscopelint",
		Run:              in.run,
		RunDespiteErrors: true, // constants are still known in a package with type errors
		ResultType:       reflect.TypeFor[*Result](),
		FactTypes:        []analysis.Fact{new(CallsFact), new(WrapperFact), new(BuilderFact)},
		Flags:            in.flags(),
	}
	if s.Standalone {
		a.FactTypes = nil
	}
	return a
}

// knownWrapper finds the request wrapper summary of a function of another package: its
// fact under a driver with facts, else what the driver gives.
func (in *instance) knownWrapper(pass *analysis.Pass) func(*types.Func) *WrapperFact {
	return func(fn *types.Func) *WrapperFact {
		if len(pass.Analyzer.FactTypes) > 0 {
			var f WrapperFact
			if pass.ImportObjectFact(fn, &f) {
				return &f
			}
			return nil
		}
		if w, ok := in.settings.ProgramWrappers[wrapperKey(fn)]; ok {
			return &w
		}
		return nil
	}
}

const doc = `check Zoho OAuth scopes in Go string constants

zscopelint finds Zoho OAuth scope strings (ZohoCRM.modules.leads.READ) in string
constants, []string literals, comma-joined strings and the scope= parameter of
authorization URLs, and reports malformed, unknown, unsupported, deprecated,
redundant and over-broad scopes against its embedded catalog.`

// Result is every finding of a package, whatever its severity, for drivers that format
// findings themselves (the zscopelint command).
type Result struct {
	Findings []Finding
	Calls    []rules.Call // the package's own Zoho API calls
	Sets     []SetReport  // the scope sets judged against calls, for -why
	// Scoped reports that the package holds Zoho scope sets: its findings depend on the
	// calls they are judged against, which a driver analysing in passes must give it.
	Scoped bool
	// Wrappers are the package's request wrappers, by wrapperKey, for a driver without
	// facts to hand to the packages that call them (Settings.ProgramWrappers).
	Wrappers map[string]WrapperFact
	// Builders are the package's scope builders, by wrapperKey, likewise.
	Builders map[string]BuilderFact
}

// SetReport is a scope set and the calls it was judged against.
type SetReport struct {
	Pos    token.Pos
	Scopes []string
	Calls  []rules.Call
}

// Finding is a rules.Finding positioned in the package's files.
type Finding struct {
	rules.Finding
	Pos, End token.Pos
	Fix      *analysis.SuggestedFix // nil when no safe edit exists
	Withheld string                 // why a fix the finding had is not offered, "" if none is withheld
}

// run is the analyzer's boundary: a panic anywhere below it (a bug of ours on an input
// nobody foresaw) becomes a ZS001 for the package's files instead of ending the process,
// so that the other packages' findings are still reported.
func (in *instance) run(pass *analysis.Pass) (res any, err error) {
	pass = withParsedFiles(pass)
	if len(pass.Files) == 0 {
		return &Result{}, nil
	}
	defer func() {
		if r := recover(); r != nil {
			res, err = failedPackage(pass, r), nil
		}
	}()
	return in.check(pass)
}

// testHookFile, set by tests only, is called with the name of each file as it is
// extracted: a test makes it panic to show that the panic stays within that file.
var testHookFile func(name string)

// failedPackage is the result of a package whose check panicked: a ZS001 at the start
// of each of its files, reported as any finding is.
func failedPackage(pass *analysis.Pass, r any) *Result {
	res := &Result{Findings: failedFiles(pass.Files, r)}
	for _, fd := range res.Findings {
		pass.Report(analysis.Diagnostic{Pos: fd.Pos, End: fd.End, Category: fd.Check.ID,
			Message: redact.Text(fd.Message) + " (" + fd.Check.ID + ")", URL: fd.Check.URL()})
	}
	return res
}

// failedFiles are the ZS001 findings of files whose check panicked with r. The panic value
// says what broke; it passes the redactor, as every message does.
func failedFiles(files []*ast.File, r any) []Finding {
	var out []Finding
	for _, f := range files {
		out = append(out, Finding{Finding: rules.Finding{Check: rules.Unreadable(), Severity: rules.Unreadable().Severity,
			Message: fmt.Sprintf("cannot check: zscopelint failed on this file (%v); please report it", r)}, Pos: f.Package, End: f.Package})
	}
	return out
}

func (in *instance) check(pass *analysis.Pass) (any, error) {
	dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
	if inGOROOT(dir) {
		// The standard library holds no Zoho scope or call; under go vet, which runs
		// analyzers with facts on every dependency, this keeps its cost near zero.
		return &Result{}, nil
	}
	cfg, err := in.configFor(dir)
	if err != nil {
		return nil, err
	}
	x := &extractor{info: pass.TypesInfo, consumed: map[ast.Node]bool{}, assigns: map[types.Object][]ast.Expr{}, fset: pass.Fset}
	builders := x.inferBuilders(pass.Files)
	x.builder = in.builderLookup(pass, builders)
	var y judge.Yield
	var checked []*ast.File
	var failed []Finding // the ZS001 of files whose extraction panicked
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			continue
		}
		name := pass.Fset.File(f.Pos()).Name()
		if cfg.Policy.Excluded(name) {
			continue
		}
		if r := extractFile(x, f, name); r != nil {
			failed = append(failed, failedFiles([]*ast.File{f}, r)...)
			continue
		}
		y.Directives = append(y.Directives, goDirectives(pass, f))
		checked = append(checked, f)
	}
	eng := cfg.Engine(detectProduct(x))
	wrappers, reqs := x.inferRequests(pass, in.knownWrapper(pass))
	res := &Result{Calls: x.resolveCalls(pass, eng, reqs), Scoped: len(x.sets) > 0, Wrappers: map[string]WrapperFact{}}
	for fn, w := range wrappers {
		if fn.Parent() == nil && fn.Signature().Recv() == nil {
			continue // a closure: local to its function, nothing another package can call
		}
		res.Wrappers[wrapperKey(fn)] = *w
		if len(pass.Analyzer.FactTypes) > 0 {
			pass.ExportObjectFact(fn, w)
		}
	}
	res.Builders = map[string]BuilderFact{}
	for fn, b := range builders {
		res.Builders[wrapperKey(fn)] = *b
		if len(pass.Analyzer.FactTypes) > 0 {
			pass.ExportObjectFact(fn, b)
		}
	}
	eng.Evidence = evidence(pass, eng, res.Calls, in.settings.ProgramCalls)
	fileOf := func(p token.Pos) string { return pass.Fset.File(p).Name() }
	for _, s := range x.sets {
		if len(s.Elements) == 0 {
			continue
		}
		s.File = fileOf(token.Pos(s.Elements[0].At.Start))
		y.Sets = append(y.Sets, s)
	}
	for _, t := range x.texts {
		str := t.str
		y.Texts = append(y.Texts, judge.Text{Text: rules.Text{Value: str.value, Key: t.key, File: fileOf(str.node.Pos())},
			Locate: func(start, end int) (judge.Span, bool) {
				el := str.locate(scopetext.Span{Text: str.value[start:end], Start: start, End: end}, false)
				return el.At, !el.Quiet // inside a named constant: reported at its declaration
			}})
	}
	// Comments are no scope position, but a token or secret pasted into one is as public as
	// one in code.
	for _, f := range checked {
		file := fileOf(f.Pos())
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				text := []byte(c.Text)
				for _, ct := range rules.CredentialTexts(text, redact.Find(text, true)) {
					at := judge.Pos(c.Pos()) + judge.Pos(ct.Start)
					y.Texts = append(y.Texts, judge.Text{Text: rules.Text{Value: ct.Value, Key: ct.Key, File: file},
						Locate: func(start, end int) (judge.Span, bool) {
							return judge.Span{Start: at + judge.Pos(start), End: at + judge.Pos(end)}, true
						}})
				}
			}
		}
	}
	for _, b := range x.blocks {
		y.Blocks = append(y.Blocks, judge.Block{CredentialBlock: rules.CredentialBlock{File: fileOf(b.pos), Key: b.key, Hosts: b.hosts},
			At: judge.Span{Start: judge.Pos(b.pos), End: judge.Pos(b.pos)}})
	}
	findings, why := judge.Judge(eng, y, judge.Source{
		Line: func(p judge.Pos) (string, int) {
			pos := pass.Fset.Position(token.Pos(p))
			return pos.Filename, pos.Line
		},
		Bytes: func(file string) []byte {
			src, _ := pass.ReadFile(file)
			return src
		},
		Remember: in.settings.Registry.AddSecret,
	})
	res.Findings = append(res.Findings, failed...)
	for _, w := range why {
		res.Sets = append(res.Sets, SetReport{Pos: token.Pos(w.At), Scopes: w.Scopes, Calls: w.Calls})
	}
	for _, f := range findings {
		res.Findings = append(res.Findings, goFinding(f))
	}
	for _, fd := range res.Findings {
		if fd.Severity < cfg.Severity {
			continue
		}
		// Under go vet and golangci-lint the host prints the message: it passes the
		// redactor here, as the command's output does.
		d := analysis.Diagnostic{Pos: fd.Pos, End: fd.End, Category: fd.Check.ID,
			Message: redact.Text(fd.Message) + " (" + fd.Check.ID + ")", URL: fd.Check.URL()}
		if fd.Fix != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{*fd.Fix}
		}
		pass.Report(d)
	}
	return res, nil
}

var goroot = func() string {
	root := os.Getenv("GOROOT") // set by the go command for vet tools
	if root == "" {
		root = build.Default.GOROOT
	}
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	return filepath.Join(root, "src") + string(filepath.Separator)
}()

// inGOROOT reports whether a directory is in the standard library's source tree.
func inGOROOT(dir string) bool {
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		dir = r
	}
	return strings.HasPrefix(dir+string(filepath.Separator), goroot)
}

// extractFile reads a file's scope sets and texts into x, and returns what panicked if
// that did: the file is then a ZS001 and the package's other files are still checked.
func extractFile(x *extractor, f *ast.File, name string) (panicked any) {
	defer func() { panicked = recover() }()
	if testHookFile != nil {
		testHookFile(name)
	}
	x.file(f)
	return nil
}

// withParsedFiles is pass without the files the parser gave up on (nested past its limit,
// say): such a file has no position in the file set and nothing to read. The driver
// reports it, from its parse error, as a file that could not be checked; the package's
// other files are still checked.
func withParsedFiles(pass *analysis.Pass) *analysis.Pass {
	parsed := make([]*ast.File, 0, len(pass.Files))
	for _, f := range pass.Files {
		if f != nil && f.Pos().IsValid() && pass.Fset.File(f.Pos()) != nil {
			parsed = append(parsed, f)
		}
	}
	if len(parsed) == len(pass.Files) {
		return pass
	}
	p := *pass
	p.Files = parsed
	return &p
}

// goDirectives reads the //zscopelint: comments of a file. A comment alone on its line
// applies to the next line, one after code to its own line.
func goDirectives(pass *analysis.Pass, f *ast.File) judge.Directives {
	tf := pass.Fset.File(f.Pos())
	set := &suppress.Set{}
	var src []byte
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			text := strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(c.Text, "/*"), "*/"), "//")
			d, ok := suppress.Parse(text, func(id string) bool { _, ok := rules.CheckByID(id); return ok })
			if !ok {
				continue
			}
			p := pass.Fset.Position(c.Pos())
			if src == nil {
				src, _ = pass.ReadFile(p.Filename)
			}
			set.Add(d, p.Line, p.Column, aloneOnLine(src, p.Offset))
		}
	}
	return judge.Directives{File: tf.Name(), Set: set,
		At: func(line, col int) judge.Pos { return judge.Pos(tf.LineStart(line) + token.Pos(col-1)) }}
}

// goFinding positions a judged finding in the package's files.
func goFinding(f judge.Finding) Finding {
	out := Finding{Finding: f.Finding, Pos: token.Pos(f.At.Start), End: token.Pos(f.At.End), Withheld: f.Withheld}
	if f.Edit != nil {
		out.Fix = &analysis.SuggestedFix{Message: f.Fix.Message, TextEdits: []analysis.TextEdit{{
			Pos: token.Pos(f.Edit.At.Start), End: token.Pos(f.Edit.At.End), NewText: []byte(f.Edit.New)}}}
	}
	return out
}

// aloneOnLine reports whether only white space precedes offset on its line.
func aloneOnLine(src []byte, offset int) bool {
	if offset > len(src) {
		return true
	}
	for i := offset - 1; i >= 0 && src[i] != '\n'; i-- {
		if src[i] != ' ' && src[i] != '\t' {
			return false
		}
	}
	return true
}

// detectProduct chooses the product from the package's strings (rules.DetectProduct): a
// package that builds a clientoauth authorization URL is a Zoho Vertical Solutions client.
func detectProduct(x *extractor) catalog.Product {
	return rules.DetectProduct(func(yield func(string) bool) {
		for _, t := range x.texts {
			if !yield(t.str.value) {
				return
			}
		}
	})
}
