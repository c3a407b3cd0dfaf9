package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/zscopelint/zscopelint/catalog"
)

// A scope builder is a function whose string result is built from its parameters by
// constant formatting or concatenation, the shape of BuildScope(service, scope, method,
// operation) in Go SDKs for Zoho: called with constants, it yields a scope that no literal
// spells out. Each builder is summarised as a BuilderFact; a call of it with constant
// arguments in a []string literal is an element of that scope set.

// BuilderFact summarises a scope builder: its results, each with the conditions on empty
// parameters under which it is returned ("if method == "" { return a }; return b").
type BuilderFact struct {
	Results []BuilderResult
}

// BuilderResult is one return of a builder: a template in its parameters (paramMark), and
// the parameters that must be empty (Empty) or not (NonEmpty) for it to be returned.
type BuilderResult struct {
	Template        string
	Empty, NonEmpty []int
}

// AFact marks BuilderFact as an analysis fact.
func (*BuilderFact) AFact() {}

func (f *BuilderFact) String() string {
	return fmt.Sprintf("scope builder (%d results)", len(f.Results))
}

// inferBuilders summarises the package's scope builders: functions with one string result
// whose returns all depend on their parameters.
func (x *extractor) inferBuilders(files []*ast.File) map[*types.Func]*BuilderFact {
	out := map[*types.Func]*BuilderFact{}
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := x.info.Defs[fd.Name].(*types.Func)
			if fn == nil || fn.Signature().Results().Len() != 1 || !isString(fn.Signature().Results().At(0).Type()) {
				continue
			}
			x.params = x.paramsOf(fn)
			var results []BuilderResult
			ok = x.builderReturns(fd.Body.List, nil, nil, &results)
			x.params = nil
			if ok && len(results) > 0 {
				out[fn] = &BuilderFact{Results: results}
			}
		}
	}
	return out
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// builderReturns collects the returns of a statement list under the guards that hold
// there; it reports false for a body it does not follow (a return of anything but a
// template of the parameters).
func (x *extractor) builderReturns(list []ast.Stmt, empty, nonEmpty []int, out *[]BuilderResult) bool {
	for _, st := range list {
		switch st := st.(type) {
		case *ast.ReturnStmt:
			if len(st.Results) != 1 {
				return false
			}
			t := x.stringOf(st.Results[0], 0)
			if !hasParams(t) || strings.Contains(t, catalog.Unknown) || !scopeShaped(t) {
				return false
			}
			*out = append(*out, BuilderResult{Template: t, Empty: empty, NonEmpty: nonEmpty})
			return true // what follows a return is not reached
		case *ast.IfStmt:
			p, isEmpty, ok := x.emptyTest(st.Cond)
			if !ok || st.Init != nil {
				return false
			}
			thenE, thenN := empty, nonEmpty
			elseE, elseN := empty, nonEmpty
			if isEmpty {
				thenE, elseN = appendInt(empty, p), appendInt(nonEmpty, p)
			} else {
				thenN, elseE = appendInt(nonEmpty, p), appendInt(empty, p)
			}
			if !x.builderReturns(st.Body.List, thenE, thenN, out) {
				return false
			}
			if st.Else != nil {
				blk, ok := st.Else.(*ast.BlockStmt)
				if !ok {
					return false
				}
				return x.builderReturns(blk.List, elseE, elseN, out)
			}
			empty, nonEmpty = elseE, elseN // the if returned: what follows has the guard's negation
		default:
			return false
		}
	}
	return true
}

// scopeShaped reports whether a template, its parameters filled with a word, is written
// like a scope (Service.scope.OPERATION): a URL or a message built from parameters is no
// scope builder.
func scopeShaped(t string) bool {
	words := make([]string, 32)
	for i := range words {
		words[i] = "x"
	}
	_, err := catalog.Parse(instantiate(t, words))
	return err == nil
}

func appendInt(s []int, v int) []int { return append(append([]int(nil), s...), v) }

// emptyTest reads `p == ""` or `p != ""` for a parameter p.
func (x *extractor) emptyTest(e ast.Expr) (param int, isEmpty, ok bool) {
	be, ok := e.(*ast.BinaryExpr)
	if !ok || (be.Op != token.EQL && be.Op != token.NEQ) {
		return 0, false, false
	}
	id, ok := be.X.(*ast.Ident)
	if !ok || !x.isConstString(be.Y) || x.stringOf(be.Y, 0) != "" {
		return 0, false, false
	}
	v, ok := x.info.Uses[id].(*types.Var)
	if !ok {
		return 0, false, false
	}
	i, ok := x.params[v]
	return i, be.Op == token.EQL, ok
}

// builderValue is the scope a call of a builder with constant arguments yields, if it is
// one.
func (x *extractor) builderValue(e ast.Expr) (string, bool) {
	call, ok := e.(*ast.CallExpr)
	if !ok || x.builder == nil {
		return "", false
	}
	fn, ok := typeutil.Callee(x.info, call).(*types.Func)
	if !ok {
		return "", false
	}
	b := x.builder(fn)
	if b == nil {
		return "", false
	}
	var args []string
	if fn.Signature().Recv() != nil {
		args = append(args, catalog.Unknown)
	}
	for _, a := range call.Args {
		if !x.isConstString(a) {
			return "", false
		}
		args = append(args, x.stringOf(a, 0))
	}
	for _, r := range b.Results {
		if holds(r, args) {
			return instantiate(r.Template, args), true
		}
	}
	return "", false
}

func holds(r BuilderResult, args []string) bool {
	for _, p := range r.Empty {
		if p >= len(args) || args[p] != "" {
			return false
		}
	}
	for _, p := range r.NonEmpty {
		if p >= len(args) || args[p] == "" {
			return false
		}
	}
	return true
}

// builderLookup finds a builder: the package's own, else a fact, else the driver's.
func (in *instance) builderLookup(pass *analysis.Pass, own map[*types.Func]*BuilderFact) func(*types.Func) *BuilderFact {
	return func(fn *types.Func) *BuilderFact {
		if b := own[fn]; b != nil {
			return b
		}
		if fn.Pkg() == pass.Pkg {
			return nil
		}
		if len(pass.Analyzer.FactTypes) > 0 {
			var f BuilderFact
			if pass.ImportObjectFact(fn, &f) {
				return &f
			}
			return nil
		}
		if b, ok := in.settings.ProgramBuilders[wrapperKey(fn)]; ok {
			return &b
		}
		return nil
	}
}
