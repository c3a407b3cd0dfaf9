package rules

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/internal/redact"
)

func TestWithholdReason(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want string // in the reason; "" for none
	}{
		{"scope: ZohoCRM.users.REED\n", ""},
		{"a: b\n# " + token + "\nscope: ZohoCRM.users.REED\n", "the file holds a credential (line 2)"},
		{"client_secret: " + secret + "\n", "the file holds a credential (line 1)"},
		{"token: 1000.xxxx.yyyy\n", ""}, // a placeholder
	} {
		got := WithholdReason([]byte(tt.src))
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("WithholdReason(%q) = %q, want %q", tt.src, got, tt.want)
		}
		if strings.Contains(got, token) || strings.Contains(got, secret) {
			t.Errorf("the reason quotes the credential: %q", got)
		}
	}
}

func TestCredentialTexts(t *testing.T) {
	data := []byte("// note " + token + "\nclient_secret = \"" + secret + "\"\nx" + token + "y\n")
	var got []string
	for _, c := range CredentialTexts(data, redact.Find(data, true)) {
		if string(data[c.Start:c.Start+len(c.Value)]) != c.Value {
			t.Errorf("%q is not at byte %d", c.Value, c.Start)
		}
		got = append(got, c.Key+"="+redact.Short(c.Value))
	}
	// The token glued to letters is no token of the strict scan.
	want := []string{"=" + redact.Short(token), "client_secret=" + redact.Short(secret)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCredentialKeys(t *testing.T) {
	for key, want := range map[string]bool{
		"refresh_token": true, "ZOHO_REFRESH_TOKEN": true, "accessToken": true, "grant_token": true,
		"oauthToken": true, "zoho.authtoken": true, "token_url": false, "": false, "scope": false,
	} {
		if got := IsCredentialKey(key); got != want {
			t.Errorf("IsCredentialKey(%q) = %v", key, got)
		}
	}
}

// TestSpaceJoined is the set part of ZS302: Zoho documents commas between scopes. Whether
// its server also reads spaces is unproven, so it is a warning that says what Zoho
// documents, not that the request fails.
func TestSpaceJoined(t *testing.T) {
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	s := Set{Items: []Item{{Text: "ZohoCRM.users.READ"}, {Text: "ZohoCRM.org.READ", SpaceJoined: true},
		{Text: "ZohoCRM.modules.leads.READ", SpaceJoined: true}}, ScopePosition: true}
	fs := e.Check(s)
	if len(fs) != 1 || fs[0].Check.ID != "ZS302" || fs[0].Item != 0 || fs[0].Severity != Warning ||
		!strings.Contains(fs[0].Message, "Zoho documents commas") || strings.Contains(fs[0].Message, "one scope") ||
		!strings.Contains(fs[0].Message, "write ZohoCRM.users.READ,ZohoCRM.org.READ,ZohoCRM.modules.leads.READ") {
		t.Errorf("space-joined scopes: %v", fs)
	}
	// OpenID Connect scopes alone are joined by spaces in the OAuth standard.
	oidc := Set{Items: []Item{{Text: "openid"}, {Text: "email", SpaceJoined: true}}, ScopePosition: true}
	if fs := e.Check(oidc); len(fs) != 0 {
		t.Errorf("OpenID Connect scopes: %v", fs)
	}
}

func TestSeverityText(t *testing.T) {
	for _, s := range []Severity{Info, Warning, Error} {
		b, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Severity
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("%v: round trip gives %v, %v", s, back, err)
		}
	}
	var s Severity
	if err := s.UnmarshalText([]byte("loud")); err == nil {
		t.Error("no error for an unknown severity")
	}
}

// TestExplain: every check's -explain text has each part its documentation promises.
func TestExplain(t *testing.T) {
	for _, c := range Checks() {
		text := c.Explain()
		for _, part := range []string{c.ID + " " + c.Name, "What: ", "Why: ", "Bad: ", "Good: ", "Fix: ", "zscopelint:ignore"} {
			if !strings.Contains(text, part) {
				t.Errorf("%s: -explain lacks %q", c.ID, part)
			}
		}
		if c.What == "" || c.Why == "" || c.Fix == "" {
			t.Errorf("%s: empty documentation", c.ID)
		}
	}
}

func TestCallNeeds(t *testing.T) {
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	c, ok := e.NewCall("POST", crmAPI+"Contacts", "a.go:1")
	if !ok {
		t.Fatal("no call")
	}
	if got := c.Needs(); !strings.Contains(got, "ZohoCRM.modules.contacts.CREATE") {
		t.Errorf("Needs = %q", got)
	}
	e.Evidence = &Evidence{Calls: []Call{c}}
	why := e.Why(set("ZohoCRM.modules.contacts.CREATE", "ZOHOPEOPLE.forms.READ"))
	if len(why) != 1 || why[0].Where != "a.go:1" {
		t.Errorf("Why = %v", why)
	}
}
