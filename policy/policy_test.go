package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/internal/yamlstrict"
)

var ids = []string{"ZS001", "ZS002", "ZS101", "ZS104", "ZS105", "ZS201", "ZS202", "ZS205"}

const good = `# Our Zoho policy
fail-on: error
severity:
  ZS1*: warning
  ZS105: off
  ZS201: error
catalogs: [catalogs/desk.yaml]
product: vertical
allow:
  - scope: ZohoCRM.modules.ALL
    reason: the admin console manages every module
    paths: [cmd/admin/**, "*.admin.yaml"]
  - scope: ZohoCRM.settings.*
    reason: setup wizard
deny:
  - ZohoCRM.modules.activities.*
  - scope: ZohoCRM.org.ALL
    reason: read the org, never change it
services: [ZohoCRM, ZohoSearch]
exclude: [third_party/**, "*.generated.yaml"]
`

func TestParseGood(t *testing.T) {
	p, err := Parse("/repo/.zscopelint.yaml", []byte(good), ids)
	if err != nil {
		t.Fatal(err)
	}
	if p.FailOn != "error" || p.Product != "vertical" || p.Dir != "/repo" {
		t.Errorf("fail-on %q product %q dir %q", p.FailOn, p.Product, p.Dir)
	}
	if diff := cmp.Diff([]string{"/repo/catalogs/desk.yaml"}, p.Catalogs); diff != "" {
		t.Errorf("catalogs: %s", diff)
	}
	for id, want := range map[string]string{"ZS101": "warning", "ZS104": "warning", "ZS105": "off", "ZS201": "error", "ZS202": ""} {
		if got := p.Level(id); got != want {
			t.Errorf("Level(%s) = %q, want %q", id, got, want)
		}
	}
	for _, tt := range []struct {
		scope, file string
		want        bool
	}{
		{"ZohoCRM.modules.ALL", "/repo/cmd/admin/main.go", true},
		{"zohocrm.modules.all", "/repo/cmd/admin/sub/x.go", true},
		{"ZohoCRM.modules.ALL", "/repo/cmd/api/main.go", false},
		{"ZohoCRM.modules.ALL", "/repo/deploy/prod.admin.yaml", true},
		{"ZohoCRM.settings.ALL", "/repo/anything.go", true},
		{"ZohoCRM.users.ALL", "/repo/cmd/admin/main.go", false},
		{"ZohoCRM.modules.ALL", "/elsewhere/cmd/admin/main.go", false},
	} {
		if _, got := p.Allowed(tt.scope, tt.file); got != tt.want {
			t.Errorf("Allowed(%s, %s) = %v, want %v", tt.scope, tt.file, got, tt.want)
		}
	}
	if r, ok := p.Denied("ZohoCRM.org.ALL", "/repo/x.go"); !ok || r.Reason != "read the org, never change it" || r.Line != 17 {
		t.Errorf("Denied org.ALL = %+v, %v", r, ok)
	}
	if _, ok := p.Denied("ZohoCRM.modules.activities.READ", "/repo/x.go"); !ok {
		t.Error("activities not denied")
	}
	if _, ok := p.Denied("ZohoCRM.org.READ", "/repo/x.go"); ok {
		t.Error("org.READ denied")
	}
	if !p.ServiceAllowed("zohocrm") || p.ServiceAllowed("ZOHOPEOPLE") {
		t.Error("services allowlist")
	}
	for file, want := range map[string]bool{
		"/repo/third_party/x/y.yaml": true, "/repo/a/b/c.generated.yaml": true, "/repo/a/b.yaml": false,
	} {
		if got := p.Excluded(file); got != want {
			t.Errorf("Excluded(%s) = %v", file, got)
		}
	}
}

func TestNilAndEmptyPolicy(t *testing.T) {
	var p *Policy
	if p.Level("ZS201") != "" || p.Excluded("x") || !p.ServiceAllowed("X") {
		t.Error("nil policy changes something")
	}
	if _, ok := p.Allowed("a.b.C", "x"); ok {
		t.Error("nil policy allows")
	}
	for _, body := range []string{"", "# only a comment\n", "~\n"} {
		if _, err := Parse("p.yaml", []byte(body), ids); err != nil {
			t.Errorf("%q: %v", body, err)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ body, want string }{
		{"fail-on: sometimes\n", "p.yaml:1:10: \"sometimes\": want error, warning, info, never"},
		{"failon: error\n", "p.yaml:1:1: unknown key \"failon\""},
		{"severity:\n  ZS999: error\n", "p.yaml:2:3: unknown check \"ZS999\""},
		{"severity:\n  ZS9*: error\n", "p.yaml:2:3: unknown check \"ZS9*\""},
		{"severity:\n  ZS201: loud\n", "p.yaml:2:10: \"loud\": want error, warning, info, off"},
		{"severity: [ZS201]\n", "p.yaml:1:11: want a mapping"},
		{"product: desk\n", "p.yaml:1:10: \"desk\": want auto, crm, vertical"},
		{"catalogs: desk.yaml\n", "p.yaml:1:11: want a list"},
		{"allow:\n  - scope: ZohoCRM.modules.ALL\n", "p.yaml:2:5: allow entry for ZohoCRM.modules.ALL has no reason"},
		{"allow:\n  - ZohoCRM.modules.ALL\n", "p.yaml:2:5: allow entry for ZohoCRM.modules.ALL has no reason"},
		{"allow:\n  - scope: ZohoCRM.modules.ALL\n    reason: x\n    path: [a]\n", "p.yaml:4:5: unknown key \"path\""},
		{"deny:\n  - reason: no scope\n", "p.yaml:2:5: entry has no scope"},
		{"deny:\n  - \"ZohoCRM.[\"\n", "p.yaml:2:5: bad scope pattern"},
		{"services: []\n", "p.yaml:1:11: services: an empty list would forbid every scope"},
		{"exclude: [\"a/[\"]\n", "p.yaml:1:11: exclude: bad glob"},
		{"fail-on: error\nfail-on: info\n", "p.yaml:2:1: duplicate key \"fail-on\""},
		{"fail-on: [\n", "p.yaml:1:1: did not find expected node content"},
		{"- a\n- b\n", "p.yaml:1:1: want a mapping"},
		{"fail-on: error\n---\nfail-on: info\n", "more than one YAML document"},
	}
	for _, tt := range tests {
		_, err := Parse("p.yaml", []byte(tt.body), ids)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.body, err, tt.want)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(root, "mod", "a", "b"), 0o755))
	must(os.WriteFile(filepath.Join(root, "mod", "go.mod"), []byte("module m\n"), 0o644))
	// A policy above the module root is not used.
	must(os.WriteFile(filepath.Join(root, FileName), []byte("fail-on: never\n"), 0o644))
	if got := Find(filepath.Join(root, "mod", "a", "b")); got != "" {
		t.Errorf("found %q across the module root", got)
	}
	must(os.WriteFile(filepath.Join(root, "mod", FileName), []byte("fail-on: info\n"), 0o644))
	if got := Find(filepath.Join(root, "mod", "a", "b")); got != filepath.Join(root, "mod", FileName) {
		t.Errorf("Find = %q", got)
	}
	must(os.WriteFile(filepath.Join(root, "mod", "a", FileName), []byte("\n"), 0o644))
	if got := Find(filepath.Join(root, "mod", "a", "b")); got != filepath.Join(root, "mod", "a", FileName) {
		t.Errorf("nearest policy not found: %q", got)
	}
}

func TestMatch(t *testing.T) {
	for _, tt := range []struct {
		glob, path string
		want       bool
	}{
		{"*.yaml", "a/b/c.yaml", true},
		{"a/*.yaml", "a/c.yaml", true},
		{"a/*.yaml", "a/b/c.yaml", false},
		{"a/**", "a/b/c.yaml", true},
		{"a/**/c.yaml", "a/c.yaml", true},
		{"a/**/c.yaml", "a/x/y/c.yaml", true},
		{"a/", "a/x/y", true},
		{"./a/b.go", "a/b.go", true},
		{"b/**", "a/b/c", false},
	} {
		if got := Match(tt.glob, tt.path); got != tt.want {
			t.Errorf("Match(%q, %q) = %v", tt.glob, tt.path, got)
		}
	}
}

// FuzzParse checks that the policy reader never panics and positions its errors in the file.
func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("severity: {ZS1*: off}\nallow: [{scope: a.b.ALL, reason: r, paths: [x/**]}]\n"))
	f.Add([]byte("deny: [\"[\"]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse("p.yaml", data, ids)
		if e, ok := err.(*Error); ok && e.Line > yamlstrict.CountLines(data) {
			t.Fatalf("error line %d past the end: %v", e.Line, err)
		}
	})
}
