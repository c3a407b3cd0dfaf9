package program

import (
	"slices"
	"sort"
)

// Needs is the least a program's calls need: the scopes to ask for, and what they were
// worked out from.
type Needs struct {
	// Scopes are the narrowest alternative of each clause of every resolved call, sorted,
	// each once.
	Scopes []string
	// Resolved are the calls whose endpoint is known exactly; Unresolved the others: an
	// endpoint the catalog does not hold, or a method or module not known before run time.
	// Their scopes cannot be named, so that Scopes may fall short of what they need.
	Resolved, Unresolved []Call
}

// Needs works out what the program's calls need; the calls come sorted by place.
func (p *Program) Needs() Needs {
	var n Needs
	for _, c := range p.Calls {
		if !c.Req.Exact() {
			n.Unresolved = append(n.Unresolved, c)
			continue
		}
		n.Resolved = append(n.Resolved, c)
		for _, scope := range c.Narrowest()[0] {
			if !slices.Contains(n.Scopes, scope) {
				n.Scopes = append(n.Scopes, scope)
			}
		}
	}
	sort.Strings(n.Scopes)
	byPlace(n.Resolved)
	byPlace(n.Unresolved)
	return n
}

// byPlace sorts calls by file and line, which Where (import path, file, line as text)
// does not: main.go:10 would come before main.go:9.
func byPlace(calls []Call) {
	sort.SliceStable(calls, func(i, j int) bool {
		if calls[i].File != calls[j].File {
			return calls[i].File < calls[j].File
		}
		return calls[i].Line < calls[j].Line
	})
}

// Narrowest lists, for each endpoint the call may be, the narrowest alternative of each
// of its clauses: what zscopelint suggests asking for.
func (c Call) Narrowest() [][]string {
	out := make([][]string, len(c.Req.Options))
	for i, opt := range c.Req.Options {
		for _, clause := range opt {
			if len(clause) > 0 {
				out[i] = append(out[i], clause[0])
			}
		}
	}
	return out
}
