package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"
)

// readmeBlock returns the body of the first fenced block after lead in the README.
func readmeBlock(t *testing.T, readme, lead string) string {
	t.Helper()
	_, after, ok := strings.Cut(readme, lead)
	if !ok {
		t.Fatalf("README.md lacks %q", lead)
	}
	_, fenced, ok := strings.Cut(after, "```") // the fence, with its info string (yaml, diff)
	_, block, ok2 := strings.Cut(fenced, "\n")
	if !ok || !ok2 {
		t.Fatalf("README.md: no block after %q", lead)
	}
	block, _, _ = strings.Cut(block, "```")
	return block
}

// TestREADMEFirstExample: the README's first command, run from the repository root, prints
// exactly the block the README shows after it, exits 1, and closes with the summary line
// the README quotes.
func TestREADMEFirstExample(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	want := readmeBlock(t, string(readme), "The first command prints")
	// A first-time reader waits while the dependencies download and compile: the README
	// says so before the output, lest the wait look like a hang.
	if before, _, _ := strings.Cut(string(readme), "The first command prints"); !strings.Contains(before, "compiles them, which takes a minute or two") {
		t.Error("README.md does not say, before the first example's output, that the first run downloads and compiles")
	}
	root, err := filepath.Abs("../..")
	must(t, err)
	out, stderr, code := zscopelintIn(t, root, "./examples/...")
	// The closing summary is all stderr holds: no note.
	if code != 1 || !summaryLine.MatchString(stderr) || notes(stderr) != "" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if quoted := "closes with one line on stderr, `" + strings.TrimSuffix(stderr, "\n") + "`"; !strings.Contains(string(readme), quoted) {
		t.Errorf("README.md does not say the run %s", quoted)
	}
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("README.md's first example (-README +run):\n%s", diff)
	}
}

// TestREADMEWrapperExample: the -why example of "Calls through your own client" is what the
// command prints for the module it describes, the analyzer's wrapper test case.
func TestREADMEWrapperExample(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	want := readmeBlock(t, string(readme), "`leastpriv` (main under `app/`), `zscopelint -why ./...` prints:")
	out, _, code := zscopelintIn(t, clientModule(t), "-why", "./...")
	if diff := cmp.Diff(want, out); code != 1 || diff != "" {
		t.Errorf("README.md's wrapper example: exit %d (-README +run):\n%s", code, diff)
	}
}

// TestREADMECommandBlocks: every README block that starts with a command line
// "$ go run ./cmd/zscopelint ARGS" shows what that command prints on stdout, run from the
// repository root; a line "..." in the block stands for lines left out. The -diff example,
// a diff block of its own, is what -diff prints for examples/leastpriv.
func TestREADMECommandBlocks(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	root, err := filepath.Abs("../..")
	must(t, err)
	const prompt = "$ go run ./cmd/zscopelint "
	blocks := 0
	for _, block := range strings.Split(string(readme), "```")[1:] {
		body, ok := strings.CutPrefix(block, "\n"+prompt)
		if !ok {
			continue
		}
		blocks++
		command, want, _ := strings.Cut(body, "\n")
		out, _, _ := zscopelintIn(t, root, strings.Fields(command)...)
		if !elidedMatch(want, out) {
			t.Errorf("README.md: %s%s prints:\n%s\nthe README shows:\n%s", prompt, command, out, want)
		}
	}
	if blocks < 3 { // -why, -needs, -needs -format json
		t.Errorf("only %d command blocks found in README.md", blocks)
	}
	_, after, ok := strings.Cut(string(readme), "```diff\n")
	if !ok {
		t.Fatal("README.md: no diff block")
	}
	want, _, _ := strings.Cut(after, "```")
	out, _, code := zscopelintIn(t, root, "-diff", "./examples/leastpriv/...")
	if code != 1 || out != want {
		t.Errorf("README.md's -diff block: exit %d (-README +run):\n%s", code, cmp.Diff(want, out))
	}
}

// elidedMatch reports whether got is want with each line "..." (whatever its indentation)
// standing for any number of lines.
func elidedMatch(want, got string) bool {
	var parts []string
	var cur strings.Builder
	for _, line := range strings.SplitAfter(want, "\n") {
		if strings.TrimSpace(line) == "..." {
			parts = append(parts, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteString(line)
	}
	parts = append(parts, cur.String())
	if len(parts) == 1 {
		return got == want
	}
	if !strings.HasPrefix(got, parts[0]) || !strings.HasSuffix(got, parts[len(parts)-1]) {
		return false
	}
	rest := got[len(parts[0]):]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	return len(rest) >= len(parts[len(parts)-1])
}

// exitScenario is a run of the command in a tree of its own: before runs first (to write a
// baseline), then change is written over the tree.
type exitScenario struct {
	files  map[string]string
	before []string
	change map[string]string
	args   []string
	code   int
}

// TestREADMEExitCodes holds the README's exit-status table against the command: each row
// names the exit codes its mode gives ("—" for one it never gives), and the scenarios of
// that mode give exactly those, each the code it expects.
func TestREADMEExitCodes(t *testing.T) {
	t.Parallel()
	clean := map[string]string{"a.yaml": "scope: ZohoCRM.users.READ\n"}
	fixable := map[string]string{"a.yaml": "scope: ZohoCRM.users.REED\n"}    // ZS104 with a fix
	unfixable := map[string]string{"a.yaml": "scope: ZohoCRM.modules.ALL\n"} // ZS201, no fix
	broken := map[string]string{"a.yaml": "scope: ZohoCRM.users.READ\n", "b.yaml": "scope: [ZohoCRM.users.READ\n"}
	newFinding := map[string]string{"c.yaml": "scope: ZohoCRM.org.REED\n"}
	fixed := map[string]string{"a.yaml": "scope: ZohoCRM.users.READ\n"}
	baseline := []string{"-write-baseline", "b.json", "./..."}
	modes := map[string][]exitScenario{
		"`zscopelint ARGS`": {
			{files: clean, args: []string{"./..."}, code: 0},
			{files: unfixable, args: []string{"-fail-on", "error", "./..."}, code: 0},
			{files: fixable, args: []string{"./..."}, code: 1},
			{files: broken, args: []string{"./..."}, code: 2},
			{files: broken, args: []string{"-fail-on", "never", "./..."}, code: 2},
		},
		"`-why`": {
			{files: clean, args: []string{"-why", "./..."}, code: 0},
			{files: fixable, args: []string{"-why", "./..."}, code: 1},
			{files: broken, args: []string{"-why", "./..."}, code: 2},
		},
		"`-fix`": {
			{files: fixable, args: []string{"-fix", "./..."}, code: 0},
			{files: unfixable, args: []string{"-fix", "./..."}, code: 1},
			{files: broken, args: []string{"-fix", "./..."}, code: 2},
		},
		"`-diff`": {
			{files: clean, args: []string{"-diff", "./..."}, code: 0},
			{files: fixable, args: []string{"-diff", "./..."}, code: 1},
			{files: unfixable, args: []string{"-diff", "./..."}, code: 1},
			{files: broken, args: []string{"-diff", "./..."}, code: 2},
		},
		"`-write-baseline FILE`": {
			{files: clean, args: baseline, code: 0},
			{files: fixable, args: baseline, code: 1},
			{files: broken, args: baseline, code: 2},
			{files: fixable, args: []string{"-write-baseline", "a.yaml", "./..."}, code: 2},
		},
		"`-baseline FILE`": {
			{files: fixable, before: baseline, args: []string{"-baseline", "b.json", "./..."}, code: 0},
			{files: fixable, before: baseline, change: newFinding, args: []string{"-baseline", "b.json", "./..."}, code: 1},
			{files: fixable, before: baseline, change: broken, args: []string{"-baseline", "b.json", "./..."}, code: 2},
			{files: fixable, args: []string{"-baseline", "missing.json", "./..."}, code: 2},
		},
		"`-baseline-prune`": {
			{files: fixable, before: baseline, change: fixed, args: []string{"-baseline", "b.json", "-baseline-prune", "./..."}, code: 0},
			{files: fixable, before: baseline, change: newFinding, args: []string{"-baseline", "b.json", "-baseline-prune", "./..."}, code: 1},
			{files: fixable, args: []string{"-baseline-prune", "./..."}, code: 2},
		},
		"`-needs`": {
			{files: clean, args: []string{"-needs", "./..."}, code: 0},
			{files: fixable, args: []string{"-needs", "./..."}, code: 0},
			{files: broken, args: []string{"-needs", "./..."}, code: 2},
			{files: clean, args: []string{"-needs", "-diff", "./..."}, code: 2},
		},
		"`-explain ID`": {
			{args: []string{"-explain", "ZS201"}, code: 0},
			{args: []string{"-explain", "broad-scope"}, code: 0},
			{args: []string{"-explain", "ZS999"}, code: 2},
		},
		"`-list-checks`, `-list-services`": {
			{args: []string{"-list-checks"}, code: 0},
			{args: []string{"-list-services"}, code: 0},
		},
		"`-version`": {{args: []string{"-version"}, code: 0}},
		"`-h`":       {{args: []string{"-h"}, code: 0}},
		"a usage error": {
			{files: clean, args: []string{"-nosuchflag", "./..."}, code: 2},
			{files: clean, args: []string{"-format", "xml", "./..."}, code: 2},
			{files: clean, args: []string{"-fail-on", "sometimes", "./..."}, code: 2},
			{files: clean, args: []string{"-checks=-ZS*", "./..."}, code: 2},
			{files: clean, args: []string{""}, code: 2},
			{files: clean, args: []string{"-catalog", "missing.yaml", "./..."}, code: 2},
			{files: map[string]string{"a.yaml": clean["a.yaml"], ".zscopelint.yaml": "fail-on: sometimes\n"}, args: []string{"./..."}, code: 2},
			{files: clean, args: []string{"-o", "sarif=a.yaml", "./..."}, code: 2},
		},
	}

	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	_, table, ok := strings.Cut(string(readme), "| mode | 0 | 1 | 2 |\n|---|---|---|---|\n")
	if !ok {
		t.Fatal("README.md has no exit-status table")
	}
	table, _, _ = strings.Cut(table, "\n\n")
	rows := 0
	for _, line := range strings.Split(table, "\n") {
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		if len(cells) != 4 {
			t.Errorf("README.md: exit-status row %q has %d cells, want 4", line, len(cells))
			continue
		}
		rows++
		mode := strings.TrimSpace(cells[0])
		scenarios, ok := modes[mode]
		if !ok {
			t.Errorf("README.md: exit-status row %s: the test runs no such mode", mode)
			continue
		}
		delete(modes, mode)
		gives := map[int]bool{}
		for _, sc := range scenarios {
			gives[sc.code] = true
		}
		for code, cell := range cells[1:] {
			if says := strings.TrimSpace(cell) != "—"; says != gives[code] {
				t.Errorf("README.md: %s exits %d: the README says %v (%q), the scenarios %v", mode, code, says, cell, gives[code])
			}
		}
		for _, sc := range scenarios {
			dir := writeTree(t, sc.files)
			if sc.before != nil {
				zscopelintIn(t, dir, sc.before...)
			}
			for name, data := range sc.change {
				must(t, os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644))
			}
			if _, stderr, code := zscopelintIn(t, dir, sc.args...); code != sc.code {
				t.Errorf("%s: zscopelint %q exits %d, want %d\n%s", mode, sc.args, code, sc.code, stderr)
			}
		}
	}
	for mode := range modes {
		t.Errorf("README.md's exit-status table lacks the row %s", mode)
	}
	if rows == 0 {
		t.Error("README.md's exit-status table has no rows")
	}
}

// TestREADMEPolicyExample: the README's policy file, saved as .zscopelint.yaml, runs as
// written, and so does it with its catalogs line uncommented and the README's catalog
// example saved under the name that line gives.
func TestREADMEPolicyExample(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	policy := readmeBlock(t, string(readme), "`.zscopelint.yaml` tunes zscopelint for a team.")
	catalog := readmeBlock(t, string(readme), "write one small\nYAML file and pass it with `-catalog`:")
	const commented = "# catalogs: [zoho/desk.yaml]"
	if !strings.HasPrefix(policy, "fail-on: error") || !strings.Contains(policy, commented) || !strings.HasPrefix(catalog, "service: Desk\n") {
		t.Fatalf("README.md: the policy example or the catalog example is not where the test looks:\n%s\n%s", policy, catalog)
	}
	uncommented := strings.Replace(policy, commented, strings.TrimPrefix(commented, "# "), 1)
	for _, files := range []map[string]string{
		{".zscopelint.yaml": policy},
		{".zscopelint.yaml": uncommented, "zoho/desk.yaml": catalog},
	} {
		files["config/app.yaml"] = "scopes: [ZohoCRM.users.READ, Desk.tickets.READ]\n"
		out, stderr, code := zscopelintIn(t, writeTree(t, files), "./...")
		if code != 0 || out != "" || stderr != "" {
			t.Errorf("with the README's policy file (catalog %v): exit %d\n%s%s", files["zoho/desk.yaml"] != "", code, out, stderr)
		}
	}
	// The policy is in force: its deny list refuses the org's ALL, with its reason.
	out, _, code := zscopelintIn(t, writeTree(t, map[string]string{".zscopelint.yaml": policy, "admin.yaml": "scope: ZohoCRM.org.ALL\n"}), "./...")
	if code != 1 || !strings.Contains(out, "read the org, never change it") || !strings.Contains(out, "(ZS205)") {
		t.Errorf("the README's deny list: exit %d\n%s", code, out)
	}
}

// TestREADMEBaselineExample: the README's -baseline example is what the command says on
// stderr in the case it describes: a baseline of thirteen typos in config/zoho.yaml, one of
// them fixed since.
func TestREADMEBaselineExample(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	want := readmeBlock(t, string(readme), "once `ZohoCRM.users.REED` is fixed:")
	scopes := "scopes:\n"
	for _, module := range []string{"leads", "contacts", "deals", "accounts", "tasks", "events", "calls", "notes", "products", "quotes", "invoices", "vendors"} {
		scopes += "  - ZohoCRM.modules." + module + ".REED\n"
	}
	dir := writeTree(t, map[string]string{"config/zoho.yaml": scopes + "  - ZohoCRM.users.REED\n"})
	if out, _, code := zscopelintIn(t, dir, "-write-baseline", "zscopelint-baseline.json", "./..."); code != 1 || strings.Count(out, "(ZS104)") != 13 {
		t.Fatalf("-write-baseline: exit %d\n%s", code, out)
	}
	must(t, os.WriteFile(filepath.Join(dir, "config", "zoho.yaml"), []byte(scopes+"  - ZohoCRM.users.READ\n"), 0o644))
	out, stderr, code := zscopelintIn(t, dir, "-baseline", "zscopelint-baseline.json", "./...")
	if diff := cmp.Diff(want, stderr); code != 0 || out != "" || diff != "" {
		t.Errorf("README.md's -baseline example: exit %d, stdout %q (-README +stderr):\n%s", code, out, diff)
	}
}

// TestREADMEInstallLines runs the README's Linux and macOS install lines against a release
// laid out as GoReleaser publishes it (archive and checksums.txt under
// releases/download/vX.Y.Z), served from a file: URL: they install the archive's binary,
// and stop at an archive that does not match checksums.txt.
func TestREADMEInstallLines(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" {
		t.Skip("the lines call sha256sum, which macOS lacks (the README gives shasum there)")
	}
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	lines := readmeBlock(t, string(readme), "**Release binaries.**")
	releases := t.TempDir()
	bin := t.TempDir()
	for _, sub := range []struct{ old, new string }{
		{"https://github.com/zscopelint/zscopelint/releases/download", "file://" + releases},
		{"V=X.Y.Z", "V=1.2.3"},
		{"sudo install zscopelint /usr/local/bin/", `install zscopelint "` + bin + `/"`},
	} {
		if !strings.Contains(lines, sub.old) {
			t.Fatalf("README.md's install lines lack %q:\n%s", sub.old, lines)
		}
		lines = strings.ReplaceAll(lines, sub.old, sub.new)
	}
	dir := filepath.Join(releases, "v1.2.3")
	must(t, os.MkdirAll(dir, 0o755))
	fake := filepath.Join(t.TempDir(), "zscopelint")
	must(t, os.WriteFile(fake, []byte("#!/bin/sh\necho zscopelint v1.2.3\n"), 0o755))
	archive := "zscopelint_1.2.3_linux_" + runtime.GOARCH + ".tar.gz"
	sum := writeArchive(t, filepath.Join(dir, archive), fake)
	for _, tc := range []struct {
		name, sum string
		ok        bool
	}{
		{"release", sum, true},
		{"tampered", strings.Repeat("0", 64), false},
	} {
		must(t, os.WriteFile(filepath.Join(dir, "checksums.txt"), []byte(tc.sum+"  "+archive+"\n"+strings.Repeat("1", 64)+"  zscopelint_1.2.3_windows_amd64.zip\n"), 0o644))
		os.Remove(filepath.Join(bin, "zscopelint"))
		cmd := exec.Command("bash", "-euo", "pipefail", "-c", lines)
		cmd.Dir = t.TempDir()
		out, err := cmd.CombinedOutput()
		installed, _ := exec.Command(filepath.Join(bin, "zscopelint")).Output()
		if ok := err == nil && string(installed) == "zscopelint v1.2.3\n"; ok != tc.ok {
			t.Errorf("%s: the install lines: %v, installed %q, want it %v\n%s", tc.name, err, installed, tc.ok, out)
		}
	}
}

// TestREADMEAnnotationExample: the README's -format github line, with "…" for what it
// leaves out, is what the command prints for a typo at config/zoho.yaml:4:7.
func TestREADMEAnnotationExample(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	_, after, ok := strings.Cut(string(readme), "(`::error file=config/zoho.yaml")
	if !ok {
		t.Fatal("README.md has no annotation example")
	}
	example, _, _ := strings.Cut("::error file=config/zoho.yaml"+after, "`")
	parts := strings.Split(example, "…")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	pattern := regexp.MustCompile("^" + strings.Join(parts, ".*") + "\n$")
	dir := writeTree(t, map[string]string{"config/zoho.yaml": "zoho:\n  scopes:\n    - ZohoCRM.users.READ\n    - ZohoCRM.users.REED\n"})
	if out, _, code := zscopelintIn(t, dir, "-format", "github", "./..."); code != 1 || !pattern.MatchString(out) {
		t.Errorf("README.md's annotation %s; the command prints (exit %d):\n%s", example, code, out)
	}
}

// TestREADMEActionExamples: each README step that uses the action passes only inputs
// action.yml declares, a value marked "# default" is that input's default, and the
// outputs the README names are action.yml's.
func TestREADMEActionExamples(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	data, err := os.ReadFile("../../action.yml")
	must(t, err)
	var action struct {
		Inputs  map[string]struct{ Default string }
		Outputs map[string]any
	}
	must(t, yaml.Unmarshal(data, &action))
	steps := 0
	for _, block := range strings.Split(string(readme), "```yaml\n")[1:] {
		block, _, _ = strings.Cut(block, "```")
		// The step: its "- uses:" line and the lines indented deeper, dedented.
		_, step, ok := strings.Cut(block, "- uses: zscopelint/zscopelint@")
		if !ok {
			continue
		}
		steps++
		lines := strings.Split(block[:len(block)-len(step)], "\n")
		indent := len(lines[len(lines)-1]) - len("- uses: zscopelint/zscopelint@")
		fragment := "- uses: zscopelint/zscopelint@"
		for i, line := range strings.Split(step, "\n") {
			if i > 0 && len(line)-len(strings.TrimLeft(line, " ")) <= indent {
				break
			}
			if i > 0 {
				line = line[indent:]
			}
			fragment += line + "\n"
		}
		var doc yaml.Node
		must(t, yaml.Unmarshal([]byte(fragment), &doc))
		var with *yaml.Node
		for i, n := range doc.Content[0].Content[0].Content {
			if n.Value == "with" {
				with = doc.Content[0].Content[0].Content[i+1]
			}
		}
		if with == nil {
			t.Errorf("README.md: a step without inputs:\n%s", fragment)
			continue
		}
		for k := 0; k+1 < len(with.Content); k += 2 {
			name, value := with.Content[k], with.Content[k+1]
			in, ok := action.Inputs[name.Value]
			if !ok {
				t.Errorf("README.md: the action has no input %q", name.Value)
			} else if strings.HasPrefix(value.LineComment, "# default") && value.Value != in.Default {
				t.Errorf("README.md: %s: %s is marked as the default, action.yml's is %q", name.Value, value.Value, in.Default)
			}
		}
	}
	if steps < 2 { // annotations only, and with code scanning
		t.Errorf("README.md: %d steps use the action, want 2", steps)
	}
	_, outputs, _ := strings.Cut(string(readme), "The action's outputs are ")
	outputs, _, _ = strings.Cut(outputs, ".")
	var named []string
	for _, f := range strings.Split(outputs, "`")[1:] {
		if f != " and " && f != ", " && f != "" {
			named = append(named, f)
		}
	}
	if len(named) != len(action.Outputs) {
		t.Errorf("README.md names the outputs %q, action.yml has %d", named, len(action.Outputs))
	}
	for _, name := range named {
		if _, ok := action.Outputs[name]; !ok {
			t.Errorf("README.md names an output %q that action.yml lacks", name)
		}
	}
}
