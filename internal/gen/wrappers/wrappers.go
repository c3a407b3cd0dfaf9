// Package wrappers reads Zoho's old API wrappers (github.com/zoho/books-java-wrappers,
// books-dotnet-wrappers, projects-java-wrappers, ...) for the method and path of every
// request they make, and maps a path to the scope name of its resource through a hand
// table. The generators under internal/gen use it; nothing here runs at lint time.
//
// Each wrapper class builds its URL from a base by string concatenation and passes it to
// ZohoHTTPClient (Java) or ZohoHttpClient (C#):
//
//	String urlString = url+"/"+invoiceId+"/status/sent";
//	String response = ZohoHTTPClient.post(urlString, getQueryMap());
//
// Literals are kept; every other part is an identifier, written {id}.
package wrappers

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

// Call is one request a wrapper makes: its method and path template.
type Call struct{ Method, Path string }

var (
	// An assignment of a URL: `String urlString = url+"/"+invoiceId+"/email";` (Java),
	// `string url = baseAddress + "/" + invoice_id;` (C#), a class's base alike.
	assignRE = regexp.MustCompile(`(?m)^[ \t]*((?:\w+[ \t]+)*)(\w+)[ \t]*=[ \t]*([^;=\n][^;\n]*);`)
	// A request: ZohoHTTPClient.post(urlString, ...) (Java), ZohoHttpClient.get(url, ...) (C#).
	callRE = regexp.MustCompile(`Zoho(?:HTTP|Http)Client\.(get|getFile|post|put|delete)\s*\(\s*(\w+)`)
	termRE = regexp.MustCompile(`^"([^"]*)"$`)
	// Comments, which hold example code and HTML (border = "1").
	commentRE = regexp.MustCompile(`(?s:/\*.*?\*/)|(?m:(^|[ \t;])//[^\n]*)`)
)

// Calls reads one wrapper source file. bases gives the value of the names a URL starts
// from ("baseURL": "", "getBaseURL()": "/portal/{id}"); root is put before every path.
func Calls(src, root string, bases map[string]string) []Call {
	src = commentRE.ReplaceAllString(src, "$1")
	vars := map[string]string{}
	fields := map[string]bool{}
	for k, v := range bases {
		vars[k], fields[k] = v, true
	}
	type event struct {
		at     int
		method string // empty for an assignment
		name   string
		expr   string
		field  bool
	}
	var events []event
	for _, m := range assignRE.FindAllStringSubmatchIndex(src, -1) {
		mods := src[m[2]:m[3]]
		field := strings.Contains(mods, "static ") || strings.Contains(mods, "private ") || strings.Contains(mods, "protected ") || strings.Contains(mods, "public ")
		events = append(events, event{at: m[0], name: src[m[4]:m[5]], expr: src[m[6]:m[7]], field: field})
	}
	for _, m := range callRE.FindAllStringSubmatchIndex(src, -1) {
		method := strings.ToUpper(src[m[2]:m[3]])
		if method == "GETFILE" {
			method = "GET"
		}
		events = append(events, event{at: m[0], method: method, name: src[m[4]:m[5]]})
	}
	sort.Slice(events, func(i, j int) bool { return events[i].at < events[j].at })
	var calls []Call
	for _, e := range events {
		if e.method == "" {
			if v, ok := urlExpr(e.expr, vars); ok {
				vars[e.name] = v
				fields[e.name] = e.field
			}
			continue
		}
		u, ok := vars[e.name]
		if !ok {
			continue
		}
		if !fields[e.name] {
			// A method's local URL serves its one request; the next method sets its own.
			delete(vars, e.name)
		}
		u, _, _ = strings.Cut(u, "?")
		calls = append(calls, Call{Method: e.method, Path: root + strings.TrimSuffix(u, "/")})
	}
	return calls
}

// urlExpr evaluates a concatenation that starts from a known URL: literals as they are,
// known URL variables by value, anything else an identifier, {id}.
func urlExpr(expr string, vars map[string]string) (string, bool) {
	var b strings.Builder
	based := false
	for i, t := range strings.Split(expr, "+") {
		t = strings.TrimSpace(t)
		if m := termRE.FindStringSubmatch(t); m != nil {
			b.WriteString(m[1])
			continue
		}
		if v, ok := vars[t]; ok {
			if i == 0 {
				based = true
			}
			b.WriteString(v)
			continue
		}
		b.WriteString("{id}")
	}
	return b.String(), based
}

// WellFormed reports whether every segment of a path is a literal or a whole {id}: a
// wrapper that forgets a slash (comments"+id) spells a path no API has.
func WellFormed(p string) bool {
	for _, s := range strings.Split(p, "/") {
		if strings.Contains(s, "{") && s != "{id}" {
			return false
		}
	}
	return true
}

// ScopeTable maps a path prefix (below a product's root) to the scope name its page
// prints for the resource, and the page.
type ScopeTable []ScopeLine

// ScopeLine is one line of a hand table. Op, when set, is the operation word the page
// prints for a POST to exactly Prefix, where the generator's method pattern does not hold
// (Projects' "Update Milestone Status" is a POST to .../status).
type ScopeLine struct{ Prefix, Name, Page, Op string }

// ReadScopeTable reads a hand table: tab-separated prefix, scope name, page, and an
// optional operation word; lines starting with # are comments.
func ReadScopeTable(file string) (ScopeTable, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var t ScopeTable
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 || len(f) > 4 || !strings.HasPrefix(f[0], "/") || !strings.HasPrefix(f[2], "https://") {
			return nil, fmt.Errorf("%s:%d: want prefix, scope name, page[, operation]", file, i+1)
		}
		l := ScopeLine{Prefix: f[0], Name: f[1], Page: f[2]}
		if len(f) == 4 {
			l.Op = f[3]
		}
		t = append(t, l)
	}
	return t, nil
}

// Lookup finds the longest prefix (whole segments, {id} matching any identifier) of a
// path below root.
func (t ScopeTable) Lookup(root, p string) (line ScopeLine, ok bool) {
	segs := strings.Split(strings.TrimPrefix(p, root+"/"), "/")
	best := -1
	for _, e := range t {
		ps := strings.Split(strings.TrimPrefix(e.Prefix, "/"), "/")
		if len(ps) > len(segs) || len(ps) <= best || (e.Op != "" && len(ps) != len(segs)) {
			continue
		}
		match := true
		for i, s := range ps {
			if s != segs[i] && (s != "{id}" || !strings.HasPrefix(segs[i], "{")) {
				match = false
				break
			}
		}
		if match {
			best, line, ok = len(ps), e, true
		}
	}
	return line, ok
}
