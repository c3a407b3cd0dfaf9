package configcheck

import (
	"bytes"
	"flag"
	"fmt"
	"github.com/zscopelint/zscopelint/rules"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

func opts() Options {
	return Options{Catalog: catalog.Default(), Display: filepath.ToSlash}
}

// render prints findings as text, with the fix of each finding applied to the file shown
// under it, so that goldens pin positions and fixes together.
func render(fs []report.Finding) string {
	var b bytes.Buffer
	report.Text(&b, fs)
	for _, f := range fs {
		if f.Fix == nil {
			continue
		}
		for _, e := range f.Fix.Edits {
			src, _ := os.ReadFile(e.File)
			line := string(src[e.Start:e.End])
			b.WriteString("fix " + f.Check.ID + " " + e.File + ":" + itoa(e.StartLine) + ":" + itoa(e.StartCol) + ": " + strconvQuote(line) + " -> " + strconvQuote(e.New) + "\n")
		}
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*") // Glob's * matches dot files too: .env is here once
	n, dotEnv := 0, false
	for _, file := range files {
		if strings.HasSuffix(file, ".golden") || KindOf(file) == NotConfig {
			continue
		}
		n++
		dotEnv = dotEnv || filepath.Base(file) == ".env"
		t.Run(file, func(t *testing.T) {
			res := CheckFiles([]string{file}, opts())
			got := render(report.Sort(res.Findings))
			golden := file + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if n < 9 || !dotEnv {
		t.Errorf("only %d inputs (a .env among them: %v)", n, dotEnv)
	}
}

func TestKindOf(t *testing.T) {
	for name, want := range map[string]Kind{
		"a.yaml": YAML, "a.YML": YAML, "x/b.json": JSON, ".env": Env, "prod.env": Env, ".env.local": Env,
		"a.js": Lexical, "a.tsx": Lexical, "a.py": Lexical, "a.html": Lexical, "a.toml": Lexical,
		"a.properties": Env, "a.go": NotConfig, "README.md": Text, "Dockerfile": Lexical, "deploy.sh": Lexical, "env.example": Env, "prod.env.example": Env, "LICENSE": NotConfig, "environment": NotConfig,
	} {
		if got := KindOf(name); got != want {
			t.Errorf("KindOf(%q) = %v, want %v", name, got, want)
		}
	}
}

func itoa(i int) string { return strconvItoa(i) }

// String escapes in JS, TS, Python and PHP literals are decoded before the scopes are split:
// a trailing \n is a newline, not part of the operation.
func TestLexicalEscapesDecoded(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // check IDs, in order
	}{
		{"newline escape", "const s = 'ZOHOPEOPLE.forms.READ\\n';\n", nil},
		{"tab between scopes", "scopes = \"ZohoCRM.users.READ,\\tZohoCRM.org.READ\"\n", nil},
		{"unicode escape", "const s = \"ZohoCRM\\u002Eusers.READ\";\n", nil},
		{"escape keeps a real typo", "const s = 'ZohoCRM.users.REED\\n';\n", []string{"ZS104"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, _ := CheckBytes("a.js", Lexical, []byte(tt.src), opts())
			var got []string
			for _, f := range fs {
				got = append(got, f.Check.ID)
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("findings %v, want %v: %+v", got, tt.want, fs)
			}
		})
	}
}

// OpenAPI security requirements list the scopes that may authorise an operation, as
// alternatives (Zoho's own OpenAPI files): each scope is checked, the list is no grant.
func TestOpenAPISecurityListsAreAlternatives(t *testing.T) {
	yamlSrc := `paths:
  /settings/currencies:
    get:
      security:
        - iam-oauth2-schema:
            - ZohoCRM.settings.all
            - ZohoCRM.settings.currencies.all
            - ZohoCRM.settings.currencies.read
    put:
      security:
        - iam-oauth2-schema:
            - ZohoCRM.settings.ALL
            - ZohoCRM.settings.currencies.UPDAET
`
	jsonSrc := `{"paths": {"/settings/currencies": {"get": {"security": [{"iam-oauth2-schema": [
  "ZohoCRM.settings.all", "ZohoCRM.settings.currencies.all", "ZohoCRM.settings.currencies.read"]}]},
  "put": {"security": [{"iam-oauth2-schema": ["ZohoCRM.settings.ALL", "ZohoCRM.settings.currencies.UPDAET"]}]}}}}`
	for _, tt := range []struct {
		name string
		kind Kind
		src  string
	}{{"openapi.yaml", YAML, yamlSrc}, {"openapi.json", JSON, jsonSrc}} {
		fs, _ := CheckBytes(tt.name, tt.kind, []byte(tt.src), opts())
		var got []string
		for _, f := range fs {
			if f.Severity >= rules.Warning { // the lower-case spellings are ZS105 infos
				got = append(got, f.Check.ID+" "+f.Scope)
			}
		}
		if strings.Join(got, "; ") != "ZS104 ZohoCRM.settings.currencies.UPDAET" {
			t.Errorf("%s: %v", tt.name, got)
		}
	}
	// A security-like list elsewhere is still a request.
	fs, _ := CheckBytes("app.yaml", YAML, []byte("oauth:\n  scopes:\n    - ZohoCRM.settings.ALL\n    - ZohoCRM.settings.currencies.READ\n"), opts())
	if len(fs) == 0 {
		t.Errorf("a requested set is no longer judged")
	}
}

// A set is judged only when an element is a Zoho scope; a scope without its service name
// in a scope position is malformed when one catalogued service completes it.
func TestOnlyZohoSetsJudged(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		kind      Kind
		want      string
	}{
		{"xero.yaml", "xero:\n  scopes: [openid, accounting.transactions, accounting.contacts.read]\nzoho:\n  scopes: [ZohoCRM.users.READ]\n", YAML, ""},
		{"hubspot.json", `{"hubspot": {"scopes": ["crm.objects.contacts.write", "crm.objects.deals.read"]}, "zoho": {"scope": "ZohoCRM.org.READ"}}`, JSON, ""},
		{"auth.js", "const hubspotScopes = ['crm.objects.contacts.write', 'crm.objects.deals.read']; // zoho too\n", Lexical, ""},
		{"missing.yaml", "zoho:\n  scopes:\n    - modules.leads.READ\n", YAML, "ZS101 modules.leads.READ -> ZohoCRM.modules.leads.READ"},
		{"missing.json", `{"zoho": {"scopes": ["ZohoCRM.users.READ", "settings.fiscal_year.READ"]}}`, JSON, "ZS101 settings.fiscal_year.READ -> ZohoCRM.settings.fiscal_year.READ"},
	} {
		fs, _ := CheckBytes(tt.name, tt.kind, []byte(tt.src), opts())
		var got []string
		for _, f := range fs {
			if f.Severity >= rules.Warning {
				got = append(got, f.Check.ID+" "+f.Scope+" -> "+strings.Join(f.Suggestions, ","))
			}
		}
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("%s: %v, want %q", tt.name, got, tt.want)
		}
	}
}

// A scope named in a sentence is checked for mistakes, never judged for breadth: a
// sentence is no grant.
func TestProseIsNoGrant(t *testing.T) {
	src := "help: Grant ZohoCRM.coql.READ and ZohoCRM.modules.READ when asked.\n" +
		"typo: Then ask for ZohoCRM.modules.ALLL as well.\n" +
		"scopes: ZohoCRM.modules.READ,ZohoCRM.coql.READ\n" // a list is a grant
	fs, _ := CheckBytes("app.yaml", YAML, []byte(src), opts())
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d %s", f.Line, f.Check.ID))
	}
	if strings.Join(got, ",") != "2 ZS104,3 ZS201" {
		t.Errorf("findings %v, want the typo in prose and the breadth of the list only", got)
	}
}

// One string joining scopes with spaces is a request Zoho rejects (ZS302), in every kind of
// file; commas, separate elements and one scope per line are fine.
func TestSpaceJoinedScopes(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		kind      Kind
		want      int
	}{
		{"auth.py", "params = {'scope': 'ZohoCRM.users.READ ZohoCRM.org.READ', 'access_type': 'offline'}\n", Lexical, 1},
		{"app.yaml", "zoho:\n  scope: \"ZohoCRM.users.READ ZohoCRM.org.READ offline_access\"\n", YAML, 1},
		{"app.json", `{"zoho": {"scopes": ["ZohoCRM.users.READ ZohoCRM.org.READ", "ZohoCRM.modules.leads.READ"]}}`, JSON, 1},
		{".env", "ZOHO_SCOPES=ZohoCRM.users.READ\tZohoCRM.org.READ\n", Env, 1},
		{"ok.yaml", "zoho:\n  scope: ZohoCRM.users.READ,ZohoCRM.org.READ\n  scopes: [ZohoCRM.users.READ, ZohoCRM.org.READ]\n", YAML, 0},
		{"lines.yaml", "zoho:\n  scope: |\n    ZohoCRM.users.READ\n    ZohoCRM.org.READ\n", YAML, 0},
		{"other.yaml", "google:\n  scope: \"openid email profile\"\n", YAML, 0},
	} {
		fs, _ := CheckBytes(tt.name, tt.kind, []byte(tt.src), opts())
		n := 0
		for _, f := range fs {
			if f.Check.ID == "ZS302" && strings.Contains(f.Message, "separated by spaces") {
				n++
			}
		}
		if n != tt.want {
			t.Errorf("%s: %d space-joined findings, want %d: %+v", tt.name, n, tt.want, fs)
		}
	}
}

// Documentation, Dockerfiles, shell scripts and env examples are read: their mistakes are
// reported; a scope named in a sentence of documentation is never judged for breadth or
// redundancy, one in Markdown code (inline or fenced: what readers copy) is, as an unquoted
// value assigned to a scope-named variable in a script is.
func TestTextFilesRead(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      string // check IDs of warnings and errors, in order
	}{
		{"README.md", "## Scopes\n\nRequest `ZohoCRM.module.ALL` and `ZohoCRM.modules.ALL`, then ZohoCRM.users.READ.\n", "ZS103,ZS201"},
		{"PROSE.md", "## Scopes\n\nThe old app asked for ZohoCRM.modules.ALL,ZohoCRM.modules.leads.READ and ZohoCRM.settings.ALL.\n", ""},
		{"FENCED.md", "## Scopes\n\n- Then:\n  ```bash\n  ZOHO_OAUTH_SCOPES=\"ZohoCRM.settings.ALL,ZohoCRM.users.READ,ZohoCRM.users.READ\"\n  ```\n\nZohoCRM.modules.ALL in a sentence.\n", "ZS201,ZS202"},
		// A YAML block is read as the YAML reader reads a file: a flow sequence is one set.
		{"YAML.md", "## Config\n\n```yaml\nzoho:\n  scopes: [ZohoCRM.modules.ALL, ZohoCRM.modules.leads.READ]\n```\n", "ZS201,ZS202"},
		{"LISTYAML.md", "1. Set:\n   ```yml\n   scopes: [ZohoCRM.modules.ALL, ZohoCRM.modules.leads.READ]\n   ```\n", "ZS201,ZS202"},
		{"TWOYAML.md", "```yaml\nread: [ZohoCRM.modules.leads.READ]\nadmin: [ZohoCRM.modules.ALL]\n```\n", "ZS201"},
		{"docs/setup.rst", "Use ``ZohoCRM.modules.ALL,ZohoCRM.modules.leads.READ`` for the demo.\n", ""},
		{"Dockerfile", "FROM golang:1.26\nENV ZOHO_SCOPES=\"ZohoCRM.modules.leads.RAED\"\n", "ZS104"},
		{"scripts/deploy.sh", "#!/bin/sh\nexport ZOHO_SCOPE='ZohoCRM.users.REED'\n", "ZS104"},
		{"env.example", "ZOHO_SCOPE=ZohoCRM.org.REED\n", "ZS104"},
		{"app.env.example", "ZOHO_SCOPE=ZohoCRM.org.READ,ZohoCRM.org.READ\n", "ZS202"},
		{"main.tf", "variable \"zoho_scope\" { default = \"ZohoCRM.users.REED\" }\n", "ZS104"},
		// Unquoted values of scripts are grants: judged for breadth.
		{"Dockerfile.prod", "FROM alpine\nENV ZOHO_SCOPE=ZohoCRM.modules.ALL\n", "ZS201"},
		{"run.sh", "export ZOHO_SCOPE=ZohoCRM.settings.ALL\necho ZohoCRM.modules.ALL is broad\n", "ZS201"},
	} {
		fs, _ := CheckBytes(tt.name, KindOf(tt.name), []byte(tt.src), opts())
		var got []string
		for _, f := range fs {
			if f.Severity >= rules.Warning {
				got = append(got, f.Check.ID)
			}
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("%s: %v, want %q: %+v", tt.name, got, tt.want, fs)
		}
	}
}

// TestProductFromValuesNotComments: a clientoauth authorization URL among a file's values
// makes it a Zoho Vertical Solutions file (ZS103 for the appointments module, which that
// product lacks), as a string constant does in Go; the same URL in a comment decides
// nothing.
func TestProductFromValuesNotComments(t *testing.T) {
	const url = "https://accounts.zoho.com/clientoauth/v2/12345/auth"
	const scope = "ZohoCRM.modules.appointments.READ"
	dir := t.TempDir()
	for _, tt := range []struct {
		name, text string
		vertical   bool
	}{
		{"comment.yaml", "# portal login: " + url + "\nscopes: [" + scope + "]\n", false},
		{"value.yaml", "auth_url: " + url + "\nscopes: [" + scope + "]\n", true},
		{"comment.env", "# " + url + "\nZOHO_SCOPE=" + scope + "\n", false},
		{"value.env", "ZOHO_AUTH_URL=" + url + "\nZOHO_SCOPE=" + scope + "\n", true},
		{"comment.js", "// " + url + "\nconst scopes = ['" + scope + "'];\n", false},
		{"value.js", "const authURL = '" + url + "';\nconst scopes = ['" + scope + "'];\n", true},
		{"value.json", `{"auth_url": "` + url + `", "scope": "` + scope + `"}`, true},
	} {
		name := tt.name
		if strings.HasSuffix(name, ".env") {
			name = strings.TrimSuffix(name, ".env") + "/.env"
		}
		out := checkWritten(t, dir, name, tt.text)
		if got := strings.Contains(out, "not available in Zoho Vertical Solutions"); got != tt.vertical {
			t.Errorf("%s: Vertical Solutions %v, want %v:\n%s", tt.name, got, tt.vertical, out)
		}
	}
}

// TestScopeNamedKeyIsANeedle: a value under a scope-named key is in scope position, where
// the engine completes a scope written without its service; the prefilter passes over no
// such file, with or without the word "zoho" in it, in any kind of file. A file parsed for
// its scope key alone gives no client-secret finding: nothing in it says the secret is
// Zoho's.
func TestScopeNamedKeyIsANeedle(t *testing.T) {
	const want = `malformed scope "modules.leads.READ": no service name; did you mean ZohoCRM.modules.leads.READ? (ZS101)`
	dir := t.TempDir()
	const sec = "GOCSPXa81b2c3d4e5f6a7b8c9d0e1f2a3b4c" // a client secret of another provider
	for _, tt := range []struct{ name, text string }{
		{"a.yaml", "scope: modules.leads.READ\nclient_secret: " + sec + "\n"},
		{"b.yaml", "oauth:\n  client_secret: " + sec + "\n  scopes:\n    - modules.leads.READ\n"},
		{"a/.env", "SCOPE=modules.leads.READ\nCLIENT_SECRET=" + sec + "\n"},
		{"b/.env", "OAUTH_SCOPES=modules.leads.READ\nCLIENT_SECRET=" + sec + "\n"},
		{"a.js", "const config = { scope: 'modules.leads.READ', client_secret: '" + sec + "' };\n"},
		{"b.js", "const clientSecret = '" + sec + "';\nconst scopes = ['modules.leads.READ'];\n"},
		{"a.json", `{"scope": "modules.leads.READ", "client_secret": "` + sec + `"}`},
		{"a.properties", "oauth.scope=modules.leads.READ\noauth.client_secret=" + sec + "\n"},
		{"zoho/.env", "ZOHO_SCOPE=modules.leads.READ\nZOHO_CLIENT_SECRET=" + sec + "\n"},
		{"zoho.yaml", "# zoho\nscope: modules.leads.READ\nclient_secret: " + sec + "\n"},
		{"zoho.js", "// zoho client\nconst config = { scope: 'modules.leads.READ', client_secret: '" + sec + "' };\n"},
	} {
		out := checkWritten(t, dir, tt.name, tt.text)
		if !strings.Contains(out, want) {
			t.Errorf("%s: want %s, got:\n%s", tt.name, want, out)
		}
		if zoho := strings.HasPrefix(tt.name, "zoho"); strings.Contains(out, "(ZS301)") != zoho {
			t.Errorf("%s: ZS301 %v, want %v:\n%s", tt.name, !zoho, zoho, out)
		}
	}
}

// checkWritten writes text to the file name (slash-separated) under dir, checks it alone
// and returns its findings as text.
func checkWritten(t *testing.T, dir, name, text string) string {
	t.Helper()
	file := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	report.Text(&b, CheckFiles([]string{file}, opts()).Findings)
	return b.String()
}

// TestCredentialShapes: client secrets in the shapes real code leaks them are ZS301 — the
// default of a framework's environment lookup, a prose key in a comment or a Markdown
// list, a JSON credentials file whose name or directory says zoho — and the same shapes
// with another variable, an empty default or another file name are not.
func TestCredentialShapes(t *testing.T) {
	dir := t.TempDir()
	const sec = "a81b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c"
	for _, tt := range []struct {
		name, text string
		want       int // ZS301 findings
	}{
		{"laravel.php", "<?php return ['client_secret' => env('ZOHO_CLIENT_SECRET', '" + sec + "')];\n", 1},
		{"laravel_other.php", "<?php // zoho\nreturn ['name' => env('APP_NAME', '" + sec + "')];\n", 0},
		{"laravel_empty.php", "<?php return ['client_secret' => env('ZOHO_CLIENT_SECRET', '')];\n", 0},
		{"nullish.ts", "const s = process.env.ZOHO_CLIENT_SECRET ?? \"" + sec + "\";\n", 1},
		{"or.ts", "const s = process.env.ZOHO_CLIENT_SECRET || '" + sec + "';\n", 1},
		{"or_other.ts", "// zoho\nconst s = process.env.APP_NAME || '" + sec + "';\n", 0},
		{"getenv.py", "import os\nS = os.getenv(\"ZOHO_CLIENT_SECRET\", \"" + sec + "\")\n", 1},
		{"environ.py", "import os\nS = os.environ.get('ZOHO_CLIENT_SECRET', '" + sec + "')\n", 1},
		{"environ_other.py", "# zoho\nS = os.environ.get('DATABASE_URL', '" + sec + "')\n", 0},
		{"comment.php", "<?php\n// Zoho CRM app\n// Client Secret: " + sec + "\n", 1},
		{"SETUP.md", "# Zoho CRM\n\n- **Client Secret:** " + sec + "\n", 1},
		{"PLACEHOLDER.md", "# Zoho CRM\n\n- **Client Secret:** <your client secret>\n", 0},
		{"zoho_tokens.json", `{"client_secret": "` + sec + `"}`, 1},
		{"zoho/creds.json", `{"client_secret": "` + sec + `"}`, 1},
		{"google/creds.json", `{"client_secret": "` + sec + `"}`, 0},
	} {
		out := checkWritten(t, dir, tt.name, tt.text)
		if got := strings.Count(out, "(ZS301)"); got != tt.want {
			t.Errorf("%s: %d ZS301 findings, want %d:\n%s", tt.name, got, tt.want, out)
		}
		if strings.Contains(out, sec) {
			t.Errorf("%s: the secret is printed:\n%s", tt.name, out)
		}
	}
}

// TestSpaceJoinedLists: a list that the file joins with a space into one string is a
// space-joined scope set (ZS302's warning), in the shapes JavaScript, Python and PHP write
// it; the same lists joined with a comma are not.
func TestSpaceJoinedLists(t *testing.T) {
	dir := t.TempDir()
	const warn = "Zoho documents commas between scopes"
	for _, tt := range []struct {
		name, text string
		want       int
	}{
		{"named.js", "const scopes = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.users.READ'];\nconst q = encodeURIComponent(scopes.join(' '));\n", 1},
		{"inline.js", "const q = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.users.READ'].join(\" \");\n", 1},
		{"comma.js", "const scopes = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.users.READ'];\nconst q = scopes.join(',');\n", 0},
		{"named.py", "ZOHO_SCOPES = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.users.READ']\nscope = \" \".join(settings.ZOHO_SCOPES)\n", 1},
		{"inline.py", "scope = ' '.join(['ZohoCRM.modules.leads.READ', 'ZohoCRM.users.READ'])\n", 1},
		{"other.py", "ZOHO_SCOPES = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.users.READ']\nwords = ' '.join(names)\n", 0},
		{"named.php", "<?php\n$scopes = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.users.READ'];\n$q = implode(' ', $scopes);\n", 1},
		{"comma.php", "<?php\n$q = implode(',', ['ZohoCRM.modules.leads.READ', 'ZohoCRM.users.READ']);\n", 0},
		{"url.php", "<?php\n$u = \"https://accounts.zoho.com/oauth/v2/auth?scope=ZohoCRM.modules.leads.READ ZohoCRM.users.READ&client_id=x&response_type=code&redirect_uri=y\";\n", 1},
		{"encoded.env", "ZOHO_SCOPE=ZohoCRM.modules.leads.READ%20ZohoCRM.users.READ\n", 1},
		// One element a line, each with a note: the notes do not end the list, and its name
		// is before the bracket on the line above.
		{"multiline.py", "ZOHO_SCOPES = [\n    'ZohoCRM.modules.leads.READ',  # leads\n    'ZohoCRM.users.READ',  # owner names\n]\nscope = ' '.join(ZOHO_SCOPES)\n", 1},
		{"multiline.php", "<?php\n$scopes = [\n    'ZohoCRM.modules.leads.READ', // leads\n    'ZohoCRM.users.READ', # owners\n];\n$q = implode(' ', $scopes);\n", 1},
	} {
		out := checkWritten(t, dir, tt.name, tt.text)
		if got := strings.Count(out, warn); got != tt.want {
			t.Errorf("%s: %d space-joined findings, want %d:\n%s", tt.name, got, tt.want, out)
		}
		if strings.Contains(out, "(ZS101)") {
			t.Errorf("%s: malformed scope reported:\n%s", tt.name, out)
		}
	}
}

// TestCommentedListElements: a note after an element of a list does not cut the list in
// two, so an element that another one grants is still redundant (ZS202).
func TestCommentedListElements(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"notes.py":  "SCOPES = [\n    'ZohoCRM.modules.ALL',  # everything\n    'ZohoCRM.modules.leads.READ',  # leads\n]\n",
		"notes.ts":  "const scopes = [\n  'ZohoCRM.modules.ALL', // everything\n  /* leads */ 'ZohoCRM.modules.leads.READ',\n];\n",
		"notes.php": "<?php\n$scopes = [\n    'ZohoCRM.modules.ALL', // everything\n    'ZohoCRM.modules.leads.READ', # leads\n];\n",
	} {
		out := checkWritten(t, dir, name, text)
		if !strings.Contains(out, "ZohoCRM.modules.leads.READ is redundant: ZohoCRM.modules.ALL in the same set already grants it (ZS202)") {
			t.Errorf("%s: no ZS202:\n%s", name, out)
		}
	}
}

// TestOwnMessagePastedInDocs: zscopelint's own message text pasted into a README names a
// family of scopes with a brace group, which is no list of malformed scopes; a real
// mistake beside it is still reported.
func TestOwnMessagePastedInDocs(t *testing.T) {
	dir := t.TempDir()
	out := checkWritten(t, dir, "NOTES.md", "# Zoho CRM\n\nThe linter said: ZohoCRM.settings.ALL is a group scope; request only those the code uses (ZohoCRM.settings.<name>.{READ,CREATE,UPDATE,DELETE})\n\nWe also asked for ZohoCRM.modules.leeds.READ.\n")
	if strings.Contains(out, "(ZS101)") {
		t.Errorf("malformed scopes in a pasted message:\n%s", out)
	}
	if !strings.Contains(out, "ZohoCRM.modules.leeds.READ") {
		t.Errorf("the misspelt scope beside it is not reported:\n%s", out)
	}
}

// TestHeaderStrings: an HTTP header line "scope: ..." in the shapes code sends it (a PHP
// cURL header array, a JavaScript or Python list of header lines, a curl -H in a script)
// is a scope set: checked for validity, judged for breadth and redundancy; a header of
// another name, and a scope header naming one narrow scope, are not.
func TestHeaderStrings(t *testing.T) {
	dir := t.TempDir()
	const redundant = "ZohoCRM.modules.leads.READ is redundant: ZohoCRM.modules.ALL in the same set already grants it (ZS202)"
	for _, tt := range []struct {
		name, text string
		zs202      int
		zs201      int
		invalid    int // ZS1xx errors
	}{
		{"curl.php", "<?php\n$ch = curl_init('https://www.zohoapis.com/crm/v2/Leads');\ncurl_setopt_array($ch, array(\n  CURLOPT_HTTPHEADER => array(\n    \"Authorization: Zoho-oauthtoken \" . $token,\n    \"scope: ZohoCRM.modules.ALL,ZohoCRM.modules.leads.READ\",\n  ),\n));\n", 1, 1, 0},
		{"lines.js", "// Zoho CRM\nconst headers = ['Content-Type: application/json', 'scope: ZohoCRM.modules.ALL,ZohoCRM.modules.leads.READ'];\n", 1, 1, 0},
		{"lines.py", "# Zoho CRM\nHEADERS = [\"Accept: application/json\", \"Scope: ZohoCRM.modules.ALL, ZohoCRM.modules.leads.READ\"]\n", 1, 1, 0},
		// A header dict or object whose scope header holds a list (read by its key already).
		{"dict.py", "# Zoho CRM\nheaders = {\"Authorization\": \"Zoho-oauthtoken \" + tok, \"scope\": \"ZohoCRM.modules.ALL,ZohoCRM.modules.leads.READ\"}\n", 1, 1, 0},
		{"object.js", "// Zoho CRM\nconst headers = { Authorization: `Zoho-oauthtoken ${tok}`, scope: 'ZohoCRM.modules.ALL,ZohoCRM.modules.leads.READ' };\n", 1, 1, 0},
		{"call.sh", "#!/bin/sh\n# Zoho CRM\ncurl -H \"scope: ZohoCRM.modules.ALL,ZohoCRM.modules.leads.READ\" https://www.zohoapis.com/crm/v2/Leads\n", 1, 1, 0},
		{"typo.php", "<?php\n// Zoho CRM\n$h = array(\"scope: ZohoCRM.modules.leeds.READ,ZohoCRM.users.READ\");\n", 0, 0, 1},
		{"note.php", "<?php\n// Zoho CRM\n$h = array(\"X-Note: ZohoCRM.modules.ALL,ZohoCRM.modules.leads.READ\");\n", 0, 0, 0},
		{"narrow.js", "// Zoho CRM\nconst headers = ['scope: ZohoCRM.modules.leads.READ'];\n", 0, 0, 0},
	} {
		out := checkWritten(t, dir, tt.name, tt.text)
		if got := strings.Count(out, redundant); got != tt.zs202 {
			t.Errorf("%s: %d ZS202, want %d:\n%s", tt.name, got, tt.zs202, out)
		}
		if got := strings.Count(out, "(ZS201)"); got != tt.zs201 {
			t.Errorf("%s: %d ZS201, want %d:\n%s", tt.name, got, tt.zs201, out)
		}
		if got := strings.Count(out, ": error: "); got != tt.invalid {
			t.Errorf("%s: %d errors, want %d:\n%s", tt.name, got, tt.invalid, out)
		}
	}
}

// TestLiteralCredentialBlocks: a JavaScript, TypeScript or Python object or dict literal,
// or a PHP array, that holds a token beside hosts of two environments or data centres is
// ZS303, as a YAML or JSON mapping is; one literal per environment, a class whose method
// picks the host, an arrow function's body, a PHP index and a key that only a ternary's
// colon follows are not.
func TestLiteralCredentialBlocks(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name, text string
		want       int // ZS303 findings
	}{
		{"mixed.py", "import os\nZOHO = {\n    \"refresh_token\": os.environ[\"ZOHO_REFRESH_TOKEN\"],  # one token\n    \"api_domain\": \"https://www.zohoapis.com\",\n    \"sandbox_domain\": \"https://sandbox.zohoapis.com\",\n}\n", 1},
		{"mixed.js", "module.exports = {\n  refreshToken: process.env.ZOHO_REFRESH_TOKEN,\n  apiDomain: 'https://www.zohoapis.com',\n  accountsUrl: 'https://accounts.zoho.eu',\n};\n", 1},
		{"mixed.ts", "export const zoho = {\n  'refresh_token': process.env.ZOHO_REFRESH_TOKEN!,\n  endpoints: { crm: `https://www.zohoapis.com/crm/v2`, desk: \"https://www.zohoapis.in/desk\" },\n};\n", 1},
		{"perenv.py", "import os\nZOHO = {\n    \"production\": {\"refresh_token\": os.environ[\"A\"], \"api_domain\": \"https://www.zohoapis.com\"},\n    \"sandbox\": {\"refresh_token\": os.environ[\"B\"], \"api_domain\": \"https://sandbox.zohoapis.com\"},\n}\n", 0},
		{"perenv.ts", "export default {\n  production: { refreshToken: process.env.A, apiDomain: 'https://www.zohoapis.com' },\n  sandbox: { refreshToken: process.env.B, apiDomain: 'https://sandbox.zohoapis.com' },\n};\n", 0},
		{"class.ts", "// Zoho CRM\nclass Client {\n  refreshToken: string;\n  url(sandbox: boolean) { return sandbox ? 'https://sandbox.zohoapis.com' : 'https://www.zohoapis.com'; }\n}\n", 0},
		{"ternary.js", "const cfg = { token: t, url: sandbox ? refreshToken : 'https://sandbox.zohoapis.com', other: 'https://www.zohoapis.com' };\n", 0},
		{"onehost.py", "ZOHO = {\"refresh_token\": os.environ[\"A\"], \"api_domain\": \"https://www.zohoapis.eu\", \"accounts\": \"https://accounts.zoho.eu\"}\n", 0},
		{"arrow.js", "// Zoho CRM\nconst f = () => { const refreshToken = x; return ['https://www.zohoapis.com', 'https://sandbox.zohoapis.com']; };\n", 0},
		{"laravel.php", "<?php\nreturn [\n    'zoho' => [\n        'refresh_token' => env('ZOHO_REFRESH_TOKEN'),\n        'api_domain' => env('ZOHO_API_DOMAIN', 'https://www.zohoapis.com'),\n        'accounts_url' => env('ZOHO_ACCOUNTS_URL', 'https://accounts.zoho.eu'),\n    ],\n];\n", 1},
		{"array.php", "<?php\n$zoho = array('refresh_token' => getenv('T'), 'api' => 'https://www.zohoapis.com', 'sandbox' => 'https://sandbox.zohoapis.com');\n", 1},
		{"perenv.php", "<?php\nreturn [\n    'production' => ['refresh_token' => getenv('A'), 'api' => 'https://www.zohoapis.com'],\n    'sandbox' => ['refresh_token' => getenv('B'), 'api' => 'https://sandbox.zohoapis.com'],\n];\n", 0},
		{"index.php", "<?php\n// Zoho CRM\n$t = $config['refresh_token'];\n$urls = ['https://www.zohoapis.com', 'https://sandbox.zohoapis.com'];\n", 0},
	} {
		out := checkWritten(t, dir, tt.name, tt.text)
		if got := strings.Count(out, "(ZS303)"); got != tt.want {
			t.Errorf("%s: %d ZS303 findings, want %d:\n%s", tt.name, got, tt.want, out)
		}
	}
}

// TestSpaceJoinedNames: a file that joins with a space a list it takes from another file
// (an attribute, an import by name) names it for its program; a list of its own, a comma
// join and a name it neither imports nor reads as an attribute do not.
func TestSpaceJoinedNames(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"attr.py", "from django.conf import settings\nscope = \" \".join(settings.ZOHO_SCOPES)\n", []string{"ZOHO_SCOPES"}},
		{"from.py", "from app.config import (\n    ZOHO_SCOPES,\n)\nscope = ' '.join(ZOHO_SCOPES)\n", []string{"ZOHO_SCOPES"}},
		{"import.ts", "import { CRM_SCOPES, other } from './scopes';\nconst s = CRM_SCOPES.join(' ');\n", []string{"CRM_SCOPES"}},
		{"attr.js", "const cfg = require('./config');\nconst s = cfg.scopes.join(\" \");\n", []string{"scopes"}},
		{"own.py", "ZOHO_SCOPES = ['ZohoCRM.users.READ']\nscope = ' '.join(ZOHO_SCOPES)\n", nil},
		{"comma.ts", "import { CRM_SCOPES } from './scopes';\nconst s = CRM_SCOPES.join(',');\n", nil},
		{"local.js", "const s = scopes.join(' ');\n", nil},
	} {
		if diff := cmp.Diff(tt.want, SpaceJoinedNames([]byte(tt.text))); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestSpaceJoinedInProgram: a list whose name the program's other files join with a space
// is space-joined (ZS302's warning) where it is defined; another list beside it is not.
func TestSpaceJoinedInProgram(t *testing.T) {
	dir := t.TempDir()
	o := opts()
	o.SpaceJoinedIn = func(string) map[string]bool { return map[string]bool{"CRM_SCOPES": true} }
	for _, tt := range []struct {
		name, text string
		want       int
	}{
		{"scopes.ts", "export const CRM_SCOPES = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.users.READ'];\n", 1},
		{"settings.py", "CRM_SCOPES = [\n    'ZohoCRM.modules.leads.READ',  # leads\n    'ZohoCRM.users.READ',\n]\n", 1},
		{"other.ts", "export const REPORT_SCOPES = ['ZohoCRM.modules.leads.READ', 'ZohoCRM.users.READ'];\n", 0},
	} {
		file := filepath.Join(dir, tt.name)
		must(t, os.WriteFile(file, []byte(tt.text), 0o644))
		var b bytes.Buffer
		report.Text(&b, CheckFiles([]string{file}, o).Findings)
		if got := strings.Count(b.String(), "Zoho documents commas between scopes"); got != tt.want {
			t.Errorf("%s: %d space-joined findings, want %d:\n%s", tt.name, got, tt.want, b.String())
		}
	}
}

// TestMarkdownFencedLists: an array of scope literals in a fenced code block is one set,
// judged for redundancy as in code; the same scopes named in a sentence are not.
func TestMarkdownFencedLists(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name, text string
		want       int // ZS202 findings
	}{
		{"JS.md", "# Zoho CRM\n\n```js\nconst scopes = ['ZohoCRM.modules.ALL', 'ZohoCRM.modules.leads.READ'];\n```\n", 1},
		{"PY.md", "# Zoho CRM\n\n```python\nSCOPES = [\n    \"ZohoCRM.modules.leads.READ\",\n    \"ZohoCRM.modules.leads.READ\",\n]\n```\n", 1},
		{"PROSE.md", "# Zoho CRM\n\nWe ask for ZohoCRM.modules.ALL and ZohoCRM.modules.leads.READ.\n", 0},
		// A path glob opens no comment, and a double-backquote span holding backquotes
		// ends where Markdown ends it: neither hides the block after it.
		{"GLOB.md", "# Zoho CRM\n\n```yaml\nexclude: [third_party/**]\nscope: ZohoCRM.modules.ALL,ZohoCRM.modules.leads.READ\n```\n", 1},
		{"TICKS.md", "# Zoho CRM\n\nCall `` fetch(`${base}/Leads`) ``, then:\n\n```js\nconst s = ['ZohoCRM.modules.ALL', 'ZohoCRM.modules.leads.READ'];\n```\n", 1},
	} {
		out := checkWritten(t, dir, tt.name, tt.text)
		if got := strings.Count(out, "(ZS202)"); got != tt.want {
			t.Errorf("%s: %d ZS202 findings, want %d:\n%s", tt.name, got, tt.want, out)
		}
	}
}

// TestEditBases: an edit carries the Sum of the file it was computed from when the run
// applies fixes (EditBases), and no Base otherwise, which -fix never applies.
func TestEditBases(t *testing.T) {
	data := []byte("scopes:\n  - ZohoCRM.users.READ\n  - ZohoCRM.users.READ\n")
	name := filepath.Join(t.TempDir(), "zoho.yaml")
	if err := os.WriteFile(name, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, sums := range []bool{false, true} {
		o := opts()
		o.EditBases = sums
		want := ""
		if sums {
			want = report.Sum(data)
		}
		edits := 0
		for _, f := range CheckFiles([]string{name}, o).Findings {
			if f.Fix == nil {
				continue
			}
			for _, e := range f.Fix.Edits {
				edits++
				if e.Base != want {
					t.Errorf("EditBases %v: %s edit has Base %q, want %q", sums, f.Message, e.Base, want)
				}
			}
		}
		if edits == 0 {
			t.Fatalf("EditBases %v: no edit to look at", sums)
		}
	}
}
