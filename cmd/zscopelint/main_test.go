package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// zscopelint runs the command in-process in the package directory and returns its output
// and exit code.
func zscopelint(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return zscopelintIn(t, wd, args...)
}

// zscopelintIn runs the command in-process in dir.
func zscopelintIn(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, dir, &out, &errOut)
	return out.String(), errOut.String(), code
}

// summaryLine is the closing line of a text run with findings on stderr.
var summaryLine = regexp.MustCompile(`(?m)^\d+ errors?, \d+ warnings?, \d+ infos? in \d+ files?( \([^)]*\))?\n\z`)

// notes is what a run printed on stderr besides its closing summary: the notes a test
// wants to see none of.
func notes(stderr string) string { return summaryLine.ReplaceAllString(stderr, "") }

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s (-want +got):\n%s", name, diff)
	}
}

func TestFormatsGolden(t *testing.T) {
	t.Parallel()
	// SARIF names the repository root as a file URI: the golden holds a stand-in for it.
	root, err := filepath.Abs("../..")
	must(t, err)
	rootURI := (&url.URL{Scheme: "file", Path: filepath.ToSlash(root) + "/"}).String()
	for _, format := range []string{"text", "json", "sarif", "github"} {
		t.Run(format, func(t *testing.T) {
			out, stderr, code := zscopelint(t, "-format", format, "./testdata/golden")
			if code != 1 {
				t.Errorf("exit %d, want 1; stderr: %s", code, stderr)
			}
			if format == "sarif" {
				validateSARIF(t, out)
				if !strings.Contains(out, `"uri": "`+rootURI+`"`) {
					t.Errorf("SARIF does not name the repository root %s", rootURI)
				}
			}
			golden(t, "golden."+format, strings.ReplaceAll(out, rootURI, "file:///REPOSITORY/"))
			// Byte-for-byte deterministic.
			again, _, _ := zscopelint(t, "-format", format, "./testdata/golden")
			if again != out {
				t.Error("second run differs from the first")
			}
		})
	}
}

func TestSARIFShape(t *testing.T) {
	t.Parallel()
	out, _, _ := zscopelint(t, "-format", "sarif", "./testdata/golden")
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID               string            `json:"id"`
						ShortDescription map[string]string `json:"shortDescription"`
						FullDescription  map[string]string `json:"fullDescription"`
						Help             map[string]string `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           int               `json:"ruleIndex"`
				Level               string            `json:"level"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Locations           []struct {
					PhysicalLocation struct {
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Fixes []json.RawMessage `json:"fixes"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	for _, r := range run.Tool.Driver.Rules {
		if r.ShortDescription["text"] == "" || r.FullDescription["text"] == "" || r.Help["text"] == "" {
			t.Errorf("rule %s lacks descriptions", r.ID)
		}
	}
	fixes := 0
	for _, r := range run.Results {
		if run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s has ruleIndex %d", r.RuleID, r.RuleIndex)
		}
		if r.PartialFingerprints["zscopelint/v1"] == "" || len(r.Locations) != 1 || r.Locations[0].PhysicalLocation.Region.StartLine == 0 {
			t.Errorf("result %s: fingerprint or location missing", r.RuleID)
		}
		fixes += len(r.Fixes)
	}
	if fixes == 0 {
		t.Error("no result carries a fix")
	}
}

func TestExitCodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"./testdata/clean"}, 0},
		{[]string{"./testdata/golden"}, 1},
		{[]string{"-fail-on", "never", "./testdata/golden"}, 0},
		{[]string{"-fail-on", "error", "-checks", "ZS105,ZS201,ZS202", "./testdata/golden"}, 0},
		{[]string{"-checks", "ZS105", "./testdata/golden"}, 0}, // info only, below -fail-on warning
		{[]string{"-fail-on", "info", "-checks", "ZS105", "./testdata/golden"}, 1},
		{[]string{"./testdata/typeerr"}, 1},     // type errors: still analysed
		{[]string{"./testdata/broken"}, 2},      // a file that does not parse
		{[]string{"./testdata/nonexistent"}, 2}, // load failure
		{[]string{"-format", "xml", "./testdata/clean"}, 2},
		{[]string{"-fail-on", "sometimes", "./testdata/clean"}, 2},
		{[]string{"-checks", "ZS999", "./testdata/clean"}, 2},
		{[]string{"-catalog", "testdata/missing.yaml", "./testdata/clean"}, 2},
		{[]string{"-nosuchflag"}, 2},
	}
	for _, tt := range tests {
		if _, stderr, code := zscopelint(t, tt.args...); code != tt.code {
			t.Errorf("zscopelint %v: exit %d, want %d; stderr: %s", tt.args, code, tt.code, stderr)
		}
	}
}

func TestLoadFailureMessages(t *testing.T) {
	t.Parallel()
	out, _, _ := zscopelint(t, "./testdata/nonexistent")
	if out != "testdata/nonexistent:1:1: error: cannot check: no such file or directory (ZS001)\n" {
		t.Errorf("stdout = %q", out)
	}
	_, stderr, code := zscopelint(t, "example.invalid/no/such/module/...")
	if code != 2 || !strings.Contains(stderr, "example.invalid/no/such/module") {
		t.Errorf("import path that does not load: exit %d, stderr %q", code, stderr)
	}
	out, _, _ = zscopelint(t, "./testdata/broken")
	if !strings.Contains(out, "testdata/broken/broken.go:5:9: error: cannot check: expected ')', found '{' (ZS001)") {
		t.Errorf("no positioned ZS001 for a syntax error:\n%s", out)
	}
	// The findings of the file's parsable part are still reported.
	if !strings.Contains(out, "broken.go:3:16:") {
		t.Errorf("findings before the syntax error were lost:\n%s", out)
	}
	out, stderr, _ = zscopelint(t, "./testdata/typeerr")
	if !strings.Contains(stderr, "type error (analysed anyway)") || !strings.Contains(out, "typeerr.go:5:16:") {
		t.Errorf("type errors: stdout %q stderr %q", out, stderr)
	}
}

// copyFixme copies testdata/fixme into a fresh module and enters it.
func copyFixme(t *testing.T) string {
	dir := t.TempDir()
	src, err := os.ReadFile("testdata/fixme/fixme.go")
	if err != nil {
		t.Fatal(err)
	}
	must(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module fixme\n\ngo 1.26\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "fixme.go"), src, 0o600))
	return dir
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestFix(t *testing.T) {
	t.Parallel()
	wd, _ := os.Getwd()
	want, err := os.ReadFile(filepath.Join(wd, "testdata", "fixme.golden"))
	if err != nil && !*update {
		t.Fatal(err)
	}
	dir := copyFixme(t)
	out, stderr, code := zscopelintIn(t, dir, "-fix", "./...")
	got, _ := os.ReadFile(filepath.Join(dir, "fixme.go"))
	if *update {
		// Rewrite the golden, then check everything else as always.
		must(t, os.WriteFile(filepath.Join(wd, "testdata", "fixme.golden"), got, 0o644))
		want = got
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("fixed file (-want +got):\n%s", diff)
	}
	if fi, _ := os.Stat(filepath.Join(dir, "fixme.go")); fi.Mode().Perm() != 0o600 {
		t.Errorf("permissions changed to %v", fi.Mode().Perm())
	}
	// What is left is what has no safe fix: the broad scope and the People DELETE.
	if code != 1 || strings.Count(out, "\n") != 2 || !strings.Contains(out, "(ZS201)") || !strings.Contains(out, "(ZS104)") {
		t.Errorf("after -fix: exit %d, output:\n%s%s", code, out, stderr)
	}
	// A second run has nothing left to fix.
	zscopelintIn(t, dir, "-fix", "./...")
	again, _ := os.ReadFile(filepath.Join(dir, "fixme.go"))
	if !bytes.Equal(again, got) {
		t.Error("a second -fix changed the file again")
	}
}

func TestDiff(t *testing.T) {
	t.Parallel()
	dir := copyFixme(t)
	before, _ := os.ReadFile(filepath.Join(dir, "fixme.go"))
	out, _, _ := zscopelintIn(t, dir, "-diff", "./...")
	after, _ := os.ReadFile(filepath.Join(dir, "fixme.go"))
	if !bytes.Equal(before, after) {
		t.Error("-diff wrote the file")
	}
	golden(t, "fixme.diff", out)
}

// TestGoVetAndGoFix builds the command and drives it through the go command's vet and fix
// tool protocol on the bundled example.
func TestGoVetAndGoFix(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := buildCommand(t)
	// The examples are a module of their own (examples/go.mod).
	vet := exec.Command("go", "vet", "-vettool="+bin, "./...")
	vet.Dir = "../../examples"
	out, err := vet.CombinedOutput()
	if err == nil || !strings.Contains(string(out), `crmclient/main.go:18:3: ZohoCRM.users does not accept operation "REED"`) {
		t.Errorf("go vet: %v\n%s", err, out)
	}
	fix := exec.Command("go", "fix", "-fixtool="+bin, "-diff", "./...")
	fix.Dir = "../../examples"
	out, _ = fix.CombinedOutput()
	if !strings.Contains(string(out), `+	"ZohoCRM.users.READ",`) {
		t.Errorf("go fix -diff:\n%s", out)
	}
	// go vet honours inline suppression and the policy file found from the package.
	scratch := t.TempDir()
	for name, body := range map[string]string{
		"go.mod":           "module scratch\n\ngo 1.26\n",
		".zscopelint.yaml": "severity:\n  ZS106: off\n",
		"a.go":             "package scratch\n\n//zscopelint:ignore ZS201 the admin console\nconst all = \"ZohoCRM.modules.ALL\"\n\nconst old = \"ZohoCRM.modules.activities.READ\"\n",
	} {
		must(t, os.WriteFile(filepath.Join(scratch, name), []byte(body), 0o644))
	}
	vet = exec.Command("go", "vet", "-vettool="+bin, "./...")
	vet.Dir = scratch
	if out, err := vet.CombinedOutput(); err != nil {
		t.Errorf("go vet on a suppressed finding: %v\n%s", err, out)
	}
	must(t, os.WriteFile(filepath.Join(scratch, "b.go"), []byte("package scratch\n\n//zscopelint:ignore ZS201\nconst b = \"ZohoCRM.modules.ALL\"\n"), 0o644))
	vet = exec.Command("go", "vet", "-vettool="+bin, "./...")
	vet.Dir = scratch
	out, err = vet.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "b.go:3:1: directive gives no reason") || !strings.Contains(string(out), "b.go:4:12:") {
		t.Errorf("go vet with a directive without reason: %v\n%s", err, out)
	}

	ver, err := exec.Command(bin, "-V=full").CombinedOutput()
	if err != nil || !strings.Contains(string(ver), "zscopelint version") {
		t.Errorf("-V=full: %v %s", err, ver)
	}
}

func TestListAndExplain(t *testing.T) {
	t.Parallel()
	out, _, code := zscopelint(t, "-list-checks")
	if code != 0 || !strings.Contains(out, "ZS104  unsupported-operation") {
		t.Errorf("-list-checks: %d\n%s", code, out)
	}
	out, _, code = zscopelint(t, "-list-services")
	for _, want := range []string{"ZohoInventory            Zoho Inventory", "complete", "ZohoBooks ", "partial", "ZohoSheet                Zoho Sheet                       name only"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("-list-services: exit %d, no %q in:\n%s", code, want, out)
		}
	}
	out, _, code = zscopelint(t, "-explain", "zs201")
	if code != 0 || !strings.Contains(out, "ZS201 broad-scope") || !strings.Contains(out, "Bad:") {
		t.Errorf("-explain: %d\n%s", code, out)
	}
	// A check is named by the name -list-checks prints as well as by its ID.
	byName, _, code := zscopelint(t, "-explain", "broad-scope")
	if code != 0 || byName != out {
		t.Errorf("-explain broad-scope: exit %d, differs from -explain zs201:\n%s", code, byName)
	}
	for _, bad := range []string{"ZS999", "broad", "no-such-check"} {
		if _, _, code := zscopelint(t, "-explain", bad); code != 2 {
			t.Errorf("-explain %s: exit %d, want 2", bad, code)
		}
	}
}

// TestUsageSaysWhatIsRead: -h names the files read, not Go code alone.
func TestUsageSaysWhatIsRead(t *testing.T) {
	t.Parallel()
	_, stderr, code := zscopelint(t, "-h")
	if code != 0 {
		t.Errorf("-h: exit %d", code)
	}
	for _, want := range []string{"Zoho OAuth scopes, tokens and authorization requests in Go code",
		"config and source files", "YAML", "JSON", ".env", "JS/TS", "Python", "PHP",
		"-explain ID or name", "skips git-ignored paths (-include-ignored walks them)", "-include-ignored"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("-h does not say %q:\n%s", want, stderr)
		}
	}
}
