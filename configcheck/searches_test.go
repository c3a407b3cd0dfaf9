package configcheck

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/zscopelint/zscopelint/catalog"
)

// TestSearchesAsContains: hasLine and namesZohoHost, which search from a rare first letter,
// answer as the plain searches they stand for, on texts made of the pieces that matter.
func TestSearchesAsContains(t *testing.T) {
	pieces := []string{"\n", "endpoints:", "endpoints:\n", "scopes:", "x", ".", "zoho", "zohoapis.", ".zohoapis.", "accounts.",
		"accounts.zoho", "ccounts.zoho", "www", "apis.", "wrong:\n", "uncatalogued:\n", " ", "z", "zo"}
	r := rand.New(rand.NewPCG(3, 5))
	for range 20000 {
		data := textOf(r, pieces, 8)
		for _, p := range []string{"endpoints:\n", "scopes:", "wrong:\n"} {
			if got, want := hasLine(data, p), bytes.Contains(data, []byte("\n"+p)); got != want {
				t.Fatalf("hasLine(%q, %q) = %v, want %v", data, p, got, want)
			}
		}
		want := bytes.Contains(data, []byte(".zohoapis.")) || bytes.Contains(data, []byte("accounts.zoho"))
		if got := namesZohoHost(data); got != want {
			t.Fatalf("namesZohoHost(%q) = %v, want %v", data, got, want)
		}
	}
}

// TestHoldsTellingWord agrees with a search for each word in the lowered key.
func TestHoldsTellingWord(t *testing.T) {
	for _, key := range []string{"", "s", "scope", "SCOPES", "oauth_Scope", "tok", "TOKEN_x", "x_secret", "Security", "sec",
		"stoken", "ttoken", "sscope", "sEcReT", "name", "value", "setting", "test", "ſcope"} {
		want := false
		for _, w := range tellingKeyWords {
			want = want || strings.Contains(strings.ToLower(key), w)
		}
		if got := holdsTellingWord([]byte(key)); got != want {
			t.Errorf("holdsTellingWord(%q) = %v, want %v", key, got, want)
		}
	}
}

// TestIndexRare: indexRare answers as bytes.Index, from every offset, at the text's edges
// and with the anchor byte many times before a match.
func TestIndexRare(t *testing.T) {
	texts := []string{"", "/oauth/v2/auth", "x/oauth/v2/aut", "vvvv/oauth/v2/auth", "/oauth/v2/authv", "a/b/c/oauth/v3/auth /oauth/v2/auth",
		"implode", "implode(", " implode (", "imimplode(", "IMPLODE(", "vv", "uncatalogued:\nuncatalogued:\n", "ggg",
		// The anchor many times over, past the point where the search hands over to bytes.Index.
		strings.Repeat("v/p", 300) + "/oauth/v2/auth" + strings.Repeat("vp", 50) + "implode(", strings.Repeat("vg/", 500)}
	for _, text := range texts {
		for _, word := range []string{"/oauth/v2/auth", "implode(", "v", "uncatalogued:\n", "g", "/"} {
			for from := 0; from <= len(text); from++ {
				want := strings.Index(text[from:], word)
				if want >= 0 {
					want += from
				}
				if got := indexRare([]byte(text), word, from); got != want {
					t.Errorf("indexRare(%q, %q, %d) = %d, want %d", text, word, from, got, want)
				}
			}
		}
	}
	if got := rareAnchor("/oauth/v2/auth"); got != len("/oauth/") {
		t.Errorf("rareAnchor(/oauth/v2/auth) = %d, want the v", got)
	}
}

// TestNamesAuthPath: namesAuthPath, which looks only where the prefilter found an
// oauth/v2, answers as a search of the whole text for either authorization path.
func TestNamesAuthPath(t *testing.T) {
	pf := newPrefilter(opts().Catalog)
	paths := catalog.AuthRequest().Paths
	pieces := []string{"/oauth/v2/auth", "/clientoauth/v2/", "oauth/v2", "/OAUTH/V2/auth", "/oauth/v2/token", "client", "/", "v2/", "auth", "x", "\n", "zoho."}
	r := rand.New(rand.NewPCG(5, 8))
	for range 20000 {
		data := textOf(r, pieces, 6)
		want := bytes.Contains(data, []byte(paths.Auth)) || bytes.Contains(data, []byte(paths.PortalAuth))
		if got := namesAuthPath(data, pf.looseHits(data)); got != want {
			t.Fatalf("namesAuthPath(%q) = %v, want %v", data, got, want)
		}
	}
}

// TestEachScopeWordIn: the scope words found from the p of "cope" are those a look at
// every offset finds, in any window of the text.
func TestEachScopeWordIn(t *testing.T) {
	pieces := []string{"scope", "SCOPE", "Scope", "sCOPE", "scopes", "SCOPES", "scoped", "cope", "COPE", "s", "S", "x", "_", " ", "p", "const ", "="}
	r := rand.New(rand.NewPCG(9, 2))
	for range 20000 {
		data := textOf(r, pieces, 10)
		lo := r.IntN(len(data) + 1)
		hi := lo + r.IntN(len(data)-lo+1)
		var got []int
		eachScopeWordIn(data, lo, hi, func(off int) bool { got = append(got, off); return true })
		var want []int
		for _, w := range []string{"cope", "COPE"} {
			for i := lo + 1; i+len(w) <= min(len(data), hi+len(w)); i++ {
				if string(data[i:i+len(w)]) != w || data[i-1] != 's' && data[i-1] != 'S' {
					continue
				}
				end := i + len(w)
				if end < len(data) && (data[end] == 's' || data[end] == 'S') {
					end++
				}
				if end < len(data) && isWordByte(data[end]) {
					continue
				}
				want = append(want, i-1)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("eachScopeWordIn(%q, %d, %d) = %v, want %v", data, lo, hi, got, want)
		}
	}
}

// textOf is a text of fewer than most pieces, each chosen by r.
func textOf(r *rand.Rand, pieces []string, most int) []byte {
	var b []byte
	for range r.IntN(most) {
		b = append(b, pieces[r.IntN(len(pieces))]...)
	}
	return b
}

// TestPatternsCompile: the patterns compiled at their first use compile.
func TestPatternsCompile(t *testing.T) {
	for _, re := range []func() *regexp.Regexp{joinedAfterRE, joinedBeforeRE, joinedNameRE, jsImportRE, pyImportRE, yamlLineRE} {
		if re() == nil {
			t.Error("a pattern compiled to nil")
		}
	}
}
