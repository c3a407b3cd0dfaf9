package configcheck

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/report"
)

// Checking only the files Prescan keeps finds exactly what checking every file finds, on
// the repository's corpora and on files made to sit at its edges; and it does pass over
// the files that hold nothing.
func TestPrescanPassesOverOnlyWhatGivesNothing(t *testing.T) {
	dir := t.TempDir()
	edge := map[string]string{
		"plain.yaml":          "apiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: debug\n",
		"plain.json":          `{"env": [{"name": "A", "value": "b.c/d"}]}`,
		"notes.txt":           "nothing here but words.\n",
		"token.txt":           "refresh: 1000.4f9a0c1d2e3b4a5f6e7d8c9b0a1f2e3d.9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e\n",
		"desk.yaml":           "scopes: [Desk.tickets.READ, Desk.tickets.REED]\n",
		"auth.md":             "Open {{accounts}}/oauth/v2/auth?scope=ZohoCRM.modules.ALL&response_type=code\n",
		"nul.yaml":            "a: b\x00\n",
		"bom.json":            "\xff\xfe{\x00}\x00",
		"empty.yaml":          "",
		"unreadable.yaml":     "scopes: [ZohoCRM.modules.ALL]\n",
		"secret.env":          "ZOHO_CLIENT_SECRET=8f14e45fceea167a5a36dedd4bea2543aa43f1b1c2\n",
		"lowercase-zoho.yaml": "host: accounts.zoho.eu\n",
		"profile.md":          "Update your profile. See profile.html, Profile.mark(x) and `profile.d/`.\n",
		"limits.yaml":         "maxItems: 1000.\nretries: 1000.5\n",
		"desk-template.js":    "const s = `Desk.${mod}.READ`, t = \"Desk\\u002etickets.REED\";\n",
	}
	files := []string{}
	for name, body := range edge {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	if err := os.Chmod(filepath.Join(dir, "unreadable.yaml"), 0); err != nil {
		t.Fatal(err)
	}
	for _, c := range corpusFiles(t, 20, "testdata/*/*", "../testdata/*/*/*", "../testdata/*/*/*/*", "../examples/*/*") {
		if !strings.HasSuffix(c.name, ".go") && !strings.HasSuffix(c.name, ".golden") {
			files = append(files, c.name)
		}
	}
	sort.Strings(files)
	queue := make(chan string, len(files))
	for _, f := range files {
		queue <- f
	}
	close(queue)
	noDisplay := opts()
	noDisplay.Display = nil // the zero Options work too
	kept := Prescan(queue, noDisplay)
	var keptFiles []string
	for _, f := range files {
		if kept[f] {
			keptFiles = append(keptFiles, f)
		}
	}
	all, some := CheckFiles(files, opts()), CheckFiles(keptFiles, opts())
	if d := cmp.Diff(report.Sort(all.Findings), report.Sort(some.Findings)); d != "" {
		t.Errorf("findings differ (-every file +the kept ones):\n%s", d)
	}
	if all.Incomplete != some.Incomplete {
		t.Errorf("Incomplete: %v checking every file, %v the kept ones", all.Incomplete, some.Incomplete)
	}
	for _, name := range []string{"plain.yaml", "plain.json", "notes.txt", "empty.yaml", "profile.md", "limits.yaml"} {
		if kept[filepath.Join(dir, name)] {
			t.Errorf("%s holds nothing to check, and was kept", name)
		}
	}
	for _, name := range []string{"token.txt", "desk.yaml", "auth.md", "nul.yaml", "bom.json", "secret.env", "lowercase-zoho.yaml", "desk-template.js"} {
		if !kept[filepath.Join(dir, name)] {
			t.Errorf("%s was passed over", name)
		}
	}
	if len(all.Findings) == 0 || len(keptFiles) == len(files) {
		t.Fatalf("%d findings, %d of %d files kept: the test checks nothing", len(all.Findings), len(keptFiles), len(files))
	}
}

// TestAuthNeedleInCatalogPaths: the prefilter's authorization needle is in both paths of
// catalog/oauth.yaml, so a file holding either is parsed whatever the data says.
func TestAuthNeedleInCatalogPaths(t *testing.T) {
	paths := catalog.AuthRequest().Paths
	pf := newPrefilter(opts().Catalog)
	for _, p := range []string{paths.Auth, paths.PortalAuth} {
		if pf.scan([]byte("url: https://example.com"+p+"x"))&hitAuth == 0 {
			t.Errorf("the prefilter passes over %s", p)
		}
	}
}

// TestScopeKeyNeedle: a file without a service name is parsed for a scope-named key only
// when a text after it is one the engine completes with a service; other providers' scopes
// under such a key (Node's fs.read, Google's) are passed over.
func TestScopeKeyNeedle(t *testing.T) {
	pf := newPrefilter(opts().Catalog)
	for text, want := range map[string]bool{
		"scope: modules.leads.READ\n":                                         true,
		"oauthScopes = ['modules.deals.ALL']\n":                               true,
		"SCOPE=fullaccess.all\n":                                              false, // several services' group scope: the engine completes none
		"auth?scope=modules.leads.read&x=1":                                   true,
		"permission.has(scope) // fs.read, fs.write\n":                        false,
		`"scopes": {"https://www.googleapis.com/auth/bigquery.readonly": {}}`: false,
		"telescopes: modules.leads.READ\n":                                    true, // ScopeName takes any key ending in scope(s)
		"scoped: modules.leads.READ\n":                                        false,
		"modules.leads.READ\n":                                                false,
	} {
		if got := pf.scan([]byte(text))&hitScope != 0; got != want {
			t.Errorf("%q: parsed for its scope key %v, want %v", text, got, want)
		}
	}
}

// TestDottedNeedles: a service name without "zoho" counts before its dot only where a
// second dot may follow before the element ends (an encoded or escaped one too), and
// "1000." only where a token starts.
func TestDottedNeedles(t *testing.T) {
	pf := newPrefilter(opts().Catalog)
	tok := "1000.4f9a0c1d2e3b4a5f6e7d8c9b0a1f2e3d.9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e"
	for text, want := range map[string]hits{
		"Desk.tickets.READ":         hitService,
		"scopes: [desk.basic.read]": hitService,
		"Desk..READ":                hitService,
		"Desk.${mod}.READ":          hitService,
		"Desk.{module}.ALL":         hitService,
		"Desk.<module>.ALL":         hitService,
		"Desk.tickets%2EREAD":       hitService,
		`"Desk.tickets\u002eREAD"`:  hitService,
		"Profile.userphoto.READ,":   hitService,
		"AaaServer.profile.Read":    hitService,
		"at the desk. Then":         0,
		"Update your profile.":      0,
		"profile.html":              0,
		`<a href=\"profile.html\">`: 0,
		"Profile.markStart(x).y":    0,
		"profile.total\": 3, x.y":   0,
		"profile.nodes) { a.b }":    0,
		"profile.x = a.b":           0,
		"Set it to 1000.":           0,
		"retries: 1000.5":           0,
		"v1000.abc":                 0,
		tok:                         hitToken,
		"Bearer " + strings.ToUpper(tok[:5]) + tok[5:]: hitToken,
		tok[:60]: 0, // cut short: no token
	} {
		if got := pf.scan([]byte(text)) & (hitService | hitToken); got != want {
			t.Errorf("%q: hits %06b, want %06b", text, got, want)
		}
	}
}

// TestNamedZoho: a file's own name or its directory's says zoho, in any case; no other
// directory does.
func TestNamedZoho(t *testing.T) {
	for name, want := range map[string]bool{
		"zoho_tokens.json": true, "config/ZohoCreds.env": true, "zoho/creds.json": true,
		"a/ZOHO/b.yaml": true, "a/./zoho/b.yaml": true, "zoho/./b.yaml": true, "/zoho.env": true,
		"zoho-work/app/creds.json": false, "app/creds.json": false, "creds.json": false,
		"/creds.json": false, "a/b/../c.json": false, "zoh/o.json": false,
	} {
		if got := namedZoho(filepath.FromSlash(name)); got != want {
			t.Errorf("namedZoho(%q) = %v, want %v", name, got, want)
		}
	}
}
