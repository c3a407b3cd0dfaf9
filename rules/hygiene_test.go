package rules

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zscopelint/zscopelint/catalog"
)

const (
	token  = "1000.3f2a9c1d7e6b5a4f8e9d0c1b2a3f4e5d.9c1d7e6b5a4f3f2a8e9d0c1b2a3f4e5d"
	secret = "a81b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c"
)

func hyg(t *testing.T, txt Text) []string {
	t.Helper()
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	var out []string
	for _, f := range e.CheckText(txt) {
		out = append(out, f.Check.ID+" "+txt.Value[f.Start:f.End]+" | "+f.Message)
		if strings.Contains(f.Message, token) || strings.Contains(f.Message, secret) || strings.Contains(f.Scope, token) || strings.Contains(f.Scope, secret) {
			t.Errorf("a secret is printed in full: %+v", f)
		}
	}
	return out
}

func TestCredentials(t *testing.T) {
	tests := []struct {
		txt  Text
		want int // ZS301 findings
		in   string
	}{
		{Text{Value: token}, 1, "Zoho OAuth token 1000.3f2a… (70 characters) is written in the source"},
		{Text{Value: "Authorization: Zoho-oauthtoken " + token}, 1, ""},
		{Text{Value: token, ClientSide: true}, 1, "client-side code"},
		{Text{Value: secret, Key: "client_secret"}, 1, "client secret a81… (42 characters)"},
		{Text{Value: secret, Key: "ZOHO_CLIENT_SECRET"}, 1, ""},
		{Text{Value: secret, Key: "description"}, 0, ""},
		// Quiet: client IDs are public, placeholders and fakes are not secrets.
		{Text{Value: "1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123", Key: "client_id"}, 0, ""},
		{Text{Value: "1000." + strings.Repeat("a", 32) + "." + strings.Repeat("b", 32)}, 0, ""},
		{Text{Value: "1000.xxxxxxxx.yyyyyyyy"}, 0, ""},
		{Text{Value: "{client_secret}", Key: "client_secret"}, 0, ""},
		{Text{Value: "${ZOHO_CLIENT_SECRET}", Key: "client_secret"}, 0, ""},
		{Text{Value: strings.Repeat("ab", 20), Key: "client_secret"}, 0, ""},
		{Text{Value: "x" + token}, 0, ""}, // part of a longer word
	}
	for _, tt := range tests {
		got := hyg(t, tt.txt)
		if len(got) != tt.want || tt.in != "" && !strings.Contains(strings.Join(got, "\n"), tt.in) {
			t.Errorf("%+v:\n%s", tt.txt, strings.Join(got, "\n"))
		}
	}
}

func TestAuthRequests(t *testing.T) {
	good := "https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.modules.leads.READ,ZohoCRM.users.READ&client_id=1000.ABC&response_type=code&access_type=offline&redirect_uri=https://app.example.com/cb"
	tests := []struct {
		value string
		want  []string // problems, in order
		py    bool
	}{
		{good, nil, false},
		{strings.Replace(good, "&client_id=1000.ABC", "", 1), []string{"missing client_id"}, false},
		{strings.Replace(good, "response_type=code", "response_type=token", 1), []string{"response_type=token"}, false},
		{strings.Replace(good, "&response_type=code", "", 1), []string{"missing response_type"}, false},
		{strings.Replace(good, "offline", "both", 1), []string{"access_type=both (want offline or online)"}, false},
		// Spaces between scopes are the scope set's warning (spaceJoined), not the URL's error.
		{strings.Replace(good, ",ZohoCRM.users", "+ZohoCRM.users", 1), nil, false},
		{strings.Replace(good, ",ZohoCRM.users", "%20ZohoCRM.users", 1), nil, false},
		{strings.Replace(good, "https://", "http://", 1), []string{"http://"}, false},
		{strings.Replace(good, "accounts.zoho.com", "accounts.zoho.de", 1), []string{"unknown accounts server accounts.zoho.de"}, false},
		{strings.Replace(good, "1000.ABC", "{client_id}", 1), []string{"unfilled placeholder {client_id}"}, false},
		{"{{Accounts-URL}}/clientoauth/v2/{PORTAL_ID}/auth?scope=ZohoCRM.modules.ALL&client_id={client_id}&response_type=code&access_type={access_type}&redirect_uri={redirect_uri}",
			[]string{`unfilled placeholder {PORTAL_ID}, {access_type}, {client_id}, {redirect_uri}, {{Accounts-URL}}`}, false},
		{"https://accounts.zoho.eu/oauth/v2/auth?scope=ZOHOPEOPLE.forms.ALL&state=x", []string{"missing client_id", "missing response_type", "missing redirect_uri"}, false},
		// Endpoints that an OAuth library completes (x/oauth2's Endpoint.AuthURL, Auth.js's
		// authorization option): at most access_type, prompt and scope.
		{"https://accounts.zoho.eu/oauth/v2/auth?scope=ZOHOPEOPLE.forms.ALL", nil, false},
		{"https://accounts.zoho.com/oauth/v2/auth?access_type=offline&prompt=consent", nil, false},
		{"https://accounts.zoho.com/oauth/v2/auth?access_type=sometimes", []string{"access_type=sometimes"}, false},
		// A template fills the rest of the query.
		{"https://accounts.zoho.com/oauth/v2/auth?client_id=${id}&${query}", nil, false},
		{"https://accounts.zoho.com/oauth/v2/auth?response_type=code&client_id=${id}&redirect_uri=${uri}&scope=${scope}", nil, false},
		// A hole glued to a value may add parameters ("...=code" + extra); one that is the
		// value does not.
		{"https://accounts.zoho.com/oauth/v2/auth?response_type=code${expr}", nil, false},
		{"https://accounts.zoho.com/oauth/v2/auth?response_type=code&scope=ZohoCRM.users.READ&client_id=${expr}", []string{"missing redirect_uri"}, false},
		// Quiet: filled at run time, or built at run time.
		{strings.Replace(good, "1000.ABC", "%s", 1), nil, false},
		{strings.Replace(good, "1000.ABC", "${clientId}", 1), nil, false},
		{strings.Replace(good, "1000.ABC", "{{.ClientID}}", 1), nil, false},
		{strings.Replace(good, "1000.ABC", "{client_id}", 1), nil, true},
		{"https://accounts.zoho.com/oauth/v2/auth?", nil, false},
		{"https://accounts.zoho.com/oauth/v2/auth?response_type=code&client_id=", nil, false},
		{"/oauth/v2/auth", nil, false},
		{"https://accounts.zoho.com/oauth/v2/token?grant_type=refresh_token", nil, false},
		{"https://login.example.com/oauth/v2/auth?x=1", nil, false},
		{"://oauth/v2/auth Zoho", nil, false}, // found by FuzzLexical: the scheme's slashes are the path's
		{"x:/oauth/v2/auth?client_id=1", []string{"missing response_type"}, false},
		// A framework fills the data centre's domain of the accounts host (activepieces).
		{"https://accounts.{location}/oauth/v2/auth", nil, false},
		{"https://accounts.{location}/oauth/v2/auth?scope=ZohoCRM.users.READ&client_id={client_id}&response_type=code&redirect_uri=https://a.example.com/cb",
			[]string{"unfilled placeholder {client_id} ("}, false},
	}
	for _, tt := range tests {
		got := hyg(t, Text{Value: tt.value, RuntimeBraces: tt.py})
		if len(tt.want) == 0 {
			if len(got) != 0 {
				t.Errorf("%s:\n%s", tt.value, strings.Join(got, "\n"))
			}
			continue
		}
		if len(got) != 1 {
			t.Errorf("%s: %d findings\n%s", tt.value, len(got), strings.Join(got, "\n"))
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(got[0], w) {
				t.Errorf("%s: want %q in %s", tt.value, w, got[0])
			}
		}
	}
}

func TestCheckBlock(t *testing.T) {
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	for _, tt := range []struct {
		hosts []string
		want  string
	}{
		{[]string{"www.zohoapis.com"}, ""},
		{[]string{"www.zohoapis.com", "content.zohoapis.com", "accounts.zoho.com"}, ""},
		{[]string{"www.zohoapis.com", "sandbox.zohoapis.com"}, "environments production, sandbox"},
		{[]string{"www.zohoapis.com", "www.zohoapis.eu"}, "data centres EU, US"},
		{[]string{"developer.zohoapis.in", "accounts.zoho.com"}, "data centres IN, US"},
	} {
		fs := e.CheckBlock(CredentialBlock{Key: "refresh_token", Hosts: tt.hosts})
		var got string
		if len(fs) == 1 {
			got = fs[0].Message
		}
		if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
			t.Errorf("%v: %q", tt.hosts, got)
		}
	}
	if diff := cmp.Diff([]string{"www.zohoapis.com", "sandbox.zohoapis.eu", "accounts.zoho.com"},
		ZohoHosts("https://www.zohoapis.com/crm/v8 and sandbox.zohoapis.eu, https://accounts.zoho.com/oauth")); diff != "" {
		t.Errorf("ZohoHosts: %s", diff)
	}
}

func FuzzCheckText(f *testing.F) {
	f.Add("https://accounts.zoho.com/oauth/v2/auth?scope=a,b&client_id={x}&access_type=z", "")
	f.Add(token+" "+secret, "client_secret")
	f.Add("{{{{}}}}<<>>/clientoauth/v2//auth?%zz", "")
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	f.Fuzz(func(t *testing.T, value, key string) {
		for _, fd := range e.CheckText(Text{Value: value, Key: key}) {
			if fd.Start < 0 || fd.End > len(value) || fd.Start > fd.End {
				t.Fatalf("span %d..%d of %d bytes", fd.Start, fd.End, len(value))
			}
			if fd.Check.ID == "ZS301" && strings.Contains(fd.Message, value[fd.Start:fd.End]) {
				t.Fatalf("secret printed: %s", fd.Message)
			}
		}
	})
}
