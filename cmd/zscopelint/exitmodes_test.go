package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExitCodesPerMode holds the exit code of every case of issue 27's items 8 and 9 in
// every mode that ends in one: 0 says that every input was checked and nothing at
// -fail-on was found, 1 that something was, 2 a usage error or an input that could not be
// checked. -diff, -write-baseline and -why exit as a plain run does; -fix by what is left
// after its fixes; -needs by whether every input was checked.
//
// On f37a011 the build-constrained and cgo cases exited 0 (their files were never read), a
// Go file outside a module that could not be read exited 0 (passed over in silence), a
// directory link named as an argument, or the working directory being one, exited 2
// ("nothing to check here"), and "/..." (an unset variable before /...) walked the whole
// file system; the other cases held already.
func TestExitCodesPerMode(t *testing.T) {
	t.Parallel()
	goMod := "module m\n\ngo 1.22\n"
	typo := func(pkg, tags string) string { // a scope that does not resolve, with a fix
		return tags + "package " + pkg + "\n\nconst scope = \"ZohoCRM.users.REED\"\n"
	}
	token := "1000.3f2a9c0d5e6b7a8f9c0d1e2f3a4b5c6d.7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b" // ZS301, no fix
	cgo := "package a\n\n// #include <stdlib.h>\nimport \"C\"\n\nconst scope = \"ZohoCRM.users.REED\"\n"
	const same = -1
	tests := []struct {
		name  string
		files map[string]string
		links map[string]string // link name: target
		in    string            // the working directory, in the tree; "" for its root
		args  []string
		code  int    // plain, -diff, -write-baseline, -why
		fix   int    // after -fix; same: code
		needs int    // -needs; same: code
		once  string // in the plain run's stdout exactly once
		fixed string // the file -fix corrects (REED to READ)
		note  string // in stderr, every mode
	}{
		// Item 8: ZS001 cannot be turned off into a pass, and a selection of nothing is a
		// usage error.
		{name: "ZS001 off by -checks", files: map[string]string{"good.yaml": "scope: ZohoCRM.users.READ\n", "broken.yaml": "scope: [ZohoCRM.users.READ\n"},
			args: []string{"-checks=-ZS001", "./..."}, code: 2, fix: same, needs: same},
		{name: "ZS001 off by policy", files: map[string]string{"good.yaml": "scope: ZohoCRM.users.READ\n", "broken.yaml": "scope: [ZohoCRM.users.READ\n",
			".zscopelint.yaml": "severity:\n  ZS001: off\n"}, args: []string{"./..."}, code: 2, fix: same, needs: same},
		{name: "ZS001 left out of -checks", files: map[string]string{"broken.yaml": "scope: [ZohoCRM.users.READ\n"},
			args: []string{"-checks=ZS104", "./..."}, code: 2, fix: same, needs: same},
		{name: "Go file outside a module that cannot be read", files: map[string]string{"a/a.go": "package a\n"},
			links: map[string]string{"a/loop.go": "loop.go"}, args: []string{"./..."}, code: 2, fix: same, needs: same},
		{name: "selection of nothing", files: map[string]string{"good.yaml": "scope: ZohoCRM.users.READ\n"},
			args: []string{"-checks=-ZS*", "./..."}, code: 2, fix: same, needs: same},

		// Item 8: build-constrained and cgo Go files are checked, in a walk and when named.
		{name: "//go:build ignore main", files: map[string]string{"go.mod": goMod, "a/a.go": "package a\n", "a/gen.go": typo("main", "//go:build ignore\n\n")},
			args: []string{"./..."}, code: 1, fix: 0, needs: 0, once: "a/gen.go:5:16:", fixed: "a/gen.go"},
		{name: "//go:build ignore main named", files: map[string]string{"go.mod": goMod, "a/a.go": "package a\n", "a/gen.go": typo("main", "//go:build ignore\n\n")},
			args: []string{"a/gen.go"}, code: 1, fix: 0, needs: 0, once: "a/gen.go:5:16:", fixed: "a/gen.go"},
		{name: "_windows.go token", files: map[string]string{"go.mod": goMod, "a/a.go": "package a\n", "a/tok_windows.go": "package a\n\nconst tok = \"" + token + "\"\n"},
			args: []string{"./..."}, code: 1, fix: 1, needs: 0, once: "a/tok_windows.go:3:"},
		{name: "//go:build tools, every file excluded", files: map[string]string{"go.mod": goMod, "tools/tools.go": typo("tools", "//go:build tools\n\n")},
			args: []string{"./..."}, code: 1, fix: 0, needs: 0, once: "tools/tools.go:5:16:", fixed: "tools/tools.go"},
		{name: "//go:build tools named", files: map[string]string{"go.mod": goMod, "tools/tools.go": typo("tools", "//go:build tools\n\n")},
			args: []string{"tools/tools.go"}, code: 1, fix: 0, needs: 0, once: "tools/tools.go:5:16:", fixed: "tools/tools.go"},
		{name: "cgo file", files: map[string]string{"go.mod": goMod, "a/a.go": "package a\n", "a/c.go": cgo},
			args: []string{"./..."}, code: 1, fix: 0, needs: 0, once: "a/c.go:6:", fixed: "a/c.go"},
		{name: "excluded test file, once for the package and its test variant", files: map[string]string{"go.mod": goMod,
			"a/a.go": "package a\n", "a/a_test.go": "package a\n", "a/x_windows_test.go": typo("a", "")},
			args: []string{"./..."}, code: 1, fix: 0, needs: 0, once: "a/x_windows_test.go:3:", fixed: "a/x_windows_test.go"},
		{name: "excluded files, clean", files: map[string]string{"go.mod": goMod, "a/a.go": "package a\n", "a/a_windows.go": "package a\n\nconst s = \"ZohoCRM.users.READ\"\n",
			"a/gen.go": "//go:build ignore\n\npackage main\n\nfunc main() {}\n", "a/c.go": "package a\n\nimport \"C\"\n"},
			args: []string{"./..."}, code: 0, fix: same, needs: same},

		// Item 9: directory links are followed once or noted, never an error.
		{name: "link to a directory in the tree", files: map[string]string{"releases/42/app.yaml": "scope: ZohoCRM.users.REED\n"},
			links: map[string]string{"current": "releases/42"}, args: []string{"./..."}, code: 1, fix: 0, needs: 0, once: "releases/42/app.yaml:1:8:", fixed: "releases/42/app.yaml"},
		{name: "link to a directory named", files: map[string]string{"releases/42/app.yaml": "scope: ZohoCRM.users.REED\n"},
			links: map[string]string{"current": "releases/42"}, args: []string{"current"}, code: 1, fix: 0, needs: 0, once: "releases/42/app.yaml:1:8:", fixed: "releases/42/app.yaml"},
		{name: "run in a link to a directory", files: map[string]string{"releases/42/app.yaml": "scope: ZohoCRM.users.REED\n"},
			links: map[string]string{"current": "releases/42"}, in: "current", args: []string{"./..."}, code: 1, fix: 0, needs: 0, once: "app.yaml:1:8:", fixed: "releases/42/app.yaml"},
		{name: "link to a directory named, walked", files: map[string]string{"releases/42/app.yaml": "scope: ZohoCRM.users.READ\n"},
			links: map[string]string{"current": "releases/42"}, args: []string{"./current/..."}, code: 0, fix: same, needs: same},
		{name: "link loop", files: map[string]string{"conf/app.yaml": "scope: ZohoCRM.users.READ\n"},
			links: map[string]string{"conf/up": "..", "conf/self": "."}, args: []string{"./..."}, code: 0, fix: same, needs: same},
		{name: "link to a directory outside", files: map[string]string{"app.yaml": "scope: ZohoCRM.users.READ\n"},
			links: map[string]string{"shared": "/"}, args: []string{"./..."}, code: 0, fix: same, needs: same},

		// Item 9: a module of config files only, and an empty argument.
		{name: "config-only module", files: map[string]string{"go.mod": goMod, "conf/app.yaml": "scope: ZohoCRM.users.READ\n"},
			args: []string{"./..."}, code: 0, fix: same, needs: same},
		{name: "config-only module, a finding", files: map[string]string{"go.mod": goMod, "conf/app.yaml": "scope: ZohoCRM.users.REED\n"},
			args: []string{"./..."}, code: 1, fix: 0, needs: 0, once: "conf/app.yaml:1:8:", fixed: "conf/app.yaml"},
		{name: "empty argument", files: map[string]string{"good.yaml": "scope: ZohoCRM.users.READ\n"},
			args: []string{"./...", ""}, code: 2, fix: same, needs: same},
		{name: "unset variable before /...", files: map[string]string{"good.yaml": "scope: ZohoCRM.users.READ\n"},
			args: []string{"./...", "/..."}, code: 2, fix: same, needs: same, note: "/... walks the whole file system"},
	}
	modes := []struct {
		name  string
		flags func(t *testing.T) []string
	}{
		{"plain", func(*testing.T) []string { return nil }},
		{"-diff", func(*testing.T) []string { return []string{"-diff"} }},
		{"-write-baseline", func(t *testing.T) []string {
			return []string{"-write-baseline", filepath.Join(t.TempDir(), "base.json")}
		}},
		{"-why", func(*testing.T) []string { return []string{"-why"} }},
		{"-fix", func(*testing.T) []string { return []string{"-fix"} }},
		{"-needs", func(*testing.T) []string { return []string{"-needs"} }},
	}
	for _, tt := range tests {
		for _, mode := range modes {
			t.Run(tt.name+"/"+mode.name, func(t *testing.T) {
				t.Parallel()
				dir := writeTree(t, tt.files)
				for name, target := range tt.links {
					must(t, os.Symlink(target, filepath.Join(dir, name)))
				}
				want := tt.code
				switch {
				case mode.name == "-fix" && tt.fix != same:
					want = tt.fix
				case mode.name == "-needs" && tt.needs != same:
					want = tt.needs
				}
				out, stderr, code := zscopelintIn(t, filepath.Join(dir, tt.in), append(mode.flags(t), tt.args...)...)
				if code != want {
					t.Errorf("zscopelint %s %q: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", mode.name, tt.args, code, want, out, stderr)
				}
				if !strings.Contains(stderr, tt.note) {
					t.Errorf("want %q in stderr:\n%s", tt.note, stderr)
				}
				if mode.name == "plain" && tt.once != "" && strings.Count("\n"+out, "\n"+tt.once) != 1 {
					t.Errorf("want a line that starts with %q, once, in:\n%s", tt.once, out)
				}
				if mode.name == "-fix" && tt.fixed != "" {
					if data, err := os.ReadFile(filepath.Join(dir, tt.fixed)); err != nil || !strings.Contains(string(data), "ZohoCRM.users.READ") {
						t.Errorf("-fix did not correct %s (%v):\n%s", tt.fixed, err, data)
					}
				}
			})
		}
	}
}
