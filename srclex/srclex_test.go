package srclex_test

import (
	"strings"
	"testing"

	"github.com/zscopelint/zscopelint/srclex"
)

// render writes tokens back as one line: strings quoted with their holes as ${...}.
func render(toks []srclex.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		if t.Kind != srclex.String {
			b.WriteString(t.Text)
			continue
		}
		b.WriteString(`"`)
		if t.Parts == nil {
			b.WriteString(t.Text)
		}
		for _, p := range t.Parts {
			if p.IsHole {
				b.WriteString("${" + render(p.Hole) + "}")
			} else {
				b.WriteString(p.Lit)
			}
		}
		b.WriteString(`"`)
	}
	return b.String()
}

func TestTokens(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		lang srclex.Lang
		src  string
		want string
	}{
		// A hole holding a call is one hole: its ) does not end the template.
		{srclex.JS, "u = `https://accounts.zoho.com/oauth/v2/auth?redirect_uri=${encodeURIComponent(r)}&scope=${scope}`; // x\n",
			`u = "https://accounts.zoho.com/oauth/v2/auth?redirect_uri=${encodeURIComponent ( r )}&scope=${scope}" ;`},
		{srclex.JS, "a = `x${ {b: `in${c}`}.b }y` /* c */ 'q\\'s\\n'", "a = \"x${{ b : \"in${c}\" } . b}y\" \"q's\n\""},
		{srclex.JS, "x = /a'b\"/g.test(s) ? 1 : 2", "x = . test ( s ) ? 1 : 2"},
		{srclex.JS, "y = a / b / c", "y = a / b / c"},
		{srclex.Python, "u = f\"{BASE}/crm/v8/{module!r:>3}/{{x}}\"  # c\nr = rb'\\d'", `u = "${BASE}/crm/v8/${module}/{x}" r = "\d"`},
		{srclex.Python, "s = '''a\n'b'''", "s = \"a\n'b\""},
		{srclex.PHP, "<html><?php $u = \"{$this->base}/crm/$mod/x\\n\"; # c\n$v = 'a\\'b\\n'; ?>text <?= $z ?>", "$u = \"${$this -> base}/crm/${$mod}/x\n\" ; $v = \"a'b\\n\" ; $z"},
		{srclex.PHP, "<?php\n$s = <<<EOT\nGET {$base}/x\nEOT;\n", `$s = "GET ${$base}/x" ;`},
	} {
		if got := render(srclex.Tokens(tt.lang, []byte(tt.src))); got != tt.want {
			t.Errorf("Tokens(%s, %q) =\n%s\nwant\n%s", tt.lang, tt.src, got, tt.want)
		}
	}
}

func TestBracketsAndLines(t *testing.T) {
	t.Parallel()
	toks := srclex.Tokens(srclex.JS, []byte("f(a, [b],\n  {c: `${g(1)}`})"))
	if toks[1].Text != "(" || toks[toks[1].Match].Text != ")" || toks[1].Match != len(toks)-1 {
		t.Errorf("( at 1 matches %d, want %d", toks[1].Match, len(toks)-1)
	}
	last := toks[len(toks)-1]
	if last.Line != 2 || last.Col != 16 {
		t.Errorf("last token at %d:%d, want 2:16", last.Line, last.Col)
	}
}

func TestRegions(t *testing.T) {
	t.Parallel()
	src := "x = f'{a}' # c\ny = r'\\d' '''t\n'''\n"
	var got []string
	for _, r := range srclex.Regions(srclex.Python, []byte(src)) {
		kind := "comment"
		if r.Kind == srclex.StringRegion {
			kind = "string " + src[r.ContentStart:r.ContentEnd]
			if r.Raw {
				kind += " raw"
			}
		}
		got = append(got, kind+": "+src[r.Start:r.End])
	}
	want := []string{"string {a}: f'{a}'", "comment: # c", "string \\d raw: r'\\d'", "string t\n: '''t\n'''"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Regions = %q, want %q", got, want)
	}
}

// TestDeepHoles: strings nested in holes without end do not nest the lexer without end.
func TestDeepHoles(t *testing.T) {
	t.Parallel()
	src := []byte(strings.Repeat("`${", 200000) + "x" + strings.Repeat("}`", 200000))
	toks := srclex.Tokens(srclex.JS, src)
	if len(toks) == 0 || toks[0].Kind != srclex.String || toks[0].Off != 0 {
		t.Errorf("got %d tokens, want a string first", len(toks))
	}
}
