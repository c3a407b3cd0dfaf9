package catalog

import (
	"errors"
	"fmt"
	"strings"
)

// Problem says what, if anything, is wrong with a scope string.
type Problem int

const (
	OK                   Problem = iota // a catalogued scope (perhaps in another case)
	Template                            // holds a placeholder; not a scope, not judged
	Malformed                           // breaks the grammar (ZS101)
	UnknownService                      // service not catalogued (ZS102)
	UnknownScope                        // scope or sub-scope the service lacks (ZS103)
	UnsupportedOperation                // operation the scope does not accept (ZS104)
)

var problemNames = [...]string{"ok", "template", "malformed", "unknown service", "unknown scope", "unsupported operation"}

func (p Problem) String() string { return problemNames[p] }

// Resolution is the catalog's verdict on one scope string.
type Resolution struct {
	Text    string
	Problem Problem
	Entry   *Entry // the scope found, when Problem is OK
	Scope   Scope  // the parse, when the grammar holds
	Offset  int    // byte offset in Text of what is wrong
	Reason  string // what is wrong, for a message
	// Suggestions are corrected scopes, best first. A single suggestion is a safe
	// replacement (the correction was unique at every step); several are alternatives.
	Suggestions []string
	// Near reports that the wrong service was a near miss of a catalogued one.
	Near bool
	// Partial reports an unknown scope or operation in a service whose catalog holds only
	// the documented part of Zoho's list: it may exist.
	Partial bool
}

// Resolve parses text and looks it up in product p, saying precisely what is wrong.
// Misspelt segments are corrected one at a time when the correction is unique, so that
// ZohoCMR.modules.leeds.READ yields the single suggestion ZohoCRM.modules.leads.READ.
func (c *Catalog) Resolve(text string, p Product) Resolution {
	res := c.resolve(text, p)
	if len(res.Suggestions) == 1 && !c.Settles(res.Suggestions[0], p) {
		res.Suggestions = nil // a fix must not write a scope that is itself reported
	}
	return res
}

func (c *Catalog) resolve(text string, p Product) Resolution {
	if e, ok := c.Lookup(text); ok && e.In(p) {
		return Resolution{Text: text, Problem: OK, Entry: e}
	}
	s, err := Parse(text)
	if err != nil {
		var pe *ParseError
		errors.As(err, &pe)
		res := Resolution{Text: text, Problem: Malformed, Offset: pe.Offset, Reason: pe.Reason}
		if pe.Kind == KindTemplate {
			res.Problem = Template
		}
		return res
	}
	res := c.resolveParsed(s, p)
	res.Text, res.Scope = text, s
	if res.Problem == OK {
		return res
	}
	// Follow unique corrections to a scope that exists.
	fixed := res
	for range len(s.Offsets) {
		if len(fixed.Suggestions) != 1 {
			break
		}
		next, err := Parse(fixed.Suggestions[0])
		if err != nil {
			break
		}
		fixed = c.resolveParsed(next, p)
		if fixed.Problem == OK {
			res.Suggestions = []string{fixed.Entry.Scope}
			return res
		}
		if unsettled(fixed, next) {
			res.Suggestions = []string{next.Text}
			return res
		}
	}
	if len(res.Suggestions) == 1 {
		// The first correction was unique but did not lead to a valid scope: offer it as
		// an idea, not as a fix.
		res.Suggestions = nil
	}
	return res
}

// Settles reports whether text is a replacement the catalog stands behind in product p: a
// scope it holds, or one it can say nothing against (unsettled). A single suggestion of
// Resolve always settles, so that a fix never writes a scope that is itself reported.
func (c *Catalog) Settles(text string, p Product) bool {
	s, err := Parse(text)
	if err != nil {
		return false
	}
	res := c.resolveParsed(s, p)
	return res.Problem == OK || unsettled(res, s)
}

// unsettled reports whether the catalog can say nothing against a corrected scope it does
// not hold, so that the correction stands as a fix: one that ends in an operation word, in
// a service known by name only (its list is not checked) or in a partial list that does
// not show the scope or the operation.
func unsettled(fixed Resolution, next Scope) bool {
	switch {
	case !IsOperation(next.Operation):
		// Whatever the list, a last segment that is no operation word is no scope.
		return false
	case fixed.Problem == UnknownService && !fixed.Near:
		_, known := uncatalogued(next.Service)
		return known
	case !fixed.Partial:
		return false
	case fixed.Problem == UnknownScope:
		return len(fixed.Suggestions) == 0
	}
	return fixed.Problem == UnsupportedOperation
}

func (c *Catalog) resolveParsed(s Scope, p Product) Resolution {
	segs := make([]string, 0, len(s.Offsets))
	segs = append(append(append(segs, s.Service), s.Path...), s.Operation)
	with := func(i int, repl string) string {
		out := append([]string(nil), segs...)
		out[i] = repl
		return strings.Join(out, ".")
	}
	alternatives := func(i int, names []string) []string {
		var out []string
		for _, n := range names {
			out = append(out, with(i, n))
		}
		return out
	}

	svc, ok := c.Service(s.Service)
	if !ok {
		res := Resolution{Problem: UnknownService, Offset: 0}
		if right, ok := rightName(s.Service); ok {
			res.Near = true
			res.Suggestions = alternatives(0, []string{right.Right})
			res.Reason = fmt.Sprintf("unknown service %q: the Zoho service is %s", s.Service, right.Right)
			return res
		}
		if known, ok := uncatalogued(s.Service); ok {
			if known.Name != s.Service {
				res.Near = true
				res.Suggestions = alternatives(0, []string{known.Name})
				res.Reason = fmt.Sprintf("service %q is spelt %s", s.Service, known.Name)
				return res
			}
			res.Reason = fmt.Sprintf("%s (%s) is a Zoho service whose scope list zscopelint does not have; its scopes are not checked", known.Name, known.Product)
			return res
		}
		if near, ok := nearest(s.Service, c.nearCandidates()); ok {
			res.Near = true
			res.Suggestions = alternatives(0, near)
			res.Reason = fmt.Sprintf("unknown service %q", s.Service)
		} else {
			res.Reason = fmt.Sprintf("service %q is not in the catalog (add a catalog file with -catalog to check it)", s.Service)
		}
		return res
	}

	// Walk the path.
	var r *Resource
	for i, name := range s.Path {
		seg := i + 1
		var next *Resource
		if r == nil {
			next = svc.byName[strings.ToLower(name)]
		} else {
			next, _ = r.child(name)
		}
		if next != nil && next.Products&p == 0 {
			return Resolution{Problem: UnknownScope, Offset: s.Offsets[seg],
				Reason: fmt.Sprintf("%s.%s is not available in %s", svc.Name, next.Path, p)}
		}
		if next == nil {
			// The names beside the one missing, for the message and the suggestions: made
			// only here, as most paths resolve.
			siblings, where := svc.resourceNames(p), svc.Name
			if r != nil {
				siblings, where = r.childNames(p), svc.Name+"."+r.Path
			}
			res := Resolution{Problem: UnknownScope, Offset: s.Offsets[seg], Partial: svc.Partial}
			if r != nil && len(siblings) == 0 {
				res.Reason = fmt.Sprintf("%s has no sub-scope %q", where, name)
				return res
			}
			res.Reason = fmt.Sprintf("unknown scope %q under %s", name, where)
			find := nearest
			if svc.Partial {
				// A list known in part lacks real scopes: only a one-edit slip (itmes,
				// teamfolder) is taken for a typo of a name it has, not another word
				// (products beside projects).
				find = func(w string, names []string) ([]string, bool) { return nearestWithin(w, names, 1) }
			}
			if near, ok := find(name, siblings); ok {
				res.Suggestions = alternatives(seg, near)
				return res
			}
			if svc.Partial && !IsOperation(s.Operation) {
				// The scope may exist; its operation is no operation word at all (REED): that
				// much is a mistake whatever the list documents.
				if near, ok := nearestOperation(s.Operation, Operations); ok {
					return Resolution{Problem: UnsupportedOperation, Offset: s.Offsets[len(segs)-1], Partial: true,
						Reason:      fmt.Sprintf("%q is not an operation (the scope %s.%s is not in the documented part of Zoho's list)", s.Operation, svc.Name, strings.Join(s.Path, ".")),
						Suggestions: alternatives(len(segs)-1, near)}
				}
			}
			return res
		}
		r = next
	}

	opSeg := len(segs) - 1
	accepted := r.AcceptedOperations()
	for _, op := range accepted {
		if strings.EqualFold(op, s.Operation) {
			e, _ := c.entryOf(r, op)
			return Resolution{Problem: OK, Entry: e}
		}
	}
	res := Resolution{Problem: UnsupportedOperation, Offset: s.Offsets[opSeg], Partial: svc.Partial}
	if !IsOperation(s.Operation) {
		if _, isChild := r.child(s.Operation); isChild {
			return Resolution{Problem: Malformed, Offset: len(s.Text),
				Reason: fmt.Sprintf("missing operation: want %s.OPERATION", s.Text)}
		}
	}
	switch {
	case len(accepted) == 0:
		res.Reason = fmt.Sprintf("%s.%s takes a sub-scope before the operation (%s.%s.<%s>.%s)",
			svc.Name, r.Path, svc.Name, r.Path, strings.Join(firstN(r.childNames(p), 3), "|"), s.Operation)
		return res
	default:
		res.Reason = fmt.Sprintf("%s.%s does not accept operation %q (it accepts %s)",
			svc.Name, r.Path, s.Operation, strings.Join(accepted, ", "))
	}
	if near, ok := nearestOperation(s.Operation, accepted); ok {
		res.Suggestions = alternatives(opSeg, near)
		return res
	}
	if svc.Partial && !IsOperation(s.Operation) {
		// Not an operation word at all (REED): a typo, whatever the list documents.
		if near, ok := nearestOperation(s.Operation, Operations); ok {
			res.Suggestions = alternatives(opSeg, near)
			return res
		}
	}
	// ALL on a resource without ALL grants exactly what its operations grant together;
	// when there is one, it is an equivalent replacement (ZohoCRM.coql.ALL -> coql.READ).
	if strings.EqualFold(s.Operation, "ALL") && len(r.Operations) == 1 && len(r.Group) == 0 {
		res.Suggestions = alternatives(opSeg, r.Operations)
	}
	return res
}

func firstN(list []string, n int) []string {
	if len(list) > n {
		return append(list[:n:n], "...")
	}
	return list
}
