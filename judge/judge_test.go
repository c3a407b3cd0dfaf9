package judge

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/suppress"
)

// file is a one-file front end: positions are byte offsets of src, which holds one scope
// set per line, comma-joined, with optional "# zscopelint:" directives.
type file struct {
	name string
	src  string
}

func (f file) line(p Pos) (string, int) { return f.name, 1 + strings.Count(f.src[:p], "\n") }

func (f file) source() Source {
	return Source{Line: f.line, Bytes: func(name string) []byte {
		if name != f.name {
			return nil
		}
		return []byte(f.src)
	}}
}

// yield makes a set of each line's comma-joined scopes: every element replaceable and
// removable with the comma after it, the first one a whole list element that may expand.
func (f file) yield() Yield {
	var y Yield
	off := 0
	for _, line := range strings.SplitAfter(f.src, "\n") {
		body, _, _ := strings.Cut(strings.TrimSuffix(line, "\n"), " #")
		if body != "" && !strings.HasPrefix(body, "#") {
			set := Set{Set: rules.Set{File: f.name}}
			at := off
			for i, text := range strings.Split(body, ",") {
				sp := Span{Pos(at), Pos(at + len(text))}
				el := Element{Item: rules.Item{Text: text}, At: sp, Replace: &sp, Remove: &Span{sp.Start, sp.End + 1}}
				if i == 0 {
					el.ListSeparator = `", "`
				}
				set.Add(el)
				at += len(text) + 1
			}
			y.Sets = append(y.Sets, set)
		}
		off += len(line)
	}
	known := func(id string) bool { _, ok := rules.CheckByID(id); return ok }
	starts := []int{0}
	for i, c := range f.src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	y.Directives = []Directives{{File: f.name, Set: suppress.ScanText([]byte(f.src), known),
		At: func(line, col int) Pos { return Pos(starts[line-1] + col - 1) }}}
	return y
}

// brief renders findings as "line:ID[ edit][ withheld]".
func brief(f file, fs []Finding) []string {
	var out []string
	for _, x := range fs {
		_, line := f.line(x.At.Start)
		s := fmt.Sprintf("%d:%s", line, x.Check.ID)
		if x.Edit != nil {
			s += fmt.Sprintf(" [%d,%d)=%q", x.Edit.At.Start, x.Edit.At.End, x.Edit.New)
		}
		if x.Withheld != "" {
			s += " withheld"
		}
		out = append(out, s)
	}
	return out
}

func TestJudge(t *testing.T) {
	token := "1000." + strings.Repeat("8f3a", 8) + "." + strings.Repeat("c1d9", 8)
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"replace a typo", "ZohoCRM.modules.leads.RAED\n", []string{`1:ZS104 [0,26)="ZohoCRM.modules.leads.READ"`}},
		{"remove a duplicate", "ZohoCRM.users.READ,ZohoCRM.users.READ\n", []string{`1:ZS202 [19,38)=""`}},
		{"suppressed with a reason", "ZohoCRM.modules.leads.RAED # zscopelint:ignore ZS104 the test fixture\n", nil},
		{"directive that suppresses nothing", "ZohoCRM.users.READ # zscopelint:ignore ZS104 stale\n", []string{"1:ZS002"}},
		{"directive without a reason", "ZohoCRM.modules.leads.RAED # zscopelint:ignore ZS104\n", []string{`1:ZS104 [0,26)="ZohoCRM.modules.leads.READ"`, "1:ZS002"}},
		{"file with a credential withholds fixes", "ZohoCRM.modules.leads.RAED\n# " + token + "\n", []string{"1:ZS104 withheld"}},
	}
	eng := &rules.Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := file{"conf.txt", tt.src}
			got, _ := Judge(eng, f.yield(), f.source())
			if diff := cmp.Diff(tt.want, brief(f, got)); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestElementEdit(t *testing.T) {
	at := Span{10, 20}
	tests := []struct {
		name string
		el   Element
		fix  *rules.Fix
		want *Edit
	}{
		{"no fix", Element{Replace: &at}, nil, nil},
		{"replace", Element{Replace: &at}, &rules.Fix{Replacement: "b"}, &Edit{at, "b"}},
		{"not replaceable", Element{}, &rules.Fix{Replacement: "b"}, nil},
		{"remove", Element{Remove: &Span{9, 20}}, &rules.Fix{Remove: true}, &Edit{Span{9, 20}, ""}},
		{"not removable", Element{Replace: &at}, &rules.Fix{Remove: true}, nil},
		{"expand in a list", Element{Replace: &at, ListSeparator: `", "`}, &rules.Fix{Replacement: "a,b", Expand: []string{"a", "b"}}, &Edit{at, `a", "b`}},
		{"expand in a string", Element{Replace: &at}, &rules.Fix{Replacement: "a,b", Expand: []string{"a", "b"}}, &Edit{at, "a,b"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, tt.el.edit(tt.fix)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestTextsBlocksAndWhy(t *testing.T) {
	token := "1000." + strings.Repeat("8f3a", 8) + "." + strings.Repeat("c1d9", 8)
	src := "token: " + token + "\n"
	f := file{"conf.txt", src}
	eng := &rules.Engine{Catalog: catalog.Default(), Product: catalog.CRM,
		Evidence: &rules.Evidence{Calls: []rules.Call{mustCall(t, "GET", "https://www.zohoapis.com/crm/v8/Leads")}}}
	y := Yield{
		Texts: []Text{
			{Text: rules.Text{Value: token, Key: "token", File: f.name}, Locate: func(s, e int) (Span, bool) { return Span{Pos(7 + s), Pos(7 + e)}, true }},
			// The same bytes, reported elsewhere (a named constant's declaration): no finding.
			{Text: rules.Text{Value: token, Key: "token", File: f.name}, Locate: func(int, int) (Span, bool) { return Span{}, false }},
		},
		Blocks: []Block{{CredentialBlock: rules.CredentialBlock{File: f.name, Key: "token",
			Hosts: []string{"www.zohoapis.com", "sandbox.zohoapis.com"}}, At: Span{0, 5}}},
		Sets: []Set{{Set: rules.Set{File: f.name}}}, // empty: skipped
	}
	set := Set{Set: rules.Set{File: f.name}}
	set.Add(Element{Item: rules.Item{Text: "ZohoCRM.modules.ALL"}, At: Span{0, 5}})
	y.Sets = append(y.Sets, set)
	got, why := Judge(eng, y, f.source())
	want := []string{"1:ZS201", "1:ZS301", "1:ZS303"}
	if diff := cmp.Diff(want, brief(f, got)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if len(why) != 1 || why[0].At != 0 || len(why[0].Calls) != 1 || why[0].Scopes[0] != "ZohoCRM.modules.ALL" {
		t.Errorf("why = %+v, want the one set with its one call", why)
	}
}

func mustCall(t *testing.T, method, url string) rules.Call {
	t.Helper()
	eng := &rules.Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	c, ok := eng.NewCall(method, url, "main.go:1")
	if !ok {
		t.Fatalf("%s %s is no Zoho call", method, url)
	}
	return c
}
