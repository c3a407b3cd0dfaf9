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

// TestEncodedTokensDecoded: a token in base64, at each alignment a longer text gives it,
// in either alphabet, padded or not, upper or lower case, with text of any kind around it,
// is among the forms Decoded gives (which decodes only runs holding base64Prefixes), and
// so Holds finds it.
func TestEncodedTokensDecoded(t *testing.T) {
	for _, tok := range []string{
		"1000" + "." + strings.Repeat("3f2a9c1d", 4) + "." + strings.Repeat("7e6b5a4f", 4),
		"1000" + "." + strings.Repeat("3F2A9C1D", 4) + "." + strings.Repeat("7E6B5A4F", 4),
	} {
		for _, before := range []string{"", " ", "ab", "Zoho-oauthtoken ", "{\"t\":\"", "\xff\xfe\xfd"} {
			for _, after := range []string{"", "\"}", "\xff\xff"} {
				plain := before + tok + after
				for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
					text := "x = \"" + enc.EncodeToString([]byte(plain)) + "\"\n"
					found := false
					for _, d := range Decoded(text) {
						found = found || len(Tokens(d, false)) > 0
					}
					if !found {
						t.Errorf("Decoded(%q) gives no form holding the token of %q", text, plain)
					}
					if _, ok := Holds([]byte(text)); !ok {
						t.Errorf("Holds(%q) = false", text)
					}
				}
			}
		}
	}
	for _, p := range base64Prefixes {
		if len(p) < 5 {
			t.Errorf("base64 prefix %q: too short to say much", p)
		}
	}
}

// TestLooseSecretOffsets: the value after a client-secret key is found at its offset in
// the text, whatever case the key has and whatever runs before it (Ⱥ is two bytes, and
// three once lowered; İ is two, and one).
func TestLooseSecretOffsets(t *testing.T) {
	sec := strings.Repeat("a1b2c3d4e5", 4)
	for _, before := range []string{"", "İİİİ note\n", "ȺȺȺȺȺȺȺȺ note\n", "secrets: []\nSECRET\n", strings.Repeat("İ", 40) + " "} {
		for _, key := range []string{"client_secret", "CLIENT_SECRET", "Client_Secret"} {
			text := before + key + ":\n  " + sec + "\n"
			want := strings.Index(text, sec)
			if got := looseSecret(text); got != want {
				t.Errorf("looseSecret(%q) = %d, want %d", text, got, want)
			}
		}
	}
}

// TestIndexFold agrees with a search of the lowered text on ASCII text.
func TestIndexFold(t *testing.T) {
	for _, s := range []string{"", "secret", "SeCrEt", "x secre", "sssSSSsecretS", "SECRETsecret", "a Secret b SECRET", "sec ret secreT"} {
		for from := 0; from <= len(s); from++ {
			want := strings.Index(strings.ToLower(s[from:]), "secret")
			if want >= 0 {
				want += from
			}
			if got := indexFold(s, from, "secret"); got != want {
				t.Errorf("indexFold(%q, %d) = %d, want %d", s, from, got, want)
			}
		}
	}
}
