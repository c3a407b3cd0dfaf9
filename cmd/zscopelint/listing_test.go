package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/go/packages"

	"github.com/zscopelint/zscopelint/internal/resultcache"
)

// TestListingSplit: the split listing has the packages, test variants, files, import
// graph and errors of the one listing; export data for the packages themselves, where
// the one listing has it, and none for the test variants, which are type-checked from
// source.
func TestListingSplit(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod":           "module example.com/m\n\ngo 1.22\n",
		"p/p.go":           "package p\n\nfunc P() int { return 1 }\n",
		"p/p_test.go":      "package p\n\nimport \"testing\"\n\nfunc TestP(t *testing.T) { _ = P() }\n",
		"p/x_test.go":      "package p_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/m/q\"\n)\n\nfunc TestQ(t *testing.T) { _ = q.Q() }\n",
		"q/q.go":           "package q\n\nimport \"example.com/m/p\"\n\nfunc Q() int { return p.P() }\n",
		"broken/broken.go": "package broken\n\nfunc B() int { return \"x\" }\n",
	})
	cfg := &packages.Config{Mode: listMode, Dir: dir, Tests: true}
	one, err := listPackages(cfg, false, []string{"./..."})
	must(t, err)
	split, err := listPackages(cfg, true, []string{"./..."})
	must(t, err)
	type row struct {
		ID, Files, Imports, Errors string
		Export                     bool
	}
	rows := func(roots []*packages.Package, variantExport bool) map[string]row {
		out := map[string]row{}
		packages.Visit(roots, nil, func(p *packages.Package) {
			var imps []string
			for path, ip := range p.Imports {
				imps = append(imps, path+"="+ip.ID)
			}
			sort.Strings(imps)
			var errs []string
			for _, e := range p.Errors {
				errs = append(errs, e.Msg)
			}
			export := p.ExportFile != ""
			if p.ID != p.PkgPath || strings.HasSuffix(p.PkgPath, ".test") {
				export = export && variantExport
			}
			out[p.ID] = row{ID: p.ID, Files: strings.Join(p.CompiledGoFiles, " "), Imports: strings.Join(imps, " "), Errors: strings.Join(errs, "; "), Export: export}
		})
		return out
	}
	want, got := rows(one, false), rows(split, true)
	if _, ok := got["example.com/m/q [example.com/m/p.test]"]; !ok {
		t.Fatalf("split listing has no q [p.test]: %v", got)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("split listing differs from the one listing (-want +got):\n%s", diff)
	}
}

// TestListingNote: the listing is split unless the load's last run checked few of its
// packages again.
func TestListingNote(t *testing.T) {
	c := resultcache.Open(t.TempDir())
	note := "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	for _, step := range []struct {
		misses, paths int
		split         bool // for the run after
	}{{10, 10, true}, {0, 10, false}, {5, 10, false}, {6, 10, true}, {1, 10, false}} {
		noteListing(c, note, step.misses, step.paths)
		if got := splitListing(c, note); got != step.split {
			t.Errorf("after %d of %d checked again: split %v, want %v", step.misses, step.paths, got, step.split)
		}
	}
	if !splitListing(c, "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210") || !splitListing(nil, note) {
		t.Error("no note, or no cache: not split")
	}
}

// TestListingInTurn: patterns too long for one command line are listed one chunk after
// another, never two go lists at once (each would build what the other builds), and the
// chunks' graphs are one: the same packages, imports and export data as one listing,
// one *packages.Package an ID.
func TestListingInTurn(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"go.mod":      "module example.com/m\n\ngo 1.22\n",
		"p/p.go":      "package p\n\nfunc P() int { return 1 }\n",
		"p/p_test.go": "package p\n\nimport \"testing\"\n\nfunc TestP(t *testing.T) { _ = P() }\n",
		"q/q.go":      "package q\n\nimport \"example.com/m/p\"\n\nfunc Q() int { return p.P() }\n",
		"r/r.go":      "package r\n\nimport (\n\t\"example.com/m/p\"\n\t\"example.com/m/q\"\n)\n\nfunc R() int { return p.P() + q.Q() }\n",
	})
	// A go command that notes when each listing of packages and their imports begins
	// and ends (go/packages also asks for the type sizes beside a listing, at once).
	real, err := exec.LookPath("go")
	must(t, err)
	bin, log := t.TempDir(), filepath.Join(t.TempDir(), "runs")
	must(t, os.WriteFile(filepath.Join(bin, "go"), []byte(`#!/bin/sh
case "$*" in *-deps=true*) ;; *) exec `+real+` "$@" ;; esac
echo begin >>`+log+`
sleep 0.2
`+real+` "$@"
rc=$?
echo end >>`+log+`
exit $rc
`), 0o755))
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	// Patterns longer than a command line holds: each package named many times over.
	var long []string
	for n := 0; n < patternChunkBytes/len("./q ./r ./p ")+1; n++ {
		long = append(long, "./q", "./r", "./p")
	}
	cfg := &packages.Config{Mode: listMode, Dir: dir, Tests: true}
	for _, split := range []bool{false, true} {
		if err := os.Remove(log); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		got, err := listPackages(cfg, split, long)
		must(t, err)
		runs, err := os.ReadFile(log)
		must(t, err)
		if strings.Contains(string(runs), "begin\nbegin\n") {
			t.Errorf("split=%v: two go lists ran at once:\n%s", split, runs)
		}
		want, err := listPackages(cfg, split, []string{"./p", "./q", "./r"})
		must(t, err)
		rows := func(roots []*packages.Package) map[string]string {
			out := map[string]string{}
			one := map[string]*packages.Package{}
			packages.Visit(roots, nil, func(p *packages.Package) {
				if one[p.ID] != nil && one[p.ID] != p {
					t.Errorf("split=%v: two packages with ID %s", split, p.ID)
				}
				one[p.ID] = p
				var imps []string
				for path, ip := range p.Imports {
					imps = append(imps, path+"="+ip.ID)
				}
				sort.Strings(imps)
				out[p.ID] = strings.Join(p.CompiledGoFiles, " ") + " | " + strings.Join(imps, " ") + " | " + strconv.FormatBool(p.ExportFile != "")
			})
			return out
		}
		if diff := cmp.Diff(rows(want), rows(got)); diff != "" {
			t.Errorf("split=%v: the listing in chunks differs from one listing (-want +got):\n%s", split, diff)
		}
	}
}
