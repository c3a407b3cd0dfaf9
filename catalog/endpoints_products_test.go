package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// productCall is a real call shape of a product and the one scope it needs.
type productCall struct{ method, url, want string }

// checkCalls sends each call through the judge: it must resolve exactly, to its scope.
func checkCalls(t *testing.T, calls []productCall) {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range calls {
		r, ok := c.Requirement(tt.method, tt.url)
		if !ok || !r.Exact() {
			t.Errorf("%s %s: %v, %v (unresolved %q); want exactly %s", tt.method, tt.url, r.Endpoints, ok, r.Unresolved, tt.want)
			continue
		}
		if diff := cmp.Diff([][]string{{tt.want}}, r.Options[0]); diff != "" {
			t.Errorf("%s %s (-want +got):\n%s", tt.method, tt.url, diff)
		}
	}
}

// TestPeopleCalls: People's form and time tracker calls, query strings included.
func TestPeopleCalls(t *testing.T) {
	checkCalls(t, []productCall{
		{"GET", "https://people.zoho.com/people/api/forms/employee/getRecords?sIndex=1&limit=100", "ZOHOPEOPLE.forms.READ"},
		{"GET", "https://people.zoho.eu/people/api/forms/department/getDataByID?recordId=261091000000049003", "ZOHOPEOPLE.forms.READ"},
		{"POST", "https://people.zoho.com/people/api/forms/json/P_TimesheetJobsList/insertRecord?inputData={}", "ZOHOPEOPLE.forms.CREATE"},
		{"GET", "https://people.zoho.com/people/api/timetracker/gettimelogs?user=all&fromDate=2024-01-01", "ZOHOPEOPLE.timetracker.READ"},
	})
}

// TestMailCalls: Mail's calls on its own host, in several data centres.
func TestMailCalls(t *testing.T) {
	checkCalls(t, []productCall{
		{"GET", "https://mail.zoho.com/api/accounts", "ZohoMail.accounts.READ"},
		{"GET", "https://mail.zoho.eu/api/accounts/2560636000000008002/folders", "ZohoMail.folders.READ"},
		{"GET", "https://mail.zoho.com/api/accounts/12345678/folders/9000000002014/messages/1709876190693100009/content", "ZohoMail.messages.READ"},
		{"GET", "https://mail.zoho.in/api/accounts/123456789/messages/search?searchKey=newMails", "ZohoMail.messages.READ"},
		{"DELETE", "https://mail.zoho.com/api/accounts/12345678/folders/9000000002014/messages/1710915488416100000", "ZohoMail.messages.DELETE"},
		{"PUT", "https://mail.zoho.com/api/accounts/12345678/updatemessage", "ZohoMail.messages.UPDATE"},
	})
}

// TestWorkDriveCalls: WorkDrive's calls on www.zohoapis.*; "me" is no user id.
func TestWorkDriveCalls(t *testing.T) {
	checkCalls(t, []productCall{
		{"GET", "https://www.zohoapis.com/workdrive/api/v1/files/cjrrrd928be6312ac408abe79ec71db3de772", "WorkDrive.files.READ"},
		{"POST", "https://www.zohoapis.eu/workdrive/api/v1/upload?parent_id=ly9zm&override-name-exist=true", "WorkDrive.files.CREATE"},
		{"GET", "https://www.zohoapis.com/workdrive/api/v1/users/me", "WorkDrive.users.READ"},
		{"GET", "https://www.zohoapis.com/workdrive/api/v1/teams/ly9zmae16b43/teamfolders", "WorkDrive.teamfolders.READ"},
	})
}

// TestBiginCalls: a Bigin record call reaches its one row, whose scope names no module
// ({bmodule} is not mapped to a scope), so it is resolved but not exact; users calls are.
func TestBiginCalls(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		method, url, endpoint string
		want                  [][]string
		exact                 bool
	}{
		{"PUT", "https://www.zohoapis.com/bigin/v2/Contacts/4104050000022640", "PUT /bigin/{v}/{bmodule}/{id}", [][]string{{"ZohoBigin.modules.contacts.UPDATE"}}, true},
		{"DELETE", "https://www.zohoapis.eu/bigin/v2/Accounts?ids=1,2", "DELETE /bigin/{v}/{bmodule}", [][]string{{"ZohoBigin.modules.accounts.DELETE"}}, true},
		// A module the catalog does not hold is not guessed: resolved, not exact.
		{"GET", "https://www.zohoapis.com/bigin/v2/Pipelines", "GET /bigin/{v}/{bmodule}", [][]string{{"ZohoBigin.modules.*.READ", "ZohoBigin.modules.ALL"}}, false},
		{"POST", "https://www.zohoapis.com/bigin/v2/users", "POST /bigin/{v}/users", [][]string{{"ZohoBigin.users.CREATE"}}, true},
	} {
		r, ok := c.Requirement(tt.method, tt.url)
		if !ok || len(r.Endpoints) != 1 || r.Endpoints[0] != tt.endpoint {
			t.Errorf("%s %s: %v, %v; want %s", tt.method, tt.url, r.Endpoints, ok, tt.endpoint)
			continue
		}
		if r.Exact() != tt.exact {
			t.Errorf("%s %s: exact %v, want %v", tt.method, tt.url, r.Exact(), tt.exact)
		}
		if diff := cmp.Diff(tt.want, r.Options[0]); diff != "" {
			t.Errorf("%s %s (-want +got):\n%s", tt.method, tt.url, diff)
		}
	}
}

// TestRecruitCalls: Recruit record calls reach their row; the module stays a wildcard.
func TestRecruitCalls(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ method, url, endpoint, want string }{
		{"POST", "https://recruit.zoho.com/recruit/v2/Candidates", "POST /@recruit/recruit/v2/{rmodule}", "ZohoRecruit.modules.*.CREATE"},
		{"DELETE", "https://recruit.zoho.eu/recruit/v2/Candidates?ids=486812000001660087", "DELETE /@recruit/recruit/v2/{rmodule}", "ZohoRecruit.modules.*.DELETE"},
		{"GET", "https://recruit.zoho.com/recruit/v2/Candidates/deleted", "GET /@recruit/recruit/v2/{rmodule}/deleted", "ZohoRecruit.modules.*.READ"},
		{"GET", "https://recruit.zoho.com/recruit/v2/settings/modules", "GET /@recruit/recruit/v2/settings/modules", "ZohoRecruit.setup.operation.READ"},
	} {
		r, ok := c.Requirement(tt.method, tt.url)
		if !ok || len(r.Endpoints) != 1 || r.Endpoints[0] != tt.endpoint {
			t.Errorf("%s %s: %v, %v; want %s", tt.method, tt.url, r.Endpoints, ok, tt.endpoint)
			continue
		}
		if got := r.Options[0][0][0]; got != tt.want {
			t.Errorf("%s %s: needs %s first, want %s", tt.method, tt.url, got, tt.want)
		}
	}
}

// TestCreatorCalls: Creator's calls on creator.zoho.* and on www.zohoapis.*.
func TestCreatorCalls(t *testing.T) {
	checkCalls(t, []productCall{
		{"GET", "https://creator.zoho.com/api/v2/jason18/zylker-store/report/All_Orders?from=1&limit=200", "ZohoCreator.report.READ"},
		{"PATCH", "https://creator.zoho.eu/api/v2/jason18/zylker-store/report/All_Orders/3888833000000114027", "ZohoCreator.report.UPDATE"},
		{"POST", "https://creator.zoho.com/api/v2.1/jason18/zylker-store/form/Orders", "ZohoCreator.form.CREATE"},
		{"DELETE", "https://www.zohoapis.com/creator/v2.1/data/jason18/zylker-store/report/All_Orders/3888833000000114027", "ZohoCreator.report.DELETE"},
		{"GET", "https://www.zohoapis.com/creator/v2.1/meta/jason18/zylker-store/reports", "ZohoCreator.meta.application.READ"},
	})
}

// TestFinanceCalls: the Invoice, Billing and Expense calls whose page could be read.
func TestFinanceCalls(t *testing.T) {
	checkCalls(t, []productCall{
		{"GET", "https://www.zohoapis.com/invoice/v3/organizations", "ZohoInvoice.settings.READ"},
		{"POST", "https://www.zohoapis.com/billing/v1/customers/903000000000099/contactpersons", "ZohoSubscriptions.customers.CREATE"},
		{"POST", "https://www.zohoapis.eu/billing/v1/projects/1/tasks", "ZohoSubscriptions.projects.CREATE"},
		{"GET", "https://www.zohoapis.com/expense/v1/organizations", "ZohoExpense.orgsettings.READ"},
	})
}
