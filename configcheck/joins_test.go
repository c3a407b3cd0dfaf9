package configcheck

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// regexpJoinedNames is what joinedNames stands for: the names joinedNameRE captures over the
// whole text.
func regexpJoinedNames(data []byte) map[string]bool {
	names := map[string]bool{}
	for _, m := range joinedNameRE().FindAllSubmatch(data, -1) {
		for _, g := range m[1:] {
			if len(g) > 0 {
				names[string(g)] = true
			}
		}
	}
	return names
}

// joinPieces make the generated texts: every part of the three joins joinedNameRE reads, and
// bytes that end a run of joinCharset or sit inside one.
var joinPieces = []string{
	"scopes", "this.scopes", "settings.SCOPES", "$scopes", "$this->scopes", "a1", "_x", "9", "$",
	".join(", "join(", ".join", "implode(", "implode", "(", ")", "[", "]", "array(",
	"' '", "\" \"", "` `", "'\t'", "'  '", "','", "''", "'", "\"", "`",
	" ", "\t", "\n", "\r", "\f", "\v", ",", ".", "-", ">", "->", ";", "=", "{", "}", "+", "é", "\x00",
}

var (
	joinNames  = []string{"scopes", "a.b.scopes", "this->scopes", "x1", "$y", "_", "9z", "é"}
	joinSpaces = []string{"' '", "\" \"", "` `", "'\t '", "','", "' "}
	joinWhite  = []string{"", " ", "\n", "\t\r", "\v", ";"}
)

// TestJoinedNamesAgreesWithRegexp: joinedNames gives the names the whole-text regexp gives,
// on the repository's corpora and on texts generated from the joins' pieces.
func TestJoinedNamesAgreesWithRegexp(t *testing.T) {
	texts := corpusFiles(t, 100, "testdata/*/*", "testdata/*/*/*", "../testdata/*/*", "../testdata/*/*/*", "../testdata/*/*/*/*", "*.go", "../*/*.go")
	r := rand.New(rand.NewPCG(28, 31))
	for i := range 5000 {
		var b []byte
		for range 1 + i%30 {
			if r.IntN(3) == 0 { // a whole join, its parts drawn, so that matches are many
				name, sp, ws := joinNames[r.IntN(len(joinNames))], joinSpaces[r.IntN(len(joinSpaces))], joinWhite[r.IntN(len(joinWhite))]
				switch r.IntN(3) {
				case 0:
					b = append(b, name+ws+".join("+ws+sp+ws+")"...)
				case 1:
					b = append(b, sp+ws+".join("+ws+name+ws+")"...)
				default:
					b = append(b, "implode("+ws+sp+ws+","+ws+"$"+name+ws+")"...)
				}
				continue
			}
			b = append(b, joinPieces[r.IntN(len(joinPieces))]...)
		}
		texts = append(texts, namedText{"generated " + strconvQuote(string(b)), string(b)})
	}
	found := 0
	for _, c := range texts {
		want := regexpJoinedNames([]byte(c.text))
		found += len(want)
		if d := cmp.Diff(want, joinedNames([]byte(c.text))); d != "" {
			t.Errorf("%s: joinedNames differs from the regexp (-regexp +joinedNames):\n%s", c.name, d)
		}
	}
	if found < 1000 {
		t.Fatalf("only %d names found: the test compares little", found)
	}
}

// FuzzJoinedNames: on any bytes, joinedNames gives the names the whole-text regexp gives.
func FuzzJoinedNames(f *testing.F) {
	f.Add([]byte("const s = scopes.join(' '); x = \" \".join(settings.SCOPES); implode(' ', $this->scopes)"))
	f.Add([]byte("a.join(b); ' '.join(c.d); e .join(\n'\t')"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<14 {
			return
		}
		if d := cmp.Diff(regexpJoinedNames(data), joinedNames(data)); d != "" {
			t.Errorf("joinedNames differs from the regexp (-regexp +joinedNames):\n%s", d)
		}
	})
}
