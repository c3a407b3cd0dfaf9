package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// clientModule is a module in the shape real Zoho integrations have: a client package with
// a private do helper, a get wrapper, thin methods and an exported Raw, and a main package
// that reaches Zoho only through them.
func clientModule(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("../../analyzer/testdata/src/leastpriv/zclient/zclient.go")
	must(t, err)
	app, err := os.ReadFile("../../analyzer/testdata/src/leastpriv/wrapapp/main.go")
	must(t, err)
	// The analyzer's test case, without its expectations.
	main := regexp.MustCompile(`(?m)\s*// want .*$`).ReplaceAllString(string(app), "")
	return writeTree(t, map[string]string{
		"go.mod":             "module leastpriv\n\ngo 1.26\n",
		"zclient/zclient.go": string(src),
		"app/main.go":        main,
	})
}

// TestCallsThroughWrappers: the command finds the calls made through the client's
// wrappers, across the package boundary, as go vet does with facts; -why names the route;
// one -fix leaves a program that builds and that the next run finds nothing in.
func TestCallsThroughWrappers(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the command and the fixed program")
	}
	dir := clientModule(t)
	out, stderr, code := zscopelintIn(t, dir, "-why", "./...")
	for _, want := range []string{
		"app/main.go:12:3: warning: ZohoCRM.modules.ALL is broader than the calls found need: ZohoCRM.modules.deals.UPDATE, ZohoCRM.modules.leads.READ, ZohoCRM.modules.contacts.CREATE (ZS201)",
		"app/main.go:13:3: warning: ZohoCRM.org.READ is not needed by any of the 3 ZohoCRM calls found",
		"PUT {…}/crm/v8/Deals  (leastpriv/app/main.go:22 (via zclient.(*Client).Raw → zclient.(*Client).do))",
		"GET {…}/crm/v8/Leads  (leastpriv/zclient/zclient.go:33 (via zclient.(*Client).get → zclient.(*Client).do))",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s%s", want, out, stderr)
		}
	}
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	// go vet, with facts, gives the same findings.
	bin := buildCommand(t)
	vet := exec.Command("go", "vet", "-vettool="+bin, "./...")
	vet.Dir = dir
	vetOut, _ := vet.CombinedOutput()
	for _, line := range asVetPrints(strings.Split(strings.TrimSpace(out), "\n")) {
		if strings.HasPrefix(line, "app/main.go:") && strings.HasSuffix(line, ")") && !strings.Contains(string(vetOut), strings.TrimPrefix(line, "app/")) {
			t.Errorf("go vet does not report %q:\n%s", line, vetOut)
		}
	}
	if fixOut, stderr, code := zscopelintIn(t, dir, "-fix", "./..."); code != 0 || fixOut != "" {
		t.Errorf("-fix: exit %d, left:\n%s%s", code, fixOut, stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "app", "main.go"))
	if !strings.Contains(string(data), `"ZohoCRM.modules.deals.UPDATE", "ZohoCRM.modules.leads.READ", "ZohoCRM.modules.contacts.CREATE",`) {
		t.Errorf("fixed scopes:\n%s", data)
	}
	build := exec.Command("go", "build", "./...")
	build.Dir = dir
	if b, err := build.CombinedOutput(); err != nil {
		t.Errorf("the fixed program does not build: %v\n%s", err, b)
	}
	if again, _, code := zscopelintIn(t, dir, "./..."); code != 0 || again != "" {
		t.Errorf("after -fix: exit %d\n%s", code, again)
	}
}
