package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"path"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/rules"
)

// CallsFact is what a package exports for its dependents: the Zoho API calls it and its
// dependencies make, so that a scope set in main is judged against the calls of every
// package it imports (SPEC §3).
type CallsFact struct {
	Calls []FactCall
}

// FactCall is a call as it travels in a fact; its requirement is worked out again where
// it is used, with the catalog in force there.
type FactCall struct {
	Method, URL, Where string
}

// AFact marks CallsFact as an analysis fact.
func (*CallsFact) AFact() {}

func (f *CallsFact) String() string { return fmt.Sprintf("%d Zoho API calls", len(f.Calls)) }

// httpCall says where the method and URL of a net/http call are: argument indexes, or
// a fixed method.
type httpCall struct {
	method    string // fixed method, when methodArg < 0
	methodArg int
	urlArg    int
}

var httpFuncs = map[string]httpCall{
	"NewRequest":            {methodArg: 0, urlArg: 1},
	"NewRequestWithContext": {methodArg: 1, urlArg: 2},
	"Get":                   {method: "GET", methodArg: -1, urlArg: 0},
	"Head":                  {method: "HEAD", methodArg: -1, urlArg: 0},
	"Post":                  {method: "POST", methodArg: -1, urlArg: 0},
	"PostForm":              {method: "POST", methodArg: -1, urlArg: 0},
}

// callSite is a net/http (or resty) call whose URL may be a Zoho API URL.
type callSite struct {
	call *ast.CallExpr
	spec httpCall
	in   *types.Func // the enclosing function declaration, nil at package level
	// pathParams are a resty request's path parameters ({module} in its URL), as far as
	// SetPathParam and SetPathParams with constants give them; nil for net/http.
	pathParams map[string]string
}

// restyMethods are the methods of a resty *Request that send it, with their HTTP method.
var restyMethods = map[string]string{"Get": "GET", "Post": "POST", "Put": "PUT", "Patch": "PATCH", "Delete": "DELETE", "Head": "HEAD", "Options": "OPTIONS"}

// restyCallSite recognises client.R().SetPathParams(...).Get("/crm/v8/{module}") and
// Execute(method, url) on a go-resty *Request.
func (x *extractor) restyCallSite(call *ast.CallExpr, fn *types.Func, in *types.Func) bool {
	if fn.Pkg() == nil || !strings.HasSuffix(strings.TrimSuffix(strings.TrimSuffix(fn.Pkg().Path(), "/v2"), "/v3"), "go-resty/resty") {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	if named, ok := derefNamed(recv.Type()); !ok || named.Obj().Name() != "Request" {
		return false
	}
	spec := httpCall{methodArg: -1, urlArg: 0}
	switch m, ok := restyMethods[fn.Name()]; {
	case ok:
		spec.method = m
	case fn.Name() == "Execute":
		spec.methodArg, spec.urlArg = 0, 1
	default:
		return false
	}
	if len(call.Args) <= spec.urlArg {
		return false
	}
	params := map[string]string{}
	for sel, ok := call.Fun.(*ast.SelectorExpr); ok; {
		inner, isCall := sel.X.(*ast.CallExpr)
		if !isCall {
			break
		}
		if f, ok := typeutil.Callee(x.info, inner).(*types.Func); ok {
			switch f.Name() {
			case "SetPathParam":
				if len(inner.Args) == 2 && x.isConstString(inner.Args[0]) && x.isConstString(inner.Args[1]) {
					params[x.stringOf(inner.Args[0], 0)] = x.stringOf(inner.Args[1], 0)
				}
			case "SetPathParams", "SetRawPathParams":
				if len(inner.Args) == 1 {
					if lit, ok := inner.Args[0].(*ast.CompositeLit); ok {
						for _, elt := range lit.Elts {
							if kv, ok := elt.(*ast.KeyValueExpr); ok && x.isConstString(kv.Key) && x.isConstString(kv.Value) {
								params[x.stringOf(kv.Key, 0)] = x.stringOf(kv.Value, 0)
							}
						}
					}
				}
			}
		}
		sel, ok = inner.Fun.(*ast.SelectorExpr)
	}
	x.calls = append(x.calls, callSite{call: call, spec: spec, in: in, pathParams: params})
	return true
}

// withPathParams fills a resty URL's {name} parameters; those not known are Unknown.
func withPathParams(u string, params map[string]string) string {
	if params == nil {
		return u
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(u, '{')
		j := strings.IndexByte(u[max(i, 0):], '}')
		if i < 0 || j < 0 {
			b.WriteString(u)
			return b.String()
		}
		b.WriteString(u[:i])
		if v, ok := params[u[i+1:i+j]]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(catalog.Unknown)
		}
		u = u[i+j+1:]
	}
}

// httpCallSite recognises http.NewRequest[WithContext], http.Get/Head/Post/PostForm and
// the *http.Client methods of those names.
func (x *extractor) httpCallSite(call *ast.CallExpr, in *types.Func) {
	fn, ok := typeutil.Callee(x.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	if x.restyCallSite(call, fn, in) || fn.Pkg().Path() != "net/http" {
		return
	}
	spec, ok := httpFuncs[fn.Name()]
	if !ok {
		return
	}
	if recv := fn.Signature().Recv(); recv != nil {
		if named, ok := derefNamed(recv.Type()); !ok || named.Obj().Name() != "Client" || strings.HasPrefix(fn.Name(), "NewRequest") {
			return
		}
	}
	if len(call.Args) <= spec.urlArg {
		return
	}
	x.calls = append(x.calls, callSite{call: call, spec: spec, in: in})
}

func derefNamed(t types.Type) (*types.Named, bool) {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return n, ok
}

// resolveCalls turns the package's requests (call sites of net/http and of request
// wrappers) into its Zoho API calls. A call made through wrappers says so in its place:
// "main.go:31 (via ListLeads → get → do)".
func (x *extractor) resolveCalls(pass *analysis.Pass, eng *rules.Engine, reqs []request) []rules.Call {
	var out []rules.Call
	for _, r := range reqs {
		if _, ok := catalog.APIPath(r.url); !ok {
			continue // not a Zoho API URL, as far as its constant parts show
		}
		method := r.method
		if strings.Contains(method, catalog.Unknown) {
			method = ""
		}
		p := pass.Fset.Position(r.call.Pos())
		where := fmt.Sprintf("%s:%d", path.Join(pass.Pkg.Path(), path.Base(p.Filename)), p.Line)
		if r.via != "" {
			where += " (via " + r.via + ")"
		}
		if c, ok := eng.NewCall(method, r.url, where); ok {
			out = append(out, c)
		}
	}
	return out
}

// stringOf evaluates a string expression as far as constants allow: constants,
// concatenations, fmt.Sprintf with a constant format, url.JoinPath, and local variables
// assigned once. What is not known becomes catalog.Unknown, so that the requirement is
// widened, never guessed narrower.
func (x *extractor) stringOf(e ast.Expr, depth int) string {
	if depth > 8 {
		return catalog.Unknown
	}
	if x.isConstString(e) {
		return constant.StringVal(x.info.Types[e].Value)
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return x.stringOf(e.X, depth+1)
	case *ast.BinaryExpr:
		return x.stringOf(e.X, depth+1) + x.stringOf(e.Y, depth+1)
	case *ast.Ident:
		if v, ok := x.info.Uses[e].(*types.Var); ok && x.params != nil {
			if i, isParam := x.params[v]; isParam {
				return paramMark(i)
			}
		}
		if rhs := x.singleAssignment(e); rhs != nil {
			return x.stringOf(rhs, depth+1)
		}
	case *ast.CallExpr:
		if tv, ok := x.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 && isString(tv.Type) {
			// A conversion to a named string type (ScopeString(fmt.Sprintf(...))) keeps
			// the value.
			if t := x.info.TypeOf(e.Args[0]); t != nil && isString(t) {
				return x.stringOf(e.Args[0], depth+1)
			}
			break
		}
		fn, ok := typeutil.Callee(x.info, e).(*types.Func)
		if !ok || fn.Pkg() == nil {
			break
		}
		switch fn.Pkg().Path() + "." + fn.Name() {
		case "fmt.Sprintf":
			if len(e.Args) > 0 && x.isConstString(e.Args[0]) {
				args := make([]any, len(e.Args)-1)
				for i, a := range e.Args[1:] {
					args[i] = x.constArg(a, depth)
				}
				return fmt.Sprintf(constant.StringVal(x.info.Types[e.Args[0]].Value), args...)
			}
		case "net/url.JoinPath", "path.Join":
			var parts []string
			for _, a := range e.Args {
				if p := strings.Trim(x.stringOf(a, depth+1), "/"); p != "" {
					parts = append(parts, p)
				}
			}
			joined := strings.Join(parts, "/")
			if fn.Name() == "Join" && len(e.Args) > 0 && strings.HasPrefix(x.stringOf(e.Args[0], depth+1), "/") {
				joined = "/" + joined // path.Join keeps a leading slash
			}
			return joined
		case "strings.String": // (*strings.Builder).String
			if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					if v, ok := x.info.Uses[id].(*types.Var); ok && !x.sbUnknown(v) && len(x.sbWrites[v]) > 0 {
						var b strings.Builder
						for _, w := range x.sbWrites[v] {
							b.WriteString(x.stringOf(w, depth+1))
						}
						return b.String()
					}
				}
			}
		case "net/url.String": // (*url.URL).String
			// url.URL{Scheme: "https", Host: h, Path: p}.String(), or &url.URL{...}.String()
			if sel, ok := e.Fun.(*ast.SelectorExpr); ok {
				if u := x.urlLiteral(sel.X, depth); u != "" {
					return u
				}
			}
		}
	}
	return catalog.Unknown
}

// urlLiteral evaluates a url.URL composite literal (or its address) as the URL it writes:
// scheme://host/path, with Unknown for the fields not known.
func (x *extractor) urlLiteral(e ast.Expr, depth int) string {
	if id, ok := e.(*ast.Ident); ok && depth < 8 {
		if rhs := x.singleAssignment(id); rhs != nil {
			return x.urlLiteral(rhs, depth+1)
		}
	}
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = u.X
	}
	if p, ok := e.(*ast.ParenExpr); ok {
		e = p.X
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return ""
	}
	fields := map[string]string{}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return ""
		}
		if k, ok := kv.Key.(*ast.Ident); ok {
			fields[k.Name] = x.stringOf(kv.Value, depth+1)
		}
	}
	scheme, host, p := fields["Scheme"], fields["Host"], fields["Path"]
	if host == "" {
		host = catalog.Unknown
	}
	if scheme == "" {
		scheme = "https"
	}
	if p != "" && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return scheme + "://" + host + p
}

// constArg is a Sprintf argument: its constant value, or Unknown.
func (x *extractor) constArg(e ast.Expr, depth int) any {
	tv, ok := x.info.Types[e]
	if !ok || tv.Value == nil {
		if s := x.stringOf(e, depth+1); s != catalog.Unknown {
			return s
		}
		return catalog.Unknown
	}
	switch tv.Value.Kind() {
	case constant.String:
		return constant.StringVal(tv.Value)
	case constant.Int:
		if v, ok := constant.Int64Val(tv.Value); ok {
			return v
		}
	case constant.Float:
		v, _ := constant.Float64Val(tv.Value)
		return v
	case constant.Bool:
		return constant.BoolVal(tv.Value)
	}
	return catalog.Unknown
}

// singleAssignment returns the one expression a local variable is ever assigned, or nil.
func (x *extractor) singleAssignment(id *ast.Ident) ast.Expr {
	obj, ok := x.info.Uses[id].(*types.Var)
	if !ok || obj.Parent() == nil || obj.Parent() == obj.Pkg().Scope() {
		return nil // not a local variable
	}
	if rhs := x.assigns[obj]; len(rhs) == 1 {
		return rhs[0]
	}
	return nil
}

// recordAssign notes the values assigned to local variables; a variable assigned in any
// way zscopelint does not follow (several values, &x, a tuple) gets a nil entry.
func (x *extractor) recordAssign(n ast.Node) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for i, l := range n.Lhs {
			id, ok := l.(*ast.Ident)
			if !ok {
				continue
			}
			obj := x.info.ObjectOf(id)
			if obj == nil {
				continue
			}
			switch {
			case len(n.Lhs) == len(n.Rhs) && n.Tok.String() != "+=":
				x.assigns[obj] = append(x.assigns[obj], n.Rhs[i])
			case i == 0 && len(n.Rhs) == 1 && len(n.Lhs) == 2:
				// u, err := url.JoinPath(...): the first result is the string.
				x.assigns[obj] = append(x.assigns[obj], n.Rhs[0])
			default:
				x.assigns[obj] = append(x.assigns[obj], nil, nil)
			}
		}
	case *ast.ValueSpec:
		for i, id := range n.Names {
			obj := x.info.ObjectOf(id)
			if obj == nil {
				continue
			}
			if len(n.Values) == len(n.Names) {
				x.assigns[obj] = append(x.assigns[obj], n.Values[i])
			} else {
				x.assigns[obj] = append(x.assigns[obj], nil, nil)
			}
		}
	case *ast.UnaryExpr:
		if id, ok := n.X.(*ast.Ident); ok && n.Op.String() == "&" {
			if obj := x.info.ObjectOf(id); obj != nil {
				x.assigns[obj] = append(x.assigns[obj], nil, nil) // its address escapes
			}
		}
	}
}

// evidence gathers the calls a package's scope sets are judged against: under a driver
// with facts, its own and those of its dependencies (and it exports them); without facts,
// those the driver gives for the package's path (program), or its own.
func evidence(pass *analysis.Pass, eng *rules.Engine, own []rules.Call, program map[string][]rules.Call) *rules.Evidence {
	if len(pass.Analyzer.FactTypes) == 0 {
		calls := own
		if program != nil {
			// The driver's, and the package's own: a later pass may find calls made through
			// another package's wrappers that the driver's first pass did not.
			seen := map[string]bool{}
			calls = nil
			for _, c := range append(append([]rules.Call(nil), program[pass.Pkg.Path()]...), own...) {
				if k := c.Method + " " + c.URL + " " + c.Where; !seen[k] {
					seen[k] = true
					calls = append(calls, c)
				}
			}
		}
		if len(calls) == 0 {
			return nil
		}
		return &rules.Evidence{Calls: calls}
	}
	seen := map[FactCall]bool{}
	var all []FactCall
	add := func(fc FactCall) {
		if !seen[fc] {
			seen[fc] = true
			all = append(all, fc)
		}
	}
	for _, c := range own {
		add(FactCall{c.Method, c.URL, c.Where})
	}
	for _, imp := range pass.Pkg.Imports() {
		var f CallsFact
		if pass.ImportPackageFact(imp, &f) {
			for _, fc := range f.Calls {
				add(fc)
			}
		}
	}
	if len(all) == 0 {
		return nil
	}
	if pass.Pkg.Name() != "main" { // nothing imports a main package
		pass.ExportPackageFact(&CallsFact{Calls: all})
	}
	ev := &rules.Evidence{}
	for _, fc := range all {
		if c, ok := eng.NewCall(fc.Method, fc.URL, fc.Where); ok {
			ev.Calls = append(ev.Calls, c)
		}
	}
	return ev
}
