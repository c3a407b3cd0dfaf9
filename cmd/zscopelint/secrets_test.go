package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecretsNeverPrinted runs every output format, the baseline writer and -diff over
// inputs holding tokens and secrets, and fails if any secret appears in full anywhere.
func TestSecretsNeverPrinted(t *testing.T) {
	t.Parallel()
	secrets := []string{
		"1000.3f2a9c1d7e6b5a4f8e9d0c1b2a3f4e5d.9c1d7e6b5a4f3f2a8e9d0c1b2a3f4e5d",
		"1000.0a1b2c3d4e5f60718293a4b5c6d7e8f9.f9e8d7c6b5a4039281706f5e4d3c2b1a",
		"1000.c0ffee00deadbeef1234567890abcdef.0123456789abcdeffedcba9876543210",
		"a81b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c",
	}
	dir := writeTree(t, map[string]string{
		"go.mod":      "module s\n\ngo 1.26\n",
		"main.go":     "package main\n\nconst token = \"" + secrets[0] + "\"\n\nvar header = \"Zoho-oauthtoken " + secrets[1] + "\"\n\nfunc main() {}\n",
		"zoho.yaml":   "zoho:\n  refresh_token: " + secrets[2] + "\n  client_secret: " + secrets[3] + "\n  scope: ZohoCRM.modules.ALLL\n",
		"zoho.json":   `{"zoho": {"access_token": "` + secrets[0] + `", "scope": "ZohoCRM.users.REED"}}`,
		".env":        "REFRESH_TOKEN=" + secrets[1] + "\nZOHO_CLIENT_SECRET='" + secrets[3] + "'\n",
		"web/a.html":  "<script>const t = '" + secrets[2] + "'; // zoho</script>\n",
		"web/app.js":  "// zoho client\nconst t = `" + secrets[0] + "`;\n",
		"scopes.yaml": "scopes: [" + secrets[2] + ", ZohoCRM.users.READ]\n",
	})
	var outputs []string
	for _, format := range []string{"text", "json", "sarif"} {
		out, stderr, _ := zscopelintIn(t, dir, "-format", format, "-write-baseline", "baseline-"+format+".json", "./...")
		outputs = append(outputs, out, stderr)
		b, _ := os.ReadFile(filepath.Join(dir, "baseline-"+format+".json"))
		outputs = append(outputs, string(b))
		if format == "text" && strings.Count(out, "(ZS301)") < 9 {
			t.Errorf("want every secret reported, got:\n%s", out)
		}
	}
	out, stderr, _ := zscopelintIn(t, dir, "-diff", "./...")
	outputs = append(outputs, out, stderr)
	for _, o := range outputs {
		for _, s := range secrets {
			if strings.Contains(o, s) {
				t.Fatalf("secret %s… printed in full:\n%s", s[:8], o)
			}
			// Not even the part after the recognisable prefix.
			if strings.Contains(o, s[12:]) {
				t.Fatalf("most of secret %s… printed:\n%s", s[:8], o)
			}
		}
	}
}

// TestSecretKeyOneRecogniser: a value after a key the checks take for a client secret
// (ZOHO_SECRET, zohoSecret) is reported as ZS301, and -diff, asked to fix something else in
// the same file, prints no part of it: the checks and the redactor know the same keys.
func TestSecretKeyOneRecogniser(t *testing.T) {
	t.Parallel()
	const secret = "9f8e7d6c5b4a39281706f5e4d3c2b1a0ffee1234"
	dir := writeTree(t, map[string]string{
		"go.mod":  "module s\n\ngo 1.26\n",
		".env":    "ZOHO_SECRET=" + secret + "\nZOHO_SCOPES=ZohoCRM.modules.leads.read\n",
		"main.go": "package main\n\nconst zohoSecret = \"" + secret + "\"\n\nvar scopes = []string{\"ZohoCRM.modules.leads.read\"}\n\nfunc main() {}\n",
	})
	out, stderr, _ := zscopelintIn(t, dir, "./...")
	for _, want := range []string{".env:1:13: error: client secret 9f8…", "main.go:3:21: error: client secret 9f8…"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s%s", want, out, stderr)
		}
	}
	diff, stderr, _ := zscopelintIn(t, dir, "-diff", "./...")
	if strings.Contains(diff+stderr, secret[3:]) {
		t.Errorf("-diff prints the secret:\n%s%s", diff, stderr)
	}
}
