package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// polyglotApp reads the app testdata/polyglot/name into a tree of its own (a repository
// holding the app's directory).
func polyglotApp(t *testing.T, name string) string {
	t.Helper()
	files := map[string]string{".git/HEAD": "ref: refs/heads/main\n"}
	root := filepath.Join("testdata", "polyglot")
	err := filepath.WalkDir(filepath.Join(root, name), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	must(t, err)
	return writeTree(t, files)
}

// TestPolyglotLeastPrivilege (issue 30): apps in JavaScript/TypeScript, Python and PHP,
// each with its scope set in one file and its calls in others, are judged against their
// calls as Go programs are: a ZS201 naming exactly the calls' set, a ZS203 on the grant
// no call needs, a ZS204 for the call no grant covers, and one -needs line.
func TestPolyglotLeastPrivilege(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		app   string
		want  []string // lines of the findings
		needs string
	}{
		{"nextapp", []string{
			"nextapp/lib/auth.ts:2:30: warning: ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.contacts.CREATE, ZohoCRM.modules.leads.READ (ZS201)",
			"nextapp/lib/auth.ts:2:30: error: missing scope ZohoCRM.users.READ, needed by GET https://www.zohoapis.com/crm/v8/users?type=CurrentUser at nextapp/pages/api/me.js:4: without it Zoho answers OAUTH_SCOPE_MISMATCH (ZS204)",
			"nextapp/lib/auth.ts:2:53: warning: ZohoCRM.settings.ALL is not needed by any of the 3 ZohoCRM calls found (POST https://www.zohoapis.com/crm/v8/Contacts at nextapp/lib/crm.ts:11, GET https://www.zohoapis.com/crm/v8/Leads at nextapp/lib/crm.ts:6, GET https://www.zohoapis.com/crm/v8/users?type=CurrentUser at nextapp/pages/api/me.js:4) (ZS203)",
		}, "nextapp: ZohoCRM.modules.contacts.CREATE,ZohoCRM.modules.leads.READ,ZohoCRM.users.READ\n"},
		{"flaskapp", []string{
			"flaskapp/app/config.py:1:16: warning: ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.deals.READ, ZohoCRM.modules.notes.CREATE (ZS201)",
			"flaskapp/app/config.py:1:16: error: missing scope ZohoCRM.org.READ, needed by GET https://www.zohoapis.com/crm/v8/org at flaskapp/app/crm.py:23: without it Zoho answers OAUTH_SCOPE_MISMATCH (ZS204)",
			"flaskapp/app/config.py:1:36: warning: ZohoCRM.settings.ALL is not needed by any of the 3 ZohoCRM calls found (GET https://www.zohoapis.com/crm/v8/Deals at flaskapp/app/crm.py:16, POST https://www.zohoapis.com/crm/v8/Notes at flaskapp/app/crm.py:19, GET https://www.zohoapis.com/crm/v8/org at flaskapp/app/crm.py:23) (ZS203)",
		}, "flaskapp: ZohoCRM.modules.deals.READ,ZohoCRM.modules.notes.CREATE,ZohoCRM.org.READ\n"},
		{"laravelapp", []string{
			"laravelapp/config/zoho.php:5:18: warning: ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.accounts.READ, ZohoCRM.modules.tasks.CREATE (ZS201)",
			"laravelapp/config/zoho.php:5:18: error: missing scope ZohoCRM.users.READ, needed by GET https://www.zohoapis.com/crm/v8/users?type=AllUsers at laravelapp/app/Services/ZohoCrm.php:31: without it Zoho answers OAUTH_SCOPE_MISMATCH (ZS204)",
			"laravelapp/config/zoho.php:5:38: warning: ZohoCRM.settings.ALL is not needed by any of the 3 ZohoCRM calls found (GET https://www.zohoapis.com/crm/v8/Accounts at laravelapp/app/Services/ZohoCrm.php:21, POST https://www.zohoapis.com/crm/v8/Tasks at laravelapp/app/Services/ZohoCrm.php:26, GET https://www.zohoapis.com/crm/v8/users?type=AllUsers at laravelapp/app/Services/ZohoCrm.php:31) (ZS203)",
		}, "laravelapp: ZohoCRM.modules.accounts.READ,ZohoCRM.modules.tasks.CREATE,ZohoCRM.users.READ\n"},
		// The official Python SDK, version 8 by requirements.txt: its operations are calls.
		{"sdkapp", []string{
			"sdkapp/settings.py:1:15: warning: ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.deals.CREATE, ZohoCRM.modules.leads.READ (ZS201)",
			"sdkapp/settings.py:1:15: error: missing scope ZohoCRM.users.READ, needed by GET https://www.zohoapis.com/crm/v8/users at sdkapp/crm/records.py:15: without it Zoho answers OAUTH_SCOPE_MISMATCH (ZS204)",
			"sdkapp/settings.py:1:35: warning: ZohoCRM.org.ALL is not needed by any of the 3 ZohoCRM calls found (POST https://www.zohoapis.com/crm/v8/Deals at sdkapp/crm/records.py:11, GET https://www.zohoapis.com/crm/v8/users at sdkapp/crm/records.py:15, GET https://www.zohoapis.com/crm/v8/Leads at sdkapp/crm/records.py:6) (ZS203)",
		}, "sdkapp: ZohoCRM.modules.deals.CREATE,ZohoCRM.modules.leads.READ,ZohoCRM.users.READ\n"},
	} {
		t.Run(tt.app, func(t *testing.T) {
			t.Parallel()
			dir := polyglotApp(t, tt.app)
			out, stderr, code := zscopelintIn(t, dir, "./...")
			if got, want := out, strings.Join(tt.want, "\n")+"\n"; got != want || code != 1 {
				t.Errorf("exit %d, output\n%s%s\nwant (exit 1)\n%s", code, got, stderr, want)
			}
			if out, stderr, code := zscopelintIn(t, dir, "-needs", "./..."); out != tt.needs || code != 0 {
				t.Errorf("-needs: exit %d, output\n%s%s\nwant\n%s", code, out, stderr, tt.needs)
			}
		})
	}
}

// TestPolyglotUnknownCallsWithholdZS203: a program one of whose calls cannot be resolved
// (a Zoho base URL and resource from the environment; a path no endpoint row matches) is
// told nothing is unused: its grant may be what that call needs. -needs counts the call.
func TestPolyglotUnknownCallsWithholdZS203(t *testing.T) {
	t.Parallel()
	for app, needs := range map[string]string{
		"opaque":      "opaque: (+1 unresolved calls)\n",
		"unresolved":  "unresolved: (+1 unresolved calls)\n",
		"mixedopaque": "mixedopaque: ZohoCRM.modules.leads.READ (+1 unresolved calls)\n",
	} {
		t.Run(app, func(t *testing.T) {
			t.Parallel()
			dir := polyglotApp(t, app)
			out, stderr, _ := zscopelintIn(t, dir, "./...")
			if strings.Contains(out, "(ZS203)") || strings.Contains(out, "(ZS204)") || !strings.Contains(out, "is a group scope") {
				t.Errorf("want the group scopes' ZS201 and no ZS203 or ZS204:\n%s%s", out, stderr)
			}
			if out, stderr, code := zscopelintIn(t, dir, "-needs", "./..."); out != needs || code != 0 {
				t.Errorf("-needs: exit %d, output\n%s%s\nwant\n%s", code, out, stderr, needs)
			}
		})
	}
}
