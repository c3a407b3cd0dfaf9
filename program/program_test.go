package program_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/internal/testtree"
	"github.com/zscopelint/zscopelint/program"
	"github.com/zscopelint/zscopelint/rules"
)

// polyglot is a repository with a Go module at its root, a Go back end in api/ and
// front ends of other languages beside it.
var polyglot = map[string]string{
	".git/HEAD":             "ref: refs/heads/main\n",
	"go.mod":                "module example.com/app\n\ngo 1.26\n",
	"api/main.go":           "package main\n\nfunc main() {}\n",
	"api/crm/crm.go":        "package crm\n",
	"api/zoho.yaml":         "scopes: [ZohoCRM.modules.contacts.CREATE]\n",
	"internal/zoho/zoho.go": "package zoho\n",
	"config/zoho.yaml":      "scopes: [ZohoCRM.users.READ]\n",
	"web/package.json":      "{}\n",
	"web/lib/zoho.ts":       "const scope = \"ZohoCRM.modules.deals.READ\";\n",
	"web/tools/gen.go":      "package tools\n",
	"py/pyproject.toml":     "[project]\n",
	"py/app/zoho.py":        "SCOPE = 'ZohoCRM.org.READ'\n",
	"php/composer.json":     "{}\n",
	"java/pom.xml":          "<project/>\n",
	"gradle/build.gradle":   "\n",
	"cs/App.csproj":         "<Project/>\n",
	"rb/Gemfile":            "\n",
	"req/requirements.txt":  "requests\n",
	"testdata/zoho.yaml":    "scopes: [ZohoCRM.users.READ]\n",
	"web/node_modules/x.js": "\n",
}

func TestRootOf(t *testing.T) {
	t.Parallel()
	dir := testtree.Write(t, polyglot)
	l := program.NewLayout(dir, nil)
	at := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	for _, tt := range []struct {
		file string
		want program.Root
	}{
		{"api/zoho.yaml", program.Root{Dir: at("api"), Kind: program.GoMain, Language: program.Go}},
		{"api/crm/crm.go", program.Root{Dir: at("api"), Kind: program.GoMain, Language: program.Go}},
		{"internal/zoho/zoho.go", program.Root{Dir: dir, Kind: program.GoModule, Language: program.Go}},
		{"config/zoho.yaml", program.Root{Dir: dir, Kind: program.GoModule, Language: program.Go}},
		// The front end beside the back end is a program of its own ...
		{"web/lib/zoho.ts", program.Root{Dir: at("web"), Kind: program.Manifest, Language: program.JavaScript}},
		// ... but a Go file belongs to its package's program, whatever manifest is nearer.
		{"web/tools/gen.go", program.Root{Dir: dir, Kind: program.GoModule, Language: program.Go}},
		{"py/app/zoho.py", program.Root{Dir: at("py"), Kind: program.Manifest, Language: program.Python}},
		{"php/x.php", program.Root{Dir: at("php"), Kind: program.Manifest, Language: program.PHP}},
		{"java/src/A.java", program.Root{Dir: at("java"), Kind: program.Manifest, Language: program.Java}},
		{"gradle/A.kt", program.Root{Dir: at("gradle"), Kind: program.Manifest, Language: program.Java}},
		{"cs/Program.cs", program.Root{Dir: at("cs"), Kind: program.Manifest, Language: program.CSharp}},
		{"rb/app.rb", program.Root{Dir: at("rb"), Kind: program.Manifest, Language: program.Ruby}},
		{"req/app.py", program.Root{Dir: at("req"), Kind: program.Manifest, Language: program.Python}},
		{"testdata/zoho.yaml", program.Root{}},
		{"web/node_modules/x.js", program.Root{}},
	} {
		if got := l.RootOf(at(tt.file)); got != tt.want {
			t.Errorf("RootOf(%s) = %+v, want %+v", tt.file, got, tt.want)
		}
	}
}

// A repository without a Go module: each manifest's directory is a program, and what no
// manifest claims belongs to the repository as one program.
func TestRootOfWithoutModule(t *testing.T) {
	t.Parallel()
	dir := testtree.Write(t, map[string]string{
		".git/HEAD":        "ref: refs/heads/main\n",
		"web/package.json": "{}\n",
		"web/src/a.ts":     "\n",
		"deploy/zoho.yaml": "\n",
		"scripts/gen.go":   "package main\n",
	})
	l := program.NewLayout(dir, nil)
	for file, want := range map[string]program.Root{
		"web/src/a.ts":     {Dir: filepath.Join(dir, "web"), Kind: program.Manifest, Language: program.JavaScript},
		"deploy/zoho.yaml": {Dir: dir, Kind: program.Repository},
		"scripts/gen.go":   {Dir: dir, Kind: program.Repository},
	} {
		if got := l.RootOf(filepath.Join(dir, filepath.FromSlash(file))); got != want {
			t.Errorf("RootOf(%s) = %+v, want %+v", file, got, want)
		}
	}
}

// A file of another repository than the working directory's (zscopelint ../other/...)
// belongs to that repository, as when run from inside it; one in no repository that
// nothing claims belongs to no program.
func TestRootOfAnotherRepository(t *testing.T) {
	t.Parallel()
	dir := testtree.Write(t, map[string]string{
		"here/.git/HEAD":         "ref: refs/heads/main\n",
		"other/.git/HEAD":        "ref: refs/heads/main\n",
		"other/src/app.js":       "\n",
		"other/web/package.json": "{}\n",
		"other/web/a.js":         "\n",
		"loose/x.js":             "\n",
	})
	at := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	fromHere, fromOther := program.NewLayout(at("here"), nil), program.NewLayout(at("other"), nil)
	for file, want := range map[string]program.Root{
		"other/src/app.js": {Dir: at("other"), Kind: program.Repository},
		"other/web/a.js":   {Dir: at("other/web"), Kind: program.Manifest, Language: program.JavaScript},
		"loose/x.js":       {},
	} {
		for name, l := range map[string]*program.Layout{"from here": fromHere, "from other": fromOther} {
			if got := l.RootOf(at(file)); got != want {
				t.Errorf("%s: RootOf(%s) = %+v, want %+v", name, file, got, want)
			}
		}
	}
}

func call(t *testing.T, method, url, where string) rules.Call {
	t.Helper()
	eng := &rules.Engine{Catalog: catalog.Default()}
	c, ok := eng.NewCall(method, url, where)
	if !ok {
		t.Fatalf("%s %s is not a Zoho API call", method, url)
	}
	return c
}

// A scope set is judged only against the calls of its own program: the web front end's
// set gets no evidence from the Go back end beside it, the back end's config gets its
// main package's calls (its own and its imports'), and a config file of the module as a
// whole gets every package's.
func TestEvidenceOfItsOwnProgram(t *testing.T) {
	t.Parallel()
	dir := testtree.Write(t, polyglot)
	at := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	contacts := call(t, "POST", "https://www.zohoapis.com/crm/v8/Contacts", "example.com/app/api/crm/crm.go:7")
	users := call(t, "GET", "https://www.zohoapis.com/crm/v8/users", "example.com/app/internal/zoho/zoho.go:3")
	ps := program.New(program.NewLayout(dir, nil))
	ps.AddGo(&program.GoBuild{
		Packages: []program.GoPackage{
			{ID: "example.com/app/api", Path: "example.com/app/api", Dir: at("api"), Main: true, Imports: []string{"example.com/app/api/crm"}, Checked: true},
			{ID: "example.com/app/api/crm", Path: "example.com/app/api/crm", Dir: at("api/crm"), Checked: true},
			{ID: "example.com/app/internal/zoho", Path: "example.com/app/internal/zoho", Dir: at("internal/zoho"), Checked: true},
		},
		Calls: map[string][]rules.Call{"example.com/app/api/crm": {contacts}, "example.com/app/internal/zoho": {users}},
	})
	ps.Checked(at("web/lib/zoho.ts"))
	where := func(ev *rules.Evidence) []string {
		if ev == nil {
			return nil
		}
		var out []string
		for _, c := range ev.Calls {
			out = append(out, c.Where)
		}
		return out
	}
	for file, want := range map[string][]string{
		"web/lib/zoho.ts":    nil,
		"py/app/zoho.py":     nil,
		"testdata/zoho.yaml": nil,
		"api/zoho.yaml":      {contacts.Where},
		"config/zoho.yaml":   {contacts.Where, users.Where},
	} {
		if diff := cmp.Diff(want, where(ps.EvidenceFor(at(file)))); diff != "" {
			t.Errorf("EvidenceFor(%s) (-want +got):\n%s", file, diff)
		}
	}
	var listed []string
	for _, p := range ps.List() {
		rel, _ := filepath.Rel(dir, p.Dir)
		listed = append(listed, filepath.ToSlash(rel)+" "+string(p.Language)+" "+strings.Join(where(&rules.Evidence{Calls: callsOf(p)}), ","))
	}
	want := []string{
		". go " + contacts.Where + "," + users.Where,
		"api go " + contacts.Where,
		"web javascript ",
	}
	if diff := cmp.Diff(want, listed); diff != "" {
		t.Errorf("List (-want +got):\n%s", diff)
	}
	// The calls carry the file that holds them.
	if p := ps.Of(at("api/zoho.yaml")); p == nil || len(p.Calls) != 1 || p.Calls[0].File != at("api/crm/crm.go") || p.Calls[0].Line != 7 {
		t.Errorf("Of(api/zoho.yaml) = %+v, want the contacts call placed in api/crm/crm.go:7", p)
	}
}

func callsOf(p *program.Program) []rules.Call {
	var out []rules.Call
	for _, c := range p.Calls {
		out = append(out, c.Call)
	}
	return out
}

// Closures walk imports in the order given, each package once, and keep for a path the
// larger closure of a package and its test variant.
func TestClosures(t *testing.T) {
	t.Parallel()
	a := call(t, "GET", "https://www.zohoapis.com/crm/v8/Leads", "m/a/a.go:1")
	b := call(t, "GET", "https://www.zohoapis.com/crm/v8/users", "m/b/b.go:1")
	testOnly := call(t, "GET", "https://www.zohoapis.com/crm/v8/Deals", "m/t/t.go:1")
	build := &program.GoBuild{
		Packages: []program.GoPackage{
			{ID: "m", Path: "m", Dir: "/m", Main: true, Imports: []string{"m/a", "m/b"}},
			{ID: "m [m.test]", Path: "m", Dir: "/m", Main: true, Imports: []string{"m/a", "m/b", "m/t"}},
			{ID: "m/a", Path: "m/a", Dir: "/m/a", Imports: []string{"m/b"}},
			{ID: "m/b", Path: "m/b", Dir: "/m/b"},
			{ID: "m/t", Path: "m/t", Dir: "/m/t"},
		},
		Calls: map[string][]rules.Call{"m/a": {a}, "m/b": {b}, "m/t": {testOnly}},
	}
	got := map[string][]string{}
	for path, calls := range build.Closures() {
		for _, c := range calls {
			got[path] = append(got[path], c.Where)
		}
	}
	want := map[string][]string{
		"m":   {a.Where, b.Where, testOnly.Where},
		"m/a": {a.Where, b.Where},
		"m/b": {b.Where},
		"m/t": {testOnly.Where},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Closures (-want +got):\n%s", diff)
	}
}

// Needs names the narrowest alternative of each clause of the calls whose endpoint is
// known, sorted and once each, and counts apart the calls whose method or module is not
// known.
func TestNeeds(t *testing.T) {
	t.Parallel()
	p := &program.Program{Calls: []program.Call{
		{Call: call(t, "GET", "https://www.zohoapis.com/crm/v8/users", "m/a.go:1")},
		{Call: call(t, "GET", "https://www.zohoapis.com/crm/v8/Leads", "m/a.go:2")},
		{Call: call(t, "GET", "https://www.zohoapis.com/crm/v8/Leads/4150868000000225013", "m/a.go:3")},
		{Call: call(t, "", "https://www.zohoapis.com/crm/v8/Leads", "m/a.go:4")},
		{Call: call(t, "GET", "https://www.zohoapis.com/crm/v8/"+catalog.Unknown, "m/a.go:5")},
	}}
	n := p.Needs()
	if diff := cmp.Diff([]string{"ZohoCRM.modules.leads.READ", "ZohoCRM.users.READ"}, n.Scopes); diff != "" {
		t.Errorf("Scopes (-want +got):\n%s", diff)
	}
	var unresolved []string
	for _, c := range n.Unresolved {
		unresolved = append(unresolved, c.Where)
	}
	if diff := cmp.Diff([]string{"m/a.go:4", "m/a.go:5"}, unresolved); diff != "" {
		t.Errorf("Unresolved (-want +got):\n%s", diff)
	}
	if len(n.Resolved) != 3 {
		t.Errorf("Resolved: %d calls, want 3", len(n.Resolved))
	}
}

// A front end of another language reports its calls with the file that holds them: they
// judge the scope sets of that file's program, and no other.
func TestReportedCallsJudgeTheirProgram(t *testing.T) {
	t.Parallel()
	dir := testtree.Write(t, polyglot)
	at := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	deals := call(t, "GET", "https://www.zohoapis.com/crm/v8/Deals", "web/lib/zoho.ts:4")
	ps := program.New(program.NewLayout(dir, nil))
	ps.Report(at("web/lib/zoho.ts"), deals)
	if ev := ps.EvidenceFor(at("web/zoho.json")); ev == nil || len(ev.Calls) != 1 || ev.Calls[0].Where != deals.Where {
		t.Errorf("EvidenceFor(web/zoho.json) = %+v, want the deals call", ev)
	}
	for _, file := range []string{"api/zoho.yaml", "config/zoho.yaml", "py/app/zoho.py"} {
		if ev := ps.EvidenceFor(at(file)); ev != nil {
			t.Errorf("EvidenceFor(%s) = %+v: the web program's call judges another program", file, ev)
		}
	}
	p := ps.Of(at("web/zoho.json"))
	if p == nil || p.Language != program.JavaScript || len(p.Calls) != 1 || p.Calls[0].File != at("web/lib/zoho.ts") || p.Calls[0].Line != 4 {
		t.Errorf("Of(web/zoho.json) = %+v", p)
	}
	if n := p.Needs(); strings.Join(n.Scopes, ",") != "ZohoCRM.modules.deals.READ" {
		t.Errorf("Needs = %+v", n)
	}
}

// TestSpaceJoinedNamesOfItsOwnProgram: the names of lists a file joins with a space are
// known to the other files of its program, and to no other program's.
func TestSpaceJoinedNamesOfItsOwnProgram(t *testing.T) {
	t.Parallel()
	dir := testtree.Write(t, polyglot)
	at := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	ps := program.New(program.NewLayout(dir, nil))
	if got := ps.SpaceJoinedIn(at("web/lib/zoho.ts")); got != nil {
		t.Errorf("before any report: %v", got)
	}
	ps.ReportSpaceJoined(at("web/lib/auth.ts"), "SCOPES")
	ps.ReportSpaceJoined(at("py/app/views.py"), "ZOHO_SCOPES")
	for _, tt := range []struct {
		file string
		want map[string]bool
	}{
		{"web/lib/zoho.ts", map[string]bool{"SCOPES": true}},
		{"web/config/scopes.js", map[string]bool{"SCOPES": true}},
		{"py/app/settings.py", map[string]bool{"ZOHO_SCOPES": true}},
		{"php/config.php", nil},
		{"config/zoho.yaml", nil},
	} {
		if diff := cmp.Diff(tt.want, ps.SpaceJoinedIn(at(tt.file))); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.file, diff)
		}
	}
}
