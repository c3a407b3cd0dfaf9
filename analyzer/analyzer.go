package analyzer

import (
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
	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/scopetext"
	"github.com/zscopelint/zscopelint/suppress"
)

// Analyzer checks the Zoho OAuth scopes written in Go string constants.
var Analyzer = &analysis.Analyzer{
	Name:             "zscopelint",
	Doc:              doc,
	URL:              "https://github.com/zscopelint/zscopelint",
	Run:              run,
	RunDespiteErrors: true, // constants are still known in a package with type errors
	ResultType:       reflect.TypeFor[*Result](),
	FactTypes:        []analysis.Fact{new(CallsFact)},
	Flags:            flags(),
}

// Standalone is Analyzer without facts, for a driver that analyses a whole program at once
// and hands it the program's calls with SetProgramEvidence (the zscopelint command): it
// need not analyse every dependency, as facts would make it.
var Standalone = func() *analysis.Analyzer {
	a := *Analyzer
	a.FactTypes = nil
	return &a
}()

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

func run(pass *analysis.Pass) (any, error) {
	if len(pass.Files) == 0 {
		return &Result{}, nil
	}
	dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
	if inGOROOT(dir) {
		// The standard library holds no Zoho scope or call; under go vet, which runs
		// analyzers with facts on every dependency, this keeps its cost near zero.
		return &Result{}, nil
	}
	cfg, err := ConfigFor(dir)
	if err != nil {
		return nil, err
	}
	x := &extractor{info: pass.TypesInfo, consumed: map[ast.Node]bool{}, assigns: map[types.Object][]ast.Expr{}}
	directives := map[string]*suppress.Set{}
	var checked []*ast.File
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			continue
		}
		name := pass.Fset.File(f.Pos()).Name()
		if cfg.Policy.Excluded(name) {
			continue
		}
		x.file(f)
		directives[name] = goDirectives(pass, f)
		checked = append(checked, f)
	}
	eng := cfg.Engine(detectProduct(x))
	res := &Result{Calls: x.resolveCalls(pass, eng)}
	eng.Evidence = evidence(pass, eng, res.Calls)
	for _, gs := range x.sets {
		if len(gs.items) == 0 {
			continue
		}
		gs.set.File = pass.Fset.File(gs.items[0].pos).Name()
		if calls := eng.Why(gs.set); len(calls) > 0 {
			var scopes []string
			for _, it := range gs.set.Items {
				scopes = append(scopes, it.Text)
			}
			res.Sets = append(res.Sets, SetReport{Pos: gs.items[0].pos, Scopes: scopes, Calls: calls})
		}
		for _, f := range eng.Check(gs.set) {
			loc := gs.items[f.Item]
			res.add(pass, directives, Finding{Finding: f, Pos: loc.pos, End: loc.end, Fix: loc.fix(f)})
		}
	}
	for _, kt := range x.texts {
		file := pass.Fset.File(kt.se.node.Pos()).Name()
		for _, f := range eng.CheckText(rules.Text{Value: kt.se.value, Key: kt.key, File: file}) {
			loc := kt.se.locate(scopetext.Span{Text: kt.se.value[f.Start:f.End], Start: f.Start, End: f.End}, false)
			if loc.item.Quiet {
				continue // inside a named constant: reported at its declaration
			}
			res.add(pass, directives, Finding{Finding: f.Finding, Pos: loc.pos, End: loc.end})
		}
	}
	// Comments are no scope position, but a token or secret pasted into one is as public as
	// one in code.
	for _, f := range checked {
		file := pass.Fset.File(f.Pos()).Name()
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				text := []byte(c.Text)
				for _, ct := range rules.CredentialTexts(text, redact.Find(text, true)) {
					for _, tf := range eng.CheckText(rules.Text{Value: ct.Value, Key: ct.Key, File: file}) {
						pos := c.Pos() + token.Pos(ct.Start+tf.Start)
						res.add(pass, directives, Finding{Finding: tf.Finding, Pos: pos, End: pos + token.Pos(tf.End-tf.Start)})
					}
				}
			}
		}
	}
	for _, b := range x.blocks {
		for _, f := range eng.CheckBlock(rules.CredentialBlock{File: pass.Fset.File(b.pos).Name(), Key: b.key, Hosts: b.hosts}) {
			res.add(pass, directives, Finding{Finding: f, Pos: b.pos, End: b.pos})
		}
	}
	res.Findings = append(res.Findings, directiveProblems(pass, eng, directives)...)
	withholdFixes(pass, res.Findings)
	for _, fd := range res.Findings {
		if fd.Severity < cfg.Severity {
			continue
		}
		// Under go vet and golangci-lint the host prints the message: it passes the
		// redactor here, as the command's output does.
		d := analysis.Diagnostic{Pos: fd.Pos, End: fd.End, Category: fd.Check.ID,
			Message: redact.Text(fd.Message) + " (" + fd.Check.ID + ")", URL: "https://github.com/zscopelint/zscopelint#" + strings.ToLower(fd.Check.ID)}
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

// withholdFixes drops the fixes of every finding in a file that holds anything shaped like
// a credential, found or not, suppressed or not, in a comment or not: a diff of that file
// would print it in its context lines. The finding says why instead. Removing the
// credential brings the fixes back.
func withholdFixes(pass *analysis.Pass, fs []Finding) {
	reasons := map[string]string{}
	for i := range fs {
		if fs[i].Fix == nil {
			continue
		}
		name := pass.Fset.Position(fs[i].Pos).Filename
		reason, ok := reasons[name]
		if !ok {
			if src, err := pass.ReadFile(name); err == nil {
				reason = rules.WithholdReason(src)
			}
			reasons[name] = reason
		}
		if reason != "" {
			fs[i].Fix, fs[i].Withheld = nil, reason
		}
	}
}

// add keeps a finding unless a directive suppresses it.
func (r *Result) add(pass *analysis.Pass, directives map[string]*suppress.Set, f Finding) {
	p := pass.Fset.Position(f.Pos)
	if d := directives[p.Filename]; d != nil && d.Suppressed(f.Check.ID, p.Line) {
		return
	}
	r.Findings = append(r.Findings, f)
}

// fix turns an engine fix into text edits of the element, when its bytes allow one.
func (loc located) fix(f rules.Finding) *analysis.SuggestedFix {
	if f.Fix == nil {
		return nil
	}
	edit := loc.replace
	if f.Fix.Remove {
		edit = loc.remove
	}
	if edit == nil {
		return nil
	}
	e := *edit
	switch {
	case f.Fix.Remove:
	case len(f.Fix.Expand) > 1 && loc.element:
		e.NewText = []byte(strings.Join(f.Fix.Expand, `", "`)) // one element becomes several
	default:
		e.NewText = []byte(f.Fix.Replacement)
	}
	return &analysis.SuggestedFix{Message: f.Fix.Message, TextEdits: []analysis.TextEdit{e}}
}

var checkDirective, _ = rules.CheckByID("ZS002")

// goDirectives reads the //zscopelint: comments of a file. A comment alone on its line
// applies to the next line, one after code to its own line.
func goDirectives(pass *analysis.Pass, f *ast.File) *suppress.Set {
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
	return set
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

// directiveProblems reports malformed and unused directives (ZS002), in file order.
func directiveProblems(pass *analysis.Pass, eng *rules.Engine, directives map[string]*suppress.Set) []Finding {
	sev, on := eng.Level(checkDirective, checkDirective.Severity)
	if !on {
		return nil
	}
	var out []Finding
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		set := directives[tf.Name()]
		if set == nil {
			continue
		}
		for _, p := range set.Problems(eng.Enabled) {
			pos := tf.LineStart(p.Line) + token.Pos(p.Col-1)
			out = append(out, Finding{Finding: rules.Finding{Check: checkDirective, Severity: sev, Message: p.Message}, Pos: pos, End: pos})
		}
	}
	return out
}

// detectProduct chooses Zoho Vertical Solutions for a package that builds a clientoauth
// authorization URL (SPEC §1), Zoho CRM otherwise.
func detectProduct(x *extractor) catalog.Product {
	for _, t := range x.texts {
		if strings.Contains(t.se.value, "/clientoauth/v2/") {
			return catalog.VerticalSolutions
		}
	}
	return catalog.CRM
}
