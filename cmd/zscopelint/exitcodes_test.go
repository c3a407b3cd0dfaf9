package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Exit 0 says that every input was checked and nothing at -fail-on was found (issue 27,
// items 8 and 9): each case failed on d84b3a1.
func TestExitCodesNeverLie(t *testing.T) {
	t.Parallel()
	goMod := "module m\n\ngo 1.22\n"
	tests := []struct {
		name   string
		files  map[string]string
		links  map[string]string // link name: target
		args   []string
		code   int
		out    string // substring of stdout, "" for none expected
		notOut string // must not be in stdout
		stderr string // substring of stderr
	}{
		{name: "ZS001 off by -checks", files: map[string]string{"good.yaml": "scope: ZohoCRM.users.READ\n", "broken.yaml": "scope: [ZohoCRM.users.READ\n"},
			args: []string{"-checks=-ZS001", "./..."}, code: 2, notOut: "ZS001", stderr: "1 input(s) could not be checked (ZS001 is off"},
		{name: "ZS001 off by policy", files: map[string]string{"good.yaml": "scope: ZohoCRM.users.READ\n", "broken.yaml": "scope: [ZohoCRM.users.READ\n",
			".zscopelint.yaml": "severity:\n  ZS001: off\n"},
			args: []string{"./..."}, code: 2, notOut: "ZS001", stderr: "could not be checked"},
		{name: "ZS001 left out of -checks", files: map[string]string{"broken.yaml": "scope: [ZohoCRM.users.READ\n"},
			args: []string{"-checks=ZS104", "./..."}, code: 2, stderr: "could not be checked"},
		{name: "selection of nothing", files: map[string]string{"good.yaml": "scope: ZohoCRM.users.READ\n"},
			args: []string{"-checks=-ZS*", "./..."}, code: 2, stderr: "selects no check"},
		{name: "selection undone", files: map[string]string{"good.yaml": "scope: ZohoCRM.users.READ\n"},
			args: []string{"-checks=ZS1*,-ZS1*", "./..."}, code: 2, stderr: "selects no check"},
		{name: "empty argument", files: map[string]string{"good.yaml": "scope: ZohoCRM.users.READ\n"},
			args: []string{""}, code: 2, stderr: "an argument is empty"},
		{name: "empty argument among others", files: map[string]string{"good.yaml": "scope: ZohoCRM.users.READ\n"},
			args: []string{"./...", ""}, code: 2, stderr: "an argument is empty"},
		{name: "link to a directory in the tree", files: map[string]string{"releases/42/app.yaml": "scope: ZohoCRM.users.READ\n"},
			links: map[string]string{"current": "releases/42"}, args: []string{"./..."}, code: 0},
		{name: "link to a directory in the tree, a finding", files: map[string]string{"releases/42/app.yaml": "scope: ZohoCRM.users.REED\n"},
			links: map[string]string{"current": "releases/42"}, args: []string{"./..."}, code: 1, out: "releases/42/app.yaml:1:8:", notOut: "current"},
		{name: "link to a directory outside", files: map[string]string{"app.yaml": "scope: ZohoCRM.users.READ\n"},
			links: map[string]string{"shared": "/"}, args: []string{"./..."}, code: 0, stderr: "shared: a symbolic link to a directory outside the tree, not followed"},
		{name: "config-only module", files: map[string]string{"go.mod": goMod, "conf/app.yaml": "scope: ZohoCRM.users.READ\n"},
			args: []string{"./..."}, code: 0},
		{name: "config-only module, a finding", files: map[string]string{"go.mod": goMod, "conf/app.yaml": "scope: ZohoCRM.users.REED\n"},
			args: []string{"./..."}, code: 1, out: "conf/app.yaml:1:8:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := writeTree(t, tt.files)
			for name, target := range tt.links {
				must(t, os.Symlink(target, filepath.Join(dir, name)))
			}
			out, stderr, code := zscopelintIn(t, dir, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.out) || tt.notOut != "" && strings.Contains(out, tt.notOut) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("zscopelint %q: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.args, code, tt.code, out, stderr)
			}
		})
	}
}

// A Go file the parser gives up on (nested past its limit) is a positioned ZS001 and the
// other files are still checked, in a module and outside one (issue 27, item 5): on
// d84b3a1 the run panicked.
func TestNestingBomb(t *testing.T) {
	t.Parallel()
	bomb := "package main\n\nvar x = " + strings.Repeat("(", 100000) + "1" + strings.Repeat(")", 100000) + "\n\nfunc main() {}\n"
	ok := "package main\n\nconst s = \"ZohoCRM.users.REED\"\n"
	for _, files := range []map[string]string{
		{"go.mod": "module m\n\ngo 1.22\n", "bomb.go": bomb, "ok.go": ok},
		{"bomb.go": bomb, "ok.go": ok}, // no module: checked without types
	} {
		dir := writeTree(t, files)
		out, stderr, code := zscopelintIn(t, dir, "./...")
		if code != 2 || !strings.Contains(out, "bomb.go:3:100009: error: cannot check: exceeded max nesting depth (ZS001)") ||
			!strings.Contains(out, "ok.go:3:12:") || strings.Contains(stderr, "type error") {
			t.Errorf("go.mod: %v: exit %d\nstdout:\n%s\nstderr:\n%s", files["go.mod"] != "", code, out, stderr)
		}
	}
}
