package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/zscopelint/zscopelint/catalog"
)

// A request wrapper is a function whose parameters flow into the method or URL of a Zoho
// API request: a client's do(ctx, method, path), its get(path), ListLeads() that calls
// get("/crm/v8/Leads"). As the printf checker does for printf wrappers, each wrapper is
// summarised — its requests as templates in its parameters — and the summary is exported
// as an object fact, so that calls of it, in this package or another, become call sites
// with the method and URL their arguments give, through wrappers of wrappers of any depth.

// WrapperFact summarises a request wrapper: the requests it makes, as templates in which
// paramMark(i) stands for its i-th parameter.
type WrapperFact struct {
	Requests []Template
}

// Template is one request of a wrapper, with its route through inner wrappers for -why.
type Template struct {
	Method, URL string
	Via         string // the wrappers the request passes through, innermost last
}

// AFact marks WrapperFact as an analysis fact.
func (*WrapperFact) AFact() {}

func (f *WrapperFact) String() string {
	return fmt.Sprintf("request wrapper (%d requests)", len(f.Requests))
}

// paramMark stands for parameter i in a template: bytes no URL holds.
func paramMark(i int) string { return "\x01" + strconv.Itoa(i) + "\x02" }

// hasParams reports whether a template still depends on its function's parameters.
func hasParams(s string) bool { return strings.Contains(s, "\x01") }

// instantiate fills a template's parameter marks with the values of a call's arguments
// (themselves templates in the caller's parameters, or Unknown).
func instantiate(tmpl string, args []string) string {
	var b strings.Builder
	for {
		i := strings.Index(tmpl, "\x01")
		if i < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		j := strings.Index(tmpl[i:], "\x02")
		if j < 0 {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		n, _ := strconv.Atoi(tmpl[i+1 : i+j])
		if n < len(args) {
			b.WriteString(args[n])
		} else {
			b.WriteString(catalog.Unknown)
		}
		tmpl = tmpl[i+j+1:]
	}
}

// funcCall is a call of a function (a possible wrapper) inside a function body.
type funcCall struct {
	call   *ast.CallExpr
	callee *types.Func
	in     *types.Func // the enclosing function declaration, nil at package level
}

// request is a Zoho API request the package makes: its method and URL (with Unknown for
// what is known only at run time), where, and through which wrappers.
type request struct {
	method, url string
	call        *ast.CallExpr
	via         string
}

// funcName names a function for -why as Go writes it: zclient.(*Client).get, zclient.Do.
func funcName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		star := ""
		if p, ok := t.(*types.Pointer); ok {
			t, star = p.Elem(), "*"
		}
		if n, ok := t.(*types.Named); ok {
			name = "(" + star + n.Obj().Name() + ")." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// wrapperKey names a function across packages, for drivers without facts.
func wrapperKey(fn *types.Func) string { return fn.FullName() }

// inferRequests works out the package's request wrappers and its requests: every HTTP call
// site and every call of a wrapper, evaluated in its enclosing function. A request whose
// URL still depends on that function's parameters makes the function a wrapper, whose
// callers make the request; any other is a request of the package. known gives the
// wrappers of other packages (facts, or the driver's).
func (x *extractor) inferRequests(pass *analysis.Pass, known func(*types.Func) *WrapperFact) (wrappers map[*types.Func]*WrapperFact, reqs []request) {
	wrappers = map[*types.Func]*WrapperFact{}
	lookup := func(fn *types.Func) *WrapperFact {
		if w := wrappers[fn]; w != nil {
			return w
		}
		if fn.Pkg() != pass.Pkg && known != nil {
			return known(fn)
		}
		return nil
	}
	// Iterate to a fixpoint: a wrapper found makes its callers' calls requests or wrappers.
	for round := 0; round < 8; round++ {
		changed := false
		reqs = reqs[:0]
		found := map[*types.Func][]Template{}
		emit := func(in *types.Func, t Template, call *ast.CallExpr) {
			if in != nil && (hasParams(t.Method) || hasParams(t.URL)) {
				found[in] = append(found[in], t)
				return
			}
			reqs = append(reqs, request{method: t.Method, url: t.URL, call: call, via: t.Via})
		}
		for _, cs := range x.calls {
			x.params = x.paramsOf(cs.in)
			u := withPathParams(x.stringOf(cs.call.Args[cs.spec.urlArg], 0), cs.pathParams)
			method := cs.spec.method
			if cs.spec.methodArg >= 0 {
				method = x.stringOf(cs.call.Args[cs.spec.methodArg], 0)
			}
			emit(cs.in, Template{Method: method, URL: u}, cs.call)
		}
		for _, fc := range x.funcCalls {
			w := lookup(fc.callee)
			if w == nil {
				continue
			}
			x.params = x.paramsOf(fc.in)
			args := make([]string, len(fc.call.Args))
			for i, a := range fc.call.Args {
				args[i] = x.stringOf(a, 0)
			}
			if recv := fc.callee.Signature().Recv(); recv != nil {
				args = append([]string{catalog.Unknown}, args...) // the receiver is parameter 0
			}
			for _, t := range w.Requests {
				via := funcName(fc.callee)
				if t.Via != "" {
					via += " → " + t.Via
				}
				emit(fc.in, Template{Method: instantiate(t.Method, args), URL: instantiate(t.URL, args), Via: via}, fc.call)
			}
		}
		for _, fv := range x.funcValues {
			w := lookup(fv.callee)
			if w == nil {
				continue
			}
			for _, t := range w.Requests {
				// Any arguments: what is known of the request is its templates' constant parts.
				emit(nil, Template{Method: instantiate(t.Method, nil), URL: instantiate(t.URL, nil), Via: funcName(fv.callee)}, fv.call)
			}
		}
		x.params = nil
		for fn, ts := range found {
			sort.Slice(ts, func(i, j int) bool { return ts[i].Method+ts[i].URL < ts[j].Method+ts[j].URL })
			ts = dedupeTemplates(ts)
			if old := wrappers[fn]; old == nil || !sameTemplates(old.Requests, ts) {
				wrappers[fn] = &WrapperFact{Requests: ts}
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return wrappers, reqs
}

func dedupeTemplates(ts []Template) []Template {
	out := ts[:0]
	for i, t := range ts {
		if i == 0 || t != ts[i-1] {
			out = append(out, t)
		}
	}
	if len(out) > 16 {
		out = out[:16] // a wrapper of many requests: the first are enough to judge with
	}
	return out
}

func sameTemplates(a, b []Template) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// paramsOf maps the parameters (and receiver) of a function to their index in templates:
// the receiver is 0 for a method, then the parameters in order.
func (x *extractor) paramsOf(fn *types.Func) map[*types.Var]int {
	if fn == nil {
		return nil
	}
	sig := fn.Signature()
	out := map[*types.Var]int{}
	off := 0
	if sig.Recv() != nil {
		out[sig.Recv()] = 0
		off = 1
	}
	for i := 0; i < sig.Params().Len(); i++ {
		out[sig.Params().At(i)] = i + off
	}
	return out
}

// recordFuncValue notes a function used as a value rather than called (_ = c.Get, a
// callback): if it is a wrapper, it may make its requests with any arguments.
func (x *extractor) recordFuncValue(id *ast.Ident, stack []ast.Node) {
	fn, ok := x.info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() == nil || len(stack) == 0 {
		return
	}
	var expr ast.Node = id
	parent := stack[len(stack)-1]
	if sel, ok := parent.(*ast.SelectorExpr); ok && sel.Sel == id {
		expr = sel
		if len(stack) < 2 {
			return
		}
		parent = stack[len(stack)-2]
	}
	if call, ok := parent.(*ast.CallExpr); ok && call.Fun == expr {
		return // a call: recordFuncCall has it
	}
	x.funcValues = append(x.funcValues, funcCall{call: &ast.CallExpr{Fun: id, Lparen: id.Pos()}, callee: fn, in: x.enclosingFunc(stack)})
}

// recordFuncCall notes a call of a function declared in Go source, inside the function
// declaration in, as a possible wrapper call.
func (x *extractor) recordFuncCall(call *ast.CallExpr, in *types.Func) {
	var fn *types.Func
	switch callee := typeutil.Callee(x.info, call).(type) {
	case *types.Func:
		fn = callee
	case *types.Var:
		fn = x.closureVar[callee] // a closure called by its variable's name
	}
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() == "net/http" {
		return
	}
	x.funcCalls = append(x.funcCalls, funcCall{call: call, callee: fn, in: in})
}
