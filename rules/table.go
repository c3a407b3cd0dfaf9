package rules

import (
	"fmt"
	"strings"

	"github.com/zscopelint/zscopelint/catalog"
)

// The checks of the engine are one function each, found by ID in these tables; what a
// check reads and when it applies are properties in checks.yaml (reads, grants, evidence,
// allow), so that Check, CheckText and CheckBlock hold no special case of their own.
var (
	setRules = map[string]func(*judging) []Finding{
		"ZS101": (*judging).malformed,
		"ZS102": (*judging).unknownService,
		"ZS103": (*judging).unknownScope,
		"ZS104": (*judging).unsupportedOperation,
		"ZS105": (*judging).noncanonicalCase,
		"ZS106": (*judging).deprecated,
		"ZS201": (*judging).broad,
		"ZS202": (*judging).redundant,
		"ZS203": (*judging).unused,
		"ZS204": (*judging).missing,
		"ZS205": (*judging).denied,
		"ZS302": (*judging).spaceJoined,
	}
	textRules = map[string]func(*Engine, Text) []TextFinding{
		"ZS301": (*Engine).credentials,
		"ZS302": (*Engine).authRequests,
	}
	blockRules = map[string]func(*Engine, CredentialBlock) []Finding{
		"ZS303": (*Engine).environmentMix,
	}
)

// runRules runs the functions of a text or block table in check order and keeps the
// findings -checks and the policy leave on, at the policy's severity; finding gives the
// engine finding inside a table's own finding type.
func runRules[In, F any](e *Engine, table map[string]func(*Engine, In) []F, in In, finding func(*F) *Finding) []F {
	var out []F
	for _, c := range Checks() {
		rule := table[c.ID]
		if rule == nil {
			continue
		}
		for _, f := range rule(e, in) {
			fd := finding(&f)
			var on bool
			if fd.Severity, on = e.Level(fd.Check, fd.Severity); on {
				out = append(out, f)
			}
		}
	}
	return out
}

// judging is one scope set under judgement: what the set checks read, worked out once.
type judging struct {
	e       *Engine
	set     Set
	judged  []bool               // the items the engine looks at (Judged)
	res     []catalog.Resolution // per judged item
	entries []*catalog.Entry     // per item, when it resolved
	// calls are the program's calls the set answers for; services, the services they
	// need; uses, per item of such a service, what the calls need of it.
	calls    []Call
	services map[string]bool
	uses     []usage
	present  map[string]bool // the catalog scopes the set grants, with calls
}

// usage is what the calls need of one granted scope: the narrowest alternative it serves
// of every clause, whether it serves any, and whether those calls were fully known.
type usage struct {
	needed      []string
	exact, used bool
}

// Check judges one scope set and returns its findings, in element order.
func (e *Engine) Check(set Set) []Finding {
	judged := e.Judged(set)
	if judged == nil || e.Policy.Excluded(set.File) {
		return nil
	}
	j := e.newJudging(set, judged)
	var out []Finding
	for _, c := range Checks() {
		rule := setRules[c.ID]
		switch {
		case rule == nil:
		case c.Grants && (set.Declares || set.Prose):
			// A list of the scopes an API offers, or a sentence, grants nothing.
		case c.Evidence && len(j.calls) == 0:
		default:
			out = append(out, rule(j)...)
		}
	}
	return j.converge(e.levels(set, j.entries, out))
}

// converge makes the fixes of a set that grants scopes agree with each other, so that one
// -fix pass leaves nothing for the next run to fix. Each element keeps one fix, that of its
// first finding (findings are in element order, then check ID), and then:
//   - a correction to a scope the set's calls show no use for removes the element instead
//     (a typo of a scope no call needs is no scope to keep);
//   - a fix that would write a scope the set keeps, or gets from an earlier element's fix,
//     removes the element instead, or drops that scope from an expansion.
//
// Prose and declaring sets are left alone: removing words from a sentence is no fix.
func (j *judging) converge(fs []Finding) []Finding {
	if j.set.Prose || j.set.Declares {
		return fs
	}
	first := map[int]*Finding{} // the one fix each element gets; the others are dropped
	for i := range fs {
		switch {
		case fs[i].Fix == nil:
		case first[fs[i].Item] == nil:
			first[fs[i].Item] = &fs[i]
		default:
			fs[i].Fix = nil
		}
	}
	if len(first) == 0 {
		return fs
	}
	key := func(text string) string {
		if en, ok := j.e.Catalog.Lookup(text); ok {
			return en.Scope
		}
		return text
	}
	// A redundant element is removed because another grants it; when that other element
	// is narrowed or removed by its own fix, the redundant one is what still grants the
	// scope, and stays.
	after := func(i int) []string { // what element i holds once its fix is applied
		switch f := first[i]; {
		case f == nil:
			return []string{j.set.Items[i].Text}
		case f.Fix.Remove:
			return nil
		case len(f.Fix.Expand) > 0:
			return f.Fix.Expand
		}
		return []string{first[i].Fix.Replacement}
	}
	held := newHolders(j.e.Catalog) // what each element holds once its fix is applied
	hold := func(i int, texts []string) {
		for _, s := range texts {
			en, _ := j.e.Catalog.Lookup(s)
			held.add(i, key(s), en)
		}
	}
	for i := range j.set.Items {
		hold(i, after(i))
	}
	for r, it := range j.set.Items {
		f := first[r]
		if f == nil || f.Check != checkRedundant() || !f.Fix.Remove {
			continue
		}
		granted := otherThan(held.byKey[key(it.Text)], r)
		if en, ok := j.e.Catalog.Lookup(it.Text); ok && !granted {
			held.covering(en, func(_ *catalog.Entry, elems []int) { granted = granted || otherThan(elems, r) })
		}
		if !granted {
			f.Fix = nil
			first[r] = nil
			hold(r, after(r)) // it keeps its scope
		}
	}
	kept := map[string]bool{} // the scopes the set has after its fixes, so far
	for i, it := range j.set.Items {
		if first[i] == nil {
			kept[key(it.Text)] = true
		}
	}
	for i, it := range j.set.Items {
		f := first[i]
		if f == nil || f.Fix.Remove {
			continue
		}
		if j.correction(f) && j.unneeded(f.Fix.Replacement) {
			f.Fix = &Fix{Message: fmt.Sprintf("Remove %s: %s is needed by none of the calls found", it.Text, f.Fix.Replacement), Remove: true}
			continue
		}
		scopes := f.Fix.Expand
		if len(scopes) == 0 {
			scopes = []string{f.Fix.Replacement}
		}
		var fresh []string
		for _, s := range scopes {
			if k := key(s); !kept[k] {
				kept[k] = true
				fresh = append(fresh, s)
			}
		}
		switch {
		case len(fresh) == 0:
			f.Fix = &Fix{Message: fmt.Sprintf("Remove %s: the set already has %s", it.Text, strings.Join(scopes, ", ")), Remove: true}
		case len(fresh) < len(scopes):
			fix := &Fix{Message: "Replace with " + strings.Join(fresh, ", "), Replacement: strings.Join(fresh, ",")}
			if len(fresh) > 1 {
				fix.Expand = fresh
			}
			f.Fix = fix
		}
	}
	return fs
}

// correction reports whether a finding's fix corrects a mistake in one scope (a typo, the
// case) rather than narrowing a valid one.
func (j *judging) correction(f *Finding) bool {
	switch f.Check {
	case checkMalformed(), checkUnknown(), checkUnsupported(), checkCase():
		return f.Fix.Replacement != "" && len(f.Fix.Expand) == 0
	}
	return false
}

// unneeded reports whether the set's calls, all fully known, need nothing of a scope of a
// service they use: what ZS203 would say of it once written.
func (j *judging) unneeded(scope string) bool {
	en, ok := j.e.Catalog.Lookup(scope)
	if !ok || !j.services[strings.ToLower(en.Service.Name)] || !j.e.allExact(j.calls, en.Service.Name) {
		return false
	}
	_, _, used := j.e.needs(en, j.calls)
	return !used
}

func (e *Engine) newJudging(set Set, judged []bool) *judging {
	j := &judging{e: e, set: set, judged: judged,
		res: make([]catalog.Resolution, len(set.Items)), entries: make([]*catalog.Entry, len(set.Items))}
	for i, it := range set.Items {
		if judged[i] {
			j.res[i] = e.Catalog.Resolve(it.Text, e.Product)
			j.entries[i] = j.res[i].Entry
		}
	}
	if !set.Example {
		j.calls = e.judgedCalls(j.entries)
	}
	if len(j.calls) == 0 {
		return j
	}
	j.services = map[string]bool{}
	for _, c := range j.calls {
		for svc := range callServices(c) {
			j.services[svc] = true
		}
	}
	j.present = map[string]bool{}
	for _, en := range j.entries {
		if en != nil {
			j.present[en.Scope] = true
		}
	}
	j.uses = make([]usage, len(set.Items))
	for i := range set.Items {
		if en := j.evidenced(i); en != nil {
			u := &j.uses[i]
			u.needed, u.exact, u.used = e.needs(en, j.calls)
		}
	}
	return j
}

// own reports whether item i gets findings of its own here: judged, and not a named
// constant judged where it is declared.
func (j *judging) own(i int) bool { return j.judged[i] && !j.set.Items[i].Quiet }

// evidenced returns the entry of item i when the program's calls judge its service.
func (j *judging) evidenced(i int) *catalog.Entry {
	en := j.entries[i]
	if en == nil || !j.own(i) || !j.services[strings.ToLower(en.Service.Name)] {
		return nil
	}
	return en
}

// each collects what f says of every item that gets findings of its own.
func (j *judging) each(f func(i int, text string, res catalog.Resolution) (Finding, bool)) []Finding {
	var out []Finding
	for i, it := range j.set.Items {
		if !j.own(i) {
			continue
		}
		if fd, ok := f(i, it.Text, j.res[i]); ok {
			out = append(out, fd)
		}
	}
	return out
}

// problem makes the finding of a scope the catalog rejects, with the catalog's
// suggestions and, when there is exactly one, the fix that applies it.
func problem(c *Check, i int, text string, res catalog.Resolution) Finding {
	f := Finding{Check: c, Severity: c.Severity, Item: i, Scope: text, Suggestions: res.Suggestions,
		Message: fmt.Sprintf("%s in %q", res.Reason, text)}
	if len(res.Suggestions) > 0 {
		f.Message += "; did you mean " + strings.Join(res.Suggestions, " or ") + "?"
	}
	if len(res.Suggestions) == 1 {
		f.Fix = &Fix{Message: "Replace with " + res.Suggestions[0], Replacement: res.Suggestions[0]}
	}
	return f
}

// completion is the one catalogued scope an element without its service name completes
// to ("modules.leads.READ"), or "".
func (j *judging) completion(text string, res catalog.Resolution) string {
	if res.Problem != catalog.UnknownService || res.Near {
		return ""
	}
	return j.e.missingService(text)
}

// malformed is ZS101: a scope outside the grammar, or one with no service name.
func (j *judging) malformed() []Finding {
	return j.each(func(i int, text string, res catalog.Resolution) (Finding, bool) {
		if full := j.completion(text, res); full != "" {
			return Finding{Check: checkMalformed(), Severity: checkMalformed().Severity, Item: i, Scope: text, Suggestions: []string{full},
				Message: fmt.Sprintf("malformed scope %q: no service name; did you mean %s?", text, full),
				Fix:     &Fix{Message: "Replace with " + full, Replacement: full}}, true
		}
		if res.Problem != catalog.Malformed {
			return Finding{}, false
		}
		f := problem(checkMalformed(), i, text, res)
		f.Message = fmt.Sprintf("malformed scope %q: %s", text, res.Reason)
		return f, true
	})
}

// unknownService is ZS102: an error for a near miss of a catalogued service, info for any
// other service.
func (j *judging) unknownService() []Finding {
	return j.each(func(i int, text string, res catalog.Resolution) (Finding, bool) {
		if res.Problem != catalog.UnknownService || j.completion(text, res) != "" {
			return Finding{}, false
		}
		f := problem(checkUnknownSvc(), i, text, res)
		if !res.Near {
			f.Severity = Info
		}
		return f, true
	})
}

// unknownScope is ZS103. Under a service whose catalog is partial, a scope it lacks may
// exist: a warning when it is a near miss of one it has, info otherwise.
func (j *judging) unknownScope() []Finding {
	return j.each(func(i int, text string, res catalog.Resolution) (Finding, bool) {
		if res.Problem != catalog.UnknownScope {
			return Finding{}, false
		}
		f := problem(checkUnknown(), i, text, res)
		if res.Partial {
			f.Severity = Warning
			if len(res.Suggestions) == 0 {
				f.Severity = Info
				f.Message += partialNote
			}
		}
		return f, true
	})
}

// partialNote ends the message of a finding that a partial catalog cannot settle.
const partialNote = " (not in the documented part of Zoho's list, which zscopelint knows only in part: it may exist)"

// unsupportedOperation is ZS104. Under a service whose catalog is partial, an operation
// word the documented part does not show is info; a typo of one stays an error.
func (j *judging) unsupportedOperation() []Finding {
	return j.each(func(i int, text string, res catalog.Resolution) (Finding, bool) {
		if res.Problem != catalog.UnsupportedOperation {
			return Finding{}, false
		}
		f := problem(checkUnsupported(), i, text, res)
		if res.Partial && catalog.IsOperation(res.Scope.Operation) {
			f.Severity = Info
			f.Message += partialNote
		}
		return f, true
	})
}

// noncanonicalCase is ZS105.
func (j *judging) noncanonicalCase() []Finding {
	return j.each(func(i int, text string, res catalog.Resolution) (Finding, bool) {
		if res.Problem != catalog.OK || text == res.Entry.Scope || res.Entry.Service.AnyCase {
			return Finding{}, false
		}
		if en := res.Entry; en.Service.EitherOperationCase && text == strings.TrimSuffix(en.Scope, en.Operation)+strings.ToLower(en.Operation) {
			return Finding{}, false // a spelling Zoho's own pages use
		}
		canon := res.Entry.Scope
		return Finding{Check: checkCase(), Severity: checkCase().Severity, Item: i, Scope: text,
			Message:     fmt.Sprintf("%s differs from the catalog's spelling %s only by case", text, canon),
			Suggestions: []string{canon},
			Fix:         &Fix{Message: "Use the canonical spelling " + canon, Replacement: canon}}, true
	})
}

// deprecated is ZS106.
func (j *judging) deprecated() []Finding {
	return j.each(func(i int, text string, res catalog.Resolution) (Finding, bool) {
		if res.Problem != catalog.OK {
			return Finding{}, false
		}
		why := res.Entry.Deprecated()
		return Finding{Check: checkDeprecated(), Severity: checkDeprecated().Severity, Item: i, Scope: text,
			Message: fmt.Sprintf("%s is deprecated: %s", text, why)}, why != ""
	})
}

// broad is ZS201, decided here alone: where the program's calls judge the scope's service,
// it names the exact narrower set they need (broadExact); elsewhere it names the family of
// narrower scopes (broadFamily).
func (j *judging) broad() []Finding {
	return j.each(func(i int, text string, res catalog.Resolution) (Finding, bool) {
		if res.Problem != catalog.OK {
			return Finding{}, false
		}
		if j.evidenced(i) != nil {
			if u := j.uses[i]; u.used && !u.exact {
				// Some call it serves is not fully known (an unknown endpoint, a module
				// known only at run time): no set is named, but the breadth is still a fact.
				return j.e.broadFamily(i, text, res.Entry)
			}
			return j.broadExact(i, text, res.Entry)
		}
		return j.e.broadFamily(i, text, res.Entry)
	})
}

// broadExact is ZS201 with evidence: the scope serves the calls but grants more than they
// need; said only when every call it serves is fully known.
func (j *judging) broadExact(i int, text string, en *catalog.Entry) (Finding, bool) {
	u := j.uses[i]
	if !u.used || !u.exact || containsFold(u.needed, en.Scope) {
		return Finding{}, false // unused (ZS203), maybe needed whole, or needed as it is
	}
	var narrower []string
	for _, n := range u.needed {
		if !j.present[n] {
			narrower = append(narrower, n)
		}
	}
	f := Finding{Check: checkBroad(), Severity: Warning, Item: i, Scope: text, Suggestions: narrower}
	if len(narrower) == 0 {
		f.Message = fmt.Sprintf("%s is broader than the calls found need, and what they need (%s) is already in the set", text, strings.Join(u.needed, ", "))
		f.Fix = &Fix{Message: "Remove " + text, Remove: true}
	} else {
		f.Message = fmt.Sprintf("%s is broader than the calls found need: %s", text, strings.Join(narrower, ", "))
		f.Fix = &Fix{Message: "Replace with " + strings.Join(narrower, ", "), Replacement: strings.Join(narrower, ","), Expand: narrower}
	}
	return f, true
}

// unused is ZS203: a scope of a service the calls judge that none of them needs; said only
// when every call of that service is fully known.
func (j *judging) unused() []Finding {
	return j.each(func(i int, text string, _ catalog.Resolution) (Finding, bool) {
		en := j.evidenced(i)
		if en == nil || j.uses[i].used || !j.e.allExact(j.calls, en.Service.Name) {
			return Finding{}, false
		}
		return Finding{Check: checkUnused(), Severity: checkUnused().Severity, Item: i, Scope: text,
			Message: fmt.Sprintf("%s is not needed by any of the %d %s calls found (%s)", text, countService(j.calls, en.Service.Name), en.Service.Name, j.e.callList(j.calls, en.Service.Name)),
			Fix:     &Fix{Message: "Remove " + text, Remove: true}}, true
	})
}

func (j *judging) missing() []Finding   { return j.e.missing(j.set, j.entries, j.calls) }
func (j *judging) redundant() []Finding { return j.e.redundant(j.set, j.entries) }

// spaceJoined is the set part of ZS302: scopes joined by spaces in one string.
func (j *judging) spaceJoined() []Finding { return j.e.spaceJoined(j.set, j.judged) }

// denied is ZS205.
func (j *judging) denied() []Finding {
	if j.e.Policy == nil {
		return nil
	}
	return j.each(func(i int, text string, res catalog.Resolution) (Finding, bool) {
		return j.e.policyFinding(i, text, res, j.set.File)
	})
}

// policyFinding applies the policy's deny list and services allowlist to one scope.
func (e *Engine) policyFinding(i int, text string, res catalog.Resolution, file string) (Finding, bool) {
	scope := text
	if res.Entry != nil {
		scope = res.Entry.Scope
	}
	where := e.Policy.Name()
	f := Finding{Check: checkDenied(), Severity: checkDenied().Severity, Item: i, Scope: text}
	r, ok := e.Policy.Denied(scope, file)
	if !ok && scope != text {
		r, ok = e.Policy.Denied(text, file)
	}
	if ok {
		f.Message = fmt.Sprintf("%s is denied by the policy (%s:%d:%d)", text, where, r.Line, r.Col)
		if r.Reason != "" {
			f.Message += ": " + r.Reason
		}
		return f, true
	}
	service := res.Scope.Service
	if res.Entry != nil {
		service = res.Entry.Service.Name
	}
	if service != "" && !e.Policy.ServiceAllowed(service) {
		f.Message = fmt.Sprintf("%s uses service %s, which is not in the policy's services (%s: %s)",
			text, service, where, strings.Join(e.Policy.Services, ", "))
		return f, true
	}
	return Finding{}, false
}
