package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLeastPrivilegeExampleFix does what the README says: zscopelint -fix on the leastpriv
// example leaves a program that builds and asks for exactly the scopes its calls need.
func TestLeastPrivilegeExampleFix(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the example")
	}
	files := map[string]string{"go.mod": "module github.com/zscopelint/zscopelint\n\ngo 1.26\n"}
	for _, name := range []string{"main.go", "crm/crm.go"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "examples", "leastpriv", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		files["examples/leastpriv/"+name] = string(b)
	}
	dir := writeTree(t, files)

	out, _, code := zscopelintIn(t, dir, "./...")
	if code != 1 || strings.Count(out, "(ZS201)") != 2 {
		t.Fatalf("before -fix: exit %d\n%s", code, out)
	}
	if out, stderr, code := zscopelintIn(t, dir, "-fix", "./..."); code != 0 || out != "" {
		t.Fatalf("-fix: exit %d\n%s%s", code, out, stderr)
	}
	main, _ := os.ReadFile(filepath.Join(dir, "examples", "leastpriv", "main.go"))
	want := "var scopes = []string{\n\t\"ZohoCRM.modules.leads.READ\", \"ZohoCRM.modules.contacts.CREATE\",\n\t\"ZohoCRM.users.READ\",\n}"
	if !strings.Contains(string(main), want) {
		t.Errorf("fixed scopes:\n%s", main)
	}
	build := exec.Command("go", "build", "./...")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("the fixed example does not build: %v\n%s", err, out)
	}
	if out, _, code := zscopelintIn(t, dir, "./..."); code != 0 || out != "" {
		t.Errorf("after -fix: exit %d\n%s", code, out)
	}
}

// Config files are judged against the calls of the program they sit in, not of another.
func TestConfigJudgedByItsProgram(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod": "module m\n\ngo 1.26\n",
		"cmd/leads/main.go": `package main

import "net/http"

func main() { http.Get("https://www.zohoapis.com/crm/v8/Leads") }
`,
		"cmd/leads/zoho.yaml": "scopes: [ZohoCRM.modules.ALL, ZohoCRM.users.READ]\n",
		"cmd/leads/few.json":  `{"scope": "ZohoCRM.org.READ"}`,
		"cmd/other/main.go":   "package main\n\nfunc main() {}\n",
		"cmd/other/zoho.yaml": "scopes: [ZohoCRM.users.READ]\n",
	})
	out, _, _ := zscopelintIn(t, dir, "./...")
	for _, want := range []string{
		"cmd/leads/zoho.yaml:1:10: ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.leads.READ (ZS201)",
		"cmd/leads/zoho.yaml:1:31: ZohoCRM.users.READ is not needed by any of the 1 ZohoCRM calls found",
		"cmd/leads/few.json:1:12: missing scope ZohoCRM.modules.leads.READ, needed by GET https://www.zohoapis.com/crm/v8/Leads at m/cmd/leads/main.go:5: without it Zoho answers OAUTH_SCOPE_MISMATCH (ZS204)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "cmd/other/zoho.yaml") {
		t.Errorf("another program's config was judged by these calls:\n%s", out)
	}
}

// TestWhyListsUnresolvedCalls: a call to a path under a product root that no endpoint row
// matches is listed by -why as unresolved, and no CRM scope is called unused for it.
func TestWhyListsUnresolvedCalls(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("../../analyzer/testdata/src/leastpriv/crmunknown/main.go")
	must(t, err)
	dir := writeTree(t, map[string]string{"go.mod": "module m\n\ngo 1.26\n", "main.go": string(src)})
	out, stderr, code := zscopelintIn(t, dir, "-why", "./...")
	want := "    GET https://www.zohoapis.com/crm/v8/settings/a_feature_no_source_names  (m/main.go:16)\n        unresolved: an unknown endpoint of ZohoCRM"
	if code != 0 || !strings.Contains(out, want) || strings.Contains(out, "(ZS20") {
		t.Errorf("exit %d, want %q and no ZS20x in:\n%s%s", code, want, out, stderr)
	}
}
