package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/policy"
	"github.com/zscopelint/zscopelint/scopetext"
)

// Item is one element of a scope set, as an extractor found it.
type Item struct {
	Text string
	// Quiet marks an element judged where it is declared (a named constant used in a list):
	// it takes part in the set's checks (it can make another element redundant) but gets
	// no finding of its own here.
	Quiet bool
	// SpaceJoined marks an element that only spaces separate from the one before it, in
	// one string: Zoho wants scopes joined by commas.
	SpaceJoined bool
}

// Set is a scope set: a list, a comma-joined string, a URL's scope parameter.
type Set struct {
	Items []Item
	// ScopePosition reports that the set stands where scopes are expected (scope=, a key
	// or field named scope/scopes), which makes any element of three segments a candidate.
	ScopePosition bool
	// File is the file the set is in, for the policy's path globs.
	File string
	// Declares marks a set that lists the scopes an API offers rather than requests them
	// (the scopes map of an OpenAPI securityScheme): each scope is checked, but breadth,
	// redundancy and use are not questions it answers.
	Declares bool
	// Prose marks a scope named in free text (a sentence, a Markdown paragraph, a
	// description in a config string): a sentence is no grant, so it is checked for
	// mistakes but not for breadth, redundancy or use.
	Prose bool
	// Example marks a scope set in documentation code (a fenced block or inline code of a
	// setup guide): a grant that readers copy, so judged for breadth and redundancy, but
	// one of no program this run holds, so the program's calls say nothing of it.
	Example bool
}

// SetOf starts the rules set for a set scopetext found (its items are added after).
func SetOf(s scopetext.Set) Set {
	return Set{ScopePosition: s.ScopePosition, Prose: s.Prose && !s.URL}
}

// Fix is a safe change to one element.
type Fix struct {
	Message     string
	Replacement string // the element's new text, when !Remove
	Remove      bool   // drop the element from its set
	// Expand, when it holds several scopes, says the element becomes several elements;
	// Replacement is then those scopes joined by commas, for a comma-joined string.
	Expand []string
}

// Finding is one problem with one element of a set.
type Finding struct {
	Check       *Check
	Severity    Severity
	Item        int    // index into Set.Items: the extractor knows where it is
	Scope       string // the element's text
	Message     string // names the scope; the check ID is added by the output
	Suggestions []string
	Fix         *Fix
}

// Engine judges scope sets against a catalog. It knows nothing of where sets come from.
type Engine struct {
	Catalog  *catalog.Catalog
	Product  catalog.Product
	Checks   Selection      // nil: all
	Policy   *policy.Policy // nil: none
	Evidence *Evidence      // the program's API calls; nil: none known
}

// Level applies -checks and the policy's severity to a finding of check c with severity
// sev: the severity to report it at, or false when it is turned off.
func (e *Engine) Level(c *Check, sev Severity) (Severity, bool) {
	if !e.Checks.Enabled(c.ID) {
		return sev, false
	}
	switch lvl := e.Policy.Level(c.ID); lvl {
	case "":
		return sev, true
	case "off":
		return sev, false
	default:
		s, _ := ParseSeverity(lvl)
		return s, true
	}
}

// Enabled reports whether findings of a check are reported at all.
func (e *Engine) Enabled(id string) bool {
	c, ok := CheckByID(id)
	if !ok {
		return false
	}
	_, on := e.Level(c, c.Severity)
	return on
}

// IsCandidate applies the candidate rule of SPEC §2 to one token: three or more dotted
// segments, and a catalogued service (or near miss) first and an operation (or near miss)
// last, or any such token in a scope position.
func (e *Engine) IsCandidate(text string, scopePos bool) bool {
	first := strings.IndexByte(text, '.')
	last := strings.LastIndexByte(text, '.')
	if first <= 0 || first == last || last == len(text)-1 {
		if !scopePos || strings.Count(text, ".") < 2 {
			return false
		}
		return true // ZohoCRM..READ, ZohoCRM.modules. in a scope position: malformed
	}
	if scopePos {
		return true
	}
	return e.Catalog.NearService(text[:first]) && catalog.IsNearOperation(text[last+1:])
}

// zohoElement reports whether an element makes its set a Zoho scope set: a candidate whose
// service is catalogued, a near miss of one, or starts with "Zoho" (an uncatalogued Zoho
// product). Standing in a scope position is not enough: openid, accounting.transactions
// (Xero) or crm.objects.contacts.write (HubSpot) are other providers' scopes.
func (e *Engine) zohoElement(text string, scopePos bool) bool {
	first := strings.IndexByte(text, '.')
	if first <= 0 {
		return false
	}
	service := text[:first]
	zoho := e.Catalog.NearService(service) || len(service) > 4 && strings.EqualFold(service[:4], "zoho")
	return zoho && e.IsCandidate(text, scopePos) || scopePos && e.missingService(text) != ""
}

// Completion is the one catalogued scope that putting a service in front of text makes
// (modules.leads.READ -> ZohoCRM.modules.leads.READ), "" when none or several do: what the
// engine completes a scope written without its service to, in a scope position (ZS101).
// Front ends ask it to tell whether such a text can matter at all.
func (e *Engine) Completion(text string) string { return e.missingService(text) }

// missingService returns the one catalogued scope that putting a service in front of text
// makes ("modules.leads.READ" -> "ZohoCRM.modules.leads.READ"), or "" when none or several
// do.
func (e *Engine) missingService(text string) string {
	first, _, ok := strings.Cut(text, ".")
	if !ok || !e.Catalog.TopScope(first) {
		return "" // no service has such a scope: Promise.all, fs.read
	}
	found := ""
	for _, svc := range e.Catalog.Services() {
		if r := e.Catalog.Resolve(svc+"."+text, e.Product); r.Problem == catalog.OK {
			if found != "" {
				return ""
			}
			found = r.Entry.Scope
		}
	}
	return found
}

// spaceJoined reports each run of scopes joined by spaces in one string (ZS302), at its
// first element: a warning, as Zoho documents commas but whether its server also reads
// spaces is unproven (an integration platform sends spaces and never added a Zoho
// override). The extractors mark the shapes: a space, '+' or %20 in one string or scope=
// parameter, a list joined by a space (strings.Join(list, " "), [...].join(' '),
// " ".join(list), implode(' ', $list)).
func (e *Engine) spaceJoined(set Set, judged []bool) []Finding {
	var out []Finding
	for i := 1; i < len(set.Items); i++ {
		if !set.Items[i].SpaceJoined || set.Items[i-1].SpaceJoined {
			continue
		}
		j := i
		for j+1 < len(set.Items) && set.Items[j+1].SpaceJoined {
			j++
		}
		if !judged[i-1] && !judged[i] {
			continue // OpenID Connect scopes alone
		}
		var texts []string
		for _, it := range set.Items[i-1 : j+1] {
			texts = append(texts, it.Text)
		}
		out = append(out, Finding{Check: checkAuthRequest(), Severity: Warning, Item: i - 1,
			Scope: texts[0],
			Message: fmt.Sprintf("scopes separated by spaces (%q): Zoho documents commas between scopes; write %s",
				strings.Join(texts, " "), strings.Join(texts, ","))})
	}
	return out
}

// Judged reports which items of the set the engine looks at: none unless the set holds a
// Zoho element; then every element but OpenID Connect scopes.
func (e *Engine) Judged(set Set) []bool {
	any := false
	for _, it := range set.Items {
		if e.zohoElement(it.Text, set.ScopePosition) {
			any = true
			break
		}
	}
	if !any {
		return nil
	}
	out := make([]bool, len(set.Items))
	for i, it := range set.Items {
		// A token is a credential (ZS301), never a scope: judging it as one would print it.
		out[i] = !scopetext.IsOIDC(it.Text) && len(FindTokens(it.Text)) == 0
	}
	return out
}

// levels sorts a set's findings, drops those the policy accepts (allow) or turns off, and
// applies the policy's severities.
func (e *Engine) levels(set Set, entries []*catalog.Entry, out []Finding) []Finding {
	sortFindings(out)
	filtered := out[:0]
	for _, f := range out {
		if f.Check.Allow && e.allowed(set.Items[f.Item].Text, entries[f.Item], set.File) {
			continue
		}
		var on bool
		if f.Severity, on = e.Level(f.Check, f.Severity); on {
			filtered = append(filtered, f)
		}
	}
	return filtered
}

// allowed reports whether the policy accepts a broad scope where it stands.
func (e *Engine) allowed(text string, entry *catalog.Entry, file string) bool {
	if _, ok := e.Policy.Allowed(text, file); ok {
		return true
	}
	if entry != nil {
		_, ok := e.Policy.Allowed(entry.Scope, file)
		return ok
	}
	return false
}

// broadFamily is ZS201 without usage evidence: a group scope spanning several sub-scopes
// is a warning, ALL or WRITE on one resource with narrower operations is info.
func (e *Engine) broadFamily(i int, text string, entry *catalog.Entry) (Finding, bool) {
	if entry.Resource.Whole {
		// A service-wide grant (ZohoBooks.fullaccess.all) is the broadest group of all.
		svc := entry.Service.Name
		return Finding{Check: checkBroad(), Severity: Warning, Item: i, Scope: text,
			Message: fmt.Sprintf("%s grants every scope of %s; request only those the code uses (%s.<name>.{READ,CREATE,UPDATE,DELETE})", text, svc, svc)}, true
	}
	narrower := e.Catalog.Narrower(entry, e.Product)
	if len(narrower) == 0 {
		return Finding{}, false
	}
	f := Finding{Check: checkBroad(), Item: i, Scope: text}
	for _, n := range narrower {
		f.Suggestions = append(f.Suggestions, n.Scope)
	}
	base := entry.Service.Name + "." + entry.Resource.Path
	if entry.Group && len(narrower) > 1 {
		f.Severity = Warning
		f.Message = fmt.Sprintf("%s is a group scope: it grants %s on all %d sub-scopes of %s; request only those the code uses (%s.<name>.%s)",
			text, opPhrase(entry.Operation), len(narrower), base, base, narrowOps(entry))
		return f, true
	}
	if entry.Operation != "ALL" && entry.Operation != "WRITE" && !entry.Group {
		return Finding{}, false
	}
	f.Severity = Info
	var ops []string
	for _, n := range narrower {
		ops = append(ops, n.Operation)
	}
	family := base + "." + ops[0]
	if len(ops) > 1 {
		family = base + ".{" + strings.Join(ops, ",") + "}"
	}
	f.Message = fmt.Sprintf("%s grants %s on %s; request only the operations the code uses (%s)",
		text, opPhrase(entry.Operation), base, family)
	return f, true
}

func opPhrase(op string) string {
	switch op {
	case "ALL":
		return "every operation"
	case "WRITE":
		return "CREATE, UPDATE and DELETE"
	}
	return op
}

func narrowOps(entry *catalog.Entry) string {
	if entry.Operation == "ALL" {
		return "{READ,CREATE,UPDATE,DELETE}"
	}
	return entry.Operation
}

// redundant applies ZS202: an element that duplicates an earlier one, or that another
// element grants already. Each redundant element is reported once, naming the first
// element that makes it so.
func (e *Engine) redundant(set Set, entries []*catalog.Entry) []Finding {
	h := newHolders(e.Catalog)
	for i, en := range entries {
		if en != nil {
			h.add(i, en.Scope, en)
		}
	}
	var out []Finding
	for j, ej := range entries {
		if ej == nil || set.Items[j].Quiet {
			continue
		}
		// The first element that makes j redundant: an earlier copy of it, or any
		// element holding a scope that covers it.
		by, dup := -1, false
		if first := h.byKey[ej.Scope][0]; first < j {
			by, dup = first, true
		}
		h.covering(ej, func(_ *catalog.Entry, elems []int) {
			if by < 0 || elems[0] < by {
				by, dup = elems[0], false
			}
		})
		if by < 0 {
			continue
		}
		msg := fmt.Sprintf("%s is redundant: %s in the same set already grants it", set.Items[j].Text, set.Items[by].Text)
		if dup {
			msg = fmt.Sprintf("%s is listed twice in this scope set", set.Items[j].Text)
		}
		out = append(out, Finding{Check: checkRedundant(), Severity: checkRedundant().Severity, Item: j,
			Scope: set.Items[j].Text, Message: msg,
			Fix: &Fix{Message: "Remove " + set.Items[j].Text, Remove: true}})
	}
	return out
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(a, b int) bool {
		if fs[a].Item != fs[b].Item {
			return fs[a].Item < fs[b].Item
		}
		return fs[a].Check.ID < fs[b].Check.ID
	})
}
