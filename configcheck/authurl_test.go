package configcheck

import (
	"strings"
	"testing"
)

// An authorization URL written in pieces is judged whole (ZS302): Python's adjacent
// literals, literals joined with + or . around expressions, and f-string, template-literal
// and PHP holes that hold a call. A piece is never judged as the whole request; a request
// whose known pieces lack a parameter that no unknown piece can hold is still reported.
func TestAuthURLInPieces(t *testing.T) {
	const auth = "https://accounts.zoho.com/oauth/v2/auth"
	for _, tt := range []struct {
		name, src string
		want      string // ZS302 messages, joined by " | "
	}{
		// Python implicit concatenation.
		{"adjacent.py", "auth_url = (\"" + auth + "?scope=ZohoCRM.modules.leads.READ&response_type=code\"\n" +
			"            \"&client_id=1000.ABC&redirect_uri=https%3A%2F%2Fexample.com%2Fcb\")\n", ""},
		{"adjacent_missing.py", "auth_url = (\"" + auth + "?scope=ZohoCRM.modules.leads.READ&response_type=code\"\n" +
			"            \"&client_id=1000.ABC\")\n", "missing redirect_uri"},
		{"list.py", "urls = [\"" + auth + "?scope=ZohoCRM.modules.leads.READ&response_type=code\",\n" +
			"        \"&client_id=1000.ABC&redirect_uri=https://example.com/cb\"]\n", "missing client_id; missing redirect_uri"},
		// Literals and expressions joined with +.
		{"plus.py", "auth_url = (\"" + auth + "?response_type=code\"\n" +
			"            \"&client_id=\" + CLIENT_ID +\n" +
			"            \"&scope=ZohoCRM.modules.leads.READ&redirect_uri=\" + quote(REDIRECT, safe=''))\n", ""},
		{"plus_missing.py", "auth_url = (\"" + auth + "?response_type=code\"\n" +
			"            \"&client_id=\" + CLIENT_ID +\n" +
			"            \"&scope=ZohoCRM.modules.leads.READ\")\n", "missing redirect_uri"},
		{"tail.py", "auth_url = \"" + auth + "?response_type=code\" + urlencode(params)\n", ""},
		{"template_tail.js", "const u = `" + auth + "?response_type=code${extra}`;\n", ""},
		{"plus.js", "const u = \"" + auth + "?response_type=code&scope=ZohoCRM.users.READ\" + \"&client_id=\" + cid + \"&redirect_uri=\" + r;\n", ""},
		{"plus_missing.js", "const u = \"" + auth + "?response_type=code&scope=ZohoCRM.users.READ\" + \"&client_id=\" + cid;\n", "missing redirect_uri"},
		{"dot.php", "<?php\n$u = \"" + auth + "?response_type=code&scope=ZohoCRM.users.READ\" . \"&client_id=\" . $cid . \"&redirect_uri=\" . urlencode($r);\n", ""},
		{"dot_missing.php", "<?php\n$u = \"" + auth + "?response_type=code&scope=ZohoCRM.users.READ\" . \"&client_id=\" . $cid;\n", "missing redirect_uri"},
		// Holes that hold a call (a JavaScript template literal's were read so before).
		{"fstring.py", "u = f\"" + auth + "?response_type=code&client_id={cid}&scope={quote(s)}&redirect_uri={quote(r)}\"\n", ""},
		{"fstring_missing.py", "u = f\"" + auth + "?response_type=code&client_id={cid}&scope={quote(s)}\"\n", "missing redirect_uri"},
		{"template.js", "const u = `" + auth + "?scope=${encodeURIComponent(s)}&client_id=${cid}&redirect_uri=${encodeURIComponent(r)}&response_type=code`;\n", ""},
		{"template_missing.js", "const u = `" + auth + "?response_type=code&client_id=${cid}&scope=${encodeURIComponent(s)}`;\n", "missing redirect_uri"},
		{"interp.php", "<?php\n$u = \"" + auth + "?response_type=code&client_id={$cid}&scope={$this->scope()}&redirect_uri={$this->redirect()}\";\n", ""},
		{"interp_missing.php", "<?php\n$u = \"" + auth + "?response_type=code&client_id={$cid}&scope={$this->scope()}\";\n", "missing redirect_uri"},
	} {
		fs, _ := CheckBytes(tt.name, Lexical, []byte(tt.src), opts())
		var got []string
		for _, f := range fs {
			if f.Check.ID == "ZS302" {
				got = append(got, strings.TrimPrefix(f.Message, "Zoho authorization request: "))
			}
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("%s: ZS302 %q, want %q", tt.name, g, tt.want)
		}
	}
}
