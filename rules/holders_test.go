package rules

import (
	"testing"

	"github.com/zscopelint/zscopelint/catalog"
)

// TestLargeSetCostIsLinear: judging a set of 16,000 scopes costs at most 10 times what a
// set of 2,000 costs, counted in scope comparisons and in allocations (deterministic,
// unlike a timer). Comparing every pair of elements (ZS202, and the fixes' convergence)
// made it 64 times: 86 s for the large set on this machine, against under a second.
func TestLargeSetCostIsLinear(t *testing.T) {
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	cycle := []string{"ZohoCRM.modules.leads.READ", "ZohoCRM.modules.ALL", "ZohoCRM.settings.fields.READ",
		"ZohoCRM.settings.ALL", "ZohoCRM.users.READ", "ZohoCRM.users.ALL", "ZohoCRM.modules.deals.CREATE",
		"ZohoCRM.modules.leads.WRITE", "ZohoCRM.org.READ", "ZohoCRM.modules.contacts.ALL"}
	set := func(n int) Set {
		items := make([]Item, n)
		for i := range items {
			items[i] = Item{Text: cycle[i%len(cycle)]}
		}
		return Set{Items: items, ScopePosition: true}
	}
	small, large := set(2000), set(16000)
	if n := len(e.Check(small)); n < 1990 {
		t.Fatalf("the small set gave %d findings: not the redundancy this test measures", n)
	}
	count := func(s Set) float64 {
		before := comparisons.Load()
		e.Check(s)
		return float64(comparisons.Load() - before)
	}
	if a, b := count(small), count(large); b > 10*a {
		t.Errorf("16,000 scopes cost %.1fx the comparisons of 2,000 (%.0f, %.0f): want at most 10x", b/a, a, b)
	}
	a := testing.AllocsPerRun(1, func() { e.Check(small) })
	b := testing.AllocsPerRun(1, func() { e.Check(large) })
	t.Logf("allocations: %.0f for 2,000 scopes, %.0f for 16,000 (%.1fx)", a, b, b/a)
	if b > 10*a {
		t.Errorf("16,000 scopes cost %.1fx the allocations of 2,000: want at most 10x", b/a)
	}
}
