package scopetext

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// render shows sets compactly: [a|b] per set, * for scope position, h for a header line.
func render(raw string, sets []Set) string {
	var b strings.Builder
	for _, s := range sets {
		b.WriteString("[")
		for i, sp := range s.Spans {
			if i > 0 {
				b.WriteString("|")
			}
			b.WriteString(sp.Text)
			if raw[sp.Start:sp.End] != sp.Text {
				b.WriteString("~" + raw[sp.Start:sp.End])
			}
		}
		b.WriteString("]")
		if s.ScopePosition {
			b.WriteString("*")
		}
		if s.Header {
			b.WriteString("h")
		}
	}
	return b.String()
}

func TestSplit(t *testing.T) {
	tests := []struct {
		in       string
		scopePos bool
		want     string
	}{
		{in: "ZohoCRM.modules.ALL", want: "[ZohoCRM.modules.ALL]"},
		{in: "ZohoCRM.modules.ALL,ZohoCRM.users.READ", want: "[ZohoCRM.modules.ALL|ZohoCRM.users.READ]"},
		{in: "ZohoCRM.modules.ALL, ZohoCRM.users.READ ,", want: "[ZohoCRM.modules.ALL|ZohoCRM.users.READ]"},
		{in: "ZOHOPEOPLE.forms.READ attendance.READ", want: "[ZOHOPEOPLE.forms.READ|attendance.READ]"},
		{in: "openid,ZohoCRM.users.READ", want: "[openid|ZohoCRM.users.READ]"},
		{in: "Grant ZohoCRM.modules.ALL to the app.", want: "[ZohoCRM.modules.ALL]"},
		{in: "It needs ZohoCRM.modules.ALL.", want: "[ZohoCRM.modules.ALL]"},
		{in: "use ZohoCRM.modules.ALL,attendance.READ please", want: "[ZohoCRM.modules.ALL|attendance.READ]"},
		{in: "scope=ZohoCRM.modules.leads.READ(Read-only permission)", want: "[ZohoCRM.modules.leads.READ]*"},
		{in: "https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.modules.ALL,ZohoCRM.users.READ&client_id=x",
			want: "[accounts.zoho.com][ZohoCRM.modules.ALL|ZohoCRM.users.READ]*"},
		{in: "https://accounts.zoho.com/oauth/v2/auth?client_id=x&scope=ZohoCRM.modules.ALL%2CZohoCRM.users.READ",
			want: "[accounts.zoho.com][ZohoCRM.modules.ALL|ZohoCRM.users.READ]*"},
		{in: "/auth?scope=ZohoCRM.modules.ALL+ZohoCRM.users.READ%20ZOHOPEOPLE.forms.ALL",
			want: "[ZohoCRM.modules.ALL|ZohoCRM.users.READ|ZOHOPEOPLE.forms.ALL]*"},
		{in: "/auth?scope=ZohoCRM.modules%2EALL", want: "[ZohoCRM.modules.ALL~ZohoCRM.modules%2EALL]*"},
		{in: "?myscope=ZohoCRM.modules.ALL", want: "[ZohoCRM.modules.ALL]"},
		{in: "com.zoho.crm.api.util", want: "[com.zoho.crm.api.util]"},
		{in: "hello world", want: ""},
		{in: "", want: ""},
		{in: "ZohoCRM.modules.ALL", scopePos: true, want: "[ZohoCRM.modules.ALL]*"},
		{in: "a\nZohoCRM.modules.ALL\n  ZohoCRM.users.READ\n", want: "[ZohoCRM.modules.ALL][ZohoCRM.users.READ]"},
		{in: "ZohoCRM.modules.ALL\n  ZohoCRM.users.READ\n", want: "[ZohoCRM.modules.ALL|ZohoCRM.users.READ]"},
		// An HTTP header line named like scope is a set in scope position; another header's
		// value, or a header line whose value is no list, is read as text.
		{in: "scope: ZohoCRM.modules.ALL,ZohoCRM.users.READ", want: "[ZohoCRM.modules.ALL|ZohoCRM.users.READ]*h"},
		{in: "Scope:ZohoCRM.modules.ALL\r\n", want: "[ZohoCRM.modules.ALL]*h"},
		{in: "X-Zoho-Scopes: ZohoCRM.modules.ALL ZohoCRM.users.READ", want: "[ZohoCRM.modules.ALL|ZohoCRM.users.READ]*h"},
		{in: "note: ZohoCRM.modules.ALL,ZohoCRM.users.READ", want: "[ZohoCRM.modules.ALL|ZohoCRM.users.READ]"},
		{in: "scope: see ZohoCRM.modules.ALL", want: "[ZohoCRM.modules.ALL]"},
	}
	for _, tt := range tests {
		got := render(tt.in, Split(tt.in, tt.scopePos))
		if got != tt.want {
			t.Errorf("Split(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestRemovalRange(t *testing.T) {
	raw := "A.b.ALL, A.c.READ,A.d.READ"
	set := Split(raw, false)[0]
	var got []string
	for i := range set.Spans {
		s, e := set.RemovalRange(i)
		got = append(got, raw[:s]+raw[e:])
	}
	want := []string{"A.c.READ,A.d.READ", "A.b.ALL,A.d.READ", "A.b.ALL, A.c.READ"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("removals (-want +got):\n%s", diff)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"ZohoCRM.modules.ALL,ZohoCRM.users.READ", "x?scope=a.b.c%2Cd.e.f+g.h.i&y=1",
		"scope=%zz", "scope=%2", "Grant ZohoCRM.modules.ALL.", ",,,", "scope=scope=scope=",
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, raw string, scopePos bool) {
		for _, set := range Split(raw, scopePos) {
			prevEnd := -1
			for i, sp := range set.Spans {
				if sp.Start < 0 || sp.End > len(raw) || sp.Start >= sp.End || sp.Start < prevEnd {
					t.Fatalf("Split(%q): bad span %+v", raw, sp)
				}
				if !set.URL && raw[sp.Start:sp.End] != sp.Text {
					t.Fatalf("Split(%q): span %+v does not match its bytes", raw, sp)
				}
				if sp.Text == "" {
					t.Fatalf("Split(%q): empty element", raw)
				}
				s, e := set.RemovalRange(i)
				if s < 0 || e > len(raw) || s > e {
					t.Fatalf("Split(%q): bad removal range %d,%d", raw, s, e)
				}
				prevEnd = sp.End
			}
		}
	})
}

// TestSpaceJoinedShapes: the shapes in which real code joins scopes with spaces mark the
// elements after a space (shown here joined by " ", commas by ","): '+', %20 and a literal
// space in a scope= parameter, and %20 in a list encoded by hand.
func TestSpaceJoinedShapes(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"ZohoCRM.modules.leads.READ%20ZohoCRM.users.READ", "[ZohoCRM.modules.leads.READ ZohoCRM.users.READ]"},
		{"ZohoCRM.modules.leads.READ%2CZohoCRM.users.READ", "[ZohoCRM.modules.leads.READ,ZohoCRM.users.READ]"},
		// A brace group's commas separate alternatives of one template, not elements.
		{"(ZohoCRM.settings.<name>.{READ,CREATE,UPDATE,DELETE})", "[ZohoCRM.settings.<name>.{READ,CREATE,UPDATE,DELETE}]"},
		{"ZohoCRM.settings.{a,b}.READ,ZohoCRM.users.READ", "[ZohoCRM.settings.{a,b}.READ,ZohoCRM.users.READ]"},
		{"ZohoCRM.modules.leads.READ,ZohoCRM.users.READ", "[ZohoCRM.modules.leads.READ,ZohoCRM.users.READ]"},
		{"/auth?scope=ZohoCRM.modules.leads.READ+ZohoCRM.users.READ&x=1", "[ZohoCRM.modules.leads.READ ZohoCRM.users.READ]"},
		{"/auth?scope=ZohoCRM.modules.leads.READ%20ZohoCRM.users.READ", "[ZohoCRM.modules.leads.READ ZohoCRM.users.READ]"},
		{"/auth?scope=ZohoCRM.modules.leads.READ,ZohoCRM.users.READ", "[ZohoCRM.modules.leads.READ,ZohoCRM.users.READ]"},
		// A literal space ends a URL, not the list written in its scope= parameter.
		{"https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.modules.ALL ZohoCRM.users.READ&client_id=x",
			"[accounts.zoho.com][ZohoCRM.modules.ALL ZohoCRM.users.READ]"},
		// A word without a dot after the space is the sentence going on.
		{"use scope=ZohoCRM.modules.ALL in the console", "[ZohoCRM.modules.ALL]"},
	} {
		var b strings.Builder
		for _, s := range Split(tt.in, false) {
			b.WriteString("[")
			for i, sp := range s.Spans {
				switch {
				case i == 0:
				case sp.SpaceJoined:
					b.WriteString(" ")
				default:
					b.WriteString(",")
				}
				b.WriteString(sp.Text)
			}
			b.WriteString("]")
		}
		if got := b.String(); got != tt.want {
			t.Errorf("Split(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestScopeName: a name says it holds scopes when it ends in scope or scopes, in any case,
// over strings and bytes alike.
func TestScopeName(t *testing.T) {
	for name, want := range map[string]bool{
		"scope": true, "scopes": true, "SCOPES": true, "oauthScopes": true, "ZOHO_SCOPE": true, "zoho.scope": true,
		"": false, "s": false, "cope": false, "scopess": false, "scoped": false, "Scope_": false, "SCOPE\x00": false,
		"microscope": true, "ſcope": false, "scopeſ": false, "ŞCOPE": false,
	} {
		if got := ScopeName(name); got != want {
			t.Errorf("ScopeName(%q) = %v, want %v", name, got, want)
		}
		if got := ScopeNameIn([]byte(name)); got != want {
			t.Errorf("ScopeNameIn(%q) = %v, want %v", name, got, want)
		}
	}
}
