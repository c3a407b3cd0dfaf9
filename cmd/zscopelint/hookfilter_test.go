package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/zscopelint/zscopelint/configcheck"
)

// hookExclude is the exclude pattern of the pre-commit hook for the extensions the walk
// passes over unread (configcheck.BinaryExts): every other file is one zscopelint reads,
// parsed or searched for credentials.
func hookExclude(exts []string) string {
	var names []string
	for _, e := range exts {
		names = append(names, regexp.QuoteMeta(strings.TrimPrefix(e, ".")))
	}
	return `(?i)\.(` + strings.Join(names, "|") + `)$`
}

// TestPreCommitHookFilter: the hook passes pre-commit every file the walk would read — it
// has no files: filter, and its exclude: is the walk's list of binary extensions, so that
// a kind the reader learns is passed without an edit here, and one it learns to skip fails
// this test until the hook skips it too.
func TestPreCommitHookFilter(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	must(t, err)
	var hooks []struct {
		ID, Entry, Language, Files, Exclude string
		Types                               []string
		RequireSerial                       bool `yaml:"require_serial"`
	}
	must(t, yaml.Unmarshal(data, &hooks))
	if len(hooks) != 1 || hooks[0].ID != "zscopelint" {
		t.Fatalf("hooks: %+v", hooks)
	}
	h := hooks[0]
	if h.Files != "" || len(h.Types) != 0 {
		t.Errorf("files: %q, types: %v; want neither: the walk reads every file that is not binary", h.Files, h.Types)
	}
	if want := hookExclude(configcheck.BinaryExts()); h.Exclude != want {
		t.Errorf("exclude:\n  %s\nwant the walk's binary extensions:\n  %s", h.Exclude, want)
	}
	if h.Entry != "zscopelint" || h.Language != "golang" || !h.RequireSerial {
		t.Errorf("hook %+v", h)
	}
	// pre-commit matches with Python's re.search; this pattern means the same in Go.
	exclude := regexp.MustCompile(h.Exclude)
	for _, name := range []string{"scripts/sync.sh", "Dockerfile", "NOTES.md", "infra/main.tf", "env.example",
		"main.go", "go.sum", "LICENSE", ".env.local", "config/zoho.yaml", "web/app.tsx", "notes.PDF.txt",
		"logo.png", "assets/Logo.PNG", "dist/app.wasm", "lib.so", "archive.tar.gz"} {
		if got, want := exclude.MatchString(name), configcheck.BinaryName(name); got != want {
			t.Errorf("%s: the hook excludes it %v, the walk passes over it %v", name, got, want)
		}
	}
}
