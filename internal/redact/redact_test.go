package redact

import (
	"bytes"
	"strings"
	"testing"
)

const (
	tok    = "1000.3f2a9c1d7e6b5a4f8e9d0c1b2a3f4e5d.9c1d7e6b5a4f3f2a8e9d0c1b2a3f4e5d"
	secret = "a81b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c"
)

func TestString(t *testing.T) {
	var reg Registry
	reg.Remember([]byte("refresh_token: " + tok + "\nzoho.client_secret=" + secret + "\n"))
	tests := []struct{ name, in, want string }{
		{"plain text", "ZohoCRM.modules.ALL is broad", "ZohoCRM.modules.ALL is broad"},
		{"token", "token " + tok + " here", "token 1000.3f2a… here"},
		{"upper-cased token", "ignore " + strings.ToUpper(tok), "ignore 1000.3F2A…"},
		{"token inside a word", "x" + tok + "y", "x1000.3f2a…y"},
		{"placeholder token", "1000." + strings.Repeat("0", 32) + "." + strings.Repeat("0", 32), "1000.0000…"},
		{"secret after key", "ZOHO_CLIENT_SECRET_PROD=" + secret, "ZOHO_CLIENT_SECRET_PROD=a81…"},
		{"secret in JSON", `{"clientSecret": "` + secret + `"}`, `{"clientSecret": "a81…"}`},
		{"secret in Python", `client_secret => '` + secret + `'`, `client_secret => 'a81…'`},
		{"secret after a Markdown bold key", "- **Client Secret:** 0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c", "- **Client Secret:** 0a1…"},
		{"secret after a bold key and its colon", "**Client Secret**: 0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c", "**Client Secret**: 0a1…"},
		{"bold placeholder kept", "- **Client Secret:** <your client secret>", "- **Client Secret:** <your client secret>"},
		{"short value kept", "client_secret: os.Getenv", "client_secret: os.Getenv"},
		{"reference kept", "CLIENT_SECRET=${ZOHO_CLIENT_SECRET}", "CLIENT_SECRET=${ZOHO_CLIENT_SECRET}"},
		{"half a token quoted by a parser", "expected ';', found f2a9c1d7e6b5a4f8e9d0c1b2a3f4e5d", "expected ';', found f2a…"},
		{"upper-cased piece", "unknown check " + strings.ToUpper(secret[:20]), "unknown check A81…"},
		{"bare remembered secret", "scope set " + secret + ",ZohoCRM.users.READ", "scope set a81…,ZohoCRM.users.READ"},
		{"fingerprint kept", `"zscopelint/v1": "0123456789abcdef0123456789abcdef"`, `"zscopelint/v1": "0123456789abcdef0123456789abcdef"`},
		{"two tokens", tok + "," + tok, "1000.3f2a…,1000.3f2a…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reg.String(tt.in); got != tt.want {
				t.Errorf("String(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokensStrict(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int
	}{
		{tok, 1},
		{strings.ToUpper(tok), 0}, // Zoho issues lower-case hex
		{"1000." + strings.Repeat("ab", 32) + "", 0},                           // no second part
		{"1000." + strings.Repeat("a", 32) + "." + strings.Repeat("b", 32), 0}, // placeholder
		{"x" + tok, 0},
		{"Zoho-oauthtoken " + tok, 1},
		{"the refresh token is " + tok + ".", 1},       // a sentence ends after it
		{"the refresh token is " + tok + ".\nNext", 1}, // and a line
		{"the refresh token is " + tok + ". Next", 1},  // and a sentence
		{"the refresh token is " + tok + ".x", 0},      // a longer word
		{"the refresh token is " + tok + "a.", 0},      // a longer hex run
	} {
		if got := len(Tokens(tt.in, true)); got != tt.want {
			t.Errorf("Tokens(%q, true): %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestSecretKey(t *testing.T) {
	for key, want := range map[string]bool{
		"client_secret": true, "clientSecret": true, "ZOHO_CLIENT_SECRET_PROD": true,
		"zoho.client.secret": true, "client-secret": true, "client_id": false,
		// The shapes rules.IsSecretKey alone used to know: the checks and the redactor read
		// the same keys.
		"secret": true, "SECRET": true, "_secret": true, "zoho_secret": true, "ZOHO_SECRET": true,
		"Zoho-Secret": true, "zoho.secret_": true, "my_zoho_secret": true, "zoho secret": true,
		"secrets": false, "api_secret": false, "cret": false, "secret_zoho": false, "": false,
		"zohosecretkey": false, "xzoho_secret": true, "ZohoSecret": true,
	} {
		if got := SecretKey(key); got != want {
			t.Errorf("SecretKey(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestHolds(t *testing.T) {
	for _, tt := range []struct {
		in   string
		line int
		ok   bool
	}{
		{"scope: ZohoCRM.modules.ALL\n", 0, false},
		{"a\n# old token " + tok + "\n", 2, true},
		{"a\nb\nzoho.client_secret=" + secret + "\n", 3, true},
		{"CLIENT_SECRET=${ZOHO_CLIENT_SECRET}\n", 0, false},
	} {
		line, ok := Holds([]byte(tt.in))
		if line != tt.line || ok != tt.ok {
			t.Errorf("Holds(%q) = %d, %v; want %d, %v", tt.in, line, ok, tt.line, tt.ok)
		}
	}
}

func TestWriterHoldsBackPartialLines(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out, nil)
	// A token split across writes is still shortened.
	w.Write([]byte("a " + tok[:20]))
	w.Write([]byte(tok[20:] + " b\nc "))
	if got := out.String(); got != "a 1000.3f2a… b\n" {
		t.Fatalf("after two writes: %q", got)
	}
	w.Write([]byte(tok))
	w.Flush()
	if got := out.String(); got != "a 1000.3f2a… b\nc 1000.3f2a…" {
		t.Fatalf("after flush: %q", got)
	}
}

// FuzzString checks that no output of String holds a remembered credential or a token
// shape in full, and that text without credentials passes unchanged.
func FuzzString(f *testing.F) {
	f.Add("token " + tok + " end")
	f.Add("client_secret: '" + secret + "'")
	f.Add("plain ZohoCRM.modules.ALL")
	f.Add(strings.ToUpper(tok) + "\n" + tok[:40])
	f.Fuzz(func(t *testing.T, s string) {
		var reg Registry
		reg.Remember([]byte(s))
		got := reg.String(s)
		if ts := Tokens(got, false); len(ts) > 0 {
			t.Fatalf("String(%q) = %q still holds a token shape", s, got)
		}
		if as := Assignments(got); len(as) > 0 {
			t.Fatalf("String(%q) = %q still holds a secret value", s, got)
		}
		if len(Tokens(s, false)) == 0 && len(Assignments(s)) == 0 && got != s {
			t.Fatalf("String(%q) = %q changed text without credentials", s, got)
		}
	})
}

// benchText is 1 MB of source-like text without credentials, but with the bytes the
// searches anchor on ("1000.", "secret").
func benchText() []byte {
	line := "\tclient := newClient(secretStore, 1000.5, \"https://www.zohoapis.com/crm/v8/Leads\") // fetch\n"
	return bytes.Repeat([]byte(line), (1<<20)/len(line))
}

// BenchmarkHolds is the worst case: an anchor on every line.
func BenchmarkHolds(b *testing.B) {
	data := benchText()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := Holds(data); ok {
			b.Fatal("found a credential in text without one")
		}
	}
}

func BenchmarkRemember(b *testing.B) {
	data := benchText()
	var reg Registry
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		reg.Remember(data)
	}
}

// BenchmarkHoldsPlain is the common case: source text with no anchor at all.
func BenchmarkHoldsPlain(b *testing.B) {
	line := "\tclient := newClient(store, 1200.5, \"https://www.zohoapis.com/crm/v8/Leads\") // fetch\n"
	data := bytes.Repeat([]byte(line), (1<<20)/len(line))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := Holds(data); ok {
			b.Fatal("found a credential in text without one")
		}
	}
}
