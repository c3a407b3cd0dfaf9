package main

import (
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zscopelint/zscopelint/program"
)

// TestSARIFFromSubdirectory: SARIF and GitHub annotations name files from the repository
// root (the directory holding .git), whatever directory the command runs in, and a SARIF
// log written from a subdirectory is a baseline for a run from the root.
func TestSARIFFromSubdirectory(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		".git/HEAD":          "ref: refs/heads/main\n",
		"svc/zoho.yaml":      "scope: ZohoCRM.users.REED\n",
		"config/shared.yaml": "scope: ZohoCRM.org.REED\n",
	})
	sub := filepath.Join(dir, "svc")
	sarif, stderr, code := zscopelintIn(t, sub, "-format", "sarif", ".", "../config")
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	validateSARIF(t, sarif)
	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	must(t, json.Unmarshal([]byte(sarif), &log))
	wantRoot := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
	if got := log.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI; got != wantRoot {
		t.Errorf("%%SRCROOT%% = %q, want %q", got, wantRoot)
	}
	var uris []string
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation.ArtifactLocation
		uris = append(uris, loc.URIBaseID+" "+loc.URI)
	}
	if strings.Join(uris, "|") != "%SRCROOT% config/shared.yaml|%SRCROOT% svc/zoho.yaml" {
		t.Errorf("uris %v, want them relative to the repository root", uris)
	}
	gh, _, _ := zscopelintIn(t, sub, "-format", "github", ".", "../config")
	if !strings.Contains(gh, "::error file=svc/zoho.yaml,line=1,col=8,") || !strings.Contains(gh, "file=config/shared.yaml,") {
		t.Errorf("annotations not relative to the repository root:\n%s", gh)
	}
	// The log is a baseline for a run from the root: nothing is new.
	must(t, os.WriteFile(filepath.Join(dir, "baseline.sarif"), []byte(sarif), 0o644))
	out, stderr, code := zscopelintIn(t, dir, "-baseline", "baseline.sarif", "./svc", "./config")
	if code != 0 || out != "" {
		t.Errorf("with the baseline from svc/: exit %d\n%s%s", code, out, stderr)
	}
}

// twoModules is a repository root holding two modules: svc-b calls Zoho through a package
// of svc-a, which a go.work (when given) lets it import.
func twoModules(goWork string) map[string]string {
	files := map[string]string{
		"svc-a/go.mod":     "module example.com/a\n\ngo 1.26\n",
		"svc-a/crm/crm.go": "package crm\n\nimport \"net/http\"\n\nfunc Leads() { http.Get(\"https://www.zohoapis.com/crm/v8/Leads\") }\n",
		"svc-a/main.go":    "package main\n\nconst s = \"ZohoCRM.users.REED\"\n\nfunc main() {}\n",
		"svc-b/go.mod":     "module example.com/b\n\ngo 1.26\n",
		"svc-b/main.go":    "package main\n\nimport \"net/http\"\n\nfunc main() { http.Get(\"https://www.zohoapis.com/crm/v8/users\") }\n",
		"svc-b/zoho.yaml":  "scopes: [ZohoCRM.modules.ALL, ZohoCRM.users.READ]\n",
	}
	if goWork != "" {
		files["go.work"] = goWork
		files["svc-b/main.go"] = "package main\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/a/crm\"\n)\n\nfunc main() {\n\tcrm.Leads()\n\thttp.Get(\"https://www.zohoapis.com/crm/v8/users\")\n}\n"
		files["svc-b/go.mod"] = "module example.com/b\n\ngo 1.26\n\nrequire example.com/a v0.0.0\n"
	}
	return files
}

// TestMonorepo runs the command from the root of a repository with two modules, with and
// without a go.work, over ./... and over the file names pre-commit passes: every module's
// Go code is checked from its own root, and paths are relative to the working directory.
func TestMonorepo(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, goWork string
		want         []string
	}{
		{"without go.work", "", []string{
			`svc-a/main.go:3:12: error: ZohoCRM.users does not accept operation "REED"`,
			// svc-b's own call reads users: no module scope is needed.
			"svc-b/zoho.yaml:1:10: warning: ZohoCRM.modules.ALL is not needed by any of the 1 ZohoCRM calls found (GET https://www.zohoapis.com/crm/v8/users at example.com/b/main.go:5) (ZS203)",
		}},
		{"with go.work", "go 1.26\n\nuse (\n\t./svc-a\n\t./svc-b\n)\n", []string{
			`svc-a/main.go:3:12: error: ZohoCRM.users does not accept operation "REED"`,
			// svc-b's leads call is made through svc-a's package, which the workspace resolves.
			"svc-b/zoho.yaml:1:10: warning: ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.leads.READ (ZS201)",
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := writeTree(t, twoModules(tt.goWork))
			out, stderr, code := zscopelintIn(t, dir, "./...")
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("./...: missing %q in:\n%s%s", w, out, stderr)
				}
			}
			if code != 1 || notes(stderr) != "" {
				t.Errorf("./...: exit %d, stderr:\n%s", code, stderr)
			}
			// pre-commit passes file names from the root: the same findings for them.
			files, _, code := zscopelintIn(t, dir, "svc-a/main.go", "svc-b/zoho.yaml")
			if files != out || code != 1 {
				t.Errorf("file arguments: exit %d, output differs from ./...:\n%s\nvs\n%s", code, files, out)
			}
		})
	}
}

// TestGoWorkNotListingAModule: a module below a go.work that does not list it is still
// loaded (without the workspace) instead of failing the run.
func TestGoWorkNotListingAModule(t *testing.T) {
	t.Parallel()
	files := twoModules("")
	files["go.work"] = "go 1.26\n\nuse ./svc-b\n"
	dir := writeTree(t, files)
	out, stderr, code := zscopelintIn(t, dir, "./...")
	if !strings.Contains(out, "svc-a/main.go:3:12:") || code != 1 || notes(stderr) != "" {
		t.Errorf("exit %d:\n%s%s", code, out, stderr)
	}
}

// TestLooseGoFiles: Go files outside any module (scripts, generators) are checked, without
// types, each directory a package.
func TestLooseGoFiles(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"scripts/gen.go":   "package main\n\nimport \"fmt\"\n\nconst scope = \"ZohoCRM.org.REED\"\n\nfunc main() { fmt.Println(scope) }\n",
		"scripts/zoho.yml": "scope: ZohoCRM.users.READ\n",
	})
	for _, args := range [][]string{{"./..."}, {"scripts/gen.go"}, {"./scripts"}} {
		out, stderr, code := zscopelintIn(t, dir, args...)
		if !strings.Contains(out, `scripts/gen.go:5:16: error: ZohoCRM.org does not accept operation "REED"`) || code != 1 {
			t.Errorf("%v: exit %d:\n%s%s", args, code, out, stderr)
		}
	}
}

// TestNothingToCheckFails: "." in a directory whose files sit in subdirectories, and any
// argument that names nothing to check, exit 2 with a hint: a CI gate never passes by
// checking nothing.
func TestNothingToCheckFails(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"config/zoho.yaml": "scope: ZohoCRM.users.REED\n"})
	must(t, os.MkdirAll(filepath.Join(dir, "empty", "sub"), 0o755))
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"."}, "zscopelint: .: nothing to check here; did you mean ./...?"},
		{[]string{"./empty/..."}, "zscopelint: ./empty/...: nothing to check here\n"},
		{[]string{"./config/...", "empty"}, "zscopelint: empty: nothing to check here; did you mean empty/...?"},
	} {
		_, stderr, code := zscopelintIn(t, dir, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tt.args, code, stderr, tt.want)
		}
	}
	if out, _, code := zscopelintIn(t, dir, "./..."); code != 1 || !strings.Contains(out, "config/zoho.yaml:1:8:") {
		t.Errorf("./...: exit %d\n%s", code, out)
	}
}

// TestOneVerdictPerConfigFile: a config file gets the same findings, judged against its own
// program's calls, from the module root, from its own directory, with ./... or its name.
func TestOneVerdictPerConfigFile(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod":           "module m\n\ngo 1.26\n",
		"main.go":          "package main\n\nimport \"m/crm\"\n\nfunc main() { crm.Leads() }\n",
		"crm/crm.go":       "package crm\n\nimport \"net/http\"\n\nfunc Leads() { http.Get(\"https://www.zohoapis.com/crm/v8/Leads\") }\n",
		"config/zoho.yaml": "scopes: [ZohoCRM.modules.ALL, ZohoCRM.users.READ]\n",
	})
	strip := func(out, prefix string) string { return strings.ReplaceAll(out, prefix, "") }
	fromRoot, _, _ := zscopelintIn(t, dir, "./...")
	fileFromRoot, _, _ := zscopelintIn(t, dir, "config/zoho.yaml")
	fromConfig, _, _ := zscopelintIn(t, filepath.Join(dir, "config"), "zoho.yaml")
	dotFromConfig, _, _ := zscopelintIn(t, filepath.Join(dir, "config"), ".")
	want := "zoho.yaml:1:10: warning: ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.leads.READ (ZS201)\n" +
		"zoho.yaml:1:31: warning: ZohoCRM.users.READ is not needed by any of the 1 ZohoCRM calls found (GET https://www.zohoapis.com/crm/v8/Leads at m/crm/crm.go:5) (ZS203)\n"
	for name, got := range map[string]string{
		"./... from the root": strip(fromRoot, "config/"), "the file from the root": strip(fileFromRoot, "config/"),
		"the file from config/": fromConfig, ". from config/": dotFromConfig,
	} {
		if got != want {
			t.Errorf("%s:\n%s\nwant\n%s", name, got, want)
		}
	}
}

// TestFixConvergesInOnePass: one -fix leaves nothing for a second: no fix duplicates an
// element, a typo of a scope no call needs is removed, what -fix prints is what a fresh
// run finds, and the fixed program builds.
func TestFixConvergesInOnePass(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the fixed program")
	}
	dir := writeTree(t, map[string]string{
		"go.mod": "module m\n\ngo 1.26\n",
		"main.go": "package main\n\nimport \"net/http\"\n\nvar scopes = []string{\"ZohoCRM.modules.leads.RAED\", \"ZohoCRM.modules.ALL\", \"ZohoCRM.users.READ\"}\n\n" +
			"func main() {\n\t_ = scopes\n\thttp.Get(\"https://www.zohoapis.com/crm/v8/Leads\")\n}\n",
		"zoho.yaml": "scopes: [ZohoCRM.modules.leads.READ, ZohoCRM.users.REED]\n",
		".env":      "ZOHO_SCOPE=ZohoCRM.modules.leads.READ,ZohoCRM.org.REED\n",
	})
	before, _, code := zscopelintIn(t, dir, "./...")
	if code != 1 || strings.Count(before, "\n") < 5 {
		t.Fatalf("before -fix: exit %d\n%s", code, before)
	}
	out, stderr, code := zscopelintIn(t, dir, "-fix", "./...")
	if code != 0 || out != "" {
		t.Errorf("-fix: exit %d, left:\n%s%s", code, out, stderr)
	}
	for name, want := range map[string]string{
		"main.go":   `var scopes = []string{"ZohoCRM.modules.leads.READ"}`,
		"zoho.yaml": "scopes: [ZohoCRM.modules.leads.READ]\n",
		".env":      "ZOHO_SCOPE=ZohoCRM.modules.leads.READ\n",
	} {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		if !strings.Contains(string(data), want) {
			t.Errorf("%s after -fix:\n%s\nwant %q in it", name, data, want)
		}
	}
	if again, _, code := zscopelintIn(t, dir, "./..."); code != 0 || again != "" {
		t.Errorf("a second run after one -fix: exit %d\n%s", code, again)
	}
	build := exec.Command("go", "build", "./...")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("the fixed program does not build: %v\n%s", err, out)
	}
}

// The module roots worked out from what the walk listed are those stat calls find: for a
// regular go.mod, a link named go.mod, a directory without one, and the directories above
// the walk's root, which the walk did not list.
func TestModuleRootsFromTheWalk(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod":              "module top\n\ngo 1.26\n",
		"a/go.mod":            "module a\n\ngo 1.26\n",
		"a/cfg/zoho.yaml":     "scopes: [ZohoCRM.users.READ]\n",
		"b/real/go.mod.txt":   "module b\n\ngo 1.26\n",
		"b/cfg/zoho.yaml":     "scopes: [ZohoCRM.users.READ]\n",
		"c/deep/er/zoho.yaml": "scopes: [ZohoCRM.users.READ]\n",
	})
	must(t, os.Symlink(filepath.Join(dir, "b/real/go.mod.txt"), filepath.Join(dir, "b/go.mod")))
	in := collectInputs(workdir(dir), []string{"./a/...", "./b/...", "./c/..."}, false, nil)
	if len(in.listings) == 0 {
		t.Fatal("the walk recorded no directory")
	}
	if ls := in.listings[filepath.Join(dir, "b")]; ls == nil || !ls.GoModLink {
		t.Error("b holds a link named go.mod: it must be left to a stat")
	}
	walked, statted := program.NewLayout(dir, in.listings), program.NewLayout(dir, nil)
	for _, f := range in.configFiles {
		for _, d := range []string{filepath.Dir(f), filepath.Dir(filepath.Dir(f))} {
			if got, want := walked.ModuleRoot(d), statted.ModuleRoot(d); got != want {
				t.Errorf("moduleRoot(%s) = %q from the walk, %q from stat calls", d, got, want)
			}
		}
	}
	if got := walked.ModuleRoot(filepath.Join(dir, "b", "cfg")); got != filepath.Join(dir, "b") {
		t.Errorf("moduleRoot(b/cfg) = %q, want b (its go.mod is a link)", got)
	}
	if got := walked.ModuleRoot(filepath.Join(dir, "c", "deep", "er")); got != dir {
		t.Errorf("moduleRoot(c/deep/er) = %q, want the top module, above the walk's root", got)
	}
}

// TestAnotherRepositoryFromHere: a JavaScript file of another repository, without a
// manifest above it, is judged against its own calls whether zscopelint runs inside that
// repository or in another one: the same findings, the file's program its repository.
func TestAnotherRepositoryFromHere(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"here/.git/HEAD":  "ref: refs/heads/main\n",
		"other/.git/HEAD": "ref: refs/heads/main\n",
		"other/src/app.js": "const SCOPES = ['ZohoCRM.modules.ALL'];\n" +
			"async function leads(token) {\n" +
			"  return fetch('https://www.zohoapis.com/crm/v8/Leads', { headers: { Authorization: 'Zoho-oauthtoken ' + token } });\n}\n",
	})
	fromOther, _, _ := zscopelintIn(t, filepath.Join(dir, "other"), "src/app.js")
	fromHere, _, _ := zscopelintIn(t, filepath.Join(dir, "here"), "../other/src/app.js")
	if !strings.Contains(fromOther, "ZohoCRM.modules.leads.READ") {
		t.Fatalf("from the other repository, no narrower set named from the file's call:\n%s", fromOther)
	}
	if got := strings.ReplaceAll(fromHere, "../other/", ""); got != fromOther {
		t.Errorf("from another repository:\n%s\nwant what a run inside it finds:\n%s", got, fromOther)
	}
}

// The program roots worked out from what the walk listed are those reading each directory
// finds: manifests, a repository (.git, a directory or a worktree's file), main packages
// (a first Go file that does not parse passes to the next), test files, and the
// directories above the walk's root.
func TestRootsFromTheWalk(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod":                "module top\n\ngo 1.26\n",
		"cmd/app/main.go":       "package main\n\nfunc main() {}\n",
		"cmd/app/zoho.yaml":     "scopes: [ZohoCRM.users.READ]\n",
		"lib/a_test.go":         "package main\n",
		"lib/b.go":              "package lib\n",
		"lib/zoho.yaml":         "scopes: [ZohoCRM.users.READ]\n",
		"bad/0.go":              "this is not Go\n",
		"bad/1.go":              "package main\n",
		"bad/zoho.yaml":         "scopes: [ZohoCRM.users.READ]\n",
		"web/package.json":      "{}\n",
		"web/src/app.js":        "const s = 'ZohoCRM.users.READ';\n",
		"py/requirements.txt":   "requests\n",
		"py/app.py":             "S = 'ZohoCRM.users.READ'\n",
		"tree/sub/.git":         "gitdir: ../../.git/worktrees/sub\n",
		"tree/sub/x/app.js":     "const s = 'ZohoCRM.users.READ';\n",
		"tree/repo/.git/HEAD":   "ref: refs/heads/main\n",
		"tree/repo/deploy.yaml": "scopes: [ZohoCRM.users.READ]\n",
	})
	in := collectInputs(workdir(dir), []string{"./cmd/...", "./lib/...", "./bad/...", "./web/...", "./py/...", "./tree/..."}, false, nil)
	walked, statted := program.NewLayout(dir, in.listings), program.NewLayout(dir, nil)
	files := slices.Clone(in.configFiles)
	for _, d := range in.goDirs {
		files = append(files, filepath.Join(d, "x.go"))
	}
	if len(files) < 10 {
		t.Fatalf("only %d files to compare", len(files))
	}
	for _, f := range files {
		if got, want := walked.RootOf(f), statted.RootOf(f); got != want {
			t.Errorf("RootOf(%s) = %+v from the walk, %+v reading the directories", f, got, want)
		}
	}
	for file, want := range map[string]program.Root{
		"bad/zoho.yaml":         {Dir: filepath.Join(dir, "bad"), Kind: program.GoMain, Language: program.Go},
		"lib/zoho.yaml":         {Dir: dir, Kind: program.GoModule, Language: program.Go},
		"tree/sub/x/app.js":     {Dir: filepath.Join(dir, "tree", "sub"), Kind: program.Repository},
		"tree/repo/deploy.yaml": {Dir: filepath.Join(dir, "tree", "repo"), Kind: program.Repository},
		"web/src/app.js":        {Dir: filepath.Join(dir, "web"), Kind: program.Manifest, Language: program.JavaScript},
	} {
		if got := walked.RootOf(filepath.Join(dir, filepath.FromSlash(file))); got != want {
			t.Errorf("RootOf(%s) = %+v, want %+v", file, got, want)
		}
	}
}
