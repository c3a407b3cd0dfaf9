package program

import (
	"sync"

	"github.com/zscopelint/zscopelint/rules"
)

// GoPackage is one Go package, or test variant, of a build as the Go front end loaded it.
type GoPackage struct {
	ID   string // unique in the build: a test variant has its own
	Path string // import path: a package and its test variant ("p [p.test]") share it
	Dir  string // the directory of its files, "" for a package without any
	Main bool   // a main package: a program of its own
	// Imports are the IDs of the packages it imports, in the order of their import
	// paths: the order in which the calls a finding names are listed.
	Imports []string
	// Checked says the arguments named the package: it is an input, not loaded for its
	// calls only.
	Checked bool
}

// GoBuild is one load of Go packages: the package graph and the calls each package makes
// itself (Calls, by import path; a package's test files count as its own).
type GoBuild struct {
	Packages []GoPackage
	Calls    map[string][]rules.Call

	once     sync.Once
	closures map[string][]rules.Call
}

// Closures gives each import path the calls of its package and of every package it
// imports, directly or not: the calls its scope sets answer for, what facts carry under
// go vet. A package and its test variant share a path: the larger closure is kept.
func (b *GoBuild) Closures() map[string][]rules.Call {
	b.once.Do(func() {
		b.closures = map[string][]rules.Call{}
		if len(b.Calls) == 0 {
			return
		}
		byID := make(map[string]*GoPackage, len(b.Packages))
		for i := range b.Packages {
			byID[b.Packages[i].ID] = &b.Packages[i]
		}
		var walk func(p *GoPackage, seen map[string]bool, into *[]rules.Call)
		walk = func(p *GoPackage, seen map[string]bool, into *[]rules.Call) {
			if seen[p.ID] {
				return
			}
			seen[p.ID] = true
			*into = append(*into, b.Calls[p.Path]...)
			for _, id := range p.Imports {
				if imp := byID[id]; imp != nil {
					walk(imp, seen, into)
				}
			}
		}
		for i := range b.Packages {
			p := &b.Packages[i]
			var calls []rules.Call
			walk(p, map[string]bool{}, &calls)
			if len(calls) > len(b.closures[p.Path]) {
				b.closures[p.Path] = dedupe(calls, func(c rules.Call) rules.Call { return c })
			}
		}
	})
	return b.closures
}

// dedupe keeps the first of the calls that share method, URL and place.
func dedupe[T any](calls []T, call func(T) rules.Call) []T {
	seen := map[string]bool{}
	var out []T
	for _, x := range calls {
		c := call(x)
		if k := c.Method + " " + c.URL + " " + c.Where; !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
	}
	return out
}
