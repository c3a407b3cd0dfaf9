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
		"cmd/leads/zoho.yaml:1:10: warning: ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.leads.READ (ZS201)",
		"cmd/leads/zoho.yaml:1:31: warning: ZohoCRM.users.READ is not needed by any of the 1 ZohoCRM calls found",
		"cmd/leads/few.json:1:12: error: missing scope ZohoCRM.modules.leads.READ, needed by GET https://www.zohoapis.com/crm/v8/Leads at m/cmd/leads/main.go:5: without it Zoho answers OAUTH_SCOPE_MISMATCH (ZS204)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "cmd/other/zoho.yaml") {
		t.Errorf("another program's config was judged by these calls:\n%s", out)
	}
}

// TestPolyglotProgramsJudgedApart (issue 25, item 1): a Go back end with its own OAuth
// client and a JavaScript front end beside it, in one repository with or without a Go
// module at its root. The front end's scope sets, in code and in config, are judged
// against its own calls only: none of the back end's calls make a ZS203 or ZS204 there.
func TestPolyglotProgramsJudgedApart(t *testing.T) {
	t.Parallel()
	api := `package main

import (
	"net/http"
	"net/url"
	"strings"
)

var scopes = []string{"ZohoCRM.modules.contacts.CREATE"}

func authorizationURL(clientID string) string {
	return "https://accounts.zoho.com/oauth/v2/auth?" + url.Values{"scope": {strings.Join(scopes, ",")}, "client_id": {clientID}}.Encode()
}

func main() {
	_ = authorizationURL("1000.EXAMPLE")
	http.Post("https://www.zohoapis.com/crm/v8/Contacts", "application/json", strings.NewReader("{}"))
}
`
	web := map[string]string{
		"web/package.json": `{"name": "web", "private": true, "dependencies": {"next": "15.0.0"}}` + "\n",
		"web/lib/zoho.ts": `const scope = "ZohoCRM.modules.deals.READ";

export async function deals(token: string) {
  return fetch("https://www.zohoapis.com/crm/v8/Deals", { headers: { Authorization: "Zoho-oauthtoken " + token } });
}
`,
		"web/zoho.json": `{"scope": "ZohoCRM.modules.deals.READ"}` + "\n",
	}
	for name, goMod := range map[string]string{"module at the root": "go.mod", "module in api/": "api/go.mod"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			files := map[string]string{".git/HEAD": "ref: refs/heads/main\n", goMod: "module example.com/app\n\ngo 1.26\n", "api/main.go": api}
			for f, body := range web {
				files[f] = body
			}
			dir := writeTree(t, files)
			out, stderr, code := zscopelintIn(t, dir, "-why", "./...")
			for _, line := range strings.Split(out, "\n") {
				if strings.HasPrefix(line, "web/") && (strings.HasSuffix(line, "(ZS203)") || strings.HasSuffix(line, "(ZS204)")) {
					t.Errorf("the front end is judged against the back end's calls: %s", line)
				}
			}
			// The front end's set is judged against its own call (issue 30), and only that.
			web := whyBlock(out, "web/lib/zoho.ts:1:16: scope set")
			if strings.Contains(web, "api/main.go") || !strings.Contains(web, "GET https://www.zohoapis.com/crm/v8/Deals  (web/lib/zoho.ts:4)") {
				t.Errorf("-why does not list the front end's own call, and only it, for the front end's set:\n%s", out)
			}
			// The back end is still judged against its own call.
			if !strings.Contains(out, "api/main.go:9:24: scope set ZohoCRM.modules.contacts.CREATE\n    POST https://www.zohoapis.com/crm/v8/Contacts") {
				t.Errorf("the back end's set is not judged against its call:\n%s%s", out, stderr)
			}
			if code != 0 {
				t.Errorf("exit %d:\n%s%s", code, out, stderr)
			}
		})
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

// whyBlock is the block of -why output that starts with the line starting with header,
// up to the next line that starts a block.
func whyBlock(out, header string) string {
	var b strings.Builder
	in := false
	for _, line := range strings.Split(out, "\n") {
		if in && line != "" && line[0] != ' ' {
			break
		}
		if strings.HasPrefix(line, header) {
			in = true
		}
		if in {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}
