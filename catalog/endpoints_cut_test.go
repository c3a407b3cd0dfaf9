package catalog

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The rows cut from the endpoint file by product root are, together, exactly the rows of
// the whole file parsed: none lost, none changed, none in the wrong root.
func TestEndpointRowsByRoot(t *testing.T) {
	whole := Endpoints()
	var roots []string
	for r := range endpointRows() {
		roots = append(roots, r)
	}
	slices.Sort(roots)
	n := 0
	for _, r := range roots {
		for _, e := range endpointsFor(r) {
			if e.segments[0] != r {
				t.Errorf("%s %s filed under root %q", e.Method, e.Path, r)
			}
			n++
		}
	}
	if n != len(whole) {
		t.Errorf("%d rows by root, %d in the whole file", n, len(whole))
	}
	for _, e := range whole {
		i := slices.IndexFunc(endpointsFor(e.segments[0]), func(x *Endpoint) bool {
			return x.Method == e.Method && x.Path == e.Path && cmp.Equal(x.Requires, e.Requires) && x.Source == e.Source
		})
		if i < 0 {
			t.Errorf("%s %s is missing from its root's rows", e.Method, e.Path)
		}
	}
	head := endpointHead()
	if !cmp.Equal(head.Hosts, endpointData().Hosts, cmp.AllowUnexported(apiHost{})) || !cmp.Equal(head.Roots, endpointData().Roots) {
		t.Error("the head parsed alone differs from the whole file's")
	}
}
