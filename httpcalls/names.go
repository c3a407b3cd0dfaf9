package httpcalls

import (
	"sort"
	"strings"

	"github.com/zscopelint/zscopelint/srclex"
)

// span is a range of tokens [from, to) of a token slice.
type span struct {
	ts       []srclex.Token
	from, to int
}

func (s span) empty() bool { return s.from >= s.to }

// binding is one assignment of a name: NAME = expr, this.NAME = expr, a class field, a
// default parameter.
type binding struct {
	expr span
	end  int // the offset where the assignment ends: it counts for uses after
	fn   int // the function it is in, -1 for none
}

// function is a function's extent, its parameters and its return expressions.
type function struct {
	name     string
	params   []string
	defaults map[string]span
	start    int // offsets of its body
	end      int
	returns  []span
	arrow    bool   // an arrow function whose body is its return expression
	class    string // the base class of the class it is a method of (Python), "" for none
	classEnd int
}

// file is one file's tokens with its name table and function extents.
type file struct {
	lang srclex.Lang
	toks []srclex.Token
	// binds are the bindings of each name, in file order; nil until a name is first
	// looked up (names).
	binds  map[string][]binding
	funcs  []function
	guzzle bool // the file names GuzzleHttp: a bare Client is Guzzle's
	sdk    int  // the major of the official SDK the file uses, 0 for none
	// classes are Python classes with their base and extent (offsets).
	classes []class
	fnOf    []int32 // the innermost function of each token, -1 for none
	steps   int     // evaluation steps taken: a file's evaluation is bounded
	// zohoSeen says the request being evaluated read a name or a literal that names Zoho.
	zohoSeen bool
	calls    map[string][]int // a same-file function's name: the ( of its calls
}

type class struct {
	base       string
	start, end int
}

func newFile(lang srclex.Lang, toks []srclex.Token) *file {
	f := &file{lang: lang, toks: toks}
	f.scanFunctions()
	f.placeTokens()
	return f
}

// names returns the file's name table, made on the first lookup: a file whose calls are
// all of modules' functions, or that makes none, never needs it (a file of constants that
// names Zoho in a scope list is tokenised, and its hundreds of assignments need no table).
func (f *file) names() map[string][]binding {
	if f.binds == nil {
		f.binds = map[string][]binding{}
		f.scanBindings()
	}
	return f.binds
}

// punct reports whether token i is the punctuation s.
func (f *file) punct(i int, s string) bool {
	return i >= 0 && i < len(f.toks) && f.toks[i].Kind == srclex.Punct && f.toks[i].Text == s
}

func (f *file) ident(i int, s string) bool {
	return i >= 0 && i < len(f.toks) && f.toks[i].Kind == srclex.Ident && f.toks[i].Text == s
}

// fnAt returns the innermost function whose body holds offset off, -1 for none.
func (f *file) fnAt(off int) int {
	if f.fnOf == nil {
		return f.fnAtSlow(off)
	}
	k := sort.Search(len(f.toks), func(i int) bool { return f.toks[i].Off >= off })
	if k < len(f.toks) && f.toks[k].Off == off {
		return int(f.fnOf[k])
	}
	return f.fnAtSlow(off) // inside a string's hole
}

func (f *file) fnAtSlow(off int) int {
	best := -1
	for i, fn := range f.funcs {
		if off >= fn.start && off < fn.end && (best < 0 || fn.start >= f.funcs[best].start) {
			best = i
		}
	}
	return best
}

// placeTokens works out, in one sweep, the innermost function of every token, and the
// return expressions of every function.
func (f *file) placeTokens() {
	order := make([]int, len(f.funcs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return f.funcs[order[a]].start < f.funcs[order[b]].start })
	f.fnOf = make([]int32, len(f.toks))
	var stack []int
	next := 0
	for k, t := range f.toks {
		for len(stack) > 0 && t.Off >= f.funcs[stack[len(stack)-1]].end {
			stack = stack[:len(stack)-1]
		}
		for next < len(order) && f.funcs[order[next]].start <= t.Off {
			if fn := f.funcs[order[next]]; t.Off < fn.end {
				stack = append(stack, order[next])
			}
			next++
		}
		f.fnOf[k] = -1
		if len(stack) > 0 {
			f.fnOf[k] = int32(stack[len(stack)-1])
		}
		if t.Kind == srclex.Ident && t.Text == "return" && len(stack) > 0 {
			fn := &f.funcs[stack[len(stack)-1]]
			if !fn.arrow {
				fn.returns = append(fn.returns, span{f.toks, k + 1, f.exprEnd(k+1, len(f.toks))})
			}
		}
	}
}

// endOf returns the offset just past token i (or the end of the file).
func endOf(ts []srclex.Token, i int) int {
	if i < len(ts) {
		return ts[i].Off + max(len(ts[i].Text), 1)
	}
	if len(ts) == 0 {
		return 0
	}
	return ts[len(ts)-1].Off + len(ts[len(ts)-1].Text) + 1
}

// notFunctionNames are keywords followed by (...) { that define no function.
var notFunctionNames = map[string]bool{"if": true, "for": true, "while": true, "switch": true, "catch": true,
	"function": true, "return": true, "elseif": true, "foreach": true, "with": true}

// scanFunctions finds function extents: function NAME(...) {...}, NAME(...) {...} (a
// method), NAME = (...) => ..., NAME = function (...) {...}, def NAME(...): (Python, by
// indentation).
func (f *file) scanFunctions() {
	ts := f.toks
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		if f.lang == srclex.Python && t.Is("class") && i+1 < len(ts) && ts[i+1].Kind == srclex.Ident {
			c := class{start: t.Off, end: f.pyBlockEnd(i)}
			if f.punct(i+2, "(") && ts[i+2].Match > 0 {
				c.base = refText(span{ts, i + 3, ts[i+2].Match})
			}
			f.classes = append(f.classes, c)
			continue
		}
		if t.Kind != srclex.Ident || !f.punct(i+1, "(") || ts[i+1].Match < 0 {
			continue
		}
		name := t.Text
		open, closeAt := i+1, ts[i+1].Match
		switch {
		case f.lang == srclex.Python && f.ident(i-1, "def"):
			if !f.punct(nextColon(ts, closeAt), ":") {
				continue
			}
			fn := function{name: name, start: ts[closeAt].Off, end: f.pyBlockEnd(i - 1)}
			for _, c := range f.classes {
				if t.Off > c.start && t.Off < c.end {
					fn.class, fn.classEnd = c.base, c.end
				}
			}
			f.addFunction(fn, open, closeAt)
		case f.lang != srclex.Python && !notFunctionNames[name] && !f.punct(i-1, ".") && !f.punct(i-1, "->"):
			// function NAME(...) {, or a method NAME(...) { (TS: ): Type {).
			body := closeAt + 1
			if f.punct(body, ":") {
				for body < len(ts) && body < closeAt+30 && !f.punct(body, "{") && !f.punct(body, ";") {
					body++
				}
			}
			if !f.punct(body, "{") || ts[body].Match < 0 {
				continue
			}
			if !f.ident(i-1, "function") && (f.punct(i-1, "=") || f.punct(i-1, "(") || f.punct(i-1, ",")) {
				continue // a call whose result is followed by a block: not a definition
			}
			f.addFunction(function{name: name, start: ts[body].Off, end: endOf(ts, ts[body].Match)}, open, closeAt)
		}
	}
	// NAME = (params) => body, NAME = async (params) =>, NAME = function (params) {...}
	if f.lang == srclex.JS {
		for i := 0; i+2 < len(ts); i++ {
			if ts[i].Kind != srclex.Ident || !f.punct(i+1, "=") && !f.punct(i+1, ":") {
				continue
			}
			j := i + 2
			if f.ident(j, "async") {
				j++
			}
			if f.ident(j, "function") {
				j++
			}
			if !f.punct(j, "(") || ts[j].Match < 0 {
				continue
			}
			closeAt := ts[j].Match
			k := closeAt + 1
			if f.punct(k, ":") { // a return type
				for k < len(ts) && k < closeAt+30 && !f.punct(k, "=>") && !f.punct(k, "{") {
					k++
				}
			}
			if f.punct(k, "=>") {
				k++
			}
			if f.punct(k, "{") && ts[k].Match > 0 {
				f.addFunction(function{name: ts[i].Text, start: ts[k].Off, end: endOf(ts, ts[k].Match)}, j, closeAt)
			} else if f.punct(k-1, "=>") && k < len(ts) { // an arrow that ends the input has no body
				e := f.exprEnd(k, len(ts))
				fn := function{name: ts[i].Text, start: ts[k].Off, end: endOf(ts, e-1)}
				fn.returns = append(fn.returns, span{ts, k, e})
				f.addFunction(fn, j, closeAt)
			}
		}
	}
}

func nextColon(ts []srclex.Token, closeAt int) int {
	for k := closeAt + 1; k < len(ts) && k < closeAt+30; k++ {
		if ts[k].Kind == srclex.Punct && ts[k].Text == ":" && ts[k].Line >= ts[closeAt].Line {
			if k+1 >= len(ts) || ts[k+1].Line > ts[k].Line || k == closeAt+1 {
				return k
			}
		}
	}
	return -1
}

// pyBlockEnd returns the offset where the block of the statement at token i ends: at the
// first later line indented no deeper than it.
func (f *file) pyBlockEnd(i int) int {
	ts := f.toks
	line, col := ts[i].Line, ts[i].Col
	for k := i + 1; k < len(ts); k++ {
		if ts[k].Line > line && ts[k].Col <= col && (k == 0 || ts[k-1].Line < ts[k].Line) {
			return ts[k].Off
		}
	}
	return endOf(ts, len(ts))
}

// addFunction records a function with the parameters between open and closeAt, and its
// return expressions.
func (f *file) addFunction(fn function, open, closeAt int) {
	ts := f.toks
	fn.defaults = map[string]span{}
	for _, p := range splitTop(span{ts, open + 1, closeAt}, ",") {
		name := ""
		for k := p.from; k < p.to; k++ {
			t := ts[k]
			if t.Kind == srclex.Ident && (f.lang != srclex.PHP || strings.HasPrefix(t.Text, "$")) {
				name = t.Text
				break
			}
		}
		if name == "" || name == "self" || name == "cls" {
			continue
		}
		fn.params = append(fn.params, name)
		for k := p.from; k < p.to; k++ {
			if ts[k].Kind == srclex.Punct && ts[k].Text == "=" {
				fn.defaults[name] = span{ts, k + 1, p.to}
				break
			}
		}
	}
	fn.arrow = fn.returns != nil
	f.funcs = append(f.funcs, fn)
}

// scanBindings fills the name table.
func (f *file) scanBindings() {
	ts := f.toks
	for i := 0; i+1 < len(ts); i++ {
		t := ts[i]
		if f.lang == srclex.Python && t.Is("with") {
			// with requests.Session() as s:
			for k := i + 1; k+1 < len(ts) && ts[k].Line == t.Line; k++ {
				if ts[k].Is("as") && ts[k+1].Kind == srclex.Ident {
					f.bind(ts[k+1].Text, span{ts, i + 1, k})
					break
				}
			}
			continue
		}
		if f.lang == srclex.PHP && t.Is("define") && f.punct(i+1, "(") && i+2 < len(ts) && ts[i+2].Kind == srclex.String && f.punct(i+3, ",") {
			f.bind(ts[i+2].Text, span{ts, i + 4, ts[i+1].Match})
			continue
		}
		if t.Kind != srclex.Ident {
			continue
		}
		if f.lang == srclex.JS && f.punct(i+1, ":") {
			// TypeScript: const NAME: Type = value, private NAME: Type = value.
			if eq := f.typedInit(i + 2); eq > 0 && (i == 0 || ts[i-1].Kind == srclex.Ident) {
				f.bind(t.Text, span{ts, eq + 1, f.exprEnd(eq+1, len(ts))})
			}
			continue
		}
		if !f.punct(i+1, "=") {
			continue
		}
		key := t.Text
		switch {
		case f.punct(i-1, ".") && (f.ident(i-2, "this") || f.ident(i-2, "self")):
			key = "this." + key
		case f.punct(i-1, "->") && f.ident(i-2, "$this"):
			key = "this." + key
		case f.punct(i-1, ".") || f.punct(i-1, "->") || f.punct(i-1, "::"):
			continue
		case f.lang == srclex.PHP && strings.HasPrefix(key, "$") && i > 0 && isPropertyModifier(ts[i-1]):
			f.bind(key[1:], span{ts, i + 2, f.exprEnd(i+2, len(ts))}) // a property: $this->NAME
		}
		f.bind(key, span{ts, i + 2, f.exprEnd(i+2, len(ts))})
	}
}

// typedInit returns the index of the = after a TypeScript type annotation starting at
// token from, -1 when the annotation is not followed by one.
func (f *file) typedInit(from int) int {
	ts := f.toks
	for k := from; k < len(ts) && k < from+16 && ts[k].Line == ts[from].Line; k++ {
		t := ts[k]
		if t.Kind == srclex.Punct {
			switch t.Text {
			case "=":
				return k
			case "[", "(":
				if t.Match > k {
					k = t.Match
				}
				continue
			case ";", ",", ")", "{", "}", "=>":
				return -1
			}
		}
	}
	return -1
}

func isPropertyModifier(t srclex.Token) bool {
	switch t.Text {
	case "private", "protected", "public", "var", "static", "readonly":
		return true
	}
	return t.Kind == srclex.Ident && t.Text != "" && !strings.HasPrefix(t.Text, "$") && t.Text[0] >= 'a' && t.Text[0] <= 'z' && t.Text != "return"
}

func (f *file) bind(key string, expr span) {
	if expr.empty() {
		return
	}
	end := endOf(expr.ts, expr.to-1)
	b := binding{expr: expr, end: end, fn: f.fnAt(expr.ts[expr.from].Off)}
	f.binds[key] = append(f.binds[key], b)
}

// exprEnd returns where the expression starting at token from ends: at a ; , ) ] } outside
// brackets, or at the end of its line where the statement ends there.
func (f *file) exprEnd(from, limit int) int {
	ts := f.toks
	for i := from; i < limit; i++ {
		t := ts[i]
		if i > from && t.Line > ts[i-1].Line && f.lang != srclex.PHP && statementEnds(f.lang, ts[i-1], t) {
			return i
		}
		if t.Kind != srclex.Punct {
			continue
		}
		switch t.Text {
		case "(", "[", "{":
			if t.Match > i {
				i = t.Match
			}
		case ";", ",", ")", "]", "}":
			return i
		}
	}
	return limit
}

// statementEnds reports whether a line break between prev and next ends a statement.
func statementEnds(lang srclex.Lang, prev, next srclex.Token) bool {
	if prev.Kind == srclex.Punct {
		switch prev.Text {
		case ")", "]", "}":
		default:
			return false // an operator goes on
		}
	}
	if lang == srclex.Python {
		return true
	}
	if next.Kind == srclex.Punct {
		switch next.Text {
		case ".", "?.", "+", "-", "*", "/", "?", ":", "||", "&&", "??", "=>":
			return false
		}
	}
	return true
}

// splitTop splits a span at the separator sep outside brackets.
func splitTop(s span, sep string) []span {
	var out []span
	start := s.from
	for i := s.from; i < s.to; i++ {
		t := s.ts[i]
		if t.Kind != srclex.Punct && !(t.Kind == srclex.Ident && t.Text == sep) {
			continue
		}
		if (t.Text == "(" || t.Text == "[" || t.Text == "{") && t.Match > i && t.Match < s.to {
			i = t.Match
			continue
		}
		if t.Text == sep {
			out = append(out, span{s.ts, start, i})
			start = i + 1
		}
	}
	if start < s.to || len(out) > 0 {
		out = append(out, span{s.ts, start, s.to})
	}
	return out
}

// topLevel returns the index of the first sep outside brackets in s, -1 for none.
func topLevel(s span, sep string) int {
	parts := splitTop(s, sep)
	if len(parts) < 2 {
		return -1
	}
	return parts[0].to
}

// refText writes a reference (a.b, $this->x, self::X) as its source text.
func refText(s span) string {
	var b strings.Builder
	for i := s.from; i < s.to; i++ {
		b.WriteString(s.ts[i].Text)
	}
	return b.String()
}

// isRef reports whether s is only a reference: names joined by . ?. -> ::.
func isRef(s span) bool {
	if s.empty() {
		return false
	}
	for i := s.from; i < s.to; i++ {
		t := s.ts[i]
		if (i-s.from)%2 == 0 {
			if t.Kind != srclex.Ident {
				return false
			}
		} else if t.Kind != srclex.Punct || t.Text != "." && t.Text != "?." && t.Text != "->" && t.Text != "::" {
			return false
		}
	}
	return (s.to-s.from)%2 == 1
}

// refKey is the name-table key of a reference: this.x for this.x, self.x, $this->x; X for
// self::X, static::X and Class::X; the text otherwise.
func refKey(s span) string {
	n := s.to - s.from
	first := s.ts[s.from].Text
	if n == 3 {
		sep, last := s.ts[s.from+1].Text, s.ts[s.from+2].Text
		switch {
		case (first == "this" || first == "self" || first == "cls") && sep == ".", first == "$this" && sep == "->":
			return "this." + last
		case sep == "::":
			return last
		}
	}
	return refText(s)
}
