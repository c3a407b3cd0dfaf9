package suppress

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func known(id string) bool { return id == "ZS104" || id == "ZS201" || id == "ZS202" }

func TestParse(t *testing.T) {
	tests := []struct {
		text    string
		ok      bool
		ids     []string
		reason  string
		problem string
	}{
		{"zscopelint:ignore ZS201 admin tool", true, []string{"ZS201"}, "admin tool", ""},
		{"zscopelint:ignore zs201,ZS202 two checks", true, []string{"ZS201", "ZS202"}, "two checks", ""},
		{"zscopelint:file-ignore ZS104 vendor list", true, []string{"ZS104"}, "vendor list", ""},
		{"zscopelint:ignore ZS201", true, []string{"ZS201"}, "", "gives no reason"},
		{"zscopelint:ignore", true, nil, "", "names no check"},
		{"zscopelint:ignore ,", true, nil, "", "names no check"},
		{"zscopelint:ignore ZS999 reason", true, nil, "", `unknown check "ZS999"`},
		{"zscopelint:ignroe ZS201 reason", true, nil, "", "unknown directive zscopelint:ignroe"},
		{"zscopelint:IGNORED ZS201 reason", true, nil, "", "unknown directive zscopelint:IGNORED"},
		{"zscopelint:fileignore ZS201 reason", true, nil, "", "unknown directive zscopelint:fileignore"},
		// Prose about the tool is no directive (our own analyzer/doc.go says "zscopelint: ...").
		{"zscopelint: this package checks scopes", false, nil, "", ""},
		{"zscopelint:generated from the catalog", false, nil, "", ""},
		{"zscopelint:", false, nil, "", ""},
		{"nolint:all", false, nil, "", ""},
		{"just a comment about zscopelint:ignore", false, nil, "", ""},
	}
	for _, tt := range tests {
		d, ok := Parse(tt.text, known)
		if ok != tt.ok || !cmp.Equal(d.IDs, tt.ids) || d.Reason != tt.reason || !strings.Contains(d.Problem, tt.problem) || (tt.problem == "") != (d.Problem == "") {
			t.Errorf("Parse(%q) = %+v, %v", tt.text, d, ok)
		}
	}
}

func TestScanTextAndSuppress(t *testing.T) {
	src := `# zscopelint:ignore ZS201 the setup wizard needs it
scope: ZohoCRM.settings.ALL
other: ZohoCRM.modules.ALL  # zscopelint:ignore ZS201 admin
dup: x  # zscopelint:ignore ZS202 nothing to suppress here
bad: y  # zscopelint:ignore ZS201
// zscopelint:ignore ZS104 javascript style
<!-- zscopelint:file-ignore ZS104 html style -->
/* zscopelint:ignore ZS999 block style */
`
	s := ScanText([]byte(src), known)
	if s.Len() != 7 {
		t.Fatalf("%d directives", s.Len())
	}
	for _, tt := range []struct {
		id   string
		line int
		want bool
	}{
		{"ZS201", 2, true},  // the line after a directive alone on its line
		{"ZS201", 1, false}, // not its own line
		{"ZS201", 3, true},  // a trailing directive, its own line
		{"ZS201", 4, false},
		{"ZS201", 5, false}, // no reason: suppresses nothing
		{"ZS104", 40, true}, // file-ignore
	} {
		if got := s.Suppressed(tt.id, tt.line); got != tt.want {
			t.Errorf("Suppressed(%s, %d) = %v", tt.id, tt.line, got)
		}
	}
	var got []string
	for _, p := range s.Problems(func(string) bool { return true }) {
		got = append(got, itoa(p.Line)+":"+itoa(p.Col)+" "+p.Message)
	}
	want := []string{
		"4:9 directive suppressed nothing: no ZS202 finding on this line; remove it",
		"5:9 directive gives no reason, so it suppresses nothing: add why after the check IDs",
		"6:1 directive suppressed nothing: no ZS104 finding on the next line; remove it",
		`8:1 directive names unknown check "ZS999"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	// With ZS104 and ZS202 disabled, unused directives naming them are not reported;
	// malformed ones still are.
	got = nil
	for _, p := range s.Problems(func(id string) bool { return id != "ZS104" && id != "ZS202" }) {
		got = append(got, itoa(p.Line))
	}
	if diff := cmp.Diff([]string{"5", "8"}, got); diff != "" {
		t.Errorf("with ZS104 and ZS202 disabled (-want +got):\n%s", diff)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func FuzzScanText(f *testing.F) {
	f.Add([]byte("# zscopelint:ignore ZS201 r\nx: y # zscopelint:file-ignore ZS104,ZS202 z\n"))
	f.Add([]byte("<!-- zscopelint:ignore -->\n/* zscopelint:ignroe */"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := ScanText(data, known)
		s.Suppressed("ZS201", 1)
		for _, p := range s.Problems(func(string) bool { return true }) {
			if p.Line < 1 || p.Col < 1 {
				t.Fatalf("problem at %d:%d", p.Line, p.Col)
			}
		}
	})
}
