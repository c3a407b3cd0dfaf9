package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The command and go vet hand request wrappers and scope builders between packages by one
// channel: the summaries the analyzer makes of a package reach every package that imports
// it before that package is analysed (facts under vet, the analyzer's own summaries in
// dependency order in the command). These tests hold the two to the same findings.

// leastPrivModule is the analyzer's least-privilege test cases as one module, the go-resty
// stub beside them as the dependency it stands for.
func leastPrivModule(t *testing.T) string {
	t.Helper()
	files := map[string]string{
		"go.mod":                   "module leastpriv\n\ngo 1.26\n\nrequire github.com/go-resty/resty/v2 v2.0.0\n\nreplace github.com/go-resty/resty/v2 => ./third_party/resty\n",
		"third_party/resty/go.mod": "module github.com/go-resty/resty/v2\n\ngo 1.26\n",
	}
	copyTree := func(from, to string) {
		err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(from, path)
			files[filepath.ToSlash(filepath.Join(to, rel))] = string(data)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	copyTree("../../analyzer/testdata/src/leastpriv", ".")
	copyTree("../../analyzer/testdata/src/github.com/go-resty/resty/v2", "third_party/resty")
	n := 0
	for name := range files {
		if strings.HasSuffix(name, "/main.go") || strings.HasSuffix(name, ".go") {
			n++
		}
	}
	if n < 15 {
		t.Fatalf("only %d Go files in the least-privilege cases", n)
	}
	return writeTree(t, files)
}

// chainModule is a call made through a chain of depth client packages, each a request
// wrapper of the next: main → p{depth-1}.Do → … → p0.Do → http.NewRequest.
func chainModule(t *testing.T, depth int) string {
	files := map[string]string{
		"go.mod": "module chain\n\ngo 1.26\n",
		"p0/p0.go": "package p0\n\nimport \"net/http\"\n\n" +
			"func Do(method, path string) (*http.Response, error) {\n\treq, err := http.NewRequest(method, \"https://www.zohoapis.com\"+path, nil)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn http.DefaultClient.Do(req)\n}\n",
		"main.go": fmt.Sprintf("package main\n\nimport \"chain/p%d\"\n\nvar scopes = []string{\"ZohoCRM.modules.ALL\"}\n\nfunc main() {\n\t_ = scopes\n\tp%d.Do(\"GET\", \"/crm/v8/Leads\")\n}\n", depth-1, depth-1),
	}
	for i := 1; i < depth; i++ {
		files[fmt.Sprintf("p%d/p%d.go", i, i)] = fmt.Sprintf("package p%d\n\nimport (\n\t\"net/http\"\n\n\t\"chain/p%d\"\n)\n\n"+
			"func Do(method, path string) (*http.Response, error) { return p%d.Do(method, path) }\n", i, i-1, i-1)
	}
	return writeTree(t, files)
}

// vetFindings runs go vet with the command as its vet tool and returns its diagnostics as
// the command prints them: infos too (go vet reports warnings and errors only by default;
// the command prints every finding).
func vetFindings(t *testing.T, bin, dir string) []string {
	t.Helper()
	vet := exec.Command("go", "vet", "-vettool="+bin, "-zscopelint.severity=info", "./...")
	vet.Dir = dir
	out, err := vet.CombinedOutput()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("go vet: %v\n%s", err, out)
	}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		lines = append(lines, strings.TrimPrefix(l, "./"))
	}
	slices.Sort(lines)
	return lines
}

// commandFindings runs the command and returns the lines of its findings.
func commandFindings(t *testing.T, dir string) []string {
	t.Helper()
	out, stderr, code := zscopelintIn(t, dir, "./...")
	if code == 2 {
		t.Fatalf("exit 2:\n%s%s", out, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	slices.Sort(lines)
	return lines
}

// severityWord is the severity a text line carries after its position; go vet's lines
// carry none (the vet protocol has no severity), so comparisons with vet drop it.
var severityWord = regexp.MustCompile(`^([^ ]*:\d+:\d+: )(?:error|warning|info): `)

// asVetPrints gives the command's lines as go vet prints the same findings.
func asVetPrints(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = severityWord.ReplaceAllString(l, "$1")
	}
	return out
}

// TestCommandAgreesWithVetOnLeastPrivilege: over every least-privilege case of the
// analyzer's tests, the command prints what go vet prints.
func TestCommandAgreesWithVetOnLeastPrivilege(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the command and runs go vet")
	}
	bin := buildCommand(t)
	dir := leastPrivModule(t)
	cmdOut, vetOut := commandFindings(t, dir), vetFindings(t, bin, dir)
	if len(vetOut) < 10 {
		t.Fatalf("go vet found only:\n%s", strings.Join(vetOut, "\n"))
	}
	if diff := cmp.Diff(vetOut, asVetPrints(cmdOut)); diff != "" {
		t.Errorf("command and go vet differ (-vet +command):\n%s", diff)
	}
}

// TestCommandAgreesWithVetAtAnyDepth: a call made through a chain of 1 to 8 wrapper
// packages gets the exact ZS201 from both.
func TestCommandAgreesWithVetAtAnyDepth(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the command and runs go vet")
	}
	bin := buildCommand(t)
	const exact = "main.go:5:24: warning: ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.leads.READ (ZS201)"
	for depth := 1; depth <= 8; depth++ {
		dir := chainModule(t, depth)
		cmdOut, vetOut := commandFindings(t, dir), vetFindings(t, bin, dir)
		if !slices.Contains(cmdOut, exact) {
			t.Errorf("depth %d: the command does not report %q:\n%s", depth, exact, strings.Join(cmdOut, "\n"))
		}
		if diff := cmp.Diff(vetOut, asVetPrints(cmdOut)); diff != "" {
			t.Errorf("depth %d: command and go vet differ (-vet +command):\n%s", depth, diff)
		}
	}
}
