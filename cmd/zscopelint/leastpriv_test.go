package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestLeastPrivilegeExampleFix does what the README says: zscopelint -fix on the leastpriv
// example leaves a program that builds and asks for exactly the scopes its calls need.
func TestLeastPrivilegeExampleFix(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the example")
	}
	files := map[string]string{"go.mod": "module github.com/zscopelint/zscopelint\n\ngo 1.26\n"}
	for _, name := range []string{"main.go", "crm/crm.go"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "examples", "leastpriv", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		files["examples/leastpriv/"+name] = string(b)
	}
	dir := writeTree(t, files)

	out, _, code := zscopelint(t, "./...")
	if code != 1 || strings.Count(out, "(ZS201)") != 2 {
		t.Fatalf("before -fix: exit %d\n%s", code, out)
	}
	if out, stderr, code := zscopelint(t, "-fix", "./..."); code != 0 || out != "" {
		t.Fatalf("-fix: exit %d\n%s%s", code, out, stderr)
	}
	main, _ := os.ReadFile(filepath.Join(dir, "examples", "leastpriv", "main.go"))
	want := "var scopes = []string{\n\t\"ZohoCRM.modules.leads.READ\", \"ZohoCRM.modules.contacts.CREATE\",\n\t\"ZohoCRM.users.READ\",\n}"
	if !strings.Contains(string(main), want) {
		t.Errorf("fixed scopes:\n%s", main)
	}
	build := exec.Command("go", "build", "./...")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("the fixed example does not build: %v\n%s", err, out)
	}
	if out, _, code := zscopelint(t, "./..."); code != 0 || out != "" {
		t.Errorf("after -fix: exit %d\n%s", code, out)
	}
}
