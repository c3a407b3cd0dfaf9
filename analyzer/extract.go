package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/zscopelint/zscopelint/judge"
	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/scopetext"
)

// A piece is one operand of a constant string expression: a literal, whose bytes can be
// positioned and edited, or a named constant, whose scopes are judged at its declaration.
type piece struct {
	start, end int // bytes of the expression's value
	lit        *ast.BasicLit
	offs       []int // litValue offsets, when lit != nil
	node       ast.Node
}

// strExpr is a constant string expression of the program.
type strExpr struct {
	node   ast.Expr
	value  string
	pieces []piece
}

// extractor walks one package's files and collects its scope sets.
type extractor struct {
	info     *types.Info
	consumed map[ast.Node]bool // string expressions that belong to a list already
	sets     []judge.Set
	texts    []assignedString // every constant string expression, with its key
	blocks   []goBlock        // composite literals that hold a credential
	calls    []callSite       // net/http calls that may reach Zoho
	// funcCalls are the calls of other functions, which may be request wrappers;
	// funcValues the functions used as values (passed, stored), called who knows how.
	funcCalls  []funcCall
	funcValues []funcCall
	assigns    map[types.Object][]ast.Expr
	// params, while a function's requests are evaluated, maps its parameters to their
	// index: stringOf writes them as template marks (wrappers.go).
	params map[*types.Var]int
	// builder finds the scope builder summary of a function (builders.go), nil for none.
	builder func(*types.Func) *BuilderFact
	fset    *token.FileSet // for the lines of list elements; nil leaves them aside
	// closures are the function literals assigned to a local variable, each standing as a
	// function of its own (a synthetic *types.Func) so that it can be a request wrapper.
	closures   map[*ast.FuncLit]*types.Func
	closureVar map[*types.Var]*types.Func
	// sbWrites are the WriteString arguments of each local strings.Builder, in source order;
	// nil for a builder used any other way (its String is then not known).
	sbWrites map[*types.Var][]ast.Expr
}

func (x *extractor) file(f *ast.File) {
	var stack []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		x.recordAssign(n)
		x.recordClosure(n)
		x.recordBuilderWrite(n)
		if c, ok := n.(*ast.CallExpr); ok {
			in := x.enclosingFunc(stack)
			x.httpCallSite(c, in)
			x.recordFuncCall(c, in)
			x.builderCall(c)
		}
		if id, ok := n.(*ast.Ident); ok {
			x.recordFuncValue(id, stack)
		}
		switch n := n.(type) {
		case *ast.ImportSpec:
			return false // import paths are not scopes
		case *ast.Field:
			if n.Tag != nil {
				x.consumed[n.Tag] = true // a tag is no scope string as a whole
				x.structTag(n)
			}
		case *ast.CompositeLit:
			x.block(n)
			if isStringList(x.info.TypeOf(n)) || x.untypedStringList(n) {
				before := len(x.sets)
				x.list(n, contextName(stack))
				if len(x.sets) > before && x.joinedBySpaces(n, stack) {
					// strings.Join(list, " "): one string of space-joined scopes.
					items := x.sets[len(x.sets)-1].Items
					for i := 1; i < len(items); i++ {
						items[i].SpaceJoined = true
					}
				}
			}
		case ast.Expr:
			if !x.consumed[n] && x.isMaximalString(n, stack) {
				x.stringExpr(n, contextName(stack))
				return false // its operands are part of it
			}
		}
		stack = append(stack, n)
		return true
	})
}

// enclosingFunc is the function a node sits in (the innermost): a declaration, or a function
// literal assigned to a local variable; nil at package level. Another function literal is
// part of the function around it.
func (x *extractor) enclosingFunc(stack []ast.Node) *types.Func {
	for i := len(stack) - 1; i >= 0; i-- {
		switch d := stack[i].(type) {
		case *ast.FuncDecl:
			fn, _ := x.info.Defs[d.Name].(*types.Func)
			return fn
		case *ast.FuncLit:
			if fn := x.closures[d]; fn != nil {
				return fn
			}
		}
	}
	return nil
}

// recordBuilderWrite notes how a local strings.Builder is written: b.WriteString(s) in
// order; any other method (WriteByte, Reset, Fprintf into it) makes its value unknown.
func (x *extractor) recordBuilderWrite(n ast.Node) {
	poison := func(v *types.Var) { x.sbWrites[v] = append(x.sbWrites[v], nil) }
	builderVar := func(e ast.Expr) *types.Var {
		id, ok := e.(*ast.Ident)
		if !ok {
			return nil
		}
		v, ok := x.info.Uses[id].(*types.Var)
		if !ok || !isStringsBuilder(v.Type()) {
			return nil
		}
		if x.sbWrites == nil {
			x.sbWrites = map[*types.Var][]ast.Expr{}
		}
		return v
	}
	switch n := n.(type) {
	case *ast.UnaryExpr: // &b: written where zscopelint does not look (fmt.Fprintf(&b, ...))
		if v := builderVar(n.X); v != nil && n.Op == token.AND {
			poison(v)
		}
	case *ast.CallExpr:
		sel, ok := n.Fun.(*ast.SelectorExpr)
		if !ok {
			return
		}
		v := builderVar(sel.X)
		if v == nil {
			return
		}
		switch sel.Sel.Name {
		case "String", "Len", "Cap", "Grow":
		case "WriteString":
			if len(n.Args) == 1 && !x.sbUnknown(v) {
				x.sbWrites[v] = append(x.sbWrites[v], n.Args[0])
				return
			}
			poison(v)
		default:
			poison(v)
		}
	}
}

// sbUnknown reports whether a builder's value has been made unknown.
func (x *extractor) sbUnknown(v *types.Var) bool {
	ws := x.sbWrites[v]
	return len(ws) > 0 && ws[len(ws)-1] == nil
}

func isStringsBuilder(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "strings" && n.Obj().Name() == "Builder"
}

// recordClosure gives a function literal assigned to a local variable a function of its
// own: get := func(path string) (*http.Response, error) { ... }.
func (x *extractor) recordClosure(n ast.Node) {
	var names []*ast.Ident
	var values []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		for _, l := range n.Lhs {
			id, _ := l.(*ast.Ident)
			names = append(names, id)
		}
		values = n.Rhs
	case *ast.ValueSpec:
		names, values = n.Names, n.Values
	default:
		return
	}
	if len(names) != len(values) {
		return
	}
	for i, v := range values {
		lit, ok := v.(*ast.FuncLit)
		if !ok || names[i] == nil {
			continue
		}
		obj, ok := x.info.ObjectOf(names[i]).(*types.Var)
		sig, isSig := x.info.TypeOf(lit).(*types.Signature)
		if !ok || !isSig || obj.Pkg() == nil {
			continue
		}
		if x.closures == nil {
			x.closures, x.closureVar = map[*ast.FuncLit]*types.Func{}, map[*types.Var]*types.Func{}
		}
		fn := types.NewFunc(lit.Pos(), obj.Pkg(), obj.Name(), sig)
		x.closures[lit] = fn
		if _, again := x.closureVar[obj]; again {
			fn = nil // assigned twice: which one a call runs is not known
		}
		x.closureVar[obj] = fn
	}
}

// defaultTagKeys are the struct tag keys that hold a field's default value in the
// configuration libraries Go programs use (kong, envconfig, creasty/defaults: default;
// caarlos0/env: envDefault).
var defaultTagKeys = map[string]bool{"default": true, "envDefault": true, "defaultValue": true}

// structTag reads the default values of a field's struct tag as strings of the program:
// `envconfig:"ZOHO_SCOPES" default:"ZohoCRM.modules.ALL"`. The value is in scope position
// when the field or the variable it names is named like scope.
func (x *extractor) structTag(f *ast.Field) {
	lit := f.Tag
	if lit.Kind != token.STRING || len(lit.Value) < 2 || lit.Value[0] != '`' {
		return // a tag in "..." with escapes: rare, and its bytes would not map back
	}
	tag := lit.Value[1 : len(lit.Value)-1]
	key := ""
	if len(f.Names) > 0 {
		key = f.Names[0].Name
	}
	type entry struct {
		value string
		at    int // offset of value in tag
	}
	var defaults []entry
	for i := 0; i < len(tag); {
		for i < len(tag) && tag[i] == ' ' {
			i++
		}
		j := i
		for j < len(tag) && tag[j] > ' ' && tag[j] != ':' && tag[j] != '"' {
			j++
		}
		if j == i || j+1 >= len(tag) || tag[j] != ':' || tag[j+1] != '"' {
			return // not the conventional key:"value" form
		}
		name := tag[i:j]
		end := strings.IndexByte(tag[j+2:], '"')
		if end < 0 || strings.Contains(tag[j+2:j+2+end], "\\") {
			return
		}
		value := tag[j+2 : j+2+end]
		if defaultTagKeys[name] {
			defaults = append(defaults, entry{value, j + 2})
		} else if scopetext.ScopeName(value) {
			key = value // env:"ZOHO_SCOPES" names the variable the default stands for
		}
		i = j + 2 + end + 1
	}
	for _, d := range defaults {
		offs := make([]int, len(d.value)+1)
		for k := range offs {
			offs[k] = 1 + d.at + k // 1: the opening backquote
		}
		str := strExpr{node: lit, value: d.value, pieces: []piece{{start: 0, end: len(d.value), lit: lit, offs: offs, node: lit}}}
		x.texts = append(x.texts, assignedString{str, key})
		for _, set := range scopetext.Split(d.value, scopetext.ScopeName(key)) {
			x.addStringSet(str, set)
		}
	}
}

// joinedBySpaces reports whether lit is the list of a strings.Join call whose separator is
// a constant of spaces or tabs without a comma.
func (x *extractor) joinedBySpaces(lit *ast.CompositeLit, stack []ast.Node) bool {
	if len(stack) == 0 {
		return false
	}
	call, ok := stack[len(stack)-1].(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || call.Args[0] != lit {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Join" {
		return false
	}
	if fn, ok := x.info.Uses[sel.Sel].(*types.Func); !ok || fn.Pkg() == nil || fn.Pkg().Path() != "strings" {
		return false
	}
	tv, ok := x.info.Types[call.Args[1]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	sep := constant.StringVal(tv.Value)
	return strings.ContainsAny(sep, " \t") && !strings.Contains(sep, ",")
}

// untypedStringList reports whether lit is a composite literal whose type the checker could
// not resolve (its package did not load) and whose elements are all string constants:
// zoho.Scopes{"ZohoCRM.users.READ", ...} is a list still.
func (x *extractor) untypedStringList(lit *ast.CompositeLit) bool {
	if t := x.info.TypeOf(lit); t != nil && t != types.Typ[types.Invalid] || len(lit.Elts) == 0 {
		return false
	}
	for _, e := range lit.Elts {
		if _, ok := e.(*ast.KeyValueExpr); ok || !x.isConstString(e) {
			return false
		}
	}
	return true
}

func isStringList(t types.Type) bool {
	if t == nil {
		return false
	}
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	default:
		return false
	}
	b, ok := elem.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// isMaximalString reports whether n is a constant string expression written with at least
// one literal, and not an operand of a larger one. A bare named constant is not: its
// scopes are reported once, at its declaration.
func (x *extractor) isMaximalString(n ast.Expr, stack []ast.Node) bool {
	switch n.(type) {
	case *ast.BasicLit, *ast.BinaryExpr, *ast.ParenExpr:
	default:
		return false
	}
	if !x.isConstString(n) {
		return false
	}
	if len(stack) > 0 {
		if parent, ok := stack[len(stack)-1].(ast.Expr); ok {
			switch parent.(type) {
			case *ast.BinaryExpr, *ast.ParenExpr:
				if x.isConstString(parent) {
					return false
				}
			}
		}
	}
	return true
}

func (x *extractor) isConstString(n ast.Expr) bool {
	tv, ok := x.info.Types[n]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String
}

// flatten appends the pieces of a constant string expression: its operands, in order.
func (x *extractor) flatten(n ast.Expr, at int, out []piece) []piece {
	switch e := n.(type) {
	case *ast.ParenExpr:
		return x.flatten(e.X, at, out)
	case *ast.BinaryExpr:
		if e.Op == token.ADD && x.isConstString(e.X) && x.isConstString(e.Y) {
			out = x.flatten(e.X, at, out)
			return x.flatten(e.Y, out[len(out)-1].end, out)
		}
	case *ast.BasicLit:
		if v, offs, ok := litValue(e); ok {
			return append(out, piece{start: at, end: at + len(v), lit: e, offs: offs, node: e})
		}
	}
	v := constant.StringVal(x.info.Types[n].Value)
	return append(out, piece{start: at, end: at + len(v), node: n})
}

// newStrExpr records a constant string expression, assigned to key ("" for none): its
// scopes are judged as sets, and the whole string by the hygiene checks.
func (x *extractor) newStrExpr(n ast.Expr, key string) strExpr {
	str := strExpr{node: n, value: constant.StringVal(x.info.Types[n].Value), pieces: x.flatten(n, 0, nil)}
	x.texts = append(x.texts, assignedString{str, key})
	return str
}

// assignedString is a string expression and the name it is assigned to.
type assignedString struct {
	str strExpr
	key string
}

// stringExpr finds the scope sets inside one constant string expression.
func (x *extractor) stringExpr(n ast.Expr, key string) {
	str := x.newStrExpr(n, key)
	for _, s := range scopetext.Split(str.value, scopetext.ScopeName(key)) {
		x.addStringSet(str, s)
	}
}

// addStringSet adds a set found inside one string expression.
func (x *extractor) addStringSet(str strExpr, s scopetext.Set) {
	set := judge.Set{Set: rules.SetOf(s)}
	for i, sp := range s.Spans {
		el := str.locate(sp, sp.Exact(str.value))
		el.Remove = str.span(s.RemovalRange(i))
		set.Add(el)
	}
	x.sets = append(x.sets, set)
}

// list makes one scope set of a []string literal: every element, and every scope inside a
// comma-joined element.
func (x *extractor) list(lit *ast.CompositeLit, key string) {
	set := judge.Set{}
	allLists := true
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		if !x.isConstString(elt) {
			if scope, ok := x.builderValue(elt); ok {
				// BuildScope(zoho.Crm, zoho.ModulesScope, zoho.Leads, zoho.Read): the scope
				// it yields, at the call; there is no literal to fix.
				el := judge.Element{Item: rules.Item{Text: scope}, At: *spanOf(elt.Pos(), elt.End()), Remove: x.removeElement(lit, i)}
				set.Add(el)
				x.consumed[elt] = true // an element of this set, not one of its own (builderCall)
			}
			continue
		}
		x.consumed[elt] = true
		str := x.newStrExpr(elt, key)
		for _, s := range scopetext.Split(str.value, true) {
			if !s.InList() {
				// A URL or prose inside the list is a set of its own, and takes the list
				// out of scope position (a Google scope URL is no Zoho scope).
				allLists = false
				x.addStringSet(str, s)
				continue
			}
			for j, sp := range s.Spans {
				el := str.locate(sp, sp.Exact(str.value))
				if len(s.Spans) == 1 && sp.Start == 0 && sp.End == len(str.value) {
					el.Remove = x.removeElement(lit, i)
					if bl, ok := elt.(*ast.BasicLit); ok && strings.HasPrefix(bl.Value, `"`) {
						el.ListSeparator = `", "` // one "..." element becomes several
					}
				} else {
					el.Remove = str.span(s.RemovalRange(j))
				}
				set.Add(el)
			}
		}
	}
	set.ScopePosition = scopetext.ScopeName(key) && allLists
	if len(set.Elements) > 0 {
		x.sets = append(x.sets, set)
	}
}

// builderCall makes scope sets of the scope-builder calls that are no element of a list
// literal (list takes those): the builder calls among the arguments of an append are one
// set (scopes = append(scopes, BuildScope(...), BuildScope(...))), any other call with
// constant arguments a set of one (s := BuildScope(...), client.WithScope(BuildScope(...))).
// What a builder yields is a scope by construction: the set is in scope position.
func (x *extractor) builderCall(c *ast.CallExpr) {
	if x.builder == nil || x.consumed[c] {
		return
	}
	add := func(set *judge.Set, e ast.Expr) {
		if scope, ok := x.builderValue(e); ok {
			x.consumed[e] = true
			set.Add(judge.Element{Item: rules.Item{Text: scope}, At: *spanOf(e.Pos(), e.End())})
		}
	}
	set := judge.Set{Set: rules.Set{ScopePosition: true}}
	if id, ok := c.Fun.(*ast.Ident); ok && len(c.Args) > 1 {
		if b, ok := x.info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
			for _, a := range c.Args[1:] {
				add(&set, a)
			}
		}
	}
	if t := x.info.TypeOf(c); len(set.Elements) == 0 && t != nil && isString(t) {
		add(&set, c)
	}
	if len(set.Elements) > 0 {
		x.sets = append(x.sets, set)
	}
}

// removeElement is what to delete to drop element i of a composite literal: the element
// and the comma that separates it; an element alone on its line goes with its line, so
// that its comment goes with it and the comments of the others stay where they are.
func (x *extractor) removeElement(lit *ast.CompositeLit, i int) *judge.Span {
	elts := lit.Elts
	if x.fset != nil {
		tf := x.fset.File(lit.Pos())
		line := func(p token.Pos) int { return tf.Line(p) }
		l := line(elts[i].Pos())
		before := lit.Lbrace
		if i > 0 {
			before = elts[i-1].End()
		}
		after := lit.Rbrace
		if i+1 < len(elts) {
			after = elts[i+1].Pos()
		}
		if line(before) < l && line(after) > l && len(elts) > 1 {
			end := tf.Pos(tf.Size())
			if l < tf.LineCount() {
				end = tf.LineStart(l + 1)
			}
			return spanOf(tf.LineStart(l), end)
		}
	}
	switch {
	case len(elts) == 1:
		return spanOf(elts[0].Pos(), elts[0].End())
	case i+1 < len(elts):
		return spanOf(elts[i].Pos(), elts[i+1].Pos())
	default:
		return spanOf(elts[i-1].End(), elts[i].End())
	}
}

func spanOf(pos, end token.Pos) *judge.Span {
	return &judge.Span{Start: judge.Pos(pos), End: judge.Pos(end)}
}

// locate positions a span of the expression's value as a set element.
func (str strExpr) locate(sp scopetext.Span, exact bool) judge.Element {
	el := judge.Element{Item: rules.Item{Text: sp.Text, SpaceJoined: sp.SpaceJoined}, At: *spanOf(str.node.Pos(), str.node.End())}
	p := str.pieceAt(sp.Start)
	if p == nil || p.lit == nil {
		// The element comes from a named constant: judged where that is declared.
		if p != nil && sp.End <= p.end {
			el.Quiet = true
		}
		return el
	}
	el.At.Start = judge.Pos(p.lit.Pos()) + judge.Pos(p.offs[sp.Start-p.start])
	if sp.End <= p.end {
		el.At.End = judge.Pos(p.lit.Pos()) + judge.Pos(p.offs[sp.End-p.start])
		if exact {
			el.Replace = str.span(sp.Start, sp.End)
		}
	}
	return el
}

func (str strExpr) pieceAt(off int) *piece {
	for i := range str.pieces {
		if p := &str.pieces[i]; off >= p.start && off < p.end {
			return p
		}
	}
	return nil
}

// span is where value[start:end] is written when those bytes are written verbatim inside
// one literal (no escapes), or nil.
func (str strExpr) span(start, end int) *judge.Span {
	p := str.pieceAt(start)
	if p == nil || p.lit == nil || end > p.end {
		return nil
	}
	a, b := p.offs[start-p.start], p.offs[end-p.start]
	if p.lit.Value[a:b] != str.value[start:end] {
		return nil
	}
	return spanOf(p.lit.Pos()+token.Pos(a), p.lit.Pos()+token.Pos(b))
}

// contextName is the name the node on top of stack's child is given to: the key of a
// key-value pair, the variable or field assigned, or the key of a Set/Add(key, value)
// call. It is "" when there is none.
func contextName(stack []ast.Node) string {
	if len(stack) == 0 {
		return ""
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.KeyValueExpr:
		return exprName(p.Key)
	case *ast.AssignStmt:
		if len(p.Lhs) > 0 {
			return exprName(p.Lhs[0])
		}
	case *ast.ValueSpec:
		if len(p.Names) > 0 {
			return p.Names[0].Name
		}
	case *ast.CallExpr:
		if sel, ok := p.Fun.(*ast.SelectorExpr); ok && (sel.Sel.Name == "Set" || sel.Sel.Name == "Add") && len(p.Args) == 2 {
			return exprName(p.Args[0])
		}
	}
	return ""
}

func exprName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.BasicLit:
		if e.Kind == token.STRING && len(e.Value) >= 2 {
			return e.Value[1 : len(e.Value)-1]
		}
	}
	return ""
}

// goBlock is a struct or map literal holding a credential, with the Zoho hosts its constant
// strings name (ZS303).
type goBlock struct {
	key   string
	pos   token.Pos
	hosts []string
}

// block records a composite literal that holds a credential field or key. Nested literals
// with a credential of their own are blocks of their own and do not count here.
func (x *extractor) block(lit *ast.CompositeLit) {
	kv := credentialElt(lit)
	if kv == nil {
		return
	}
	b := goBlock{key: exprName(kv.Key), pos: kv.Key.Pos()}
	ast.Inspect(lit, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			return n == lit || credentialElt(n) == nil
		case ast.Expr:
			if x.isConstString(n) {
				b.hosts = append(b.hosts, rules.ZohoHosts(constant.StringVal(x.info.Types[n].Value))...)
				return false
			}
		}
		return true
	})
	x.blocks = append(x.blocks, b)
}

func credentialElt(lit *ast.CompositeLit) *ast.KeyValueExpr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok && rules.IsCredentialKey(exprName(kv.Key)) {
			return kv
		}
	}
	return nil
}
