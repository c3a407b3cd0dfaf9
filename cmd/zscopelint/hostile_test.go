package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Credentials seeded in the hostile tree. Each is checked in full, without its
// recognisable prefix, and upper-cased (a directive parser upper-cases what it reads).
var hostileSecrets = []string{
	"1000.3f2a9c1d7e6b5a4f8e9d0c1b2a3f4e5d.9c1d7e6b5a4f3f2a8e9d0c1b2a3f4e5d",
	"1000.0a1b2c3d4e5f60718293a4b5c6d7e8f9.f9e8d7c6b5a4039281706f5e4d3c2b1a",
	"1000.c0ffee00deadbeef1234567890abcdef.0123456789abcdeffedcba9876543210",
	"a81b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c",
	"f0e1d2c3b4a5968778695a4b3c2d1e0f9e8d7c6b5a",
}

// hostileTree places the credentials in 24 ways: in Go code, comments, struct fields,
// directives and suppressed findings, in parser and type errors, in config values and
// comments, in files that never say "zoho", in Dockerfiles, Markdown, shell scripts and
// env.example, next to fixable scopes everywhere, and in a scope set that -why prints.
func hostileTree() map[string]string {
	t0, t1, t2, s0, s1 := hostileSecrets[0], hostileSecrets[1], hostileSecrets[2], hostileSecrets[3], hostileSecrets[4]
	return map[string]string{
		"go.mod": "module hostile\n\ngo 1.26\n",
		"main.go": "package main\n\nimport \"net/http\"\n\n" +
			"const token = \"" + t0 + "\" //zscopelint:ignore ZS301 a fixture\n\n" + // 1 suppressed
			"var header = \"Zoho-oauthtoken " + t1 + "\"\n\n" + // 2
			"// The old refresh token was " + t2 + "\n" + // 3 comment
			"/* client_secret: " + s0 + " */\n" + // 4 block comment, secret
			"var scopes = []string{\"ZohoCRM.users.REED\", \"ZohoCRM.org.READ\"}\n\n" + // fixable
			"type conf struct{ ClientSecret string }\n\n" +
			"var c = conf{ClientSecret: \"" + s1 + "\"}\n\n" + // 5 struct field
			"//zscopelint:ignore " + t0 + "\n" + // 6 directive quoting a token
			"var ignored = 1\n\n" +
			"func main() { _, _ = http.Get(\"https://www.zohoapis.com/crm/v8/users\"); _, _, _ = scopes, c, ignored }\n",
		"bad/bad.go": "package bad\n\nvar x = " + t1 + "\n",         // 7 syntax error quoting it
		"typ/typ.go": "package typ\n\nvar x int = \"" + t2 + "\"\n", // 8 type error quoting it
		"conf.yaml": "# rotated token " + t0 + "\n" + // 9 YAML comment
			"scopes:\n  - ZohoCRM.users.REED\n",
		"dir.yaml": "# zscopelint:ignore " + t1 + "\n" + // 10 directive
			"scope: ZohoCRM.users.REED\n",
		"sup.yaml": "token: " + t2 + " # zscopelint:ignore ZS301 fixture\n" + // 11 suppressed
			"scope: ZohoCRM.users.REED\n",
		"plain.yaml":     "refresh_token: " + t0 + "\n",                                         // 12 no "zoho"
		"plain.json":     `{"access_token": "` + t1 + `"}` + "\n",                               // 13 no "zoho"
		"app.py":         "refresh_token = '" + t2 + "'\n",                                      // 14 no "zoho"
		"app.js":         "// " + t0 + "\nconst scopes = ['ZohoCRM.users.REED'];\n",             // 15 JS comment
		".env":           "ZOHO_CLIENT_SECRET_PROD=" + s0 + "\nZOHO_SCOPE=ZohoCRM.users.REED\n", // 16 unknown key suffix
		"app.properties": "zoho.client_secret=" + s1 + "\nzoho.scope=ZohoCRM.users.REED\n",      // 17 dotted key
		"Dockerfile":     "FROM alpine\nENV ZOHO_ACCESS_TOKEN=" + t1 + "\n",                     // 18
		"README.md":      "Test with `" + t2 + "`.\n",                                           // 19
		"env.example":    "REFRESH=" + t0 + "\n",                                                // 20
		"deploy.sh":      "export ZOHO_REFRESH_TOKEN=" + t1 + "\n",                              // 21
		"scopes.yaml":    "scopes: [" + t2 + ", ZohoCRM.users.READ]\n",                          // 22 -why prints the set
		"pol.yaml":       "product: " + t0 + "\n",                                               // 23 policy value (with -config)
		"notes.txt":      "Zoho client-secret = " + s0 + "\n",                                   // 24 prose file
	}
}

func assertNoSecret(t *testing.T, what, out string) {
	t.Helper()
	for _, s := range hostileSecrets {
		for _, form := range []string{s, s[12:], strings.ToUpper(s[12:])} {
			if strings.Contains(out, form) {
				t.Errorf("%s prints secret %s… (%q):\n%s", what, s[:8], form, out)
				return
			}
		}
	}
}

// TestNoOutputPathPrintsASecret runs every output path over the hostile tree: each format
// with -why and -write-baseline, -diff (with ZS301 on and off), -fix, a policy error, -needs, go vet
// -vettool and go fix -fixtool -diff.
func TestNoOutputPathPrintsASecret(t *testing.T) {
	t.Parallel()
	bin := buildCommand(t)
	outDir := t.TempDir() // baselines outside the tree, which would check them as JSON
	dir := writeTree(t, hostileTree())
	runs := [][]string{
		{"-format", "text", "-why", "-write-baseline", filepath.Join(outDir, "b-text.json"), "./..."},
		{"-format", "json", "-why", "-write-baseline", filepath.Join(outDir, "b-json.json"), "./..."},
		{"-format", "sarif", "-why", "-write-baseline", filepath.Join(outDir, "b-sarif.json"), "./..."},
		{"-diff", "./..."},
		{"-diff", "-checks=-ZS301", "./..."},
		{"-config", "pol.yaml", "./..."},
		{"-needs", "./..."},
		{"-needs", "-format", "json", "./..."},
		{"-format", "github", "-o", "sarif=" + filepath.Join(outDir, "o.sarif"), "-o", "text=" + filepath.Join(outDir, "o.txt"),
			"-o", "json=" + filepath.Join(outDir, "o.json"), "./..."},
		{"-baseline", filepath.Join(outDir, "b-sarif.json"), "-baseline-prune", "./..."},
	}
	for _, args := range runs {
		out, stderr, _ := zscopelintIn(t, dir, args...)
		assertNoSecret(t, strings.Join(args, " ")+" stdout", out)
		assertNoSecret(t, strings.Join(args, " ")+" stderr", stderr)
		if args[0] == "-format" && args[1] == "text" {
			// Item 8: found in every kind of file, with or without "zoho".
			for _, file := range []string{"main.go:7:", "main.go:9:", "main.go:10:", "main.go:15:", "conf.yaml:1:",
				"plain.yaml:1:", "plain.json:1:", "app.py:1:", "app.js:1:", ".env:1:", "app.properties:1:",
				"Dockerfile:2:", "README.md:1:", "env.example:1:", "deploy.sh:1:", "notes.txt:1:"} {
				if !strings.Contains(out, "\n"+file) && !strings.HasPrefix(out, file) {
					t.Errorf("no finding at %s:\n%s", file, out)
				}
			}
			if !strings.Contains(out, "scope set 1000.") {
				t.Errorf("-why printed no scope set with the token:\n%s", out)
			}
		}
		if args[0] == "-diff" {
			if strings.Contains(out, "@@") {
				t.Errorf("%v: a diff of a file holding a credential:\n%s", args, out)
			}
			if !strings.Contains(stderr, "fix withheld: the file holds a credential") {
				t.Errorf("%v: withheld fixes are not named:\n%s", args, stderr)
			}
		}
	}
	for _, b := range []string{"b-text.json", "b-json.json", "b-sarif.json", "o.sarif", "o.txt", "o.json"} {
		data, err := os.ReadFile(filepath.Join(outDir, b))
		must(t, err)
		assertNoSecret(t, b, string(data))
	}

	// -fix on a copy of the tree (the files keep their credentials: we never edit those).
	out, stderr, _ := zscopelintIn(t, dir, "-fix", "./...")
	assertNoSecret(t, "-fix stdout", out)
	assertNoSecret(t, "-fix stderr", stderr)

	// The go command drives the same analyzer. It prints the compiler's own errors for bad/
	// and typ/ itself, source quotes included, before any vet tool runs (the README says
	// so): the main package is what our output is checked on.
	for _, args := range [][]string{{"vet", "-vettool=" + bin, "."}, {"fix", "-fixtool=" + bin, "-diff", "."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		out, _ := cmd.CombinedOutput()
		assertNoSecret(t, "go "+strings.Join(args, " "), string(out))
		if args[0] == "fix" && bytes.Contains(out, []byte("@@")) {
			t.Errorf("go fix -diff printed a diff of a file holding a credential:\n%s", out)
		}
	}
}

// buildCommand builds the command into a temporary directory.
func buildCommand(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "zscopelint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}
