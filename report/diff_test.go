package report

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

func TestUnifiedDiff(t *testing.T) {
	src := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n"
	at := func(line string) int { return strings.Index(src, line+"\n") }
	tests := []struct {
		name  string
		edits []Edit
		want  string
	}{
		{"one line", []Edit{{Start: at("f"), End: at("f") + 1, New: "F"}},
			"--- a/x\n+++ b/x\n@@ -3,7 +3,7 @@\n c\n d\n e\n-f\n+F\n g\n h\n i\n"},
		{"two edits, one hunk", []Edit{{Start: at("b"), End: at("b") + 1, New: "B"}, {Start: at("g"), End: at("g") + 1, New: "G"}},
			"--- a/x\n+++ b/x\n@@ -1,10 +1,10 @@\n a\n-b\n+B\n c\n d\n e\n f\n-g\n+G\n h\n i\n j\n"},
		{"two hunks, a removed line", []Edit{{Start: at("a"), End: at("b"), New: ""}, {Start: at("n"), End: at("n") + 1, New: "N1\nN2"}},
			"--- a/x\n+++ b/x\n@@ -1,4 +1,3 @@\n-a\n b\n c\n d\n@@ -11,4 +10,5 @@\n k\n l\n m\n-n\n+N1\n+N2\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := UnifiedDiff("x", []byte(src), tt.edits); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// applyUnified applies a unified diff that UnifiedDiff wrote to src, checking every
// context and removed line against src: the diff must say exactly what the edits do.
func applyUnified(src, diff string) (string, error) {
	lines := strings.SplitAfter(src, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	body := strings.SplitAfter(diff, "\n")
	if len(body) < 2 || !strings.HasPrefix(body[0], "--- ") || !strings.HasPrefix(body[1], "+++ ") {
		return "", fmt.Errorf("no header")
	}
	var out []string
	next := 0 // next line of src not yet copied
	for i := 2; i < len(body) && body[i] != ""; {
		h := body[i]
		var oldStart int
		if _, err := fmt.Sscanf(h, "@@ -%d", &oldStart); err != nil {
			return "", fmt.Errorf("bad hunk header %q", h)
		}
		old := strings.Fields(h)[1]
		if _, n, ok := strings.Cut(old, ","); ok && n == "0" {
			oldStart++ // an empty old range names the line before
		}
		for next < oldStart-1 {
			out = append(out, lines[next])
			next++
		}
		for i++; i < len(body) && body[i] != "" && !strings.HasPrefix(body[i], "@@"); i++ {
			l := body[i]
			text := l[1:]
			if i+1 < len(body) && body[i+1] == "\\ No newline at end of file\n" {
				text = strings.TrimSuffix(text, "\n")
				i++
			}
			switch l[0] {
			case ' ', '-':
				if next >= len(lines) || lines[next] != text {
					return "", fmt.Errorf("line %d is %q, the diff says %q", next+1, at(lines, next), text)
				}
				if l[0] == ' ' {
					out = append(out, text)
				}
				next++
			case '+':
				out = append(out, text)
			default:
				return "", fmt.Errorf("bad diff line %q", l)
			}
		}
	}
	out = append(out, lines[next:]...)
	return strings.Join(out, ""), nil
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "<end>"
}

// FuzzUnifiedDiff checks that the diff of any edits of any text, applied to the text, gives
// what the edits give.
func FuzzUnifiedDiff(f *testing.F) {
	f.Add("a\nb\nc\n", uint16(2), uint16(3), "B", uint16(0), uint16(0), "")
	f.Add("one line without newline", uint16(4), uint16(8), "", uint16(20), uint16(24), "x\ny")
	f.Add("x\n\n\ny\n", uint16(1), uint16(2), "\n\n", uint16(4), uint16(5), "z")
	f.Fuzz(func(t *testing.T, src string, s1, e1 uint16, new1 string, s2, e2 uint16, new2 string) {
		clamp := func(v uint16) int { return min(int(v), len(src)) }
		a, b, c, d := clamp(s1), clamp(e1), clamp(s2), clamp(e2)
		if a > b {
			a, b = b, a
		}
		if c > d {
			c, d = d, c
		}
		edits := []Edit{{Start: a, End: b, New: new1}}
		if c >= b && (c > a || c == d && c > b) {
			edits = append(edits, Edit{Start: c, End: d, New: new2})
		}
		want := string(ApplyEdits([]byte(src), edits))
		if want == src {
			return
		}
		diff := UnifiedDiff("f", []byte(src), edits)
		got, err := applyUnified(src, diff)
		if err != nil {
			t.Fatalf("diff does not apply: %v\nsrc %s\nedits %+v\n%s", err, strconv.Quote(src), edits, diff)
		}
		if got != want {
			t.Fatalf("diff applied gives %q, edits give %q\nsrc %q\nedits %+v\n%s", got, want, src, edits, diff)
		}
	})
}
