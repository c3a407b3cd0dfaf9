package rules

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/policy"
)

const crmAPI = "https://www.zohoapis.com/crm/v8/"

// calls makes the evidence of "METHOD path" pairs, path under crmAPI.
func calls(t *testing.T, e *Engine, reqs ...string) *Evidence {
	t.Helper()
	ev := &Evidence{}
	for i, r := range reqs {
		method, path, _ := strings.Cut(r, " ")
		c, ok := e.NewCall(method, crmAPI+path, "client.go:"+itoa(i+1))
		if !ok {
			t.Fatalf("%s is no Zoho API call the catalog knows", r)
		}
		ev.Calls = append(ev.Calls, c)
	}
	return ev
}

func itoa(i int) string { return string(rune('0' + i)) }

// TestLeastPrivilege judges sets against the program's calls: the exact narrower grant
// for a broad scope (ZS201, with its fix), scopes no call needs (ZS203), scopes a call
// needs that the set lacks (ZS204), and nothing of these without evidence, for a set that
// declares scopes, or for a scope named in prose.
func TestLeastPrivilege(t *testing.T) {
	tests := []struct {
		name  string
		set   Set
		calls []string
		want  []string
	}{
		{"exact grant", set("ZohoCRM.modules.leads.READ"), []string{"GET Leads"}, nil},
		{"broad, with its exact replacement", set("ZohoCRM.modules.ALL"), []string{"GET Leads", "POST Contacts"},
			[]string{"0:ZS201:warning:ZohoCRM.modules.leads.READ,ZohoCRM.modules.contacts.CREATE"}},
		{"unused", set("ZohoCRM.modules.leads.READ", "ZohoCRM.users.READ"), []string{"GET Leads"},
			[]string{"1:ZS203:warning:remove"}},
		{"missing", set("ZohoCRM.modules.leads.READ"), []string{"GET Leads", "GET users"},
			[]string{"0:ZS204:error"}},
		{"no evidence: the family rule", set("ZohoCRM.modules.ALL"), nil, []string{"0:ZS201:warning"}},
		{"declares", Set{Items: []Item{{Text: "ZohoCRM.modules.ALL"}, {Text: "ZohoCRM.users.READ"}}, Declares: true},
			[]string{"GET Leads"}, nil},
		{"prose", Set{Items: []Item{{Text: "ZohoCRM.users.READ"}}, Prose: true}, []string{"GET Leads"}, nil},
		// Documentation code is a grant of no program of the run: the family rule, no calls.
		{"example: broad", Set{Items: []Item{{Text: "ZohoCRM.modules.ALL"}}, Example: true}, []string{"GET Leads"},
			[]string{"0:ZS201:warning"}},
		{"example: no unused or missing", Set{Items: []Item{{Text: "ZohoCRM.users.READ"}}, Example: true}, []string{"GET Leads"}, nil},
		{"other service only: not judged", set("ZOHOPEOPLE.forms.READ"), []string{"GET Leads"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
			if tt.calls != nil {
				e.Evidence = calls(t, e, tt.calls...)
			}
			fs := e.Check(tt.set)
			var got []string
			for i, b := range brief(fs) {
				if f := fs[i]; f.Fix != nil && len(f.Fix.Expand) > 0 {
					b = b[:strings.LastIndex(b, ":")+1] + strings.Join(f.Fix.Expand, ",")
				}
				got = append(got, b)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s\n%v", diff, fs)
			}
		})
	}
}

// TestLeastPrivilegeMessages pins what the evidence findings say: the calls, by place.
func TestLeastPrivilegeMessages(t *testing.T) {
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	e.Evidence = calls(t, e, "GET Leads")
	fs := e.Check(set("ZohoCRM.modules.ALL", "ZohoCRM.users.READ", "ZohoCRM.org.READ"))
	var got []string
	for _, f := range fs {
		got = append(got, f.Check.ID+": "+f.Message)
	}
	want := []string{
		"ZS201: ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.leads.READ",
		"ZS203: ZohoCRM.users.READ is not needed by any of the 1 ZohoCRM calls found (GET https://www.zohoapis.com/crm/v8/Leads at client.go:1)",
		"ZS203: ZohoCRM.org.READ is not needed by any of the 1 ZohoCRM calls found (GET https://www.zohoapis.com/crm/v8/Leads at client.go:1)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	e.Evidence = calls(t, e, "GET Leads", "GET users")
	fs = e.Check(set("ZohoCRM.modules.leads.READ"))
	if len(fs) != 1 || !strings.HasPrefix(fs[0].Message, "missing scope ZohoCRM.users.READ, needed by GET https://www.zohoapis.com/crm/v8/users at client.go:2") {
		t.Errorf("ZS204: %v", fs)
	}
}

// TestUnresolvedCalls: a call whose path is not known before run time needs some scope of
// its family; it keeps ZS203 quiet for that service, and ZS201 offers no exact set.
func TestUnresolvedCalls(t *testing.T) {
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	c, ok := e.NewCall("GET", crmAPI+catalog.Unknown, "client.go:1")
	if !ok {
		t.Fatal("an unresolved CRM call is no call")
	}
	if c.Req.Exact() {
		t.Fatal("an unresolved call claims an exact requirement")
	}
	e.Evidence = &Evidence{Calls: []Call{c}}
	for _, f := range e.Check(set("ZohoCRM.modules.ALL", "ZohoCRM.users.READ")) {
		if f.Check.ID == "ZS203" || f.Check.ID == "ZS201" && f.Fix != nil {
			t.Errorf("claimed on an unresolved call: %s %s", f.Check.ID, f.Message)
		}
	}
	if got := c.Display(); !strings.Contains(got, "{…}") {
		t.Errorf("Display = %q", got)
	}
	if _, ok := e.NewCall("GET", "https://example.com/api/v1/things", "x.go:1"); ok {
		t.Error("a non-Zoho URL is a call")
	}
}

// TestPolicyRules: the allow list accepts a broad scope (ZS201 off for it), the deny
// list and the services allowlist report ZS205, and severities and -checks apply.
func TestPolicyRules(t *testing.T) {
	pol, err := policy.Parse("/repo/.zscopelint.yaml", []byte(`
allow:
  - scope: ZohoCRM.settings.ALL
    reason: the setup wizard
deny:
  - scope: ZohoCRM.modules.*
    reason: no module access from this service
    paths: [cmd/**]
services: [ZohoCRM]
severity:
  ZS106: error
  ZS202: off
`), checkIDs())
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM, Policy: pol}
	tests := []struct {
		file string
		set  Set
		want []string
	}{
		{"/repo/app.yaml", set("ZohoCRM.settings.ALL"), nil},
		{"/repo/cmd/a/main.go", set("ZohoCRM.modules.leads.READ"), []string{"0:ZS205:error"}},
		{"/repo/pkg/a.go", set("ZohoCRM.modules.leads.READ"), nil},
		{"/repo/pkg/a.go", set("ZOHOPEOPLE.forms.READ"), []string{"0:ZS205:error"}},
		{"/repo/pkg/a.go", set("ZohoCRM.modules.activities.READ"), []string{"0:ZS106:error"}},
		{"/repo/pkg/a.go", set("ZohoCRM.settings.ALL", "ZohoCRM.settings.fields.READ"), nil},
	}
	for _, tt := range tests {
		tt.set.File = tt.file
		var texts []string
		for _, it := range tt.set.Items {
			texts = append(texts, it.Text)
		}
		if diff := cmp.Diff(tt.want, brief(e.Check(tt.set))); diff != "" {
			t.Errorf("%s %v (-want +got):\n%s", tt.file, texts, diff)
		}
	}
	if e.Enabled("ZS202") || !e.Enabled("ZS201") || e.Enabled("ZS999") {
		t.Error("Enabled does not follow the policy's severities")
	}
	sel, _ := ParseSelection("-ZS205")
	e.Checks = sel
	if got := brief(e.Check(Set{Items: []Item{{Text: "ZOHOPEOPLE.forms.READ"}}, File: "/repo/a.go"})); got != nil {
		t.Errorf("-checks=-ZS205 still reports %v", got)
	}
}

func checkIDs() []string {
	var ids []string
	for _, c := range Checks() {
		ids = append(ids, c.ID)
	}
	return ids
}

// TestFixesConverge: the fixes of one set, applied together, leave a set the next run has
// nothing to say about: no fix writes a scope the set keeps or an earlier fix writes, and
// a typo of a scope no call needs is removed rather than corrected.
func TestFixesConverge(t *testing.T) {
	tests := []struct {
		name  string
		set   Set
		calls []string
		want  []string
	}{
		{"the issue's set", set("ZohoCRM.modules.leads.RAED", "ZohoCRM.modules.ALL", "ZohoCRM.users.READ"), []string{"GET Leads"},
			// The typo becomes leads.READ; the broad scope would too, so it goes; users.READ is unused.
			[]string{"0:ZS104:error:ZohoCRM.modules.leads.READ", "1:ZS201:warning:remove", "2:ZS203:warning:remove"}},
		{"a typo of a scope no call needs", set("ZohoCRM.modules.leads.READ", "ZohoCRM.users.REED"), []string{"GET Leads"},
			[]string{"1:ZS104:error:remove"}},
		{"a typo of a needed scope", set("ZohoCRM.users.REED"), []string{"GET users"},
			[]string{"0:ZS104:error:ZohoCRM.users.READ"}},
		// contacts.CREATE is redundant beside modules.ALL, but modules.ALL narrows to
		// leads.READ: contacts.CREATE is kept (its ZS202 has no fix), or the fixed set would
		// miss it.
		{"a redundant scope whose cover is narrowed stays", set("ZohoCRM.modules.contacts.CREATE", "ZohoCRM.modules.ALL"), []string{"GET Leads", "POST Contacts"},
			[]string{"0:ZS202:warning", "1:ZS201:warning:ZohoCRM.modules.leads.READ"}},
		{"an expansion drops what the set keeps", set("ZohoCRM.modules.contacts.CREATE", "ZohoCRM.modules.leads.ALL", "ZohoCRM.modules.ALL"), []string{"GET Leads", "POST Contacts"},
			[]string{"0:ZS202:warning", "1:ZS201:warning:ZohoCRM.modules.leads.READ", "1:ZS202:warning", "2:ZS201:warning:remove"}},
		{"without calls, a typo's fix stays", set("ZohoCRM.users.REED", "ZohoCRM.org.READ"), nil,
			[]string{"0:ZS104:error:ZohoCRM.users.READ"}},
		{"prose is left alone", Set{Items: []Item{{Text: "ZohoCRM.users.READ"}, {Text: "ZohoCRM.users.REED"}}, Prose: true}, nil,
			[]string{"1:ZS104:error:ZohoCRM.users.READ"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
			if tt.calls != nil {
				e.Evidence = calls(t, e, tt.calls...)
			}
			if diff := cmp.Diff(tt.want, brief(e.Check(tt.set))); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestLeastPrivilegeBeyondCRM judges scope sets of other products against their calls:
// Inventory through zohoapis, Analytics and Cliq on their own hosts, Books' fullaccess.
func TestLeastPrivilegeBeyondCRM(t *testing.T) {
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	call := func(method, url string) Call {
		c, ok := e.NewCall(method, url, "client.go:1")
		if !ok {
			t.Fatalf("%s %s is no call the endpoint catalog knows", method, url)
		}
		return c
	}
	tests := []struct {
		name  string
		set   Set
		calls []Call
		want  []string
	}{
		{"inventory: an unused scope", set("ZohoInventory.items.READ", "ZohoInventory.bills.READ"),
			[]Call{call("GET", "https://www.zohoapis.com/inventory/v1/items")}, []string{"1:ZS203:warning:remove"}},
		{"inventory: a missing scope", set("ZohoInventory.items.READ"),
			[]Call{call("GET", "https://www.zohoapis.com/inventory/v1/items"), call("POST", "https://www.zohoapis.eu/inventory/v1/bills")},
			[]string{"0:ZS204:error"}},
		{"analytics on its own host", set("ZohoAnalytics.fullaccess.all"),
			[]Call{call("GET", "https://analyticsapi.zoho.com/restapi/v2/workspaces")}, nil},
		{"cliq on its own host", set("ZohoCliq.Bots.READ", "ZohoCliq.Chats.READ"),
			[]Call{call("GET", "https://cliq.zoho.com/api/v3/bots")}, []string{"1:ZS203:warning:remove"}},
		{"books fullaccess grants the call", set("ZohoBooks.fullaccess.all"),
			[]Call{call("POST", "https://www.zohoapis.com/books/v3/bankaccounts")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.Evidence = &Evidence{Calls: tt.calls}
			fs := e.Check(tt.set)
			var got []string
			for _, b := range brief(fs) {
				if !strings.Contains(b, ":ZS201:") { // breadth aside
					got = append(got, b)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s\n%v", diff, fs)
			}
		})
	}
	if _, ok := e.NewCall("GET", "https://example.com/inventory/v1/items", "x.go:1"); ok {
		t.Error("a path on another host is a Zoho call")
	}
}

// TestUnknownProductCalls: a Zoho call whose product is not known (catalog.UnknownProduct)
// may need any scope: beside a known call, no scope of the set is called unused.
func TestUnknownProductCalls(t *testing.T) {
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	leads, ok := e.NewCall("GET", crmAPI+"Leads", "client.go:1")
	if !ok {
		t.Fatal("GET Leads is no call")
	}
	opaque := Call{Method: "GET", URL: catalog.Unknown + "/" + catalog.Unknown, Where: "client.go:2",
		Req: catalog.Requirement{Unresolved: catalog.UnknownProduct}}
	unused := func(calls ...Call) (n int) {
		e.Evidence = &Evidence{Calls: calls}
		for _, f := range e.Check(set("ZohoCRM.modules.leads.READ", "ZohoCRM.settings.ALL")) {
			if f.Check.ID == "ZS203" {
				n++
			}
		}
		return n
	}
	if n := unused(leads); n != 1 {
		t.Errorf("the known call alone: %d ZS203, want 1 (settings.ALL)", n)
	}
	if n := unused(leads, opaque); n != 0 {
		t.Errorf("with a call of unknown product: %d ZS203, want none", n)
	}
	if got := opaque.Needs(); !strings.Contains(got, "product is not known") {
		t.Errorf("Needs = %q", got)
	}
}
