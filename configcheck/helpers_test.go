package configcheck

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var (
	strconvItoa  = strconv.Itoa
	strconvQuote = strconv.Quote
)

// namedText is a text and the name a test reports it by: a file of the repository's
// corpora (corpusFiles) or a shape a test builds.
type namedText struct{ name, text string }

// corpusFiles reads the regular files the globs match, in the globs' order, and fails the
// test when fewer than least are found: a corpus that moved must not leave a test checking
// nothing.
func corpusFiles(t *testing.T, least int, globs ...string) []namedText {
	t.Helper()
	var out []namedText
	for _, glob := range globs {
		m, _ := filepath.Glob(glob)
		for _, f := range m {
			if fi, err := os.Stat(f); err != nil || !fi.Mode().IsRegular() {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, namedText{f, string(data)})
		}
	}
	if len(out) < least {
		t.Fatalf("only %d corpus files found for %v", len(out), globs)
	}
	return out
}
