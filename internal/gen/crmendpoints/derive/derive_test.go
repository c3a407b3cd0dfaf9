package derive_test

import (
	"os"
	"strings"
	"testing"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/internal/gen/crmendpoints/derive"
)

func TestTemplate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/crm/v8/settings/variables", "/crm/{v}/settings/variables"},
		{"/crm/v8/{moduleAPIName}/{id}", "/crm/{v}/{module}/{id}"},
		{"/crm/v8/{module_api_name}/{record_id}/{related_list_api_name}", "/crm/{v}/{module}/{id}/{related}"},
		{"/crm/v8/{moduleAPIName}/{recordId}/{relatedListAPIName}/{relatedRecordId}", "/crm/{v}/{module}/{id}/{related}/{id}"},
		{"/crm/v8/settings/modules/{apiName}", "/crm/{v}/settings/modules/{id}"},
		{"/crm/v8/Leads/{leadId}/actions/convert", "/crm/{v}/Leads/{id}/actions/convert"},
		{"/crm/bulk/v8/read/{job_id}", "/crm/bulk/{v}/read/{id}"},
		{"/crm/email/v8/settings/compose", "/crm/email/{v}/settings/compose"},
		{"https://content.zohoapis.com/crm/v8/upload", "/crm/{v}/upload"},
	}
	for _, tt := range tests {
		if got, ok := derive.Template(tt.in); !ok || got != tt.want {
			t.Errorf("Template(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"/{download_url}", "/", "/books/v3/invoices"} {
		if got, ok := derive.Template(bad); ok {
			t.Errorf("Template(%q) = %q, want no template", bad, got)
		}
	}
}

func extractRows(t *testing.T) map[string]derive.Row {
	t.Helper()
	f, err := os.Open("../../../../catalog/testdata/crm-sources.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ops, err := derive.ReadExtract(f)
	if err != nil {
		t.Fatal(err)
	}
	c := catalog.Default()
	rows := map[string]derive.Row{}
	for _, r := range derive.Rows(ops, func(s string) bool { return c.Resolve(s, catalog.CRM).Problem == catalog.OK }) {
		rows[r.Method+" "+r.Path] = r
	}
	return rows
}

// TestSampledPages: the derived requirement of operations whose Zoho page was opened is the
// page's. Most are derived (the method's operation on the path's family, with crm-oas's
// security list where it agrees); the rest come from Overrides, which the page justifies.
func TestSampledPages(t *testing.T) {
	const docs = "https://www.zoho.com/crm/developer/docs/api/"
	tests := []struct {
		op, want, page string
	}{
		{"GET /crm/{v}/{module}", "ZohoCRM.modules.{module}.READ", docs + "v2/get-records.html"},
		{"GET /crm/{v}/{module}/{id}", "ZohoCRM.modules.{module}.READ", docs + "v2/get-records.html"},
		{"POST /crm/{v}/{module}/upsert", "ZohoCRM.modules.{module}.CREATE", docs + "v7/upsert-records.html"},
		{"POST /crm/{v}/Leads/{id}/actions/convert", "ZohoCRM.modules.leads.CREATE", docs + "v2/convert-lead.html"},
		{"POST /crm/{v}/{module}/actions/add_tags", "ZohoCRM.modules.{module}.CREATE", docs + "v7/add-tags.html"},
		{"POST /crm/{v}/{module}/{id}/actions/add_tags", "ZohoCRM.modules.{module}.CREATE", docs + "v7/add-tags.html"},
		{"PUT /crm/{v}/{module}/{id}/{related}/{id}", "ZohoCRM.modules.{module}.UPDATE", docs + "v7/update-related-records.html"},
		{"GET /crm/{v}/{module}/{id}/__timeline", "ZohoCRM.modules.{module}.READ", docs + "v5/timeline-of-a-record.html"},
		{"GET /crm/{v}/settings/variables", "ZohoCRM.settings.variables.READ", docs + "v6/get-variables.html"},
		{"GET /crm/{v}/settings/variables/{id}", "ZohoCRM.settings.variables.READ", docs + "v6/get-variables.html"},
		{"POST /crm/{v}/settings/variables", "ZohoCRM.settings.variables.CREATE", docs + "v6/create-variables.html"},
		{"GET /crm/{v}/settings/portals", "ZohoCRM.settings.clientportal.READ", docs + "v8/get-portals.html"},
		{"GET /crm/{v}/settings/holidays", "ZohoCRM.settings.business_hours.READ", docs + "v8/get-holidays.html"},
		{"POST /crm/{v}/settings/holidays", "ZohoCRM.settings.business_hours.CREATE", docs + "v6/add-holiday.html"},
		{"GET /crm/{v}/settings/record_locking_configurations", "ZohoCRM.settings.record_locking_configurations.READ",
			docs + "v5/get-record-locking-config.html"},
		{"GET /crm/{v}/users", "ZohoCRM.users.READ", docs + "v8/get-users.html"},
		{"GET /crm/{v}/users/actions/count", "ZohoCRM.users.READ", docs + "v6/users-count.html"},
		{"GET /crm/{v}/settings/user_groups/actions/associated_users_count", "ZohoCRM.settings.user_groups.READ",
			docs + "v8/associated-user-count-user-group.html"},
		{"GET /crm/{v}/__zia_org_enrichment", "ZohoCRM.settings.intelligence.READ", docs + "v7/zia-enrichment/get-org-config.html"},
		{"POST /crm/{v}/__zia_org_enrichment", "ZohoCRM.settings.intelligence.CREATE", docs + "v7/zia-enrichment/create-org-enrichment.html"},
		// Overrides.
		{"POST /crm/{v}/{module}/{id}/actions/get_related_records_count", "ZohoCRM.modules.{module}.READ",
			docs + "v8/get-related-records-count.html"},
		{"GET /crm/{v}/{module}/search", "ZohoCRM.modules.{module}.READ", docs + "v8/search-records.html"},
		{"POST /crm/{v}/coql", "ZohoCRM.coql.READ", docs + "v8/select-api-scopes.html"},
		{"GET /crm/{v}/__apis", "ZohoCRM.apis.READ", docs + "v7/list-available-rest-apis.html"},
		{"GET /crm/{v}/__features", "ZohoCRM.features.READ", docs + "v8/get-features.html"},
		{"PUT /crm/{v}/actions/watch", "ZohoCRM.notifications.UPDATE", docs + "v8/notifications/update-details.html"},
		{"PATCH /crm/{v}/actions/watch", "ZohoCRM.notifications.UPDATE", docs + "v8/notifications/update-info.html"},
		{"POST /crm/{v}/upload", "ZohoFiles.files.ALL", docs + "v6/bulk-write/upload-file.html"},
		{"POST /crm/{v}/{module}/actions/mass_update", "ZohoCRM.mass_update.{module}.UPDATE", docs + "v2/mass-update-records.html"},
	}
	rows := extractRows(t)
	for _, tt := range tests {
		r, ok := rows[tt.op]
		if !ok {
			t.Errorf("%s: no row (%s)", tt.op, tt.page)
			continue
		}
		if len(r.Requires) == 0 || r.Requires[0][0] != tt.want {
			t.Errorf("%s requires %v, want %s first (%s)", tt.op, r.Requires, tt.want, tt.page)
		}
	}
}

// TestOverridesAreUsed: every override names an operation the sources have, and a page.
func TestOverridesAreUsed(t *testing.T) {
	rows := extractRows(t)
	for op, ov := range derive.Overrides {
		if _, ok := rows[op]; !ok {
			t.Errorf("override %s: no source has this operation", op)
		}
		if !strings.Contains(ov.Page, "zoho.com/") && !strings.HasPrefix(ov.Page, "CRM docs ") {
			t.Errorf("override %s: page %q is not a Zoho page", op, ov.Page)
		}
	}
}

// TestFamilyFromPathOverCRMOAS: where crm-oas's security list names another family than the
// path (ZOHO-FACTS.md: business_hours under ZohoCRM.files.CREATE), the path's family wins.
func TestFamilyFromPathOverCRMOAS(t *testing.T) {
	ops := []derive.Op{
		{Source: "zoho/crm-oas@0000000", File: "v8.0/business_hours.json", Name: "Get Business Hours", Method: "GET",
			Path: "/crm/v8/settings/business_hours", Security: []string{"ZohoCRM.files.CREATE"}},
		{Source: "zoho/crm-oas@0000000", File: "v8.0/variables.json", Name: "Update Variables", Method: "PUT",
			Path: "/crm/v8/settings/variables", Security: []string{"ZohoCRM.settings.all", "ZohoCRM.settings.variables.all", "ZohoCRM.settings.variables.read"}},
		{Source: "zoho/crm-oas@0000000", File: "v8.0/record.json", Name: "Get Records", Method: "GET",
			Path: "/crm/v8/{module_api_name}", Security: []string{"ZohoCRM.modules.ALL"}},
	}
	known := func(s string) bool {
		return s == "ZohoCRM.settings.business_hours.READ" || s == "ZohoCRM.settings.variables.UPDATE" || s == "ZohoCRM.modules.leads.READ"
	}
	want := map[string]string{
		"GET /crm/{v}/settings/business_hours": "ZohoCRM.settings.business_hours.READ",
		"PUT /crm/{v}/settings/variables":      "ZohoCRM.settings.variables.UPDATE",
		"GET /crm/{v}/{module}":                "ZohoCRM.modules.{module}.READ",
	}
	for _, r := range derive.Rows(ops, known) {
		if got := r.Requires[0][0]; got != want[r.Method+" "+r.Path] {
			t.Errorf("%s %s requires %s, want %s", r.Method, r.Path, got, want[r.Method+" "+r.Path])
		}
	}
}

// TestFallbackToALL: a derived scope the catalog lacks falls back to the family's ALL.
func TestFallbackToALL(t *testing.T) {
	ops := []derive.Op{{Source: "zoho/crm-oas@0000000", File: "v8.0/x.json", Name: "Get X", Method: "GET",
		Path: "/crm/v8/settings/users_unavailability", Security: []string{"ZohoCRM.settings.users_unavailability.ALL"}}}
	rows := derive.Rows(ops, func(s string) bool { return s == "ZohoCRM.settings.users_unavailability.ALL" })
	if len(rows) != 1 || rows[0].Requires[0][0] != "ZohoCRM.settings.users_unavailability.ALL" || rows[0].Note == "" {
		t.Errorf("rows = %+v, want users_unavailability.ALL with a note", rows)
	}
}
