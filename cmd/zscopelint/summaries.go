package main

import (
	"maps"
	"reflect"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/zscopelint/zscopelint/analyzer"
)

// A summaryChannel carries the request wrappers and scope builders the analyzer summarises
// in each package (analyzer.Result.Wrappers, Builders) to the packages that import it:
// what facts carry under go vet. Its maps are the standalone analyzer's ProgramWrappers
// and ProgramBuilders, filled as packages are analysed in dependency order, so that a
// package is analysed knowing the summaries of everything it imports, as under go vet, and
// a call made through wrappers of any depth is found alike by both.
type summaryChannel struct {
	wrappers map[string]analyzer.WrapperFact
	builders map[string]analyzer.BuilderFact
	step     int            // counts the analyses sent
	analysed map[string]int // package ID: the step that analysed it last
	changed  map[string]int // package path: the last step that changed one of its summaries
}

func newSummaryChannel() *summaryChannel {
	return &summaryChannel{wrappers: map[string]analyzer.WrapperFact{}, builders: map[string]analyzer.BuilderFact{},
		analysed: map[string]int{}, changed: map[string]int{}}
}

// send records the summaries of one step's analyses, which ran together (no one of them
// imports another). It is called between steps, never while the analyzer reads the maps.
func (ch *summaryChannel) send(acts []*checker.Action) {
	if ch == nil {
		return
	}
	ch.step++
	for _, act := range acts {
		ch.analysed[act.Package.ID] = ch.step
		r, _ := act.Result.(*analyzer.Result)
		if r == nil {
			continue
		}
		for _, k := range slices.Sorted(maps.Keys(r.Wrappers)) {
			if old, ok := ch.wrappers[k]; !ok || !slices.Equal(old.Requests, r.Wrappers[k].Requests) {
				ch.wrappers[k] = r.Wrappers[k]
				ch.changed[act.Package.PkgPath] = ch.step
			}
		}
		for _, k := range slices.Sorted(maps.Keys(r.Builders)) {
			if old, ok := ch.builders[k]; !ok || !reflect.DeepEqual(old, r.Builders[k]) {
				ch.builders[k] = r.Builders[k]
				ch.changed[act.Package.PkgPath] = ch.step
			}
		}
	}
}

// stale lists, sorted, the load paths (loadPath) of the listed packages analysed before a
// summary of something they import last changed: in dependency order, only a test variant
// that imports a package which imports the package under test.
func (ch *summaryChannel) stale(listed []*packages.Package) []string {
	latest := map[string]int{} // package ID: the last change among everything it imports
	var walk func(p *packages.Package) int
	walk = func(p *packages.Package) int {
		if v, ok := latest[p.ID]; ok {
			return v
		}
		latest[p.ID] = 0 // a cycle adds nothing
		v := 0
		for _, imp := range p.Imports {
			v = max(v, ch.changed[imp.PkgPath], walk(imp))
		}
		latest[p.ID] = v
		return v
	}
	set := map[string]bool{}
	for _, p := range listed {
		if at, ok := ch.analysed[p.ID]; ok && walk(p) >= at {
			set[loadPath(p)] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// importDepth returns a function giving the length of a package's longest chain of imports
// through the packages counted (memoized; a cycle counts nothing).
func importDepth(counted func(*packages.Package) bool) func(*packages.Package) int {
	depth := map[string]int{} // package ID
	var walk func(p *packages.Package) int
	walk = func(p *packages.Package) int {
		if d, ok := depth[p.ID]; ok {
			return d
		}
		depth[p.ID] = 0
		d := 0
		for _, imp := range p.Imports {
			step := 0
			if counted(imp) {
				step = 1
			}
			d = max(d, walk(imp)+step)
		}
		depth[p.ID] = d
		return d
	}
	return walk
}

// dependencyOrder sorts import paths so that each comes after the paths it imports, directly
// or not (then by path): by the length of its longest chain of imports among them.
func dependencyOrder(listed []*packages.Package, paths []string) []string {
	in := map[string]bool{}
	for _, p := range paths {
		in[p] = true
	}
	depth := importDepth(func(p *packages.Package) bool { return in[p.PkgPath] })
	level := map[string]int{}
	for _, p := range listed {
		if in[p.PkgPath] && p.ID == p.PkgPath && !testMain(p) {
			level[p.PkgPath] = depth(p)
		}
	}
	out := slices.Clone(paths)
	sort.SliceStable(out, func(i, j int) bool {
		if level[out[i]] != level[out[j]] {
			return level[out[i]] < level[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// dependencyLevels groups the packages of one load so that no package of a group imports
// one of its own group or of a later one, directly or not: analysed group after group, each
// package is analysed after the packages of the load it imports (a package's test variants
// after the package).
func dependencyLevels(pkgs []*packages.Package) [][]*packages.Package {
	root := map[string]bool{}
	for _, p := range pkgs {
		root[p.ID] = true
	}
	depth := importDepth(func(p *packages.Package) bool { return root[p.ID] })
	var levels [][]*packages.Package
	for _, p := range pkgs {
		d := depth(p)
		for len(levels) <= d {
			levels = append(levels, nil)
		}
		levels[d] = append(levels[d], p)
	}
	out := levels[:0]
	for _, l := range levels {
		if len(l) > 0 {
			out = append(out, l)
		}
	}
	return out
}

// replay puts the summaries of packages the result cache answered for into the channel,
// before any package is analysed: their importers find them as if they had been analysed
// first.
// A test variant ("p [p.test]") summarises p's functions under the same names as p: p's
// own go in last, as the package its importers import.
func (ch *summaryChannel) replay(results []packageResult) {
	for _, variant := range []bool{true, false} {
		for _, pr := range results {
			if (pr.id != pr.pkgPath) == variant {
				maps.Copy(ch.wrappers, pr.wrappers)
				maps.Copy(ch.builders, pr.builders)
			}
		}
	}
}
