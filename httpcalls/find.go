package httpcalls

import (
	"bytes"
	"sort"
	"strings"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/srclex"
)

// Request is one HTTP request a file makes.
type Request struct {
	Method string // upper case; "" when not known before run time
	URL    string // catalog.Unknown stands for the parts not known
	Line   int
	Via    string // the same-file helper the request is made in, for a call of it; "" for none
	// Zoho says the URL was built from something that names Zoho (a literal, a name such
	// as ZOHO_API_URL): a request to a Zoho API whose product may not be known.
	Zoho bool
}

// Find returns the requests a file of language lang makes, sorted by line.
//
// sdks are the official Zoho SDKs the file's program depends on (ManifestSDKs): their
// operations are requests too.
func Find(lang srclex.Lang, src []byte, sdks ...SDK) []Request {
	if bytes.IndexByte(src, '(') < 0 {
		// Every request is made by a call, and every site is found at a call's "(" (sites):
		// a file without one (a module of constants with a scope list) makes none, and is
		// not tokenised.
		return nil
	}
	f := newFile(lang, srclex.Tokens(lang, src))
	f.guzzle = bytes.Contains(src, []byte("GuzzleHttp"))
	f.sdk = sdkMajor(lang, src, sdks)
	return f.requests()
}

// site is one recognised request, before its expressions are evaluated: a helper's site is
// evaluated again for each call of the helper.
type site struct {
	line       int
	off        int
	fn         int
	method     string
	methodExpr span
	url        span
	base       []string // the client's base URLs; nil for none
	baseExpr   span     // a base given with the request
	host       span     // a host given apart from the path (Node's hostname): https://host
	// An SDK operation's path template, and the constructor arguments that fill its
	// variables (evaluated in sdkEnv); "" for a request that is not an SDK's.
	sdkPath string
	sdkArgs map[string]span
	sdkEnv  *env
}

// segment is one name of a callee chain (a.b().c): its name, the separator after it and
// the index of the ( that calls it, -1 when it is not called.
type segment struct {
	name string
	sep  string
	call int
}

// chain reads the callee of the call whose ( is at index p, back to its root; start is the
// index of its first token; ok is false when the chain starts with something other than a
// name (a literal, a parenthesised expression).
func (f *file) chain(p int) (segs []segment, start, member int, ok bool) {
	ts := f.toks
	k, call, sep := p-1, p, ""
	if f.lang == srclex.JS && f.punct(k, ">") { // TypeScript type arguments: http.get<T>(...)
		for j := k - 1; j >= 0 && j > k-12 && ts[j].Line == ts[k].Line; j-- {
			if f.punct(j, "<") {
				k = j - 1
				break
			}
		}
	}
	var rev []segment
	member = k
	for {
		if k < 0 || ts[k].Kind != srclex.Ident || len(rev) > 0 && call >= 0 && notCallee[ts[k].Text] {
			return nil, 0, 0, false // (new X())->op(), return (...).op(): no named root
		}
		rev = append(rev, segment{name: ts[k].Text, call: call, sep: sep})
		k--
		if k < 0 || ts[k].Kind != srclex.Punct || (ts[k].Text != "." && ts[k].Text != "?." && ts[k].Text != "->" && ts[k].Text != "::") {
			break
		}
		sep = ts[k].Text
		k--
		call = -1
		if k >= 0 && ts[k].Kind == srclex.Punct && ts[k].Text == ")" && ts[k].Match >= 0 {
			call = ts[k].Match
			k = ts[k].Match - 1
		}
	}
	for i := len(rev) - 1; i >= 0; i-- {
		segs = append(segs, rev[i])
	}
	return segs, k + 1, member, true
}

// notCallee are keywords a parenthesised expression may follow.
var notCallee = map[string]bool{"return": true, "await": true, "yield": true, "new": true, "typeof": true, "void": true,
	"delete": true, "throw": true, "case": true, "in": true, "of": true, "echo": true, "print": true, "and": true,
	"or": true, "not": true, "if": true, "elif": true, "while": true, "else": true, "lambda": true, "assert": true, "clone": true}

// requests recognises the file's requests and evaluates them, lending a helper's to its
// call sites.
func (f *file) requests() []Request {
	sites := f.sites()
	var out []Request
	for _, s := range sites {
		e := &env{fn: s.fn}
		reqs := f.evalSite(s, e, s.line, "")
		if e.used && s.fn >= 0 {
			lent := f.lend(s)
			if len(lent) > 0 {
				out = append(out, lent...)
				continue
			}
		}
		out = append(out, reqs...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return dedupe(out)
}

func dedupe(rs []Request) []Request {
	seen := map[Request]bool{}
	var out []Request
	for _, r := range rs {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

// lend evaluates a helper's request at each call of the helper in the file.
func (f *file) lend(s site) []Request {
	fn := f.funcs[s.fn]
	if f.calls == nil {
		f.indexCalls()
	}
	var out []Request
	for _, p := range f.calls[fn.name] {
		t := f.toks[p]
		_, start, _, _ := f.chain(p)
		if t.Off >= fn.start && t.Off < fn.end {
			continue
		}
		caller := &env{fn: f.fnAt(t.Off)}
		ce := &env{fn: s.fn, args: f.bindArgs(s.fn, span{f.toks, p + 1, t.Match}, caller, 0)}
		out = append(out, f.evalSite(s, ce, f.toks[start].Line, fn.name)...)
	}
	return out
}

// indexCalls finds the calls of names that may be same-file functions: f(...),
// this.f(...), self.f(...), $this->f(...), self::f(...), static::f(...).
func (f *file) indexCalls() {
	f.calls = map[string][]int{}
	for p, t := range f.toks {
		if t.Kind != srclex.Punct || t.Text != "(" || t.Match < 0 {
			continue
		}
		segs, start, _, ok := f.chain(p)
		if !ok || f.definition(start, p) {
			continue
		}
		switch {
		case len(segs) == 1:
			f.calls[segs[0].name] = append(f.calls[segs[0].name], p)
		case len(segs) == 2 && segs[0].call < 0:
			switch segs[0].name {
			case "this", "self", "$this", "static", "cls":
				f.calls[segs[1].name] = append(f.calls[segs[1].name], p)
			}
		}
	}
}

// definition reports whether the call-like tokens at start..( define a function.
func (f *file) definition(start, p int) bool {
	if f.ident(start-1, "function") || f.ident(start-1, "def") || f.ident(start-1, "fn") {
		return true
	}
	closeAt := f.toks[p].Match
	return f.lang != srclex.Python && start == p-1 && (f.punct(closeAt+1, "{") || f.punct(closeAt+1, ":") && f.lang == srclex.PHP)
}

// evalSite evaluates a site's method and URL in env e.
func (f *file) evalSite(s site, e *env, line int, via string) []Request {
	f.steps, f.zohoSeen = 0, false
	methods := []string{s.method}
	if !s.methodExpr.empty() {
		methods = nil
		for _, m := range f.eval(s.methodExpr, e, 0) {
			if strings.Contains(m, catalog.Unknown) {
				m = ""
			}
			methods = union(methods, []string{strings.ToUpper(strings.TrimSpace(m))})
		}
	}
	var urls []string
	if s.sdkPath != "" {
		urls = f.sdkURLs(s, e)
	} else {
		urls = f.eval(s.url, e, 0)
	}
	bases := s.base
	if !s.baseExpr.empty() {
		bases = f.eval(s.baseExpr, e, 0)
	}
	if !s.host.empty() {
		bases = product([]string{"https://"}, f.eval(s.host, e, 0))
	}
	if bases != nil {
		var joined []string
		for _, b := range bases {
			for _, u := range urls {
				joined = union(joined, []string{join(b, u)})
			}
		}
		urls = joined
	}
	var out []Request
	for _, m := range methods {
		for _, u := range urls {
			if u == catalog.Unknown || u == "" {
				continue
			}
			out = append(out, Request{Method: m, URL: u, Line: line, Via: via, Zoho: f.zohoSeen || s.sdkPath != ""})
		}
	}
	return out
}

// join puts a client's base URL before a relative path.
func join(base, u string) string {
	if strings.Contains(u, "://") || base == "" || strings.HasPrefix(u, catalog.Unknown) && u != catalog.Unknown && !strings.HasPrefix(u, catalog.Unknown+"/") {
		return u // absolute, or a base of its own
	}
	if u == catalog.Unknown || strings.HasPrefix(u, catalog.Unknown+"/") {
		// A path not known before run time, relative to the client's base as a client's
		// paths mostly are: the base says the product.
		return strings.TrimSuffix(base, "/") + "/" + u
	}
	switch {
	case strings.HasSuffix(base, "/") && strings.HasPrefix(u, "/"):
		return base + u[1:]
	case !strings.HasSuffix(base, "/") && !strings.HasPrefix(u, "/") && u != "":
		return base + "/" + u
	}
	return base + u
}

// client is what a receiver is: a library, with the base URL of its instance.
type client struct {
	lib      string
	base     []string
	baseExpr span
}

// sites recognises the requests of the file.
func (f *file) sites() []site {
	var out []site
	cu := &curls{f: f, open: map[string]int{}}
	for p, t := range f.toks {
		if t.Kind != srclex.Punct || t.Text != "(" || t.Match < 0 {
			continue
		}
		fn := f.fnAt(t.Off)
		e := &env{fn: fn}
		segs, start, mi, ok := f.chain(p)
		if !ok {
			if s, ok := f.sdkParenSite(p, e); ok {
				s.off = t.Off
				out = append(out, s)
			}
			continue
		}
		if f.definition(start, p) || f.ident(start-1, "new") && len(segs) == 1 && f.lang != srclex.PHP {
			continue
		}
		args := span{f.toks, p + 1, t.Match}
		if f.lang == srclex.PHP && len(segs) == 1 && strings.HasPrefix(segs[0].name, "curl_") {
			out = append(out, cu.call(segs[0].name, start, args, fn)...)
			continue
		}
		member := segs[len(segs)-1].name
		var c client
		switch {
		case len(segs) == 1:
			if lib, ok := Modules[f.lang][member]; ok {
				c, member = client{lib: lib}, ""
			} else if cc, ok := f.clientOf(span{f.toks, start, start + 1}, e); ok {
				c, member = cc, ""
			}
		default:
			recvEnd := mi - 1
			if recvEnd >= start && isRef(span{f.toks, start, recvEnd}) {
				// A name bound in the file (const http = axios.create(...)) before a
				// module's name.
				if cc, ok := f.clientOf(span{f.toks, start, recvEnd}, e); ok {
					c = cc
					break
				}
			}
			if lib, ok := Modules[f.lang][segs[0].name]; ok && (f.lang != srclex.PHP || segs[0].sep == "::") {
				c = client{lib: lib}
				for _, sg := range segs[1 : len(segs)-1] {
					if sg.name == "baseUrl" && sg.call >= 0 {
						if pos, _ := f.arguments(span{f.toks, sg.call + 1, f.toks[sg.call].Match}); len(pos) > 0 {
							c.baseExpr = pos[0]
						}
					}
				}
			}
		}
		rec, ok := recogniser(f.lang, c.lib, member)
		if !ok {
			if s, ok := f.sdkSite(segs, start, mi, e); ok {
				s.off = t.Off
				out = append(out, s)
			}
			continue
		}
		s := site{line: f.toks[start].Line, off: t.Off, fn: fn, method: rec.Method, base: c.base, baseExpr: c.baseExpr}
		pos, kw := f.arguments(args)
		if rec.URL >= 0 && rec.URL < len(pos) {
			s.url = pos[rec.URL]
		} else if u, ok := kw["url"]; ok {
			s.url = u
		}
		if rec.MethodArg >= 0 && rec.MethodArg < len(pos) {
			s.methodExpr = pos[rec.MethodArg]
		} else if m, ok := kw["method"]; ok {
			s.methodExpr = m
		}
		var config span
		if rec.Config >= 0 && rec.Config < len(pos) {
			config = pos[rec.Config]
		}
		if f.isObject(s.url) { // axios(config), $.ajax(settings)
			config, s.url = s.url, span{}
		}
		if config = f.object(config, e); !config.empty() {
			if v := f.field(config, URLKeys); !v.empty() && s.url.empty() {
				s.url = v
			}
			if h, p := f.field(config, HostKeys), f.field(config, PathKeys); s.url.empty() && !h.empty() && !p.empty() {
				s.host, s.url = h, p // https://host + path
			}
			if v := f.field(config, MethodKeys); !v.empty() {
				s.methodExpr = v
			}
			if v := f.field(config, BaseKeys); !v.empty() {
				s.baseExpr = v
			}
		}
		if s.url.empty() {
			continue
		}
		out = append(out, s)
	}
	return append(out, cu.sites()...)
}

// recogniser finds the recogniser of a call.
func recogniser(lang srclex.Lang, lib, member string) (Recogniser, bool) {
	for _, r := range Recognisers {
		if r.Lang == lang && r.Lib == lib && r.Member == member {
			return r, true
		}
	}
	return Recogniser{}, false
}

// clientOf works out the client a receiver is: a name bound to a constructor's result
// (axios.create(...), requests.Session(), new Client([...])), require('axios'), or self
// in a subclass of requests.Session.
func (f *file) clientOf(recv span, e *env) (client, bool) {
	f.steps = 0 // each client's base is evaluated within its own bound
	key := refKey(recv)
	at := recv.ts[recv.from].Off
	if f.lang == srclex.Python && key == "self" && e.fn >= 0 {
		base := f.funcs[e.fn].class
		for _, c := range Constructors {
			if c.Lang == srclex.Python && (base == c.Callee || strings.HasSuffix(c.Callee, "."+base)) {
				cl := client{lib: c.Lib}
				for _, k := range []string{"this.base_url", "this.BASE_URL", "this.base", "this.api_base", "this.api_url"} {
					if _, ok := f.binding(k, at, e.fn); ok || f.hasBinding(strings.TrimPrefix(k, "this.")) {
						cl.base = f.lookup(k, at, &env{fn: -1}, 1)
						break
					}
				}
				return cl, true
			}
		}
		return client{}, false
	}
	b, ok := f.binding(key, at, e.fn)
	if !ok && strings.HasPrefix(key, "this.") {
		b, ok = f.binding(strings.TrimPrefix(key, "this."), at, e.fn)
	}
	if !ok {
		return client{}, false
	}
	return f.constructed(b.expr, &env{fn: b.fn})
}

func (f *file) hasBinding(key string) bool { return len(f.names()[key]) > 0 }

// constructed reads an expression that makes a client.
func (f *file) constructed(s span, e *env) (client, bool) {
	ts := s.ts
	for !s.empty() && (ts[s.from].Is("new") || ts[s.from].Is("await")) {
		s.from++
	}
	if s.to-s.from < 3 || !ts[s.to-1].Is(")") || ts[s.to-1].Match <= s.from {
		return client{}, false
	}
	open := ts[s.to-1].Match
	callee := span{ts, s.from, open}
	if !isRef(callee) {
		return client{}, false
	}
	name := refText(callee)
	pos, kw := f.arguments(span{ts, open + 1, s.to - 1})
	if name == "require" && len(pos) == 1 && ts[pos[0].from].Kind == srclex.String {
		lib, ok := Modules[f.lang][ts[pos[0].from].Text]
		return client{lib: lib}, ok
	}
	for _, c := range Constructors {
		if c.Lang != f.lang || c.Callee != name || name == "Client" && !f.guzzle {
			continue
		}
		cl := client{lib: c.Lib}
		switch {
		case c.Base >= 0 && c.Base < len(pos):
			cl.base = f.eval(pos[c.Base], e, 1)
		case c.Config >= 0 && c.Config < len(pos):
			if obj := f.object(pos[c.Config], e); !obj.empty() {
				if v := f.field(obj, BaseKeys); !v.empty() {
					cl.base = f.eval(v, e, 1)
				}
			}
		}
		for _, k := range BaseKeys {
			if v, ok := kw[k]; ok {
				cl.base = f.eval(v, e, 1)
			}
		}
		return cl, true
	}
	return client{}, false
}

// isObject reports whether s is an object or array literal.
func (f *file) isObject(s span) bool {
	if s.empty() {
		return false
	}
	t := s.ts[s.from]
	return t.Kind == srclex.Punct && (t.Text == "{" || t.Text == "[" && f.lang == srclex.PHP) && t.Match == s.to-1 ||
		f.lang == srclex.PHP && t.Is("array") && s.to-s.from > 2
}

// object returns the object literal s is or names (a same-file binding), empty for none.
func (f *file) object(s span, e *env) span {
	if f.isObject(s) {
		return s
	}
	if isRef(s) {
		if b, ok := f.binding(refKey(s), s.ts[s.from].Off, e.fn); ok && f.isObject(b.expr) {
			return b.expr
		}
	}
	return span{}
}

// field returns the value of the first of keys in an object literal ({key: v}, {key},
// ['key' => v], array('key' => v), dict key: v).
func (f *file) field(obj span, keys []string) span {
	ts := obj.ts
	open := obj.from
	if ts[open].Is("array") {
		open++
	}
	inner := span{ts, open + 1, ts[open].Match}
	for _, k := range keys {
		for _, entry := range splitTop(inner, ",") {
			if entry.empty() {
				continue
			}
			kt := ts[entry.from]
			if kt.Kind != srclex.Ident && kt.Kind != srclex.String || kt.Text != k {
				continue
			}
			if entry.to-entry.from == 1 && kt.Kind == srclex.Ident && f.lang == srclex.JS {
				return entry // {method}
			}
			if entry.to-entry.from > 2 && (ts[entry.from+1].Is(":") || ts[entry.from+1].Is("=>") || ts[entry.from+1].Is("=")) {
				return span{ts, entry.from + 2, entry.to}
			}
		}
	}
	return span{}
}
