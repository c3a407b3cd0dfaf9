package analyzer

import (
	"go/ast"
	"go/token"
	"strconv"
	"testing"
)

func TestLitValue(t *testing.T) {
	for _, src := range []string{`"ZohoCRM.modules.ALL"`, `"a\x6cb\u00e9c\n"`, "`raw\r\nstring`", `"é\tZ"`} {
		v, offs, ok := litValue(&ast.BasicLit{Kind: token.STRING, Value: src})
		if !ok {
			t.Fatalf("litValue(%s) failed", src)
		}
		want, _ := strconv.Unquote(src)
		if src[0] == '`' {
			want = "raw\nstring"
		}
		if v != want || len(offs) != len(v)+1 {
			t.Errorf("litValue(%s) = %q (%d offsets), want %q", src, v, len(offs), want)
		}
	}
	_, offs, _ := litValue(&ast.BasicLit{Kind: token.STRING, Value: `"a\x6cb"`})
	if offs[1] != 2 || offs[2] != 6 || offs[3] != 7 {
		t.Errorf("offsets = %v", offs)
	}
}

// FuzzLitValue checks litValue against strconv.Unquote and that offsets increase within
// the literal.
func FuzzLitValue(f *testing.F) {
	for _, s := range []string{`"ZohoCRM.modules.ALL"`, `"a\x6cb\u00e9c\n"`, "`raw`", `"\"\\"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		want, err := strconv.Unquote(src)
		if err != nil || len(src) < 2 || src[0] == '\'' {
			return
		}
		v, offs, ok := litValue(&ast.BasicLit{Kind: token.STRING, Value: src})
		if !ok {
			t.Fatalf("litValue(%q) failed where Unquote succeeds", src)
		}
		if src[0] == '"' && v != want {
			t.Fatalf("litValue(%q) = %q, want %q", src, v, want)
		}
		for i := 1; i < len(offs); i++ {
			if offs[i] < offs[i-1] || offs[i] > len(src)-1 {
				t.Fatalf("litValue(%q): offsets %v", src, offs)
			}
		}
	})
}
