package main

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// placement is one way a credential is written into an input (issue 27, items 1 and 2).
// Each placement has its own file and its own credential, built at run time from a name so
// the repository holds no literal of one; each file also holds a scope with a fix, so a
// -diff of it would print the credential as a context line if the fix were not withheld.
type placement struct {
	name  string
	token bool // the credential is a token (else a client secret)
	// byGoCommand: the go command type-checks a package before any vet tool runs and
	// prints its own errors, quotes included (the README says so); its output is not ours.
	byGoCommand bool
	files       func(cred string) map[string]string // the files it writes, under its own directory
}

// credentialFor derives a token ("1000." + 32 hex + "." + 32 hex) or a 40-character
// client secret from the placement's name.
func credentialFor(name string, token bool) string {
	sum := sha256.Sum256([]byte("zscopelint placement " + name))
	h := hex.EncodeToString(sum[:])
	if token {
		return "1000" + "." + h[:32] + "." + h[32:]
	}
	return h[:40]
}

// forms are the strings no output may hold for a credential: itself, each half of a
// token, what follows a recognisable prefix, and its encoded forms.
func forms(cred string, token bool) []string {
	out := []string{cred, cred[12:], strings.ToUpper(cred[12:])}
	if token {
		out = append(out, cred[5:37], cred[38:],
			base64.StdEncoding.EncodeToString([]byte(cred)),
			base64.StdEncoding.EncodeToString([]byte("Zoho-oauthtoken "+cred)))
	}
	return out
}

const fixable = "ZohoCRM.users.REED"

func goMain(body string) string {
	return "package p\n\n" + body + "\n\nvar Scopes = []string{\"" + fixable + "\"}\n"
}

func escapeDots(tok, esc string) string { return strings.ReplaceAll(tok, ".", esc) }

func urlEncoded(tok string) string { return strings.ReplaceAll(tok, ".", "%2E") }

var placements = []placement{
	{"go typed const", false, false, func(c string) map[string]string {
		return map[string]string{"a.go": goMain("const clientSecret string = \"" + c + "\"")}
	}},
	{"go typed const type error", false, true, func(c string) map[string]string {
		return map[string]string{"a.go": goMain("const clientSecret string = \"" + c + "\"\n\nvar X int = clientSecret")}
	}},
	{"go short var", false, false, func(c string) map[string]string {
		return map[string]string{"a.go": goMain("func F() string { clientSecret := \"" + c + "\"; return clientSecret }")}
	}},
	{"go url.Values", false, false, func(c string) map[string]string {
		return map[string]string{"a.go": "package p\n\nimport \"net/url\"\n\nvar V = url.Values{\"client_secret\": {\"" + c + "\"}}\n\nvar Scopes = []string{\"" + fixable + "\"}\n"}
	}},
	{"go os.Setenv", false, false, func(c string) map[string]string {
		return map[string]string{"a.go": "package p\n\nimport \"os\"\n\nfunc F() { _ = os.Setenv(\"ZOHO_CLIENT_SECRET\", \"" + c + "\") }\n\nvar Scopes = []string{\"" + fixable + "\"}\n"}
	}},
	{"go struct tag default", false, false, func(c string) map[string]string {
		return map[string]string{"a.go": goMain("type Conf struct {\n\tClientSecret string `default:\"" + c + "\"`\n}")}
	}},
	{"go JSON in a string", false, false, func(c string) map[string]string {
		return map[string]string{"a.go": goMain("var Conf = `{\"client_secret\":\n  \"" + c + "\"}`")}
	}},
	{"go token split over +", true, false, func(c string) map[string]string {
		return map[string]string{"a.go": goMain("var Tok = \"" + c[:37] + "\" +\n\t\"" + c[37:] + "\"")}
	}},
	{"go token escaped dots x2e", true, false, func(c string) map[string]string {
		return map[string]string{"a.go": goMain("var Tok = \"" + escapeDots(c, `\x2e`) + "\"")}
	}},
	{"go token escaped dots u002e", true, false, func(c string) map[string]string {
		return map[string]string{"a.go": goMain("var Tok = \"" + escapeDots(c, `\u002e`) + "\"")}
	}},
	{"go syntax error escaped dots", true, false, func(c string) map[string]string {
		return map[string]string{"a.go": "package p\n\nvar Tok = \"" + escapeDots(c, `\x2e`) + "\n\nvar Scopes = []string{\"" + fixable + "\"}\n"}
	}},
	{"go URL-encoded in a URL", true, false, func(c string) map[string]string {
		return map[string]string{"a.go": goMain("var U = \"https://www.zohoapis.com/crm/v8/users?access_token=" + urlEncoded(c) + "\"")}
	}},
	{"go base64 token", true, false, func(c string) map[string]string {
		return map[string]string{"a.go": goMain("var B = \"" + base64.StdEncoding.EncodeToString([]byte(c)) + "\"")}
	}},
	{"go base64 header", true, false, func(c string) map[string]string {
		return map[string]string{"a.go": goMain("var B = \"" + base64.StdEncoding.EncodeToString([]byte("Zoho-oauthtoken "+c)) + "\"")}
	}},
	{"yaml block scalar", false, false, func(c string) map[string]string {
		return map[string]string{"a.yaml": "zoho:\n  client_secret: |\n    " + c + "\n  scope: " + fixable + "\n"}
	}},
	{"yaml value on next line", false, false, func(c string) map[string]string {
		return map[string]string{"a.yaml": "zoho:\n  client_secret:\n    " + c + "\n  scope: " + fixable + "\n"}
	}},
	{"yaml secret key", false, false, func(c string) map[string]string {
		return map[string]string{"a.yaml": "zoho:\n  secret: " + c + "\n  scope: " + fixable + "\n"}
	}},
	{"yaml zoho_secret key", false, false, func(c string) map[string]string {
		return map[string]string{"a.yaml": "zoho_secret: " + c + "\nscope: " + fixable + "\n"}
	}},
	{"yaml alias of anchored secret", false, false, func(c string) map[string]string {
		return map[string]string{"a.yaml": "base: &s " + c + "\nzoho:\n  client_secret: *s\n  scope: " + fixable + "\n"}
	}},
	{"yaml JSON in a string", false, false, func(c string) map[string]string {
		return map[string]string{"a.yaml": "zoho:\n  conf: '{\"client_secret\": \"" + c + "\"}'\n  scope: " + fixable + "\n"}
	}},
	{"yaml escaped line break", true, false, func(c string) map[string]string {
		return map[string]string{"a.yaml": "zoho:\n  refresh: \"" + c[:37] + "\\\n    " + c[37:] + "\"\n  scope: " + fixable + "\n"}
	}},
	{"yaml URL-encoded scope list", true, false, func(c string) map[string]string {
		return map[string]string{"a.yaml": "zoho:\n  url: https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.users.READ%2C" + urlEncoded(c) + "\n  scope: " + fixable + "\n"}
	}},
	{"json value on next line", false, false, func(c string) map[string]string {
		return map[string]string{"a.json": "{\"zoho\": {\"client_secret\":\n  \"" + c + "\", \"scope\": \"" + fixable + "\"}}\n"}
	}},
	{"json escaped key", false, false, func(c string) map[string]string {
		return map[string]string{"a.json": "{\"zoho\": {\"client_\\u0073ecret\": \"" + c + "\", \"scope\": \"" + fixable + "\"}}\n"}
	}},
	{"env ZOHO_SECRET", false, false, func(c string) map[string]string {
		return map[string]string{".env": "ZOHO_SECRET=" + c + "\nZOHO_SCOPE=" + fixable + "\n"}
	}},
	{"env export ansi-c", false, false, func(c string) map[string]string {
		return map[string]string{".env": "export ZOHO_CLIENT_SECRET=$'" + c + "'\nZOHO_SCOPE=" + fixable + "\n"}
	}},
	{"yaml access_type secret", false, false, func(c string) map[string]string {
		return map[string]string{"a.yaml": "zoho:\n  client_secret: " + c + "\n  url: https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.users.READ&access_type=" + c + "\n  scope: " + fixable + "\n"}
	}},
	{"yaml URL-encoded token in a scope set -why prints", true, false, func(c string) map[string]string {
		return map[string]string{"a.yaml": "zoho:\n  scopes: [ZohoCRM.users.READ, \"" + urlEncoded(c) + "\"]\n  scope: " + fixable + "\n"}
	}},
	{"go URL-encoded token in a scope set -why prints", true, false, func(c string) map[string]string {
		return map[string]string{"a.go": "package p\n\nimport \"net/http\"\n\nvar Scopes = []string{\"ZohoCRM.users.REED\", \"?access_token=" + urlEncoded(c) + "\"}\n\n" +
			"func F() { _, _ = http.Get(\"https://www.zohoapis.com/crm/v8/users\") }\n"}
	}},
	{"policy value", true, false, func(c string) map[string]string {
		return map[string]string{"pol.yaml": "product: " + c + "\n"}
	}},
}

// TestPlacementsNeverPrinted seeds every placement of issue 27 (items 1 and 2) and runs
// every output path over them, asserting that no output holds a credential, half a token or
// an encoded form, and that no diff is printed or fix applied in any file holding one.
func TestPlacementsNeverPrinted(t *testing.T) {
	t.Parallel()
	// clean/ holds the same fixable scope and no credential: its diff shows that fixes are
	// offered where they may be, so that a missing diff elsewhere means withheld.
	tree := map[string]string{"go.mod": "module placements\n\ngo 1.26\n", "clean/a.go": goMain("")}
	goDirs := []string{"./clean"} // packages the go command can build, for go fix
	type seeded struct {
		p     placement
		forms []string
	}
	var all []seeded
	for _, p := range placements {
		cred := credentialFor(p.name, p.token)
		dir := placementDir(p.name)
		for name, text := range p.files(cred) {
			tree[dir+"/"+name] = text
			if strings.HasSuffix(name, ".go") && !p.byGoCommand && !strings.Contains(p.name, "syntax error") {
				goDirs = append(goDirs, "./"+dir)
			}
		}
		all = append(all, seeded{p, forms(cred, p.token)})
	}
	dir := writeTree(t, tree)
	outDir := t.TempDir()
	leaks := map[string][]string{} // placement → outputs that printed it
	check := func(what, out string) {
		for _, s := range all {
			for _, f := range s.forms {
				if strings.Contains(out, f) {
					leaks[s.p.name] = append(leaks[s.p.name], what)
					break
				}
			}
		}
	}
	runs := [][]string{
		{"-format", "text", "./..."},
		{"-format", "json", "./..."},
		{"-format", "sarif", "./..."},
		{"-format", "github", "./..."},
		{"-why", "./..."},
		{"-diff", "./..."},
		{"-diff", "-checks=-ZS301", "./..."},
		{"-write-baseline", filepath.Join(outDir, "baseline.json"), "./..."},
		{"-needs", "./..."},
		{"-config", filepath.Join(dir, placementDir("policy value"), "pol.yaml"), "./..."},
	}
	for _, args := range runs {
		out, stderr, _ := zscopelintIn(t, dir, args...)
		name := strings.Join(args, " ")
		check(name+" stdout", out)
		check(name+" stderr", stderr)
		if args[0] == "-diff" {
			assertOnlyCleanDiffed(t, name, out)
		}
	}
	b, err := os.ReadFile(filepath.Join(outDir, "baseline.json"))
	must(t, err)
	check("baseline", string(b))

	if testing.Short() {
		t.Log("-short: go vet -vettool and go fix -fixtool not run")
	} else {
		bin := buildCommand(t)
		for _, args := range [][]string{{"vet", "-vettool=" + bin, "./..."}, append([]string{"fix", "-fixtool=" + bin, "-diff"}, goDirs...)} {
			cmd := exec.Command("go", args...)
			cmd.Dir = dir
			vet, _ := cmd.CombinedOutput()
			if args[0] == "fix" {
				assertOnlyCleanDiffed(t, "go fix -diff", string(vet))
			}
			for _, s := range all {
				if s.p.byGoCommand {
					continue
				}
				for _, f := range s.forms {
					if strings.Contains(string(vet), f) {
						leaks[s.p.name] = append(leaks[s.p.name], "go "+args[0])
						break
					}
				}
			}
		}
	}

	before := map[string][]byte{}
	for name := range tree {
		before[name], _ = os.ReadFile(filepath.Join(dir, name))
	}
	out, stderr, _ := zscopelintIn(t, dir, "-fix", "./...")
	check("-fix stdout", out)
	check("-fix stderr", stderr)
	for name, was := range before {
		now, _ := os.ReadFile(filepath.Join(dir, name))
		if name == "clean/a.go" {
			if string(now) == string(was) {
				t.Errorf("-fix did not fix clean/a.go")
			}
		} else if string(now) != string(was) {
			t.Errorf("-fix edited %s, which holds a credential", name)
		}
	}

	for _, s := range all {
		if w := leaks[s.p.name]; len(w) > 0 {
			t.Errorf("placement %q printed by: %s", s.p.name, strings.Join(w, "; "))
		}
	}
}

// placementDir gives the directory the named placement is written under.
func placementDir(name string) string {
	for i, p := range placements {
		if p.name == name {
			return "p" + string(rune('a'+i/26)) + string(rune('a'+i%26))
		}
	}
	panic("no placement " + name)
}

// assertOnlyCleanDiffed fails unless a diff output diffs clean/a.go and nothing else.
func assertOnlyCleanDiffed(t *testing.T, name, out string) {
	t.Helper()
	files := 0
	for _, line := range strings.Split(out, "\n") {
		// "--- a/clean/a.go" from -diff, "--- /abs/clean/a.go (old)" from go fix -diff.
		if f, ok := strings.CutPrefix(line, "--- "); ok {
			files++
			if f = strings.TrimSuffix(f, " (old)"); !strings.HasSuffix(f, "clean/a.go") {
				t.Errorf("%s: a diff of %s, which holds a credential", name, f)
			}
		}
	}
	if files == 0 {
		t.Errorf("%s: no diff of clean/a.go, which holds no credential:\n%s", name, out)
	}
}
