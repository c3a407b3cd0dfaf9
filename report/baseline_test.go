package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBaselineMatchAndPrune: a baseline says how many findings it hid and which of its
// entries no finding matches any more; Prune drops exactly those, in the file's own format
// (JSON or SARIF), so that the pruned baseline hides the same findings and has nothing
// stale.
func TestBaselineMatchAndPrune(t *testing.T) {
	dir := t.TempDir()
	old := []Finding{
		finding("ZS104", "a.yaml", 3, "ZohoCRM.users.REED"),
		finding("ZS104", "a.yaml", 5, "ZohoCRM.users.REED"), // one of two fixed
		finding("ZS201", "c.go", 1, "ZohoCRM.modules.ALL"),
		finding("ZS103", "gone.yaml", 1, "ZohoCRM.nope.READ"), // file deleted
	}
	now := []Finding{
		finding("ZS104", "a.yaml", 9, "ZohoCRM.users.REED"),
		finding("ZS201", "c.go", 1, "ZohoCRM.modules.ALL"),
		finding("ZS202", "c.go", 2, "ZohoCRM.modules.leads.READ"), // new
	}
	jsonFile := filepath.Join(dir, "base.json")
	if err := WriteBaseline(jsonFile, old, func(s string) string { return s }); err != nil {
		t.Fatal(err)
	}
	var sarif bytes.Buffer
	if err := SARIF(&sarif, old, Run{Version: "test", WorkDir: dir, Root: dir}); err != nil {
		t.Fatal(err)
	}
	sarifFile := filepath.Join(dir, "base.sarif")
	if err := os.WriteFile(sarifFile, sarif.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	wantStale := []BaselineEntry{
		{Check: "ZS104", File: "a.yaml", Scope: "ZohoCRM.users.REED", Count: 1},
		{Check: "ZS103", File: "gone.yaml", Scope: "ZohoCRM.nope.READ", Count: 1},
	}
	for _, name := range []string{jsonFile, sarifFile} {
		b, err := ReadBaseline(name, dir)
		if err != nil {
			t.Fatal(err)
		}
		fresh, hidden, stale := b.Match(now)
		if len(fresh) != 1 || fresh[0].Check.ID != "ZS202" || hidden != 2 {
			t.Errorf("%s: fresh %v, hidden %d; want the ZS202 and 2 hidden", filepath.Base(name), fresh, hidden)
		}
		if diff := cmp.Diff(wantStale, stale); diff != "" {
			t.Errorf("%s: stale entries (-want +got):\n%s", filepath.Base(name), diff)
		}
		n, err := b.Prune(stale)
		if err != nil || n != 2 {
			t.Fatalf("%s: pruned %d, %v; want 2", filepath.Base(name), n, err)
		}
		again, err := ReadBaseline(name, dir)
		if err != nil {
			t.Fatalf("%s after pruning: %v", filepath.Base(name), err)
		}
		fresh, hidden, stale = again.Match(now)
		if len(fresh) != 1 || hidden != 2 || len(stale) != 0 {
			t.Errorf("%s after pruning: fresh %d, hidden %d, stale %v; want 1, 2, none", filepath.Base(name), len(fresh), hidden, stale)
		}
		if n, err := again.Prune(nil); n != 0 || err != nil {
			t.Errorf("%s: pruning nothing: %d, %v", filepath.Base(name), n, err)
		}
	}
}
