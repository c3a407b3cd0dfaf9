package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// expectRE finds the labels of the accuracy corpus: "expect: ZS104" labels its own line,
// "expect-next: ZS104" the next one (for files where a comment cannot end a line, such as
// Dockerfiles and .env files); several IDs are separated by commas.
var expectRE = regexp.MustCompile(`expect(-next)?: (ZS\d{3}(?:,ZS\d{3})*)`)

// TestAccuracyCorpus runs the command over testdata/accuracy, files written in the shapes
// of real Zoho integrations (SDK-like Go clients, NextAuth providers, Laravel config,
// Kubernetes manifests, OpenAPI files, Dockerfiles, READMEs), whose real mistakes are
// labelled line by line, and reports precision and recall of its errors and warnings.
func TestAccuracyCorpus(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs("../../testdata/accuracy")
	must(t, err)
	want := map[string]bool{} // file:line:check
	must(t, filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		if strings.HasSuffix(rel, ".expect") { // labels of a file that has no comments (JSON)
			for sc.Scan() {
				file, rest, _ := strings.Cut(sc.Text(), ": ")
				for _, id := range strings.Split(rest, ",") {
					want[file+":"+strings.TrimSpace(id)] = true
				}
			}
			return sc.Err()
		}
		for line := 1; sc.Scan(); line++ {
			for _, m := range expectRE.FindAllStringSubmatch(sc.Text(), -1) {
				at := line
				if m[1] != "" {
					at++
				}
				for _, id := range strings.Split(m[2], ",") {
					want[fmt.Sprintf("%s:%d:%s", rel, at, id)] = true
				}
			}
		}
		return sc.Err()
	}))
	out, stderr, _ := zscopelintIn(t, root, "-format", "json", "-fail-on", "never", "./...")
	var res struct {
		Findings []struct {
			Check, Severity, File, Message string
			Line                           int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, stderr)
	}
	got := map[string]string{}
	for _, f := range res.Findings {
		if f.Severity == "error" || f.Severity == "warning" {
			got[fmt.Sprintf("%s:%d:%s", f.File, f.Line, f.Check)] = f.Message
		}
	}
	var tp, fp, fn []string
	for k, msg := range got {
		if want[k] {
			tp = append(tp, k)
		} else {
			fp = append(fp, k+": "+msg)
		}
	}
	for k := range want {
		if _, ok := got[k]; !ok {
			fn = append(fn, k)
		}
	}
	sort.Strings(fp)
	sort.Strings(fn)
	precision := float64(len(tp)) / float64(max(1, len(tp)+len(fp)))
	recall := float64(len(tp)) / float64(max(1, len(tp)+len(fn)))
	t.Logf("accuracy corpus: %d labelled mistakes, %d reported at error/warning; precision %.1f%% (%d/%d), recall %.1f%% (%d/%d)",
		len(want), len(got), 100*precision, len(tp), len(tp)+len(fp), 100*recall, len(tp), len(tp)+len(fn))
	logByKind(t, want, got)
	for _, f := range fp {
		t.Logf("false positive: %s", f)
	}
	for _, f := range fn {
		t.Logf("missed: %s", f)
	}
	if len(want) < 20 {
		t.Errorf("the corpus labels only %d mistakes", len(want))
	}
	// The corpus is labelled exactly: every miss and every false finding is a regression.
	if len(fp) > 0 || len(fn) > 0 {
		t.Errorf("%d false findings and %d misses (want none): precision %.1f%%, recall %.1f%%", len(fp), len(fn), 100*precision, 100*recall)
	}
}

// fileKind names the kind of a corpus file for the per-kind numbers: its extension, or its
// name for files that have none that says what they are (Dockerfile, Dockerfile.worker).
func fileKind(file string) string {
	base := filepath.Base(file)
	if strings.HasPrefix(base, "Dockerfile") {
		return "Dockerfile"
	}
	if ext := filepath.Ext(base); ext != "" {
		return ext[1:]
	}
	return base
}

// logByKind prints precision and recall per file kind: file:line:check keys of what is
// labelled (want) and what was reported (got).
func logByKind(t *testing.T, want map[string]bool, got map[string]string) {
	type counts struct{ tp, fp, fn int }
	kinds := map[string]*counts{}
	kindOf := func(key string) *counts {
		file, _, _ := strings.Cut(key, ":")
		k := fileKind(file)
		if kinds[k] == nil {
			kinds[k] = &counts{}
		}
		return kinds[k]
	}
	for k := range got {
		if want[k] {
			kindOf(k).tp++
		} else {
			kindOf(k).fp++
		}
	}
	for k := range want {
		if _, ok := got[k]; !ok {
			kindOf(k).fn++
		}
	}
	var names []string
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		c := kinds[k]
		t.Logf("  %-10s labelled %2d, reported %2d: precision %d/%d, recall %d/%d", k, c.tp+c.fn, c.tp+c.fp, c.tp, c.tp+c.fp, c.tp, c.tp+c.fn)
	}
}
