package httpcalls

import (
	"sort"
	"strings"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/srclex"
)

// maxValues bounds the values an expression may have (a value set from ternaries).
const maxValues = 4

// maxDepth bounds the names followed to evaluate one expression.
const maxDepth = 12

// maxSteps bounds the evaluation steps of one request: names bound to names bound to
// concatenations of names could otherwise take exponential time.
const maxSteps = 20_000

// env is what an expression is evaluated in: the function it is in, and, when a helper
// is evaluated for one of its call sites, its arguments' values.
type env struct {
	fn   int                 // -1 for none
	args map[string][]string // nil: the parameters are not known
	used bool                // a parameter not known was read
}

var unknown = []string{catalog.Unknown}

// eval returns the string values an expression may have, catalog.Unknown for parts not
// known.
func (f *file) eval(s span, e *env, depth int) []string {
	f.steps++
	if depth > maxDepth || s.empty() || f.steps > maxSteps {
		return unknown
	}
	// cond ? a : b, a if cond else b: both.
	if f.lang != srclex.Python {
		if q := topLevel(s, "?"); q >= 0 {
			if c := topLevel(span{s.ts, q + 1, s.to}, ":"); c >= 0 {
				return union(f.eval(span{s.ts, q + 1, c}, e, depth+1), f.eval(span{s.ts, c + 1, s.to}, e, depth+1))
			}
		}
	} else if i := topLevel(s, "if"); i >= 0 {
		if el := topLevel(span{s.ts, i + 1, s.to}, "else"); el >= 0 {
			return union(f.eval(span{s.ts, s.from, i}, e, depth+1), f.eval(span{s.ts, el + 1, s.to}, e, depth+1))
		}
	}
	// a || b, a ?? b, a or b (a default): either.
	for _, op := range []string{"||", "??", "or", "?:"} {
		if parts := splitTop(s, op); len(parts) > 1 {
			var out []string
			for _, p := range parts {
				out = union(out, f.eval(p, e, depth+1))
			}
			return out
		}
	}
	concat := "+"
	if f.lang == srclex.PHP {
		concat = "."
	}
	out := []string{""}
	for _, p := range splitTop(s, concat) {
		out = product(out, f.operand(p, e, depth+1))
	}
	return out
}

// operand evaluates one operand of a concatenation.
func (f *file) operand(s span, e *env, depth int) []string {
	ts := s.ts
	for !s.empty() && (ts[s.from].Is("await") || ts[s.from].Is("new") || ts[s.from].Is("!")) {
		s.from++
	}
	// TypeScript: x as string, x!
	if i := topLevel(s, "as"); i > s.from && f.lang == srclex.JS {
		s.to = i
	}
	if s.to-s.from > 1 && ts[s.to-1].Kind == srclex.Punct && ts[s.to-1].Text == "!" {
		s.to--
	}
	if s.empty() {
		return unknown
	}
	first := ts[s.from]
	if first.Kind == srclex.Punct && first.Text == "(" && first.Match == s.to-1 {
		return f.eval(span{ts, s.from + 1, s.to - 1}, e, depth)
	}
	if first.Kind == srclex.String {
		// Adjacent literals (Python, or a PHP heredoc) join.
		k := s.from
		out := []string{""}
		for k < s.to && ts[k].Kind == srclex.String {
			out = product(out, f.str(ts[k], e, depth))
			k++
		}
		switch {
		case k == s.to:
			return out
		case f.lang == srclex.Python && k+3 < s.to+1 && ts[k].Is(".") && ts[k+1].Is("format") && ts[k+2].Is("("):
			return f.format(out, span{ts, k + 3, ts[k+2].Match}, e, depth)
		case f.lang == srclex.Python && ts[k].Is("%"):
			return mapValues(out, func(v string) string { return printfHoles(v) })
		}
		return unknown
	}
	if isRef(s) {
		if mentionsZoho(refText(s)) {
			f.zohoSeen = true
		}
		return f.lookup(refKey(s), first.Off, e, depth)
	}
	// A call of a same-file function that returns a string: its return expressions with
	// its parameters bound to the arguments.
	if last := ts[s.to-1]; last.Kind == srclex.Punct && last.Text == ")" && last.Match > s.from && isRef(span{ts, s.from, last.Match}) {
		callee := span{ts, s.from, last.Match}
		if fi := f.function(calleeName(callee)); fi >= 0 && len(f.funcs[fi].returns) > 0 && depth < maxDepth-2 {
			ce := &env{fn: fi, args: f.bindArgs(fi, span{ts, last.Match + 1, s.to - 1}, e, depth)}
			var out []string
			for _, r := range f.funcs[fi].returns {
				out = union(out, f.eval(r, ce, depth+1))
			}
			e.used = e.used || ce.used
			return out
		}
	}
	return unknown
}

// calleeName is the name a same-file function is called by: f, this.f, self.f,
// $this->f, self::f, static::f.
func calleeName(s span) string {
	n := s.to - s.from
	if n == 1 {
		return s.ts[s.from].Text
	}
	if n == 3 {
		switch s.ts[s.from].Text {
		case "this", "self", "$this", "static", "cls":
			return s.ts[s.to-1].Text
		}
	}
	return ""
}

// function returns the function named name, -1 for none or more than one.
func (f *file) function(name string) int {
	found := -1
	for i, fn := range f.funcs {
		if fn.name == name && name != "" {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// bindArgs evaluates a call's arguments (in the caller's env) for function fi's
// parameters, positional and keyword.
func (f *file) bindArgs(fi int, args span, caller *env, depth int) map[string][]string {
	fn := f.funcs[fi]
	out := map[string][]string{}
	pos, kw := f.arguments(args)
	for k, a := range pos {
		if k < len(fn.params) {
			out[fn.params[k]] = f.eval(a, caller, depth+1)
		}
	}
	for name, a := range kw {
		out[name] = f.eval(a, caller, depth+1)
	}
	return out
}

// arguments splits a call's arguments into positional ones and keyword ones (Python
// name=value, PHP 8 name: value).
func (f *file) arguments(s span) (pos []span, kw map[string]span) {
	kw = map[string]span{}
	if s.empty() {
		return nil, kw
	}
	for _, a := range splitTop(s, ",") {
		if a.to-a.from > 2 && a.ts[a.from].Kind == srclex.Ident && (f.lang == srclex.Python && a.ts[a.from+1].Is("=") || f.lang == srclex.PHP && a.ts[a.from+1].Is(":")) {
			kw[a.ts[a.from].Text] = span{a.ts, a.from + 2, a.to}
			continue
		}
		pos = append(pos, a)
	}
	return pos, kw
}

// str evaluates a string literal, its holes evaluated.
func (f *file) str(t srclex.Token, e *env, depth int) []string {
	if mentionsZoho(t.Text) {
		f.zohoSeen = true
	}
	if t.Parts == nil {
		if f.lang == srclex.Python && strings.Contains(t.Prefix, "f") {
			return []string{t.Text}
		}
		return []string{t.Text}
	}
	out := []string{""}
	for _, p := range t.Parts {
		if !p.IsHole {
			out = product(out, []string{p.Lit})
			continue
		}
		out = product(out, f.eval(span{p.Hole, 0, len(p.Hole)}, e, depth+1))
	}
	return out
}

// format evaluates Python's "...".format(args): {} and {0} take positional arguments,
// {name} keyword ones.
func (f *file) format(values []string, args span, e *env, depth int) []string {
	pos, kw := f.arguments(args)
	return flatMap(values, func(v string) []string {
		out := []string{""}
		next := 0
		for {
			open := strings.IndexByte(v, '{')
			if open < 0 {
				return product(out, []string{v})
			}
			closeAt := strings.IndexByte(v[open:], '}')
			if closeAt < 0 {
				return product(out, []string{v})
			}
			out = product(out, []string{v[:open]})
			field, _, _ := strings.Cut(v[open+1:open+closeAt], ":")
			var val []string
			switch {
			case field == "" && next < len(pos):
				val = f.eval(pos[next], e, depth+1)
				next++
			case len(field) == 1 && field[0] >= '0' && field[0] <= '9' && int(field[0]-'0') < len(pos):
				val = f.eval(pos[field[0]-'0'], e, depth+1)
			case kw[field].to > kw[field].from:
				val = f.eval(kw[field], e, depth+1)
			default:
				val = unknown
			}
			out = product(out, val)
			v = v[open+closeAt+1:]
		}
	})
}

// printfHoles stands Unknown for the %s, %d and %(name)s of a %-formatted string.
func printfHoles(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '%' || i+1 >= len(v) {
			b.WriteByte(v[i])
			continue
		}
		j := i + 1
		if v[j] == '%' {
			b.WriteByte('%')
			i = j
			continue
		}
		if v[j] == '(' {
			if k := strings.IndexByte(v[j:], ')'); k > 0 {
				j += k + 1
			}
		}
		for j < len(v) && strings.IndexByte("0123456789.-+ #", v[j]) >= 0 {
			j++
		}
		if j < len(v) {
			b.WriteString(catalog.Unknown)
			i = j
			continue
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

// lookup returns the values of a name at offset at.
func (f *file) lookup(key string, at int, e *env, depth int) []string {
	if e.fn >= 0 {
		fn := f.funcs[e.fn]
		for _, p := range fn.params {
			if p != key {
				continue
			}
			if e.args != nil {
				if v, ok := e.args[p]; ok {
					return v
				}
			}
			if d, ok := fn.defaults[p]; ok {
				return f.eval(d, &env{fn: -1}, depth+1)
			}
			e.used = true
			return unknown
		}
	}
	b, ok := f.binding(key, at, e.fn)
	if !ok && strings.HasPrefix(key, "this.") {
		b, ok = f.binding(strings.TrimPrefix(key, "this."), at, e.fn)
	}
	if !ok {
		return f.member(key, at, e, depth)
	}
	be := e
	if b.fn != e.fn {
		be = &env{fn: b.fn}
	}
	return f.eval(b.expr, be, depth+1)
}

// member evaluates CONFIG.key where CONFIG is bound to an object literal in the file.
func (f *file) member(key string, at int, e *env, depth int) []string {
	head, field, ok := strings.Cut(strings.TrimPrefix(key, "this."), ".")
	if !ok || strings.Contains(field, ".") {
		return unknown
	}
	b, ok := f.binding(head, at, e.fn)
	if !ok || !f.isObject(b.expr) {
		return unknown
	}
	v := f.field(b.expr, []string{field})
	if v.empty() {
		return unknown
	}
	be := e
	if b.fn != e.fn {
		be = &env{fn: b.fn}
	}
	return f.eval(v, be, depth+1)
}

// binding chooses the assignment of key that a use at offset at sees: the last one before
// it in the same function; else the last one before it outside functions; else the
// first outside functions; else, for a field (this.x), the first anywhere.
func (f *file) binding(key string, at, fn int) (binding, bool) {
	bs := f.names()[key]
	// Bindings are in file order: those before k end before at.
	k := sort.Search(len(bs), func(i int) bool { return bs[i].end > at })
	lastBefore := func(fn int) (binding, bool) {
		for i := k - 1; i >= 0; i-- {
			if bs[i].fn == fn {
				return bs[i], true
			}
		}
		return binding{}, false
	}
	if fn >= 0 {
		if b, ok := lastBefore(fn); ok {
			return b, true
		}
	}
	if b, ok := lastBefore(-1); ok {
		return b, true
	}
	for _, b := range bs { // the first outside functions
		if b.fn == -1 {
			return b, true
		}
	}
	if strings.HasPrefix(key, "this.") && len(bs) > 0 {
		return bs[0], true
	}
	return binding{}, false
}

func union(a, b []string) []string {
	out := append([]string(nil), a...)
	for _, v := range b {
		if !contains(out, v) && len(out) < maxValues {
			out = append(out, v)
		}
	}
	return out
}

func contains(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// product is every value of a followed by every value of b, at most maxValues; runs of
// Unknown collapse.
func product(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			v := x + y
			for strings.Contains(v, catalog.Unknown+catalog.Unknown) {
				v = strings.ReplaceAll(v, catalog.Unknown+catalog.Unknown, catalog.Unknown)
			}
			if !contains(out, v) && len(out) < maxValues {
				out = append(out, v)
			}
		}
	}
	return out
}

func mapValues(vs []string, m func(string) string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = m(v)
	}
	return out
}

func flatMap(vs []string, m func(string) []string) []string {
	var out []string
	for _, v := range vs {
		out = union(out, m(v))
	}
	return out
}

// mentionsZoho reports whether a name or a literal names Zoho, in any case.
func mentionsZoho(s string) bool { return strings.Contains(strings.ToLower(s), "zoho") }
