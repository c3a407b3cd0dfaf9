package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// readmeBlock returns the first fenced block after lead in the README, without its fences.
func readmeBlock(t *testing.T, readme, lead string) string {
	t.Helper()
	_, after, ok := strings.Cut(readme, lead)
	if !ok {
		t.Fatalf("README.md lacks %q", lead)
	}
	_, block, ok := strings.Cut(after, "```\n")
	if !ok {
		t.Fatalf("README.md: no block after %q", lead)
	}
	block, _, _ = strings.Cut(block, "```")
	return block
}

// TestREADMEFirstExample: the README's first command, run from the repository root, prints
// exactly the block the README shows after it, exits 1, and closes with the summary line
// the README quotes.
func TestREADMEFirstExample(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	want := readmeBlock(t, string(readme), "The first command prints")
	root, err := filepath.Abs("../..")
	must(t, err)
	out, stderr, code := zscopelintIn(t, root, "./examples/...")
	// The closing summary is all stderr holds: no note.
	if code != 1 || !summaryLine.MatchString(stderr) || notes(stderr) != "" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if quoted := "closes with one line on stderr, `" + strings.TrimSuffix(stderr, "\n") + "`"; !strings.Contains(string(readme), quoted) {
		t.Errorf("README.md does not say the run %s", quoted)
	}
	if diff := cmp.Diff(want, out); diff != "" {
		t.Errorf("README.md's first example (-README +run):\n%s", diff)
	}
}

// TestREADMEWrapperExample: the -why example of "Calls through your own client" is what the
// command prints for the module it describes, the analyzer's wrapper test case.
func TestREADMEWrapperExample(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	want := readmeBlock(t, string(readme), "`leastpriv` (main under `app/`), `zscopelint -why ./...` prints:")
	out, _, code := zscopelintIn(t, clientModule(t), "-why", "./...")
	if diff := cmp.Diff(want, out); code != 1 || diff != "" {
		t.Errorf("README.md's wrapper example: exit %d (-README +run):\n%s", code, diff)
	}
}

// TestREADMECommandBlocks: every README block that starts with a command line
// "$ go run ./cmd/zscopelint ARGS" shows what that command prints on stdout, run from the
// repository root; a line "..." in the block stands for lines left out. The -diff example,
// a diff block of its own, is what -diff prints for examples/leastpriv.
func TestREADMECommandBlocks(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	root, err := filepath.Abs("../..")
	must(t, err)
	const prompt = "$ go run ./cmd/zscopelint "
	blocks := 0
	for _, block := range strings.Split(string(readme), "```")[1:] {
		body, ok := strings.CutPrefix(block, "\n"+prompt)
		if !ok {
			continue
		}
		blocks++
		command, want, _ := strings.Cut(body, "\n")
		out, _, _ := zscopelintIn(t, root, strings.Fields(command)...)
		if !elidedMatch(want, out) {
			t.Errorf("README.md: %s%s prints:\n%s\nthe README shows:\n%s", prompt, command, out, want)
		}
	}
	if blocks < 3 { // -why, -needs, -needs -format json
		t.Errorf("only %d command blocks found in README.md", blocks)
	}
	_, after, ok := strings.Cut(string(readme), "```diff\n")
	if !ok {
		t.Fatal("README.md: no diff block")
	}
	want, _, _ := strings.Cut(after, "```")
	out, _, code := zscopelintIn(t, root, "-diff", "./examples/leastpriv/...")
	if code != 1 || out != want {
		t.Errorf("README.md's -diff block: exit %d (-README +run):\n%s", code, cmp.Diff(want, out))
	}
}

// elidedMatch reports whether got is want with each line "..." (whatever its indentation)
// standing for any number of lines.
func elidedMatch(want, got string) bool {
	var parts []string
	var cur strings.Builder
	for _, line := range strings.SplitAfter(want, "\n") {
		if strings.TrimSpace(line) == "..." {
			parts = append(parts, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteString(line)
	}
	parts = append(parts, cur.String())
	if len(parts) == 1 {
		return got == want
	}
	if !strings.HasPrefix(got, parts[0]) || !strings.HasSuffix(got, parts[len(parts)-1]) {
		return false
	}
	rest := got[len(parts[0]):]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	return len(rest) >= len(parts[len(parts)-1])
}
