package main

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// The files the build leaves out, in the two shapes go list gives a cgo file: with
// CGO_ENABLED=1 among GoFiles with a generated file in its place among CompiledGoFiles,
// with CGO_ENABLED=0 among the ignored files. Each file once, whatever the test variants;
// none that a listed package compiles; none of a package the load does not report.
func TestUnbuiltGoFiles(t *testing.T) {
	t.Parallel()
	cgoOn := &packages.Package{ID: "m/a", PkgPath: "m/a", Name: "a",
		GoFiles:         []string{"/m/a/a.go", "/m/a/c.go"},
		CompiledGoFiles: []string{"/m/a/a.go", "/cache/0a/c.cgo1.go", "/cache/0a/_cgo_gotypes.go"},
		IgnoredFiles:    []string{"/m/a/gen.go", "/m/a/x_windows_test.go", "/m/a/asm_arm64.s"}}
	variant := &packages.Package{ID: "m/a [m/a.test]", PkgPath: "m/a", Name: "a",
		GoFiles:         append(slices.Clone(cgoOn.GoFiles), "/m/a/a_test.go"),
		CompiledGoFiles: append(slices.Clone(cgoOn.CompiledGoFiles), "/m/a/a_test.go"),
		IgnoredFiles:    cgoOn.IgnoredFiles}
	cgoOff := &packages.Package{ID: "m/b", PkgPath: "m/b", Name: "b",
		GoFiles: []string{"/m/b/b.go"}, CompiledGoFiles: []string{"/m/b/b.go"},
		IgnoredFiles: []string{"/m/b/c.go", "/m/b/shared_linux.go"}}
	// Every file excluded: no GoFiles, the directory is the ignored files'.
	tools := &packages.Package{ID: "m/tools", PkgPath: "m/tools", IgnoredFiles: []string{"/m/tools/tools.go"}}
	// A package that compiles a file another leaves out (another configuration of it).
	other := &packages.Package{ID: "m/c", PkgPath: "m/c", Name: "c",
		GoFiles: []string{"/m/c/c.go"}, CompiledGoFiles: []string{"/m/c/c.go", "/m/b/shared_linux.go"}}
	unreported := &packages.Package{ID: "m/d", PkgPath: "m/d", Name: "d",
		GoFiles: []string{"/m/d/d.go"}, CompiledGoFiles: []string{"/m/d/d.go"}, IgnoredFiles: []string{"/m/d/d_windows.go"}}
	listed := []*packages.Package{cgoOn, variant, cgoOff, tools, other, unreported}
	load := &goLoad{reported: map[string]bool{"/m/a": true, "/m/b": true, "/m/tools": true, "/m/c": true}}
	for _, tt := range []struct {
		tests bool
		want  []string
	}{
		{true, []string{"/m/a/gen.go", "/m/a/x_windows_test.go", "/m/a/c.go", "/m/b/c.go", "/m/tools/tools.go"}},
		{false, []string{"/m/a/gen.go", "/m/a/c.go", "/m/b/c.go", "/m/tools/tools.go"}},
	} {
		if got := unbuiltGoFiles(listed, load, tt.tests).files; !slices.Equal(got, tt.want) {
			t.Errorf("tests=%v:\n got %s\nwant %s", tt.tests, strings.Join(got, " "), strings.Join(tt.want, " "))
		}
	}
}

// With CGO_ENABLED=0 a cgo file is one of go list's IgnoredGoFiles: it is checked all the
// same (TestExitCodesPerMode runs it with the environment's setting). On f37a011 it was
// never read. Not parallel: it sets the environment the go command runs in.
func TestCgoFileWithoutCgo(t *testing.T) {
	t.Setenv("CGO_ENABLED", "0")
	dir := writeTree(t, map[string]string{"go.mod": "module m\n\ngo 1.22\n", "a/a.go": "package a\n",
		"a/c.go": "package a\n\n// #include <stdlib.h>\nimport \"C\"\n\nconst scope = \"ZohoCRM.users.REED\"\n"})
	out, stderr, code := zscopelintIn(t, dir, "./...")
	if code != 1 || strings.Count(out, "a/c.go:6:16:") != 1 {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
}
