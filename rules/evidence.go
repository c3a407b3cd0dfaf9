package rules

import (
	"fmt"
	"strings"

	"github.com/zscopelint/zscopelint/catalog"
)

// Call is one Zoho API call a program makes, as an extractor found it.
type Call struct {
	Method string // "" when not known before run time
	URL    string // catalog.Unknown stands for the parts not known before run time
	Where  string // file:line, for messages
	Req    catalog.Requirement
}

// Display renders the call for messages, with unknown parts as {…}.
func (c Call) Display() string {
	m := c.Method
	if m == "" {
		m = "(method unknown)"
	}
	return m + " " + strings.ReplaceAll(c.URL, catalog.Unknown, "{…}")
}

// Evidence is the calls scope sets are judged against (SPEC §3).
type Evidence struct {
	Calls []Call
}

// NewCall works out what a call needs; ok is false when it is not a Zoho API call.
func (e *Engine) NewCall(method, url, where string) (Call, bool) {
	req, ok := e.Catalog.Requirement(method, url)
	if !ok {
		return Call{}, false
	}
	return Call{Method: method, URL: url, Where: where, Req: req}, true
}

var (
	checkUnused  = checkOf("ZS203")
	checkMissing = checkOf("ZS204")
)

// hasService reports whether a call may need scopes of service svc (lower case): one of
// its options names it, it is an unresolved call of it, or its product is not known.
func hasService(c Call, svc string) bool {
	s := callServices(c)
	return s[svc] || s[catalog.UnknownProduct]
}

// callServices lists the services a call needs; an unresolved call needs its service (a
// call whose product is not known, catalog.UnknownProduct).
func callServices(c Call) map[string]bool {
	out := map[string]bool{}
	if c.Req.Unresolved != "" {
		out[strings.ToLower(c.Req.Unresolved)] = true
	}
	for _, opt := range c.Req.Options {
		for _, clause := range opt {
			for _, alt := range clause {
				svc, _, _ := strings.Cut(alt, ".")
				out[strings.ToLower(svc)] = true
			}
		}
	}
	return out
}

// judgedCalls are the calls a set answers for: those that need a service the set grants.
func (e *Engine) judgedCalls(entries []*catalog.Entry) []Call {
	if e.Evidence == nil {
		return nil
	}
	grants := map[string]bool{}
	for _, en := range entries {
		if en != nil {
			grants[strings.ToLower(en.Service.Name)] = true
		}
	}
	var out []Call
	for _, c := range e.Evidence.Calls {
		for svc := range callServices(c) {
			if grants[svc] || svc == catalog.UnknownProduct && len(grants) > 0 {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// servedBy reports whether some granted entry serves a required scope text.
func (e *Engine) servedBy(entries []*catalog.Entry, required string) bool {
	for _, en := range entries {
		if en != nil && e.Catalog.Serves(en, required) {
			return true
		}
	}
	return false
}

// needs is what the evidence says one granted scope is needed for: the narrowest
// alternative it serves of every clause of every call, and whether all those calls were
// fully resolved. An unresolved call of the scope's service may need it: it counts as a
// use that is not exact, so that the scope is neither unused nor narrowed on a guess.
func (e *Engine) needs(g *catalog.Entry, calls []Call) (needed []string, exact, used bool) {
	exact = true
	seen := map[string]bool{}
	for _, c := range calls {
		if c.Req.Unresolved != "" {
			if strings.EqualFold(c.Req.Unresolved, g.Service.Name) || c.Req.Unresolved == catalog.UnknownProduct {
				used, exact = true, false
			}
			continue
		}
		for _, opt := range c.Req.Options {
			for _, clause := range opt {
				for _, alt := range clause {
					if !e.Catalog.Serves(g, alt) {
						continue
					}
					used = true
					if !c.Req.Exact() {
						exact = false
					}
					if !seen[alt] {
						seen[alt] = true
						needed = append(needed, alt)
					}
					break // the narrowest alternative this scope serves
				}
			}
		}
	}
	return needed, exact, used
}

// missing applies ZS204: a call that no option of which the set fully grants. One finding
// per missing scope, at the set, naming the calls.
func (e *Engine) missing(set Set, entries []*catalog.Entry, calls []Call) []Finding {
	type need struct {
		scope string
		calls []Call
	}
	var order []string
	byScope := map[string]*need{}
	for _, c := range calls {
		var firstGap []string
		satisfied := false
		for oi, opt := range c.Req.Options {
			var gaps []string
			for _, clause := range opt {
				ok := false
				for _, alt := range clause {
					if e.servedBy(entries, alt) {
						ok = true
						break
					}
				}
				if !ok {
					gaps = append(gaps, clause[0])
				}
			}
			if len(gaps) == 0 {
				satisfied = true
				break
			}
			if oi == 0 {
				firstGap = gaps
			}
		}
		if satisfied {
			continue
		}
		for _, g := range firstGap {
			if byScope[g] == nil {
				byScope[g] = &need{scope: g}
				order = append(order, g)
			}
			byScope[g].calls = append(byScope[g].calls, c)
		}
	}
	item := 0
	for item < len(set.Items)-1 && set.Items[item].Quiet {
		item++
	}
	var out []Finding
	for _, s := range order {
		n := byScope[s]
		out = append(out, Finding{Check: checkMissing(), Severity: checkMissing().Severity, Item: item, Scope: s,
			Suggestions: []string{s},
			Message:     fmt.Sprintf("missing scope %s, needed by %s: without it Zoho answers OAUTH_SCOPE_MISMATCH", s, describeCalls(n.calls))})
	}
	return out
}

func (e *Engine) allExact(calls []Call, service string) bool {
	for _, c := range calls {
		if hasService(c, strings.ToLower(service)) && !c.Req.Exact() {
			return false
		}
	}
	return true
}

func countService(calls []Call, service string) int {
	n := 0
	for _, c := range calls {
		if hasService(c, strings.ToLower(service)) {
			n++
		}
	}
	return n
}

func (e *Engine) callList(calls []Call, service string) string {
	var of []Call
	for _, c := range calls {
		if hasService(c, strings.ToLower(service)) {
			of = append(of, c)
		}
	}
	return describeCalls(of)
}

// describeCalls names up to three calls and counts the rest.
func describeCalls(calls []Call) string {
	var parts []string
	for i, c := range calls {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(calls)-3))
			break
		}
		parts = append(parts, c.Display()+" at "+c.Where)
	}
	return strings.Join(parts, ", ")
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// Why returns the calls a set is judged against, for the -why report.
func (e *Engine) Why(set Set) []Call {
	if e.Evidence == nil {
		return nil // judgedCalls' answer, without looking the items up first
	}
	entries := make([]*catalog.Entry, len(set.Items))
	for i, it := range set.Items {
		if en, ok := e.Catalog.Lookup(it.Text); ok {
			entries[i] = en
		}
	}
	return e.judgedCalls(entries)
}

// Needs renders what a call needs: the narrowest alternative of each clause, and the
// other endpoints it may be when its method or path is not fully known.
func (c Call) Needs() string {
	if c.Req.Unresolved == catalog.UnknownProduct {
		return "a Zoho API call whose product is not known before run time: what it needs is not known, so no scope is called unused"
	}
	if c.Req.Unresolved != "" {
		return "an unknown endpoint of " + c.Req.Unresolved + " (no row of the endpoint table matches it): what it needs is not known, so no scope of " + c.Req.Unresolved + " is called unused"
	}
	var opts []string
	for _, opt := range c.Req.Options {
		var clauses []string
		for _, clause := range opt {
			clauses = append(clauses, clause[0])
		}
		opts = append(opts, strings.Join(clauses, " and "))
	}
	return strings.Join(opts, ", or ")
}
