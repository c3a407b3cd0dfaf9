package catalog

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    Scope
		errOff  int
		errText string
	}{
		{in: "ZohoCRM.modules.leads.READ", want: Scope{Text: "ZohoCRM.modules.leads.READ", Service: "ZohoCRM",
			Path: []string{"modules", "leads"}, Operation: "READ", Offsets: []int{0, 8, 16, 22}}},
		{in: "ZOHOPEOPLE.forms.ALL", want: Scope{Text: "ZOHOPEOPLE.forms.ALL", Service: "ZOHOPEOPLE",
			Path: []string{"forms"}, Operation: "ALL", Offsets: []int{0, 11, 17}}},
		{in: "A.b.c.d.e", want: Scope{Text: "A.b.c.d.e", Service: "A", Path: []string{"b", "c", "d"},
			Operation: "e", Offsets: []int{0, 2, 4, 6, 8}}},
		{in: "", errText: "empty scope"},
		{in: "ZohoCRM", errText: "no '.'"},
		{in: "modules.ALL", errText: "missing service"},
		{in: "ZohoCRM.modules", errOff: 15, errText: "missing operation"},
		{in: "ZohoCRM..ALL", errOff: 8, errText: "empty segment"},
		{in: "ZohoCRM.modules.ALL.", errOff: 20, errText: "trailing"},
		{in: ".ZohoCRM.modules.ALL", errOff: 0, errText: "leading"},
		{in: "ZohoCRM.modules .ALL", errOff: 15, errText: "space"},
		{in: "ZohoCRM.modules.ALL\n", errOff: 19, errText: "space"},
		{in: "ZohoCRM.modules.leads/READ", errOff: 21, errText: "unexpected character '/'"},
		{in: "ZohoCRM.mödules.ALL", errOff: 9, errText: "unexpected character 'ö'"},
		{in: "ZohoCRM.modules.\xffALL", errOff: 16, errText: "invalid UTF-8"},
		{in: "ZohoCRM.modules.{module_API_name}.ALL", errOff: 16, errText: "template"},
		{in: "ZohoCRM.modules.<module>.READ", errOff: 16, errText: "template"},
		{in: "ZohoCRM.modules.%s.READ", errOff: 16, errText: "template"},
		{in: "ZohoCRM.modules.${MODULE}.READ", errOff: 16, errText: "template"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.errText == "" {
			if err != nil {
				t.Errorf("Parse(%q): %v", tt.in, err)
			} else if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse(%q) (-want +got):\n%s", tt.in, diff)
			}
			continue
		}
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Offset != tt.errOff || !strings.Contains(pe.Error(), tt.errText) {
			t.Errorf("Parse(%q) error = %v, want offset %d containing %q", tt.in, err, tt.errOff, tt.errText)
		}
		if strings.Contains(tt.errText, "template") != errors.Is(err, ErrTemplate) {
			t.Errorf("Parse(%q): errors.Is(ErrTemplate) = %v", tt.in, errors.Is(err, ErrTemplate))
		}
	}
}

func TestNearOperation(t *testing.T) {
	for s, want := range map[string]bool{
		"ALL": true, "all": true, "ALLL": true, "REED": true, "RAED": true, "CREAT": true,
		"WRITE": true, "Custom": true,
		"leads": false, "txt": false, "com": false, "go": false, "1": false, "api": false,
	} {
		if got := IsNearOperation(s); got != want {
			t.Errorf("IsNearOperation(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		d    int
	}{
		{"zohocmr", "zohocrm", 1}, {"leeds", "leads", 1}, {"alll", "all", 1},
		{"setting", "settings", 1}, {"", "abc", 3}, {"abc", "abc", 0}, {"kitten", "sitting", 3},
	} {
		if got := Distance(tt.a, tt.b, 5); got != tt.d {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
	if got := Distance("abcdef", "uvwxyz", 2); got != 3 {
		t.Errorf("bounded distance = %d, want limit+1", got)
	}
}

// FuzzParse checks that Parse never panics, that a parsed scope rebuilds its text from
// its segments and offsets, and that an error offset lies within the text.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"ZohoCRM.modules.leads.READ", "ZohoCRM.modules.ALLL", "ZohoCRM..READ", "attendance.READ",
		"ZohoCRM.modules.{module_API_name}.ALL", "ZohoCRM.modules. leads.READ", "\xff.\xfe.\x00",
		"ZOHOPEOPLE.forms.ALL", ".", "..", "a.b.c", "ZOHO0.0.0",
	} {
		f.Add(s)
	}
	c := Default()
	f.Fuzz(func(t *testing.T, s string) {
		sc, err := Parse(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q): error of type %T", s, err)
			}
			if pe.Offset < 0 || pe.Offset > len(s) {
				t.Fatalf("Parse(%q): offset %d outside text", s, pe.Offset)
			}
		} else {
			parts := append(append([]string{sc.Service}, sc.Path...), sc.Operation)
			if strings.Join(parts, ".") != s || len(sc.Offsets) != len(parts) {
				t.Fatalf("Parse(%q) = %+v does not rebuild the text", s, sc)
			}
			for i, off := range sc.Offsets {
				if !strings.HasPrefix(s[off:], parts[i]) {
					t.Fatalf("Parse(%q): offset %d of segment %q is wrong", s, off, parts[i])
				}
			}
			if !utf8.ValidString(s) {
				t.Fatalf("Parse accepted invalid UTF-8 %q", s)
			}
		}
		// Resolve must agree with Parse and never panic.
		res := c.Resolve(s, CRM)
		if err != nil && res.Problem != Malformed && res.Problem != Template {
			t.Fatalf("Resolve(%q) = %v but Parse failed: %v", s, res.Problem, err)
		}
		if res.Offset < 0 || res.Offset > len(s) {
			t.Fatalf("Resolve(%q): offset %d outside text", s, res.Offset)
		}
		for _, sug := range res.Suggestions {
			if len(res.Suggestions) == 1 && !c.Settles(sug, CRM) {
				t.Fatalf("Resolve(%q): single suggestion %q does not resolve: %v", s, sug, c.Resolve(sug, CRM).Problem)
			}
		}
	})
}

var benchScopes = []string{
	"ZohoCRM.modules.leads.READ", "zohocrm.modules.ALL", "ZOHOPEOPLE.forms.CREATE",
	"ZohoCRM.settings.fields.ALL", "ZohoCRM.send_mail.all.CREATE",
}

func BenchmarkLookupHit(b *testing.B) {
	c := Default()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, ok := c.Lookup(benchScopes[i%len(benchScopes)]); !ok {
			b.Fatal("miss")
		}
	}
}

func BenchmarkResolveHit(b *testing.B) {
	c := Default()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if c.Resolve(benchScopes[i%len(benchScopes)], CRM).Problem != OK {
			b.Fatal("not ok")
		}
	}
}

func BenchmarkResolveMiss(b *testing.B) {
	c := Default()
	b.ReportAllocs()
	for b.Loop() {
		c.Resolve("ZohoCMR.modules.leeds.REED", CRM)
	}
}

// TestLookupAllocs guards the no-allocation promise of the hit path; allocation counts,
// unlike timings, are deterministic.
func TestLookupAllocs(t *testing.T) {
	c := Default()
	if n := testing.AllocsPerRun(100, func() { c.Lookup("ZohoCRM.Modules.Leads.READ") }); n != 0 {
		t.Errorf("Lookup allocates %v times per call", n)
	}
	if n := testing.AllocsPerRun(100, func() { c.Resolve("ZohoCRM.modules.leads.READ", CRM) }); n != 0 {
		t.Errorf("Resolve hit allocates %v times per call", n)
	}
}

func TestCatalogFileChoices(t *testing.T) {
	for _, tt := range []struct{ body, want string }{
		{"service: X\ncompleteness: partly\nscopes: []\n", `completeness "partly": want complete or partial`},
		{"service: X\ncase: mixed\nscopes: []\n", `case "mixed": want canonical or any`},
		{"service: X\noperation_case: title\nscopes: []\n", `operation_case "title": want upper, lower or "upper or lower"`},
		{"service: X\nscopes:\n  - name: a\n    operations: [ALL]\n    grants: all\n", `grants "all": want service`},
	} {
		_, err := LoadBytes("x.yaml", []byte(tt.body))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.body, err, tt.want)
		}
	}
	c, err := LoadBytes("x.yaml", []byte("service: Xsvc\ncompleteness: partial\ncase: any\noperation_case: lower\nscopes:\n  - name: things\n    operations: [READ]\n"))
	if err != nil {
		t.Fatal(err)
	}
	svc, _ := c.Service("Xsvc")
	e, ok := c.Lookup("Xsvc.things.READ")
	if !svc.Partial || !svc.AnyCase || !svc.LowerOperations || !ok || e.Scope != "Xsvc.things.read" {
		t.Errorf("service %+v, entry %v %v", svc, e, ok)
	}
}
