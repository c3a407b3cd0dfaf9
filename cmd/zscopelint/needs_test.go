package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// leastPrivilegeCases is a module holding the analyzer's least-privilege test cases
// (analyzer/testdata/src/leastpriv), with the stand-in resty package they import.
func leastPrivilegeCases(t *testing.T) string {
	t.Helper()
	files := map[string]string{
		"go.mod": "module leastpriv\n\ngo 1.26\n\nrequire github.com/go-resty/resty/v2 v2.0.0\n\n" +
			"replace github.com/go-resty/resty/v2 => ./_resty\n",
		"_resty/go.mod": "module github.com/go-resty/resty/v2\n\ngo 1.26\n",
	}
	resty, err := os.ReadFile(filepath.Join("..", "..", "analyzer", "testdata", "src", "github.com", "go-resty", "resty", "v2", "resty.go"))
	must(t, err)
	files["_resty/resty.go"] = string(resty)
	// A fixed list, so that a case added to the analyzer's tests does not change the golden.
	src := filepath.Join("..", "..", "analyzer", "testdata", "src", "leastpriv")
	for _, dir := range []string{"app", "app2", "app3", "app4", "closure", "crm", "crmdyn", "crmsettings", "mixed",
		"products", "restyapp", "sdkapp", "sdkrecords", "wrapapp", "wrapfix", "wrapmissing", "zclient", "zohosdk"} {
		entries, err := os.ReadDir(filepath.Join(src, dir))
		must(t, err)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".go") {
				b, err := os.ReadFile(filepath.Join(src, dir, e.Name()))
				must(t, err)
				files[dir+"/"+e.Name()] = string(b)
			}
		}
	}
	return writeTree(t, files)
}

// TestNeedsGolden: -needs over the examples and over the least-privilege test cases, in
// text and JSON, works without any scope set being involved, and exits 0.
func TestNeedsGolden(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	must(t, err)
	cases := map[string]func() (dir string, args []string){
		"examples": func() (string, []string) { return root, []string{"./examples/..."} },
		"leastpriv": func() (string, []string) {
			return leastPrivilegeCases(t), []string{"./..."}
		},
	}
	for name, setup := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir, args := setup()
			for _, format := range []string{"text", "json"} {
				out, stderr, code := zscopelintIn(t, dir, append([]string{"-needs", "-format", format}, args...)...)
				if code != 0 || stderr != "" {
					t.Errorf("-needs -format %s: exit %d, stderr:\n%s", format, code, stderr)
				}
				if format == "json" {
					var v struct {
						Programs []struct {
							Program string   `json:"program"`
							Scopes  []string `json:"scopes"`
						} `json:"programs"`
					}
					if err := json.Unmarshal([]byte(out), &v); err != nil || len(v.Programs) == 0 {
						t.Errorf("-needs -format json: %v, %d programs:\n%s", err, len(v.Programs), out)
					}
				}
				golden(t, "needs-"+name+".golden."+format, out)
			}
		})
	}
}

// TestNeedsWithoutScopeSet (issue 25, item 6): a program that calls Zoho and asks for no
// scope anywhere gets the set its calls need, and the calls whose scopes cannot be named
// are counted.
func TestNeedsWithoutScopeSet(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod": "module m\n\ngo 1.26\n",
		"main.go": `package main

import (
	"net/http"
	"os"
	"strings"
)

func main() {
	http.Get("https://www.zohoapis.com/crm/v8/Leads")
	http.Post("https://www.zohoapis.com/crm/v8/Contacts", "application/json", strings.NewReader("{}"))
	http.Get("https://www.zohoapis.com/crm/v8/users")
	http.Get("https://www.zohoapis.com/crm/v8/" + os.Getenv("MODULE"))
	http.Get("https://www.zohoapis.com/crm/v8/settings/no/such/endpoint/here")
}
`,
	})
	out, stderr, code := zscopelintIn(t, dir, "-needs", "./...")
	want := ".: ZohoCRM.modules.contacts.CREATE,ZohoCRM.modules.leads.READ,ZohoCRM.users.READ (+2 unresolved calls)\n"
	if out != want || code != 0 {
		t.Errorf("-needs: exit %d\n%s%s\nwant\n%s", code, out, stderr, want)
	}
	out, _, _ = zscopelintIn(t, dir, "-needs", "-format", "json", "./...")
	for _, want := range []string{`"url": "https://www.zohoapis.com/crm/v8/{…}",`, `"service": "ZohoCRM"`, `"position": "main.go:14",`} {
		if !strings.Contains(out, want) {
			t.Errorf("-needs -format json: no %s in\n%s", want, out)
		}
	}
}

// TestNeedsExitsTwoOnUnreadableInput: -needs exits 2 when an input could not be read,
// and still prints what it found.
func TestNeedsExitsTwoOnUnreadableInput(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod":  "module m\n\ngo 1.26\n",
		"main.go": "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"https://www.zohoapis.com/crm/v8/users\") }\n",
	})
	out, _, code := zscopelintIn(t, dir, "-needs", "./...", "./missing")
	if code != 2 || out != ".: ZohoCRM.users.READ\n" {
		t.Errorf("-needs with a missing input: exit %d\n%s", code, out)
	}
	if _, stderr, code := zscopelintIn(t, dir, "-needs", "-fix", "./..."); code != 2 || !strings.Contains(stderr, "-needs") {
		t.Errorf("-needs -fix: exit %d, stderr %q", code, stderr)
	}
}

// TestNeedsRedacts: a credential in a call's URL is shortened in both formats of -needs,
// as in every other output.
func TestNeedsRedacts(t *testing.T) {
	t.Parallel()
	token := hostileSecrets[0]
	dir := writeTree(t, map[string]string{
		"go.mod": "module m\n\ngo 1.26\n",
		"main.go": "package main\n\nimport \"net/http\"\n\nconst token = \"" + token + "\"\n\n" +
			"func main() { http.Get(\"https://www.zohoapis.com/crm/v8/users?access_token=\" + token) }\n",
	})
	for _, format := range []string{"text", "json"} {
		out, stderr, code := zscopelintIn(t, dir, "-needs", "-format", format, "./...")
		assertNoSecret(t, "-needs -format "+format, out+stderr)
		if code != 0 || !strings.Contains(out, "ZohoCRM.users.READ") {
			t.Errorf("-needs -format %s: exit %d\n%s%s", format, code, out, stderr)
		}
		if format == "json" && !strings.Contains(out, "/crm/v8/users?access_token=") {
			t.Errorf("-needs -format json does not show the call:\n%s", out)
		}
	}
}

// TestWhyWithoutScopeSet (issue 25, -why): -why shows the calls of a program that
// declares no scope set, and of one beside it that does, each once.
func TestWhyWithoutScopeSet(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod":             "module m\n\ngo 1.26\n",
		"cmd/bare/main.go":   "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"https://www.zohoapis.com/crm/v8/Leads\") }\n",
		"cmd/scoped/main.go": "package main\n\nimport \"net/http\"\n\nvar scopes = []string{\"ZohoCRM.users.READ\"}\n\nfunc main() { _ = scopes; http.Get(\"https://www.zohoapis.com/crm/v8/users\") }\n",
	})
	out, stderr, code := zscopelintIn(t, dir, "-why", "./...")
	want := "cmd/bare: the program's calls (no scope set is judged against them)\n" +
		"    GET https://www.zohoapis.com/crm/v8/Leads  (m/cmd/bare/main.go:5)\n" +
		"        needs ZohoCRM.modules.leads.READ\n" +
		"cmd/scoped/main.go:5:24: scope set ZohoCRM.users.READ\n" +
		"    GET https://www.zohoapis.com/crm/v8/users  (m/cmd/scoped/main.go:7)\n" +
		"        needs ZohoCRM.users.READ\n"
	if out != want || code != 0 {
		t.Errorf("-why: exit %d\n%s%s\nwant\n%s", code, out, stderr, want)
	}
}

// TestNeedsNamesPrograms: a program is named by its directory relative to the working
// directory, or by its Go package path when it lies outside it.
func TestNeedsNamesPrograms(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod":          "module example.com/m\n\ngo 1.26\n",
		"cmd/a/main.go":   "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"https://www.zohoapis.com/crm/v8/users\") }\n",
		"cmd/b/main.go":   "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"https://www.zohoapis.com/crm/v8/Leads\") }\n",
		"cmd/b/zoho.yaml": "scopes: [ZohoCRM.modules.leads.READ]\n",
	})
	out, stderr, code := zscopelintIn(t, filepath.Join(dir, "cmd", "b"), "-needs", ".", "../a")
	want := "example.com/m/cmd/a: ZohoCRM.users.READ\n.: ZohoCRM.modules.leads.READ\n"
	if out != want || code != 0 {
		t.Errorf("-needs from cmd/b: exit %d\n%s%s\nwant\n%s", code, out, stderr, want)
	}
}
