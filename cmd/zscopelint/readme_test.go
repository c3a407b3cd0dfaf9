package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestREADMEFirstExample: the README's first command, run from the repository root, prints
// exactly the block the README shows after it, and exits 1.
func TestREADMEFirstExample(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	const lead = "The first command prints"
	_, after, ok := strings.Cut(string(readme), lead)
	if !ok {
		t.Fatalf("README.md lacks %q", lead)
	}
	_, block, ok := strings.Cut(after, "```\n")
	if !ok {
		t.Fatal("README.md: no output block after the first command")
	}
	want, _, _ := strings.Cut(block, "```")
	root, err := filepath.Abs("../..")
	must(t, err)
	out, stderr, code := zscopelintIn(t, root, "./examples/...")
	// The closing summary is all stderr holds: no note.
	if code != 1 || stderr != "5 errors, 6 warnings, 0 infos in 3 files\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("README.md's first example (-README +run):\n%s", diff)
	}
}
