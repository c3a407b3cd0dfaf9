package srclex

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// regionsKeepingTokens is Regions with every token kept, as it was before Regions dropped
// all but the last: the oracle for TestRegionsKeepOnlyTheLastToken.
func regionsKeepingTokens(lang Lang, src []byte) []Region {
	l := &lexer{lang: lang, d: src, regionsWanted: true}
	if lang == PHP {
		for i := 0; i < len(src); {
			open := strings.Index(string(src[i:]), "<?")
			if open < 0 {
				break
			}
			_, i = l.lex(i+open+2, stopAtPHPClose)
		}
		return l.regions
	}
	l.lex(0, stopNever)
	return l.regions
}

// TestRegionsKeepOnlyTheLastToken: Regions, which keeps only the last token outside holes
// and makes the text only of the names a regular expression may follow, finds exactly the
// regions a lexer keeping every token finds — on texts long enough to
// drop tokens many times, where / after each kind of token is a regular expression or a
// division — and holds only a few tokens while it does.
func TestRegionsKeepOnlyTheLastToken(t *testing.T) {
	pieces := []string{"a / b", "return /x+/.test(s)", "(1) / 2", "x[0] / y", "f(`t ${a / 2} u`)", "'s' / 2",
		"/* c */", "// c\n", "\"str\\\"\"", "if (a) /re/g.exec(b)", "i++ / 2", "} / 2", "typeof /r/",
		"'ZohoCRM.modules.ALL'", "await /a\"/", "x instanceof /b'/", "else /c`/", "k in /d/", "returns / 2", "newer / 3", "1e3 / 4", "\n", " ", "{", "}", "[", "]", "<?php $x = 'a'; ?>", "# py\n", "f'{x}'", "r'\\d'"}
	r := rand.New(rand.NewPCG(7, 11))
	for n := range 20 {
		var b strings.Builder
		for b.Len() < 40_000 {
			b.WriteString(pieces[r.IntN(len(pieces))])
			b.WriteByte(' ')
		}
		for _, lang := range []Lang{JS, Python, PHP} {
			src := []byte(b.String())
			if d := cmp.Diff(regionsKeepingTokens(lang, src), Regions(lang, src), cmpopts.EquateEmpty()); d != "" {
				t.Fatalf("text %d, %v: Regions differs from the lexer keeping every token (-keeping +Regions):\n%s", n, lang, d)
			}
		}
	}
	files, _ := filepath.Glob("../configcheck/testdata/*/*.[jp][sh]*")
	files2, _ := filepath.Glob("../testdata/accuracy/*/*.[jtp][sy]*")
	files = append(files, files2...)
	if len(files) < 10 {
		t.Fatalf("only %d corpus files found: the test compares too little", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lang := LangOf(f)
		if d := cmp.Diff(regionsKeepingTokens(lang, src), Regions(lang, src), cmpopts.EquateEmpty()); d != "" {
			t.Errorf("%s: Regions differs (-keeping +Regions):\n%s", f, d)
		}
	}
}

// BenchmarkRegionsLarge: a 4 MB script's regions, with the bytes allocated per run (with
// every token kept they grew with the file, about 50 bytes of tokens per byte of a bundle).
func BenchmarkRegionsLarge(b *testing.B) {
	var s strings.Builder
	for i := 0; s.Len() < 4<<20; i++ {
		fmt.Fprintf(&s, "function f%d(a,b){return a.x/b+g(`t${a}`)+'s'/*c*/}\n", i)
	}
	src := []byte(s.String())
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Regions(JS, src)
	}
}

// FuzzRegions: on any text, Regions (scanTop for JavaScript and Python) finds exactly the
// regions the lexer keeping every token finds.
func FuzzRegions(f *testing.F) {
	for _, s := range []string{"a / b /re/ `t ${x / 2} ${`u${y}`}` 'q' // c\n", "x = rb'\\d' f\"{a!r:>3}\" # c\n'''t\n'''",
		"return /[/]/.x ++ / 2 } / 3 ) / 4", "#!/usr/bin/env node\n/* c */ \"s\\\"\" 1.5e3 / 2", "é / 2 ü /x/", "<?php $a = 'b'; ?>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, lang := range []Lang{JS, Python} {
			if d := cmp.Diff(regionsKeepingTokens(lang, []byte(src)), Regions(lang, []byte(src)), cmpopts.EquateEmpty()); d != "" {
				t.Fatalf("%v: Regions differs (-keeping +Regions):\n%s", lang, d)
			}
		}
	})
}
