package rules

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zscopelint/zscopelint/catalog"
)

func set(items ...string) Set {
	var s Set
	for _, it := range items {
		s.Items = append(s.Items, Item{Text: it})
	}
	return s
}

// brief renders findings as "item:ID:severity[:fix]" for comparison.
func brief(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		s := fmt.Sprintf("%d:%s:%s", f.Item, f.Check.ID, f.Severity)
		if f.Fix != nil {
			if f.Fix.Remove {
				s += ":remove"
			} else {
				s += ":" + f.Fix.Replacement
			}
		}
		out = append(out, s)
	}
	return out
}

func TestEngine(t *testing.T) {
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	tests := []struct {
		name string
		set  Set
		want []string
	}{
		{"clean", set("ZohoCRM.modules.leads.READ", "ZohoCRM.users.READ"), nil},
		{"typo-op", set("ZohoCRM.modules.ALLL"), []string{"0:ZS104:error:ZohoCRM.modules.ALL"}},
		{"typo-scope", set("ZohoCRM.modules.leeds.READ"), []string{"0:ZS103:error:ZohoCRM.modules.leads.READ"}},
		{"typo-service", set("ZohoCMR.modules.leads.READ"), []string{"0:ZS102:error:ZohoCRM.modules.leads.READ"}},
		{"unknown-service-info", set("ZohoAcme.widgets.READ", "ZohoCRM.users.READ"), []string{"0:ZS102:info"}},
		{"uncatalogued-zoho-service-info", set("ZohoSheet.dataAPI.READ", "ZohoCRM.users.READ"), []string{"0:ZS102:info"}},
		{"wrong-service-name", set("ZohoDesk.tickets.READ", "ZohoCRM.users.READ"), []string{"0:ZS102:error:Desk.tickets.READ"}},
		{"people-delete", set("ZOHOPEOPLE.forms.DELETE"), []string{"0:ZS104:error"}},
		{"coql-all", set("ZohoCRM.coql.ALL"), []string{"0:ZS104:error:ZohoCRM.coql.READ"}},
		{"case", set("ZohoCRM.modules.Leads.read"), []string{"0:ZS105:info:ZohoCRM.modules.leads.READ"}},
		// Zoho itself writes CRM operations in lower case (crm-oas, select-api-scopes): no note.
		{"case-zoho-spelling", set("ZohoCRM.settings.fields.read", "ZohoCRM.modules.all"), []string{"1:ZS201:warning"}},
		{"case-mixed-operation", set("ZohoCRM.users.Read"), []string{"0:ZS105:info:ZohoCRM.users.READ"}},
		{"deprecated", set("ZohoCRM.modules.activities.READ"), []string{"0:ZS106:warning"}},
		{"group-broad", set("ZohoCRM.modules.ALL"), []string{"0:ZS201:warning"}},
		{"group-read-broad", set("ZohoCRM.modules.READ"), []string{"0:ZS201:warning"}},
		{"settings-broad", set("ZohoCRM.settings.ALL"), []string{"0:ZS201:warning"}},
		{"resource-all-info", set("ZohoCRM.modules.leads.ALL"), []string{"0:ZS201:info"}},
		{"resource-write-info", set("ZohoCRM.modules.leads.WRITE"), []string{"0:ZS201:info"}},
		{"nothing-narrower", set("ZOHOPEOPLE.employee.ALL"), nil},
		{"malformed-in-set", set("ZOHOPEOPLE.forms.READ", "attendance.READ"), []string{"1:ZS101:error"}},
		{"not-judged-alone", set("attendance.READ"), nil},
		{"oidc-left-alone", set("openid", "ZohoCRM.users.READ", "offline_access"), nil},
		{"template", set("ZohoCRM.modules.{module_API_name}.ALL"), nil},
		{"duplicate", set("ZohoCRM.users.READ", "ZohoCRM.users.READ"), []string{"1:ZS202:warning:remove"}},
		// The case fix would write a scope the set has: it removes the element instead.
		{"duplicate-case", set("ZohoCRM.users.READ", "zohocrm.users.read"), []string{"1:ZS105:info:remove", "1:ZS202:warning"}}, // one fix per element
		{"covered", set("ZohoCRM.modules.leads.READ", "ZohoCRM.modules.ALL"), []string{"0:ZS202:warning:remove", "1:ZS201:warning"}},
		{"covered-write", set("ZohoCRM.modules.leads.CREATE", "ZohoCRM.modules.leads.WRITE"), []string{"0:ZS202:warning:remove", "1:ZS201:info"}},
		{"not-covered", set("ZohoCRM.modules.READ", "ZohoCRM.modules.leads.CREATE"), []string{"0:ZS201:warning"}},
		// A service-wide grant is a group: broad alone, and it makes the service's scopes redundant.
		{"whole-service-broad", set("ZohoBooks.fullaccess.all"), []string{"0:ZS201:warning"}},
		{"whole-service-covers", set("ZohoBooks.contacts.CREATE", "ZohoBooks.fullaccess.all"), []string{"0:ZS202:warning:remove", "1:ZS201:warning"}},
		// WRITE is undocumented for Desk: it neither covers UPDATE nor is narrowed to it.
		{"write-undocumented", set("Desk.contacts.UPDATE", "Desk.contacts.WRITE"), nil},
		{"quiet-item-covers", Set{Items: []Item{{Text: "ZohoCRM.modules.leads.ALL", Quiet: true}, {Text: "ZohoCRM.modules.leads.READ"}}},
			[]string{"1:ZS202:warning:remove"}},
		{"quiet-item-no-own-findings", Set{Items: []Item{{Text: "ZohoCRM.modules.ALLL", Quiet: true}}}, nil},
		{"version-string", set("ZohoCRM.v8.0.1"), nil},
		{"java-package", set("com.zoho.crm.api"), nil},
		{"scope-position-malformed", Set{Items: []Item{{Text: "ZohoCRM..READ"}}, ScopePosition: true}, []string{"0:ZS101:error"}},
		{"scope-position-two-segments", Set{Items: []Item{{Text: "User.Read"}}, ScopePosition: true}, nil},
		// A list of offered scopes (OpenAPI) is checked scope by scope, not as a request.
		{"declares", Set{Items: []Item{{Text: "ZohoCRM.users.ALL"}, {Text: "ZohoCRM.users.READ"}, {Text: "ZohoCRM.users.REED"}},
			ScopePosition: true, Declares: true}, []string{"2:ZS104:error:ZohoCRM.users.READ"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := e.Check(tt.set)
			if diff := cmp.Diff(tt.want, brief(got)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			for _, f := range got {
				if !strings.Contains(f.Message, f.Scope) {
					t.Errorf("message %q does not name the scope %q", f.Message, f.Scope)
				}
			}
		})
	}
}

func TestEngineVerticalSolutions(t *testing.T) {
	crm := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	vs := &Engine{Catalog: catalog.Default(), Product: catalog.VerticalSolutions}
	s := set("ZohoCRM.modules.appointments.READ")
	if got := brief(crm.Check(s)); got != nil {
		t.Errorf("CRM: %v", got)
	}
	if diff := cmp.Diff([]string{"0:ZS103:error"}, brief(vs.Check(s))); diff != "" {
		t.Errorf("Vertical Solutions (-want +got):\n%s", diff)
	}
}

func TestMessages(t *testing.T) {
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM}
	// The count of sub-scopes comes from the catalog, which grows.
	modules, ok := e.Catalog.Lookup("ZohoCRM.modules.ALL")
	if !ok {
		t.Fatal("ZohoCRM.modules.ALL is not in the catalog")
	}
	subScopes := len(e.Catalog.Narrower(modules, catalog.CRM))
	for in, want := range map[string]string{
		"ZohoCRM.modules.ALLL":      `ZohoCRM.modules does not accept operation "ALLL" (it accepts ALL, READ, CREATE, UPDATE, DELETE) in "ZohoCRM.modules.ALLL"; did you mean ZohoCRM.modules.ALL?`,
		"ZohoCRM.modules.ALL":       fmt.Sprintf(`ZohoCRM.modules.ALL is a group scope: it grants every operation on all %d sub-scopes of ZohoCRM.modules; request only those the code uses (ZohoCRM.modules.<name>.{READ,CREATE,UPDATE,DELETE})`, subScopes),
		"ZohoCRM.modules.leads.ALL": `ZohoCRM.modules.leads.ALL grants every operation on ZohoCRM.modules.leads; request only the operations the code uses (ZohoCRM.modules.leads.{READ,CREATE,UPDATE,DELETE,WRITE})`,
		"ZohoCRM.modules.leads":     `malformed scope "ZohoCRM.modules.leads": missing operation: want ZohoCRM.modules.leads.OPERATION`,
	} {
		fs := e.Check(Set{Items: []Item{{Text: in}}, ScopePosition: true})
		if len(fs) != 1 || fs[0].Message != want {
			t.Errorf("%s:\n got %v\nwant %q", in, fs, want)
		}
	}
}

func TestSelection(t *testing.T) {
	sel, err := ParseSelection("ZS1*,-ZS105")
	if err != nil {
		t.Fatal(err)
	}
	if !sel.Enabled("ZS104") || sel.Enabled("ZS105") || sel.Enabled("ZS201") {
		t.Errorf("selection %v", sel)
	}
	sel, _ = ParseSelection("-ZS201")
	if !sel.Enabled("ZS104") || sel.Enabled("ZS201") {
		t.Errorf("selection %v", sel)
	}
	if _, err := ParseSelection("ZS999"); err == nil {
		t.Error("unknown check accepted")
	}
	e := &Engine{Catalog: catalog.Default(), Product: catalog.CRM, Checks: sel}
	if got := e.Check(set("ZohoCRM.modules.ALL")); len(got) != 0 {
		t.Errorf("disabled check reported: %v", brief(got))
	}
}

func TestChecksTable(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Checks() {
		if seen[c.ID] || !strings.HasPrefix(c.ID, "ZS") || c.Name == "" || c.Summary == "" || c.What == "" ||
			c.Why == "" || c.Bad == "" || c.Good == "" || c.Fix == "" {
			t.Errorf("bad check entry %+v", c)
		}
		seen[c.ID] = true
	}
}

var update = flag.Bool("update", false, "rewrite the README's check table and docs/checks.md")

func TestREADMEChecksTable(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- checks:begin", "<!-- checks:end -->"
	s := strings.Index(string(readme), begin)
	e := strings.Index(string(readme), end)
	if s < 0 || e < s {
		t.Fatal("README.md lacks the checks:begin and checks:end markers")
	}
	s += strings.Index(string(readme[s:]), "\n") + 1
	if *update {
		out := string(readme[:s]) + MarkdownTable() + string(readme[e:])
		if err := os.WriteFile("../README.md", []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		readme = []byte(out) // and check it as always
	}
	if got := string(readme[s:e]); got != MarkdownTable() {
		t.Errorf("README.md's check table is out of date (go test ./rules -update); it should read:\n%s", MarkdownTable())
	}
}

// TestCheckTable keeps checks.yaml and the engine's rule tables in step: a check that
// reads sets, texts or blocks has a function there, and no function lacks its check.
func TestCheckTable(t *testing.T) {
	tables := map[string]func(id string) bool{
		"set":   func(id string) bool { return setRules[id] != nil },
		"text":  func(id string) bool { return textRules[id] != nil },
		"block": func(id string) bool { return blockRules[id] != nil },
	}
	reads := map[string]map[string]bool{}
	for _, c := range Checks() {
		if len(c.Reads) == 0 {
			t.Errorf("%s: no reads in checks.yaml", c.ID)
		}
		for _, r := range c.Reads {
			if reads[r] == nil {
				reads[r] = map[string]bool{}
			}
			reads[r][c.ID] = true
			has, ok := tables[r]
			if ok && !has(c.ID) {
				t.Errorf("%s reads %s but has no function in the %s table", c.ID, r, r)
			}
			if !ok && r != "input" && r != "directive" {
				t.Errorf("%s: unknown reads %q", c.ID, r)
			}
		}
		if (c.Grants || c.Evidence || c.Allow) && !reads["set"][c.ID] {
			t.Errorf("%s: grants, evidence and allow are properties of set checks", c.ID)
		}
	}
	for id := range setRules {
		if !reads["set"][id] {
			t.Errorf("setRules has %s, which checks.yaml does not say reads set", id)
		}
	}
	for id := range textRules {
		if !reads["text"][id] {
			t.Errorf("textRules has %s, which checks.yaml does not say reads text", id)
		}
	}
	for id := range blockRules {
		if !reads["block"][id] {
			t.Errorf("blockRules has %s, which checks.yaml does not say reads block", id)
		}
	}
}

// TestChecksDoc keeps docs/checks.md in step with checks.yaml, and checks that every URL
// zscopelint prints for a check (SARIF helpUri, go vet diagnostics, the README's table)
// lands on a heading there.
func TestChecksDoc(t *testing.T) {
	const name = "../docs/checks.md"
	if *update {
		if err := os.WriteFile(name, []byte(ChecksDoc()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, err := os.ReadFile(name)
	if err != nil {
		t.Fatalf("%v (go test ./rules -update writes it)", err)
	}
	if string(doc) != ChecksDoc() {
		t.Errorf("docs/checks.md is out of date: go test ./rules -update")
	}
	anchors := map[string]bool{}
	for _, line := range strings.Split(string(doc), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			anchors[Anchor(h)] = true
		}
	}
	for _, c := range Checks() {
		url := c.URL()
		_, anchor, _ := strings.Cut(url, "#")
		if !strings.HasPrefix(url, docsURL+"#") || !anchors[anchor] {
			t.Errorf("%s: %s lands on no heading of docs/checks.md", c.ID, url)
		}
	}
	for heading, want := range map[string]string{"ZS104 unsupported-operation": "zs104-unsupported-operation", "A, b: c!": "a-b-c"} {
		if got := Anchor(heading); got != want {
			t.Errorf("Anchor(%q) = %q, want %q", heading, got, want)
		}
	}
}

// Every check the engine names through checkOf exists: the lookup is made on first use,
// so a wrong ID would otherwise panic only when that check first reports.
func TestCheckOfIDs(t *testing.T) {
	if len(namedChecks) == 0 {
		t.Fatal("no check named through checkOf")
	}
	for _, id := range namedChecks {
		if _, ok := CheckByID(id); !ok {
			t.Errorf("checkOf(%q): no such check in checks.yaml", id)
		}
	}
}
