package redact

import (
	"encoding/base64"
	"strings"
	"testing"
)

// TestEncodedFormsShortened: a registry given a token shortens it in every form a message
// may quote: escaped and URL-encoded dots, and base64 of it alone or in a header, at any
// alignment inside a longer text.
func TestEncodedFormsShortened(t *testing.T) {
	tok := "1000" + "." + strings.Repeat("3f2a9c1d", 4) + "." + strings.Repeat("7e6b5a4f", 4)
	var r Registry
	r.AddSecret(tok)
	for _, quoted := range []string{
		strings.ReplaceAll(tok, ".", "%2E"),
		strings.ReplaceAll(tok, ".", `\x2e`),
		strings.ReplaceAll(tok, ".", `\u002e`),
		base64.StdEncoding.EncodeToString([]byte(tok)),
		base64.StdEncoding.EncodeToString([]byte("Zoho-oauthtoken " + tok)),
		base64.StdEncoding.EncodeToString([]byte("x-Zoho-oauthtoken " + tok)),
	} {
		got := r.String("see ?access_token=" + quoted + " here")
		if strings.Contains(got, quoted[20:40]) {
			t.Errorf("%q not shortened: %q", quoted, got)
		}
	}
}

// TestHoldsLooseForms: Holds finds credentials written so that no one-line recogniser
// sees them (a value on the next line, an argument list, an escaped key, a YAML alias, an
// encoded token), and not in text that only mentions a secret.
func TestHoldsLooseForms(t *testing.T) {
	sec := strings.Repeat("a1b2c3d4e5", 4)
	tok := "1000" + "." + strings.Repeat("3f2a9c1d", 4) + "." + strings.Repeat("7e6b5a4f", 4)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"{\"client_secret\":\n  \"" + sec + "\"}", true},
		{"os.Setenv(\"ZOHO_CLIENT_SECRET\", \"" + sec + "\")", true},
		{"{\"client_\\u0073ecret\": \"" + sec + "\"}", true},
		{"base: &s " + sec + "\nclient_secret: *s\n", true},
		{"export ZOHO_CLIENT_SECRET=$'" + sec + "'", true},
		{"u = \"?t=" + strings.ReplaceAll(tok, ".", "%2E") + "\"", true},
		{"b = \"" + base64.StdEncoding.EncodeToString([]byte(tok)) + "\"", true},
		{"client_secret: os.Getenv(\"ZOHO_CLIENT_SECRET\")\nscope: ZohoCRM.users.READ\n", false},
		{"the client secret is kept in the vault\n", false},
	} {
		if _, got := Holds([]byte(tc.text)); got != tc.want {
			t.Errorf("Holds(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
