package main

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"
)

// judgedTok is a token shape for the ZS301 column (not a real token).
const judgedTok = "1000.3f2a9c1d7e6b5a4f8e9d0c1b2a3f4e5d.9c1d7e6b5a4f3f2a8e9d0c1b2a3f4e5d"

// judgedFixtures are, per row of the README's "What is judged where" table, a file of that
// kind holding one of each thing a column judges: a misspelt scope (validity), a duplicate
// (breadth: ZS202), a call of GET /crm/v2/Deals that no scope grants (calls: ZS204), a token
// (ZS301) and a refresh token beside hosts of two data centres (ZS303).
var judgedFixtures = map[string]map[string]string{
	"Go": {"go.mod": "module judged\n\ngo 1.26\n", "main.go": `package main

import (
	"net/http"
	"os"
)

type creds struct{ RefreshToken, APIDomain, AccountsURL string }

var c = creds{RefreshToken: os.Getenv("T"), APIDomain: "https://www.zohoapis.com", AccountsURL: "https://accounts.zoho.eu"}

var scopes = []string{"ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leeds.READ"}

const tok = "` + judgedTok + `"

func main() { _, _ = http.Get("https://www.zohoapis.com/crm/v2/Deals"); _, _, _ = c, scopes, tok }
`},
	"YAML": {"zoho.yaml": `zoho:
  scopes: [ZohoCRM.modules.leads.READ, ZohoCRM.modules.leads.READ, ZohoCRM.modules.leeds.READ]
  refresh_token: ${ZOHO_REFRESH_TOKEN}
  api_domain: https://www.zohoapis.com
  accounts_url: https://accounts.zoho.eu
  endpoint: https://www.zohoapis.com/crm/v2/Deals
  token: ` + judgedTok + "\n"},
	"JSON": {"zoho.json": `{"scopes": ["ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leeds.READ"],
 "refresh_token": "${ZOHO_REFRESH_TOKEN}", "api_domain": "https://www.zohoapis.com", "accounts_url": "https://accounts.zoho.eu",
 "endpoint": "https://www.zohoapis.com/crm/v2/Deals", "token": "` + judgedTok + `"}
`},
	".env": {".env": "ZOHO_SCOPES=ZohoCRM.modules.leads.READ,ZohoCRM.modules.leads.READ,ZohoCRM.modules.leeds.READ\nZOHO_REFRESH_TOKEN=" + judgedTok + "\nZOHO_API_DOMAIN=https://www.zohoapis.com\nZOHO_ACCOUNTS_URL=https://accounts.zoho.eu\nZOHO_DEALS_URL=https://www.zohoapis.com/crm/v2/Deals\n"},
	"JS/TS": {"zoho.ts": `const SCOPES = ["ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leeds.READ"];
export const zoho = { refreshToken: process.env.T, apiDomain: "https://www.zohoapis.com", accountsUrl: "https://accounts.zoho.eu" };
const token = "` + judgedTok + `";
export const deals = () => fetch("https://www.zohoapis.com/crm/v2/Deals");
`},
	"Python": {"zoho.py": `import os
import requests
SCOPES = ["ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leeds.READ"]
ZOHO = {"refresh_token": os.environ["T"], "api_domain": "https://www.zohoapis.com", "accounts_url": "https://accounts.zoho.eu"}
TOKEN = "` + judgedTok + `"
def deals():
    return requests.get("https://www.zohoapis.com/crm/v2/Deals")
`},
	"PHP": {"zoho.php": `<?php
$scopes = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.modules.leads.READ', 'ZohoCRM.modules.leeds.READ'];
$zoho = ['refresh_token' => getenv('T'), 'api_domain' => 'https://www.zohoapis.com', 'accounts_url' => 'https://accounts.zoho.eu'];
$token = '` + judgedTok + `';
$ch = curl_init('https://www.zohoapis.com/crm/v2/Deals');
curl_exec($ch);
`},
	"Java, HTML, TOML": {"Zoho.java": `class Zoho {
  static final String[] SCOPES = {"ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leeds.READ"};
  static final String TOKEN = "` + judgedTok + `";
  static final String REFRESH_TOKEN = System.getenv("T"), API = "https://www.zohoapis.com", ACCOUNTS = "https://accounts.zoho.eu";
  static final String DEALS = "https://www.zohoapis.com/crm/v2/Deals";
}
`},
	"scripts, Dockerfiles, Terraform, INI": {"deploy.sh": `#!/bin/sh
export ZOHO_SCOPES="ZohoCRM.modules.leads.READ,ZohoCRM.modules.leads.READ,ZohoCRM.modules.leeds.READ"
export ZOHO_REFRESH_TOKEN="` + judgedTok + `"
export ZOHO_API_DOMAIN=https://www.zohoapis.com ZOHO_ACCOUNTS_URL=https://accounts.zoho.eu
curl https://www.zohoapis.com/crm/v2/Deals
`},
	"documentation sentences": {"NOTES.md": "# Zoho\n\nThe app asks for ZohoCRM.modules.leads.READ,ZohoCRM.modules.leads.READ,ZohoCRM.modules.leeds.READ and calls GET https://www.zohoapis.com/crm/v2/Deals.\nIts refresh_token is " + judgedTok + ", with https://www.zohoapis.com and https://accounts.zoho.eu.\n"},
	"documentation code":      {"SETUP.md": "# Zoho\n\n```js\nconst scopes = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.modules.leads.READ', 'ZohoCRM.modules.leeds.READ'];\nconst zoho = { refreshToken: '" + judgedTok + "', apiDomain: 'https://www.zohoapis.com', accountsUrl: 'https://accounts.zoho.eu' };\nfetch('https://www.zohoapis.com/crm/v2/Deals');\n```\n"},
	"other files":             {"zoho.xml": "<zoho scopes=\"ZohoCRM.modules.leads.READ,ZohoCRM.modules.leads.READ,ZohoCRM.modules.leeds.READ\" token=\"" + judgedTok + "\" api=\"https://www.zohoapis.com\" accounts=\"https://accounts.zoho.eu\" refresh_token=\"x\" deals=\"https://www.zohoapis.com/crm/v2/Deals\"/>\n"},
}

// judgedColumns are the columns of the table after the first and the finding that
// shows each: a check of validity, a redundant element, a missing scope, a token, a mix.
var judgedColumns = []struct {
	name string
	re   *regexp.Regexp
}{
	{"validity", regexp.MustCompile(`ZohoCRM\.modules\.leeds\.READ.*\(ZS10\d\)`)},
	{"breadth", regexp.MustCompile(`\(ZS202\)`)},
	{"calls", regexp.MustCompile(`\(ZS204\)`)},
	{"secrets", regexp.MustCompile(`\(ZS301\)`)},
	{"environments", regexp.MustCompile(`\(ZS303\)`)},
}

// TestREADMEJudgedWhere holds the README's "What is judged where" table to what the
// command does: for each file kind, a file holding one of each thing a column judges is
// checked alone, and a column is ✓ exactly when its finding is reported.
func TestREADMEJudgedWhere(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	_, table, ok := bytes.Cut(readme, []byte("<!-- judged:begin -->"))
	if ok {
		table, _, ok = bytes.Cut(table, []byte("<!-- judged:end -->"))
	}
	if !ok {
		t.Fatal("README.md lacks the judged:begin and judged:end markers")
	}
	rows := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(table)), "\n")[2:] {
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		kind := strings.TrimSuffix(strings.TrimPrefix(strings.SplitN(cells[0], " (", 2)[0], "**"), "**")
		rows[kind] = cells[len(cells)-len(judgedColumns):]
	}
	for kind, files := range judgedFixtures {
		cells, ok := rows[kind]
		if !ok {
			t.Errorf("the table has no row for %s", kind)
			continue
		}
		dir := writeTree(t, files)
		out, stderr, _ := zscopelintIn(t, dir, "-fail-on", "never", "./...")
		for i, col := range judgedColumns {
			want := strings.HasPrefix(cells[i], "✓")
			if got := col.re.MatchString(out); got != want {
				t.Errorf("%s, %s: the table says %q, the command reports it: %v\n%s%s", kind, col.name, cells[i], got, out, stderr)
			}
		}
		delete(rows, kind)
	}
	for kind := range rows {
		t.Errorf("the table's row %s has no fixture", kind)
	}
}
