package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zscopelint/zscopelint/internal/testtree"
)

// writeTree creates files (slash-separated names) under a fresh directory and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	return testtree.Write(t, files)
}

func TestConfigTree(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod":                   "module tree\n\ngo 1.26\n",
		"main.go":                  "package main\n\nconst scope = \"ZohoCRM.users.REED\"\n\nfunc main() {}\n",
		"config/app.yaml":          "zoho:\n  scopes:\n    - ZohoCRM.modules.leads.READ\n    - ZohoCRM.modules.ALLL\n",
		"config/broken.yaml":       "scope: [ZohoCRM.users.READ\n",
		"deploy/.env":              "ZOHO_SCOPE=ZohoCRM.org.READ,ZohoCRM.org.READ\n",
		"web/app.js":               "const scopes = ['ZohoCRM.modules.deals.REED'];\n",
		"vendor/x/x.yaml":          "scope: ZohoCRM.modules.ALLL\n",
		"node_modules/y/y.json":    `{"scope": "ZohoCRM.modules.ALLL"}`,
		"testdata/bad.yaml":        "scope: ZohoCRM.modules.ALLL\n",
		".git/config.yaml":         "scope: ZohoCRM.modules.ALLL\n",
		".github/workflows/ci.yml": "env:\n  ZOHO_SCOPE: ZohoCRM.settings.ALL\n",
		"docs/notes.md":            "Ask for ZohoCRM.modules.ALL, never ZohoCRM.modules.ALLL.\n",
	})
	out, stderr, code := zscopelintIn(t, dir, "./...")
	want := `.github/workflows/ci.yml:2:15: warning: ZohoCRM.settings.ALL is a group scope`
	for _, w := range []string{
		want,
		"config/app.yaml:4:7: error: ZohoCRM.modules does not accept operation \"ALLL\"",
		"config/broken.yaml:1:1: error: cannot check: YAML:",
		"deploy/.env:1:29: warning: ZohoCRM.org.READ is listed twice",
		"main.go:3:16: error: ZohoCRM.users does not accept operation \"REED\"",
		"web/app.js:1:18: error: ZohoCRM.modules.deals does not accept operation \"REED\"",
		// Markdown is read: a mistake is reported, a scope named in prose is no grant.
		"docs/notes.md:1:36: error: ZohoCRM.modules does not accept operation \"ALLL\"",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("missing %q in:\n%s%s", w, out, stderr)
		}
	}
	if strings.Contains(out, "docs/notes.md:1:9:") {
		t.Errorf("a scope named in Markdown prose was judged for breadth:\n%s", out)
	}
	for _, skipped := range []string{"vendor/", "node_modules/", "testdata/", ".git/"} {
		if strings.Contains(out, skipped) {
			t.Errorf("%s was checked:\n%s", skipped, out)
		}
	}
	if code != 2 {
		t.Errorf("exit %d, want 2 (a file did not parse)", code)
	}
	// Sorted by file; the same bytes every time.
	again, _, _ := zscopelintIn(t, dir, "./...")
	if again != out {
		t.Error("output differs between two runs")
	}
	// A testdata directory named on the command line is checked.
	out, _, _ = zscopelintIn(t, dir, "./testdata/...")
	if !strings.Contains(out, "testdata/bad.yaml:1:8:") {
		t.Errorf("explicit testdata not checked:\n%s", out)
	}
}

// Pre-commit passes file names: Go files stand for their package, config files are checked
// on their own, other files are searched for credentials.
func TestFileArguments(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod":       "module files\n\ngo 1.26\n",
		"a/a.go":       "package a\n\nconst s = \"ZohoCRM.users.REED\"\n",
		"a/other.yaml": "scope: ZohoCRM.modules.ALLL\n",
		"b/b.go":       "package b\n\nconst s = \"ZohoCRM.org.REED\"\n",
		"c/conf.yaml":  "scope: ZohoCRM.modules.deals.REED\n",
		"README.md":    "ZohoCRM.modules.ALLL\n",
	})
	out, stderr, code := zscopelintIn(t, dir, "a/a.go", "c/conf.yaml", "README.md")
	if !strings.Contains(out, "a/a.go:3:12:") || !strings.Contains(out, "c/conf.yaml:1:8:") {
		t.Errorf("findings missing:\n%s", out)
	}
	if strings.Contains(out, "b/b.go") || strings.Contains(out, "other.yaml") {
		t.Errorf("checked more than the arguments:\n%s", out)
	}
	// Markdown is read as text: its mistakes are reported, without a note.
	if notes(stderr) != "" || !strings.Contains(out, "README.md:1:1:") {
		t.Errorf("README.md: stderr %q, output:\n%s", stderr, out)
	}
	if code != 1 {
		t.Errorf("exit %d", code)
	}
}

// A tree without Go code is checked without loading packages (no go.mod needed).
func TestConfigOnlyTree(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"conf/zoho.yml": "scopes: [ZohoCRM.users.READ, ZohoCRM.users.READ]\n"})
	out, stderr, code := zscopelintIn(t, dir, "-fix", "./...")
	if code != 0 || out != "" {
		t.Errorf("after -fix: exit %d\n%s%s", code, out, stderr)
	}
	got, _ := os.ReadFile(filepath.Join(dir, "conf/zoho.yml"))
	if string(got) != "scopes: [ZohoCRM.users.READ]\n" {
		t.Errorf("fixed file: %q", got)
	}
}

func TestMaxFileSize(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"big.yaml": "scope: ZohoCRM.users.READ\n" + strings.Repeat("#\n", 1000)})
	out, _, code := zscopelintIn(t, dir, "-max-file-size", "1KB", "./...")
	if code != 2 || !strings.Contains(out, "big.yaml:1:1: error: cannot check: file is 2026 bytes, over the 1024-byte limit") {
		t.Errorf("exit %d\n%s", code, out)
	}
	if _, _, code := zscopelintIn(t, dir, "-max-file-size", "lots", "./..."); code != 2 {
		t.Errorf("bad -max-file-size: exit %d", code)
	}
}

// Comments that talk about the tool are no directives: only zscopelint:ignore and
// zscopelint:file-ignore (and near misses of them) are read as such, in Go and in config.
func TestProseAboutTheToolIsNoDirective(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod":    "module prose\n\ngo 1.26\n",
		"doc.go":    "// zscopelint: this package checks Zoho scopes.\npackage prose\n\nconst s = \"ZohoCRM.users.READ\"\n",
		"zoho.yaml": "# zscopelint:managed by the platform team\nscope: ZohoCRM.users.READ\n",
		"typo.yaml": "# zscopelint:ignroe ZS104 old scope\nscope: ZohoCRM.users.READ\n",
	})
	out, _, _ := zscopelintIn(t, dir, "./...")
	if strings.Contains(out, "doc.go") || strings.Contains(out, "zoho.yaml") {
		t.Errorf("prose read as a directive:\n%s", out)
	}
	if !strings.Contains(out, "typo.yaml:1:1: warning: unknown directive zscopelint:ignroe") {
		t.Errorf("a misspelt directive is not reported:\n%s", out)
	}
}

// zscopelint never judges its own files: the policy file's allow and deny lists, a user
// catalog, and baselines or SARIF logs it wrote earlier into the tree (found by content).
func TestOwnFilesAreNoInputs(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		".zscopelint.yaml": "deny:\n  - scope: ZohoCRM.modules.ALL\n    reason: too broad\nallow:\n  - scope: ZohoCRM.settings.ALL\n    reason: the setup wizard\n",
		"extra.yaml":       "service: ZohoAcme\nsource: our own docs\nscopes:\n  - name: widgets\n    operations: [ALL, READ]\n    source: our own docs\n",
		"app.yaml":         "scope: ZohoCRM.users.REED\n",
	})
	_, _, _ = zscopelintIn(t, dir, "-write-baseline", "old-baseline.json", "./...")
	sarif, _, _ := zscopelintIn(t, dir, "-format", "sarif", "./...")
	must(t, os.WriteFile(filepath.Join(dir, "results.sarif.json"), []byte(sarif), 0o644))
	out, _, _ := zscopelintIn(t, dir, "-catalog", "extra.yaml", "./...")
	for _, own := range []string{".zscopelint.yaml", "extra.yaml", "old-baseline.json", "results.sarif.json"} {
		if strings.Contains(out, own+":") {
			t.Errorf("judged its own file %s:\n%s", own, out)
		}
	}
	if !strings.Contains(out, "app.yaml:1:8:") {
		t.Errorf("the real input is not checked:\n%s", out)
	}
	// Recognised by content too, when no flag names the catalog.
	out, _, _ = zscopelintIn(t, dir, "./...")
	if strings.Contains(out, "extra.yaml:") {
		t.Errorf("judged a catalog file no flag names:\n%s", out)
	}
	// The repository's own data files: the embedded catalogs, the endpoint tables (one
	// hand-written, the generated ones) and the table of checks.
	own := []string{"../../rules/checks.yaml", "../../catalog/endpoints.yaml", "../../catalog/endpoints_crm.yaml",
		"../../catalog/endpoints_books.yaml", "../../catalog/data/zohocrm.yaml", "../../catalog/services.yaml"}
	out, stderr, _ := zscopelintIn(t, ".", own...)
	if out != "" {
		t.Errorf("judged the repository's own data files:\n%s%s", out, stderr)
	}
}

// Go code the go command cannot load (here: a go.mod it rejects) is still checked, file by
// file without type information, and the run says so once; no least-privilege claim.
func TestGoWithoutTypes(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod":          "module broken\n\ngo 1.26\nrequire (\n",
		"main.go":         "package main\n\nimport \"example.com/zoho\"\n\nvar scopes = []string{\"ZohoCRM.users.REED\", \"ZohoCRM.modules.ALL\"}\n\nfunc main() { zoho.Use(scopes) }\n",
		"sub/sub.go":      "package sub\n\nconst s = \"ZohoCRM.org.REED\"\n",
		"sub/sub_test.go": "package sub\n\nconst t = \"ZohoCRM.org.REED\"\n",
	})
	out, stderr, code := zscopelintIn(t, dir, "./...")
	for _, w := range []string{"go.mod:5:1: error: cannot check the Go code", "main.go:5:24: error: ZohoCRM.users does not accept operation \"REED\"",
		"main.go:5:46: warning: ZohoCRM.modules.ALL is a group scope", "sub/sub.go:3:12:", "sub/sub_test.go:3:12:"} {
		if !strings.Contains(out, w) {
			t.Errorf("missing %q:\n%s", w, out)
		}
	}
	if strings.Count(stderr, "checked without type information") != 1 || code != 2 {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

// Documentation that is binary, UTF-16 or huge is passed over quietly, as grep would: it is
// no input the run failed to check.
func TestUnreadableDocsAreQuiet(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"notes.txt":   "\xff\xfeZ\x00o\x00h\x00o\x00",
		"README.md":   "ZohoCRM.users.READ\x00\x01",
		"big.log.txt": strings.Repeat("ZohoCRM.modules.ALLL\n", 600000),
		"a.yaml":      "scope: ZohoCRM.users.READ\n",
	})
	out, stderr, code := zscopelintIn(t, dir, "./...")
	if out != "" || stderr != "" || code != 0 {
		t.Errorf("exit %d:\n%s%s", code, out, stderr)
	}
}

// TestScopeKeyAlikeInGoAndConfig: a scope without its service under a scope-named key is
// completed alike in Go, YAML, .env and JS, none of which names Zoho.
func TestScopeKeyAlikeInGoAndConfig(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod":     "module s\n\ngo 1.26\n",
		"main.go":    "package main\n\nvar cfg = struct{ Scope string }{Scope: \"modules.leads.READ\"}\n\nfunc main() { _ = cfg }\n",
		"app.yaml":   "oauth:\n  scope: modules.leads.READ\n",
		".env":       "OAUTH_SCOPE=modules.leads.READ\n",
		"web/app.js": "export const config = { scope: 'modules.leads.READ' };\n",
	})
	out, stderr, code := zscopelintIn(t, dir, "./...")
	const completion = `error: malformed scope "modules.leads.READ": no service name; did you mean ZohoCRM.modules.leads.READ? (ZS101)`
	for _, at := range []string{"main.go:3:42: ", "app.yaml:2:10: ", ".env:1:13: ", "web/app.js:1:33: "} {
		if !strings.Contains(out, at+completion) {
			t.Errorf("missing %s%s in:\n%s%s", at, completion, out, stderr)
		}
	}
	if code != 1 {
		t.Errorf("exit %d", code)
	}
}

// A file over -max-file-size is not parsed, but it is searched for credentials: a token in
// a log (which was passed over without a word) or in a config file (which also gets its
// ZS001) is reported at its line and column, shortened.
func TestTokenInFileOverMaxFileSize(t *testing.T) {
	t.Parallel()
	const token = "1000.3f2a9c1d7e6b5a4f8e9d0c1b2a3f4e5d.9c1d7e6b5a4f3f2a8e9d0c1b2a3f4e5d"
	body := strings.Repeat("2026-12-07 INFO nothing to see here\n", 100) + "refresh with " + token + " later\n"
	dir := writeTree(t, map[string]string{"logs/app.log": body, "conf/app.yaml": "# " + body})
	out, stderr, code := zscopelintIn(t, dir, "-max-file-size", "1KB", "./...")
	for _, want := range []string{
		"conf/app.yaml:1:1: error: cannot check: file is 3692 bytes, over the 1024-byte limit (-max-file-size): not parsed, searched for credentials only (ZS001)",
		"conf/app.yaml:101:14: error: Zoho OAuth token 1000.3f2a… (70 characters) is written in the source",
		"logs/app.log:101:14: error: Zoho OAuth token 1000.3f2a… (70 characters) is written in the source",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in:\n%s", want, out)
		}
	}
	if code != 2 || strings.Contains(out+stderr, token[5:21]) || strings.Contains(out+stderr, token[38:54]) {
		t.Errorf("exit %d (want 2), token printed?\n%s%s", code, out, stderr)
	}
}
