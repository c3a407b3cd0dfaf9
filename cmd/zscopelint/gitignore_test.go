package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestWalkSkipsGitIgnored: after a build, the output directories and a git-ignored
// .env.local are not checked by a walk; -include-ignored checks them; a file named on the
// command line is checked even when ignored. No git is run: the tree's .git holds only
// info/exclude.
func TestWalkSkipsGitIgnored(t *testing.T) {
	t.Parallel()
	const token = "1000.3f2a9c1d7e6b5a4f8e9d0c1b2a3f4e5d.9c1d7e6b5a4f3f2a8e9d0c1b2a3f4e5d"
	js := "// zoho client\nconst t = `" + token + "`;\n"
	dir := writeTree(t, map[string]string{
		".git/info/exclude":          "# local\nnotes.md\n",
		".gitignore":                 "dist/\n.next/\n.env*.local\n*.log\n!keep.log\n/gen/\n",
		"lib/app.js":                 js,
		"dist/app.js":                js,
		".next/server/app.js":        js,
		".env.local":                 "ZOHO_REFRESH_TOKEN=" + token + "\n",
		"notes.md":                   "token " + token + "\n",
		"debug.log":                  "token " + token + "\n",
		"keep.log":                   "token " + token + "\n",
		"web/.gitignore":             "/generated.js\n",
		"web/generated.js":           js,
		"web/sub/generated.js":       js, // /generated.js is anchored to web/
		"web/.env.development.local": "ZOHO_REFRESH_TOKEN=" + token + "\n",
		"api/generated.js":           js, // web's patterns stop at web/
		"config/.gitignore":          "*.yaml\n!zoho.yaml\n",
		"config/zoho.yaml":           "zoho:\n  refresh_token: " + token + "\n",
		"config/other.yaml":          "zoho:\n  refresh_token: " + token + "\n",
		// Go packages the walk finds in ignored directories are not loaded either.
		"go.mod":     "module m\n\ngo 1.26\n",
		"main.go":    "package main\n\nfunc main() {}\n",
		"gen/gen.go": "package gen\n\nconst token = \"" + token + "\"\n",
	})
	walked := []string{"api/generated.js", "config/zoho.yaml", "keep.log", "lib/app.js", "web/sub/generated.js"}
	ignored := []string{".env.local", ".next/server/app.js", "config/other.yaml", "debug.log", "dist/app.js", "gen/gen.go",
		"notes.md", "web/.env.development.local", "web/generated.js"}

	out, stderr, code := zscopelintIn(t, dir, "./...")
	if code != 1 {
		t.Errorf("exit %d, want 1; stderr: %s", code, stderr)
	}
	if got := reportedFiles(out); !slices.Equal(got, walked) {
		t.Errorf("walk reported %q, want %q:\n%s", got, walked, out)
	}

	out, _, _ = zscopelintIn(t, dir, "-include-ignored", "./...")
	want := slices.Sorted(slices.Values(append(slices.Clone(walked), ignored...)))
	if got := reportedFiles(out); !slices.Equal(got, want) {
		t.Errorf("-include-ignored reported %q, want %q:\n%s", got, want, out)
	}

	// Named on the command line: checked, ignored or not.
	for _, f := range []string{".env.local", "dist/app.js", "notes.md"} {
		out, _, code := zscopelintIn(t, dir, f)
		if code != 1 || !slices.Equal(reportedFiles(out), []string{f}) {
			t.Errorf("%s named: exit %d\n%s", f, code, out)
		}
	}
	// So is a directory: its own .gitignore patterns still apply below it.
	out, _, _ = zscopelintIn(t, dir, "./dist/...")
	if !slices.Equal(reportedFiles(out), []string{"dist/app.js"}) {
		t.Errorf("./dist/... named:\n%s", out)
	}

	// A walk that finds nothing but ignored paths says so.
	dir2 := writeTree(t, map[string]string{".git/info/exclude": "out/\n", "out/app.js": js})
	_, stderr, code = zscopelintIn(t, dir2, "./...")
	if code != 2 || !strings.Contains(stderr, "./...: nothing to check here; its paths are git-ignored (-include-ignored walks them)") {
		t.Errorf("all ignored: exit %d\n%s", code, stderr)
	}
}

// reportedFiles are the files the text output reports, sorted, each once.
func reportedFiles(out string) []string {
	var files []string
	for _, m := range regexp.MustCompile(`(?m)^([^:\s]+):\d+:\d+:`).FindAllStringSubmatch(out, -1) {
		if !slices.Contains(files, m[1]) {
			files = append(files, m[1])
		}
	}
	slices.Sort(files)
	return files
}
