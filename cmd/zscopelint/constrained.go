package main

import (
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/zscopelint/zscopelint/analyzer"
	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/report"
)

// Go files the build leaves out are checked too. A file whose build constraints exclude
// it in the configuration the go command lists (//go:build ignore, a _windows.go file on
// Linux, //go:build tools) is in no package the type checker sees; nor is a cgo file,
// whose compiled form is a generated file the analyzer skips, or which is excluded when
// CGO_ENABLED=0. A token or a mistyped scope in one is as real as in any other file, and
// exit 0 must not pass it over: each is checked on its own, as a file outside any module
// is (checkFilesWithoutTypes), which reads its constants and literals but resolves no
// call, so it carries no least-privilege finding.

// unbuiltFiles are the Go files of a load's reported packages that no listed package
// compiles from source: build-constrained and cgo files. A file that another listed package
// or test variant compiles is left out, so that no finding is reported twice.
type unbuiltFiles struct {
	files    []string        // absolute, in listing order, once each
	compiled map[string]bool // the source files the load's packages compile
}

// unbuiltGoFiles collects them from a load's listing: go list's IgnoredGoFiles (which hold
// cgo files when CGO_ENABLED=0), and the cgo files, which are GoFiles that are not among
// the CompiledGoFiles (these are the go command's generated files). _test.go files count
// only with tests. A package whose every file is excluded has no GoFiles; its directory
// is that of its ignored files.
func unbuiltGoFiles(listed []*packages.Package, load *goLoad, tests bool) *unbuiltFiles {
	u := &unbuiltFiles{compiled: map[string]bool{}}
	for _, p := range listed {
		for _, f := range p.CompiledGoFiles {
			u.compiled[f] = true
		}
	}
	seen := map[string]bool{}
	for _, p := range listed {
		if testMain(p) || !load.reportsDir(unbuiltDir(p)) {
			continue
		}
		var candidates []string
		for _, f := range p.IgnoredFiles {
			if strings.HasSuffix(f, ".go") {
				candidates = append(candidates, f)
			}
		}
		for _, f := range p.GoFiles {
			if !slices.Contains(p.CompiledGoFiles, f) {
				candidates = append(candidates, f) // a cgo file
			}
		}
		for _, f := range candidates {
			if seen[f] || u.compiled[f] || !tests && strings.HasSuffix(f, "_test.go") {
				continue
			}
			seen[f] = true
			u.files = append(u.files, f)
		}
	}
	return u
}

// unbuiltDir is the directory of a package's files, compiled or not.
func unbuiltDir(p *packages.Package) string {
	if d := packageDir(p); d != "" {
		return d
	}
	if len(p.IgnoredFiles) > 0 {
		return filepath.Dir(p.IgnoredFiles[0])
	}
	return ""
}

// reportsDir is reports for a directory.
func (l *goLoad) reportsDir(dir string) bool {
	return l.reported == nil || l.reported[dir]
}

// checkUnbuilt checks the unbuilt Go files of every load, each file on its own (two
// configurations of one package may declare the same names), except those another load
// compiles.
func checkUnbuilt(wd workdir, settings analyzer.Settings, loads []*unbuiltFiles, reg *redact.Registry) []report.Finding {
	compiled := map[string]bool{}
	for _, u := range loads {
		for f := range u.compiled {
			compiled[f] = true
		}
	}
	seen := map[string]bool{}
	var units [][]string
	for _, u := range loads {
		for _, f := range u.files {
			if !compiled[f] && !seen[f] {
				seen[f] = true
				units = append(units, []string{f})
			}
		}
	}
	if len(units) == 0 {
		return nil
	}
	return checkFilesWithoutTypes(wd, settings, units, reg)
}

// anyUnchecked reports whether findings hold a ZS001: a file that could not be checked,
// which fails the run in every mode (-needs too, which prints no findings).
func anyUnchecked(findings []report.Finding) bool {
	for _, f := range findings {
		if f.Check == cannotCheck() {
			return true
		}
	}
	return false
}
