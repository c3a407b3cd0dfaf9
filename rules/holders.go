package rules

import (
	"sync/atomic"

	"github.com/zscopelint/zscopelint/catalog"
)

// comparisons counts the scope-against-scope comparisons holders make, so that a test can
// hold the cost of a large set to a count rather than a timer.
var comparisons atomic.Int64

// holders indexes the elements of one scope set by the scope each holds, so that "which
// elements grant this scope" costs the depth of the scope's resource, not the size of the
// set: a set of 16,000 scopes is judged in linear time, where comparing every pair of
// elements took minutes (issue 27).
type holders struct {
	cat *catalog.Catalog
	// byResource lists, per resource, the catalogued scopes on it that elements hold and
	// which elements hold each (in the order they were added); whole, the service-wide
	// grants (fullaccess.all) per service.
	byResource map[*catalog.Resource]map[*catalog.Entry][]int
	whole      map[*catalog.Service]map[*catalog.Entry][]int
	// byKey lists the elements holding each scope text, by its canonical spelling.
	byKey map[string][]int
}

func newHolders(cat *catalog.Catalog) *holders {
	return &holders{cat: cat, byResource: map[*catalog.Resource]map[*catalog.Entry][]int{},
		whole: map[*catalog.Service]map[*catalog.Entry][]int{}, byKey: map[string][]int{}}
}

// add records that element i holds the scope text, catalogued as en (nil when it is not).
func (h *holders) add(i int, key string, en *catalog.Entry) {
	h.byKey[key] = append(h.byKey[key], i)
	if en == nil {
		return
	}
	m := h.byResource
	byEntry := m[en.Resource]
	if en.Resource.Whole {
		byEntry = h.whole[en.Service]
	}
	if byEntry == nil {
		byEntry = map[*catalog.Entry][]int{}
		if en.Resource.Whole {
			h.whole[en.Service] = byEntry
		} else {
			m[en.Resource] = byEntry
		}
	}
	byEntry[en] = append(byEntry[en], i)
}

// covering calls f with each held scope that covers en (the catalog's Covers), other than
// en itself, and the elements that hold it.
func (h *holders) covering(en *catalog.Entry, f func(a *catalog.Entry, elems []int)) {
	visit := func(byEntry map[*catalog.Entry][]int) {
		for a, elems := range byEntry {
			comparisons.Add(1)
			if a != en && h.cat.Covers(a, en) {
				f(a, elems)
			}
		}
	}
	for r := en.Resource; r != nil; r = r.Parent {
		visit(h.byResource[r])
	}
	visit(h.whole[en.Service])
}

// otherThan reports whether elems holds an element other than r.
func otherThan(elems []int, r int) bool { return len(elems) > 1 || len(elems) == 1 && elems[0] != r }
