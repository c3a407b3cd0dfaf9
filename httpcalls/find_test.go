package httpcalls_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/httpcalls"
	"github.com/zscopelint/zscopelint/srclex"
)

func show(rs []httpcalls.Request) []string {
	var out []string
	for _, r := range rs {
		s := fmt.Sprintf("%d %s %s", r.Line, r.Method, strings.ReplaceAll(r.URL, catalog.Unknown, "{…}"))
		if r.Via != "" {
			s += " via " + r.Via
		}
		out = append(out, s)
	}
	return out
}

func TestFind(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		lang srclex.Lang
		src  string
		want []string
	}{
		{"fetch literal", srclex.JS, "await fetch('https://www.zohoapis.com/crm/v8/Leads', {method: 'POST', body})\n",
			[]string{"1 POST https://www.zohoapis.com/crm/v8/Leads"}},
		{"template over a const", srclex.JS, "const API = 'https://www.zohoapis.com/crm/v8';\nfetch(`${API}/users?type=CurrentUser`)\n",
			[]string{"2 GET https://www.zohoapis.com/crm/v8/users?type=CurrentUser"}},
		{"axios instance", srclex.JS, "const zoho = axios.create({ baseURL: 'https://www.zohoapis.eu/crm/v8' });\nexport const deals = () => zoho.get('/Deals');\n",
			[]string{"2 GET https://www.zohoapis.eu/crm/v8/Deals"}},
		{"ternary", srclex.JS, "const url = id ? `${B}/Contacts/${id}` : `${B}/Contacts`;\nconst B = 'https://www.zohoapis.com/crm/v8'\naxios({url, method: id ? 'PUT' : 'POST'})\n",
			[]string{"3 PUT https://www.zohoapis.com/crm/v8/Contacts/{…}", "3 PUT https://www.zohoapis.com/crm/v8/Contacts", "3 POST https://www.zohoapis.com/crm/v8/Contacts/{…}", "3 POST https://www.zohoapis.com/crm/v8/Contacts"}},
		{"helper lends", srclex.JS, "const BASE = 'https://www.zohoapis.com/crm/v8'\nasync function zoho(path, method = 'GET') {\n  return fetch(BASE + path, { method })\n}\nzoho('/Leads')\nzoho('/Deals', 'DELETE')\n",
			[]string{"5 GET https://www.zohoapis.com/crm/v8/Leads via zoho", "6 DELETE https://www.zohoapis.com/crm/v8/Deals via zoho"}},
		{"requests session subclass", srclex.Python, "import requests\nclass Zoho(requests.Session):\n    def __init__(self, base_url='https://www.zohoapis.com/crm/v2'):\n        super().__init__()\n        self.base_url = base_url\n    def contacts(self):\n        return self.get(self._url('/Contacts'))\n    def _url(self, p):\n        return f'{self.base_url}{p}'\n",
			[]string{"7 GET https://www.zohoapis.com/crm/v2/Contacts"}},
		{"requests f-string", srclex.Python, "BASE = \"https://www.zohoapis.com/crm/v8\"\ndef get(module):\n    return requests.get(f\"{BASE}/{module}\", headers=h)\nr = requests.request('PATCH', BASE + '/Leads/%s' % rid)\nget('Accounts')\n",
			[]string{"4 PATCH https://www.zohoapis.com/crm/v8/Leads/{…}", "5 GET https://www.zohoapis.com/crm/v8/Accounts via get"}},
		{"guzzle base_uri", srclex.PHP, "<?php\nuse GuzzleHttp\\Client;\n$client = new Client(['base_uri' => 'https://www.zohoapis.com/crm/v8/']);\n$r = $client->request('GET', 'Leads', ['headers' => $h]);\n$client->post(\"Contacts/{$id}/Notes\");\n",
			[]string{"4 GET https://www.zohoapis.com/crm/v8/Leads", "5 POST https://www.zohoapis.com/crm/v8/Contacts/{…}/Notes"}},
		{"laravel and wp", srclex.PHP, "<?php\n$r = Http::withToken($t)->get('https://www.zohoapis.com/crm/v8/Deals');\nwp_remote_request(ZOHO_API . '/Deals/' . $id, array('method' => 'DELETE'));\ndefine('ZOHO_API', 'https://www.zohoapis.com/crm/v8');\n",
			[]string{"2 GET https://www.zohoapis.com/crm/v8/Deals", "3 DELETE https://www.zohoapis.com/crm/v8/Deals/{…}"}},
		{"curl", srclex.PHP, "<?php\nfunction create($data) {\n  $ch = curl_init();\n  curl_setopt($ch, CURLOPT_URL, 'https://www.zohoapis.com/crm/v2/Leads');\n  curl_setopt($ch, CURLOPT_POST, true);\n  return curl_exec($ch);\n}\n",
			[]string{"4 POST https://www.zohoapis.com/crm/v2/Leads"}},
		{"node https options", srclex.JS, "const https = require('https');\nconst req = https.request({ hostname: 'www.zohoapis.com', path: '/crm/v2/Leads', method: 'POST' }, cb);\n",
			[]string{"2 POST https://www.zohoapis.com/crm/v2/Leads"}},
		{"config object member", srclex.JS, "const ZOHO = { token: t, apiUrl: 'https://www.zohoapis.com/crm/v2/Leads' };\naxios.post(ZOHO.apiUrl, body);\n",
			[]string{"2 POST https://www.zohoapis.com/crm/v2/Leads"}},
		{"a name bound to a client before the module", srclex.JS, "const http = axios.create({ baseURL: 'https://www.zohoapis.com/crm/v8' });\nhttp.get('/Deals');\n",
			[]string{"2 GET https://www.zohoapis.com/crm/v8/Deals"}},
		{"requests url keyword", srclex.Python, "url = 'https://www.zohoapis.com/crm/v2/Leads'\nresponse = requests.get(url=url, headers=headers, params=None)\n",
			[]string{"2 GET https://www.zohoapis.com/crm/v2/Leads"}},
		{"guzzle lower-case method", srclex.PHP, "<?php\nuse GuzzleHttp\\Client;\n$g = new Client();\n$r = $g->request('post', 'https://www.zohoapis.com/crm/v2/leads', ['json' => $x]);\n",
			[]string{"4 POST https://www.zohoapis.com/crm/v2/leads"}},
		{"not requests", srclex.JS, "router.get('/crm/v8/Leads', h)\nfunction get(url) { return 1 }\nconst s = 'fetch(\"https://www.zohoapis.com/crm/v8/Leads\")'\n", nil},
	} {
		got := show(httpcalls.Find(tt.lang, []byte(tt.src)))
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: Find (-want +got):\n%s", tt.name, diff)
		}
	}
}
