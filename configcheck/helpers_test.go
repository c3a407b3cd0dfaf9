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

// corpusFile is a file of the repository's corpora and its text.
type corpusFile struct{ name, text string }

// corpusFiles reads the regular files the globs match, in the globs' order, and fails the
// test when fewer than least are found: a corpus that moved must not leave a test checking
// nothing.
func corpusFiles(t *testing.T, least int, globs ...string) []corpusFile {
	t.Helper()
	var out []corpusFile
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
			out = append(out, corpusFile{f, string(data)})
		}
	}
	if len(out) < least {
		t.Fatalf("only %d corpus files found for %v", len(out), globs)
	}
	return out
}
