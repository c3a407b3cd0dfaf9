package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputFlag: one run prints annotations on stdout and writes the SARIF log and the
// JSON findings with -o; an unknown format is a usage error, and an -o file that is an
// input of the run is refused and left alone.
func TestOutputFlag(t *testing.T) {
	t.Parallel()
	const bad = "scope: ZohoCRM.users.REED\n"
	dir := writeTree(t, map[string]string{"config/zoho.yaml": bad})
	_, stderr, code := zscopelintIn(t, dir, "-format", "github", "-o", "sarif=out/z.sarif", "-o", "json=z.json", "./...")
	if err := os.MkdirAll(filepath.Join(dir, "out"), 0o755); err != nil {
		t.Fatal(err)
	}
	if code != 2 || !strings.Contains(stderr, "out/z.sarif") {
		t.Fatalf("-o into a missing directory: exit %d, want 2\n%s", code, stderr)
	}
	stdout, stderr, code := zscopelintIn(t, dir, "-format", "github", "-o", "sarif=out/z.sarif", "-o", "json=z.json", "./...")
	if code != 1 || !strings.HasPrefix(stdout, "::error file=config/zoho.yaml,line=1,col=8,") || strings.Contains(stdout, "$schema") {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	sarif, err := os.ReadFile(filepath.Join(dir, "out/z.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, string(sarif))
	if !strings.Contains(string(sarif), `"uri": "config/zoho.yaml"`) || !strings.Contains(string(sarif), `"executionSuccessful": true`) {
		t.Errorf("SARIF log:\n%.800s", sarif)
	}
	var js struct {
		Findings []struct{ Check, File string }
	}
	data, err := os.ReadFile(filepath.Join(dir, "z.json"))
	if err != nil || json.Unmarshal(data, &js) != nil || len(js.Findings) != 1 || js.Findings[0].Check != "ZS104" {
		t.Errorf("JSON output %s, %v", data, err)
	}
	// A second run finds its own outputs in the tree and does not check them.
	if stdout2, _, code := zscopelintIn(t, dir, "-format", "github", "-o", "sarif=out/z.sarif", "./..."); code != 1 || stdout2 != stdout {
		t.Errorf("second run: exit %d, stdout:\n%s", code, stdout2)
	}

	if _, stderr, code := zscopelintIn(t, dir, "-o", "xml=z.xml", "./..."); code != 2 || !strings.Contains(stderr, `format "xml"`) {
		t.Errorf("-o xml=: exit %d\n%s", code, stderr)
	}
	if _, stderr, code := zscopelintIn(t, dir, "-o", "sarif", "./..."); code != 2 || !strings.Contains(stderr, "FORMAT=FILE") {
		t.Errorf("-o without a file: exit %d\n%s", code, stderr)
	}
	if _, stderr, code := zscopelintIn(t, dir, "-o", "sarif=config/zoho.yaml", "./..."); code != 2 || !strings.Contains(stderr, "-o config/zoho.yaml: that file is an input") {
		t.Errorf("-o onto an input: exit %d\n%s", code, stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "config/zoho.yaml")); string(got) != bad {
		t.Errorf("an input was overwritten: %q", got)
	}
}

// TestWriteBaselineRefusesInputs: -write-baseline onto a file the run checks (a config
// file, a Go file of a checked package, a file named as an argument) is refused and leaves
// the file alone; rewriting an earlier baseline in the tree is allowed.
func TestWriteBaselineRefusesInputs(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		"config/zoho.yaml": "scope: ZohoCRM.users.REED\n",
		"go.mod":           "module scratch\n\ngo 1.26\n",
		"main.go":          "package main\n\nconst scope = \"ZohoCRM.users.REED\"\n\nfunc main() {}\n",
		"NOTES.md":         "nothing here\n",
	}
	dir := writeTree(t, files)
	for _, tc := range []struct{ target, arg string }{
		{"config/zoho.yaml", "./..."}, {"main.go", "./..."}, {"NOTES.md", "NOTES.md"},
	} {
		_, stderr, code := zscopelintIn(t, dir, "-write-baseline", tc.target, tc.arg)
		if code != 2 || !strings.Contains(stderr, "-write-baseline "+tc.target+": that file is an input") {
			t.Errorf("-write-baseline %s %s: exit %d\n%s", tc.target, tc.arg, code, stderr)
		}
		if got, _ := os.ReadFile(filepath.Join(dir, tc.target)); string(got) != files[tc.target] {
			t.Errorf("%s was overwritten: %q", tc.target, got)
		}
	}
	for i := range 2 { // the second time, the baseline is in the walk: ours, so rewritten
		if _, stderr, code := zscopelintIn(t, dir, "-write-baseline", "base.json", "./..."); code != 1 {
			t.Errorf("-write-baseline base.json, run %d: exit %d, want 1\n%s", i+1, code, stderr)
		}
	}
}

// TestBaselineReport: a run with -baseline says on stderr how many findings the baseline
// hid and which of its entries match nothing any more; -baseline-prune rewrites it without
// them, after which nothing is stale and the same findings stay hidden.
func TestBaselineReport(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"a.yaml": "scope: ZohoCRM.users.REED\n",
		"b.yaml": "scope: ZohoCRM.modules.ALLL\n",
	})
	if _, stderr, code := zscopelintIn(t, dir, "-write-baseline", "base.json", "./..."); code != 1 {
		t.Fatalf("-write-baseline: exit %d\n%s", code, stderr)
	}
	must(t, os.WriteFile(filepath.Join(dir, "b.yaml"), []byte("scope: ZohoCRM.modules.ALL\n"), 0o644)) // the typo fixed; a broad scope now
	stdout, stderr, code := zscopelintIn(t, dir, "-baseline", "base.json", "./...")
	if code != 1 || strings.Contains(stdout, "a.yaml") || !strings.Contains(stdout, "b.yaml") {
		t.Errorf("exit %d, stdout:\n%s", code, stdout)
	}
	for _, want := range []string{
		"zscopelint: -baseline base.json hid 1 finding; 1 entry no longer matches\n",
		"zscopelint:     no longer found: ZS104 b.yaml \"ZohoCRM.modules.ALLL\"\n",
		"zscopelint:     -baseline-prune rewrites base.json without them\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, stderr, code := zscopelintIn(t, dir, "-baseline-prune", "./..."); code != 2 || !strings.Contains(stderr, "-baseline-prune: name the baseline with -baseline") {
		t.Errorf("-baseline-prune alone: exit %d\n%s", code, stderr)
	}
	if _, stderr, _ := zscopelintIn(t, dir, "-baseline", "base.json", "-baseline-prune", "./..."); !strings.Contains(stderr, "zscopelint: -baseline-prune: removed 1 entry from base.json\n") {
		t.Errorf("-baseline-prune:\n%s", stderr)
	}
	stdout2, stderr, _ := zscopelintIn(t, dir, "-baseline", "base.json", "./...")
	if stdout2 != stdout || !strings.Contains(stderr, "hid 1 finding; 0 entries no longer match\n") || strings.Contains(stderr, "no longer found") {
		t.Errorf("after pruning: stdout\n%s\nstderr\n%s", stdout2, stderr)
	}
}

// TestSARIFIncompleteRun: an exit-2 run's SARIF log says executionSuccessful false and
// names the input it could not check in toolExecutionNotifications.
func TestSARIFIncompleteRun(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"zoho.yaml": "scope: [ZohoCRM.users.READ\n"})
	stdout, stderr, code := zscopelintIn(t, dir, "-format", "sarif", "./...", "missing/...")
	if code != 2 {
		t.Fatalf("exit %d, want 2\n%s", code, stderr)
	}
	validateSARIF(t, stdout)
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				Notifications       []struct {
					Level   string
					Message struct{ Text string }
				} `json:"toolExecutionNotifications"`
			}
		}
	}
	must(t, json.Unmarshal([]byte(stdout), &log))
	inv := log.Runs[0].Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful {
		t.Fatalf("invocations %+v", inv)
	}
	var texts []string
	for _, n := range inv[0].Notifications {
		texts = append(texts, n.Level+": "+n.Message.Text)
	}
	all := strings.Join(texts, "\n")
	if !strings.Contains(all, "error: ") || !strings.Contains(all, "missing") {
		t.Errorf("notifications:\n%s", all)
	}
}
