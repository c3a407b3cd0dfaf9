package catalog

import (
	"slices"
	"strings"
	"testing"
)

// Every embedded file has a head, in name order, and no two describe one service: Load
// lays out the services from the heads alone (their services are the files' parsed:
// TestEmbeddedSpecsGenerated).
func TestEmbeddedHeads(t *testing.T) {
	var files []string
	seen := map[string]string{}
	for _, h := range embeddedHeads() {
		files = append(files, h.file)
		if other, ok := seen[strings.ToLower(h.service)]; ok {
			t.Errorf("%s and %s both describe %s", other, h.file, h.service)
		}
		seen[strings.ToLower(h.service)] = h.file
	}
	if !slices.Equal(files, EmbeddedFiles()) {
		t.Errorf("heads of %v, embedded files %v", files, EmbeddedFiles())
	}
}

// Load parses no embedded service; a query parses the one service it asks about, and
// only that one; Entries parses all of them.
func TestServicesBuiltOnUse(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	built := func() (out []string) {
		for _, name := range c.names {
			if s := c.services[strings.ToLower(name)]; s.svc != nil {
				out = append(out, name)
			}
		}
		return out
	}
	if b := built(); len(b) != 0 {
		t.Fatalf("after Load: built %v, want none", b)
	}
	c.Services()
	c.NearService("ZohoCMR")
	if _, ok := c.Lookup("zohocrm.modules.leads.read"); !ok {
		t.Fatal("ZohoCRM.modules.leads.READ not found")
	}
	if _, ok := c.Lookup("Nothing.modules.READ"); ok {
		t.Fatal("Nothing.modules.READ found")
	}
	if b := built(); len(b) != 1 || b[0] != "ZohoCRM" {
		t.Fatalf("after one ZohoCRM lookup: built %v, want [ZohoCRM]", b)
	}
	entries := c.Entries()
	if !slices.IsSortedFunc(entries, func(a, b *Entry) int { return strings.Compare(a.Scope, b.Scope) }) {
		t.Error("Entries is not sorted by canonical text")
	}
	if b := built(); len(b) != len(c.names) {
		t.Fatalf("after Entries: built %d of %d services", len(b), len(c.names))
	}
}

// A user file's error in a service it extends is Load's error, not a panic later.
func TestUserServiceBuiltByLoad(t *testing.T) {
	_, err := LoadBytes("user.yaml", []byte("service: ZohoCRM\nscopes:\n  - name: modules\n    operations: [ALL]\n"))
	if err == nil || !strings.Contains(err.Error(), "both a group and an own operation") {
		t.Fatalf("LoadBytes: err = %v, want the group/own operation clash of modules.ALL", err)
	}
}
