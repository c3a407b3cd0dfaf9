package catalog

import (
	"slices"
	"strings"
	"testing"
)

// The service line read from each embedded file's head is the service parsing the file
// gives: Load lays out the services from the heads alone.
func TestEmbeddedHeads(t *testing.T) {
	seen := map[string]string{}
	for _, h := range embeddedHeads() {
		fs, err := embeddedSpec(h.file)
		if err != nil {
			t.Fatal(err)
		}
		if h.service != fs.service {
			t.Errorf("%s: head says service %q, the file parsed says %q", h.file, h.service, fs.service)
		}
		if other, ok := seen[strings.ToLower(h.service)]; ok {
			t.Errorf("%s and %s both describe %s", other, h.file, h.service)
		}
		seen[strings.ToLower(h.service)] = h.file
	}
}

func TestServiceLine(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"service: ZohoCRM\nscopes: []\n", "ZohoCRM"},
		{"# a comment\nproduct: Zoho Desk\nservice: Desk   # trailing comment\n", "Desk"},
		{"scopes:\n  - service: nested\n", ""},
		{"", ""},
		{"service: last line", "last line"},
	} {
		if got := serviceLine([]byte(tt.in)); got != tt.want {
			t.Errorf("serviceLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
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
