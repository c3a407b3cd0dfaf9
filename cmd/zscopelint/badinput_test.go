package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every bad input makes the run exit 2 with a ZS001 for it, and the good file beside it is
// still reported.
func TestBadInputsExit2(t *testing.T) {
	t.Parallel()
	bomb := `a: &a ["ZohoCRM","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n"
	prev := "a"
	for _, c := range "bcdefghi" {
		n := string(c)
		bomb += n + ": &" + n + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n"
		prev = n
	}
	inputs := map[string]string{
		"broken.yaml":    "scope: [ZohoCRM.users.READ\n",
		"truncated.json": `{"scopes": ["ZohoCRM.users.READ", "ZohoCRM.org.RE`,
		"blob.json":      "{\"zoho\": 1}\x00\x01",
		"huge.yaml":      "scope: ZohoCRM.modules.ALL\n" + strings.Repeat("# padding\n", 2<<20),
		"deep.json":      strings.Repeat("[", 10000) + `"ZohoCRM.users.READ"` + strings.Repeat("]", 10000),
		"bomb.yaml":      bomb,
		"latin1.yaml":    "scope: \"ZohoCRM.modules.ALLL caf\xe9\"\n",
	}
	for name, body := range inputs {
		t.Run(name, func(t *testing.T) {
			dir := writeTree(t, map[string]string{"good.yaml": "scope: ZohoCRM.users.REED\n", name: body})
			out, stderr, code := zscopelintIn(t, dir, "./...")
			if code != 2 {
				t.Errorf("exit %d, want 2\n%s%s", code, out, stderr)
			}
			if !strings.Contains(out, name+":") || !strings.Contains(out, "(ZS001)") {
				t.Errorf("no ZS001 for %s:\n%s", name, out)
			}
			if !strings.Contains(out, "good.yaml:1:8:") {
				t.Errorf("good file not reported:\n%s", out)
			}
		})
	}
}

// A directory symlink loop does not trap the walk; a file link loop is one ZS001.
func TestSymlinkLoops(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{"conf/good.yaml": "scope: ZohoCRM.users.REED\n"})
	must(t, os.Symlink("..", filepath.Join(dir, "conf/up")))
	must(t, os.Symlink("self.yaml", filepath.Join(dir, "conf/self.yaml")))
	out, stderr, code := zscopelintIn(t, dir, "./...")
	if code != 2 || !strings.Contains(out, "conf/good.yaml:1:8:") || !strings.Contains(out, "conf/self.yaml:1:1: error: cannot check:") {
		t.Errorf("exit %d\n%s%s", code, out, stderr)
	}
	if strings.Count(out, "good.yaml") != 1 {
		t.Errorf("the walk followed the directory link:\n%s", out)
	}
}
