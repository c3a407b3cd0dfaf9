package catalog

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEndpointDataIsValid(t *testing.T) {
	c := Default()
	for _, e := range Endpoints() {
		if e.Source == "" || e.Method == "" || len(e.Requires) == 0 {
			t.Errorf("%s: incomplete row", e)
		}
		for _, clause := range e.Requires {
			for _, alt := range clause {
				s := strings.ReplaceAll(strings.ReplaceAll(alt, "{module}", "leads"), "{bmodule}", "contacts")
				if len(c.instances(s)) == 0 {
					t.Errorf("%s: %s names no catalogued scope", e, alt)
				}
			}
		}
	}
}

func TestRequirement(t *testing.T) {
	c := Default()
	tests := []struct {
		method, url string
		want        [][][]string
		exact       bool
	}{
		{"GET", "https://www.zohoapis.com/crm/v8/Leads", [][][]string{{{"ZohoCRM.modules.leads.READ"}}}, true},
		{"GET", "https://www.zohoapis.eu/crm/v2.1/Leads/4150868000000224005?fields=Last_Name", [][][]string{{{"ZohoCRM.modules.leads.READ"}}}, true},
		{"POST", "https://www.zohoapis.com/crm/v8/Contacts", [][][]string{{{"ZohoCRM.modules.contacts.CREATE"}}}, true},
		{"GET", "https://www.zohoapis.com/crm/v8/users", [][][]string{{{"ZohoCRM.users.READ"}}}, true},
		{"GET", "/crm/v8/Price_Books/123", [][][]string{{{"ZohoCRM.modules.pricebooks.READ"}}}, true},
		{"GET", "/crm/v8/Leads/search?email=a@b.c", [][][]string{{{"ZohoCRM.modules.leads.READ"}, {"ZohoSearch.securesearch.READ"}}}, true},
		{"GET", "/crm/v8/Projects_X", [][][]string{{{"ZohoCRM.modules.custom.READ"}}}, true},
		{"GET", "/crm/v8/Leads/1/Notes", [][][]string{{{"ZohoCRM.modules.leads.READ"}, {"ZohoCRM.modules.notes.READ"}}}, true},
		{"POST", "/crm/v8/Deals/1/actions/send_mail", [][][]string{{{"ZohoCRM.send_mail.deals.CREATE", "ZohoCRM.send_mail.all.CREATE"}}}, true},
		{"POST", "/crm/v8/coql", [][][]string{{{"ZohoCRM.coql.READ"}, {"ZohoCRM.modules.*.READ"}}}, false},
		// A segment known only at run time may be any module, or any one-segment endpoint
		// (the generated rows put the record row first).
		{"GET", "https://www.zohoapis.com/crm/v8/" + Unknown, [][][]string{{{"ZohoCRM.modules.*.READ"}},
			{{"ZohoCRM.modules.appointments_rescheduled_history.READ"}}, {{"ZohoCRM.modules.entity_scores.READ"}},
			{{"ZohoCRM.modules.notes.READ"}}, {{"ZohoCRM.modules.services.READ"}}, {{"ZohoCRM.apis.READ"}},
			{{"ZohoCRM.features.READ"}}, {{"ZohoCRM.settings.intelligence.READ"}}, {{"ZohoCRM.settings.intelligence.READ"}},
			{{"ZohoCRM.files.READ"}}, {{"ZohoCRM.org.READ"}}, {{"ZohoCRM.users.READ"}}}, false},
		{"GET", "https://people.zoho.com/people/api/forms/employee/getRecords", [][][]string{{{"ZOHOPEOPLE.forms.READ"}}}, true},
		{"POST", "https://people.zoho.com/people/api/timetracker/gettimesheet", [][][]string{{{"ZOHOPEOPLE.timetracker.READ"}}}, true},
	}
	for _, tt := range tests {
		r, ok := c.Requirement(tt.method, tt.url)
		if !ok {
			t.Errorf("%s %s: no endpoint", tt.method, tt.url)
			continue
		}
		if diff := cmp.Diff(tt.want, r.Options); diff != "" {
			t.Errorf("%s %s (-want +got):\n%s", tt.method, tt.url, diff)
		}
		if r.Exact() != tt.exact {
			t.Errorf("%s %s: Exact = %v", tt.method, tt.url, r.Exact())
		}
	}
	// An unknown method widens to every operation on the path.
	r, _ := c.Requirement("", "/crm/v8/Leads")
	if len(r.Options) != 4 || r.Exact() {
		t.Errorf("unknown method: %v", r.Endpoints)
	}
	for _, u := range []string{"https://www.example.com/crm/v8/Leads", "https://accounts.zoho.com/oauth/v2/token", "/api/v1/x"} {
		if _, ok := c.Requirement("GET", u); ok {
			t.Errorf("%s taken for a Zoho API call", u)
		}
	}
}

func TestServes(t *testing.T) {
	c := Default()
	for _, tt := range []struct {
		granted, required string
		want              bool
	}{
		{"ZohoCRM.modules.ALL", "ZohoCRM.modules.*.READ", true},
		{"ZohoCRM.modules.leads.READ", "ZohoCRM.modules.*.READ", true},
		{"ZohoCRM.modules.leads.CREATE", "ZohoCRM.modules.*.READ", false},
		{"ZohoCRM.modules.leads.ALL", "ZohoCRM.modules.leads.*", true},
		{"ZohoCRM.users.READ", "ZohoCRM.modules.*.READ", false},
		{"ZohoCRM.modules.leads.WRITE", "ZohoCRM.modules.leads.CREATE", true},
	} {
		g, _ := c.Lookup(tt.granted)
		if got := c.Serves(g, tt.required); got != tt.want {
			t.Errorf("Serves(%s, %s) = %v", tt.granted, tt.required, got)
		}
	}
}

// A path segment the product reserves (settings, users, actions, __apis) never stands for
// a module, and a path under a product root that no row matches is an unresolved call of
// that product's service: never a guessed modules.custom scope.
func TestReservedSegmentsAndUnknownEndpoints(t *testing.T) {
	c := Default()
	for _, tt := range []struct {
		method, url, unresolved string
	}{
		// CRM paths no row holds (endpoints_crm.yaml has the SDK's and crm-oas's operations).
		{"POST", "https://www.zohoapis.com/crm/v8/__digest", "ZohoCRM"},
		{"GET", "https://www.zohoapis.com/crm/v8/settings/no_such_setting", "ZohoCRM"},
		{"GET", "https://www.zohoapis.com/crm/v8/users/actions/no_such_action", "ZohoCRM"},
		{"POST", "https://www.zohoapis.com/crm/v8/functions/send_report/actions/no_such_action", "ZohoCRM"},
		{"GET", "https://www.zohoapis.com/bigin/v2/settings/pipelines", "ZohoBigin"},
		{"GET", "https://mail.zoho.com/api/organization/1/unknownthing", "ZohoMail"},
	} {
		r, ok := c.Requirement(tt.method, tt.url)
		if !ok {
			t.Errorf("%s %s: not taken for a Zoho API call", tt.method, tt.url)
			continue
		}
		if r.Unresolved != tt.unresolved || len(r.Options) != 0 || r.Exact() {
			t.Errorf("%s %s: got %+v, want an unresolved %s call", tt.method, tt.url, r, tt.unresolved)
		}
	}
	// Reserved words in the module slot of every CRM row: no row with {module} matches.
	for _, seg := range []string{"settings", "users", "org", "actions", "coql", "__features"} {
		for _, e := range endpointsFor("crm") {
			if m, _, ok := c.matchPath(e.segments, []string{"crm", "v8", seg}, c.reservedFor("crm")); ok && m != "" {
				t.Errorf("%s matches %s with module %q", seg, e, m)
			}
		}
	}
	// Module names a row spells stay modules.
	if c.reservedFor("crm")["notes"] {
		t.Error("Notes is reserved, but it is a module")
	}
}

// A product's older host serves the same endpoints as its zohoapis path.
func TestProductHostRewrite(t *testing.T) {
	for _, tt := range []struct{ url, want string }{
		{"https://books.zoho.com/api/v3/contacts?organization_id=1", "/books/v3/contacts"},
		{"https://books.zoho.eu/api/v3/invoices/12/status/sent", "/books/v3/invoices/12/status/sent"},
		{"https://www.zohoapis.com/books/v3/contacts", "/books/v3/contacts"},
	} {
		if got, ok := APIPath(tt.url); !ok || got != tt.want {
			t.Errorf("APIPath(%s) = %q, %v; want %q", tt.url, got, ok, tt.want)
		}
	}
	if p, ok := APIPath("https://books.zoho.com/app/12345#/invoices"); ok {
		t.Errorf("the Books web app taken for an API path: %q", p)
	}
}

// A row's literal at a module position is a module name, not a reserved word, when it is a
// module the CRM catalog knows or, elsewhere, a capitalised API name.
func TestSpellsModule(t *testing.T) {
	c := Default()
	for _, tt := range []struct {
		root, seg string
		want      bool
	}{
		{"crm", "Leads", true}, {"crm", "Notes", true}, {"crm", "settings", false}, {"crm", "Custom_Thing", false},
		{"@recruit", "Candidates", true}, {"@recruit", "settings", false}, {"bigin", "users", false},
	} {
		if got := c.spellsModule(tt.root, tt.seg); got != tt.want {
			t.Errorf("spellsModule(%s, %s) = %v", tt.root, tt.seg, got)
		}
	}
}
