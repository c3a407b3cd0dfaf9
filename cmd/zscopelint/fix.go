package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zscopelint/zscopelint/internal/safefile"
	"github.com/zscopelint/zscopelint/report"
)

// fixer applies or prints the fixes of a run's findings.
type fixer struct {
	wd       workdir
	diffOnly bool            // print a unified diff and write nothing
	pr       *report.Printer // the diff, and one note per fix not applied, with the reason
	noted    map[string]bool // notes printed already (-fix applies fixes in passes)
	maxSize  int64
	// roots are the directories being checked (absolute, links resolved): -fix writes
	// through a symbolic link only to a target inside one of them.
	roots []string
}

// apply applies the fix of every finding that has one, file by file. Edits that overlap an
// edit already taken are skipped (their finding stays reported), so that fixes never garble
// a file; identical edits (one fix reported twice) are applied once. It reports which
// findings were fixed. A fix that is withheld or cannot be written is named in a note.
func (fx *fixer) apply(fs []report.Finding) []bool {
	applied := make([]bool, len(fs))
	type pending struct {
		edit    report.Edit
		finding int
	}
	byFile := map[string][]pending{}
	for i, f := range fs {
		if f.Withheld != "" {
			fx.note("%s:%d:%d: %s (%s)", report.DisplayName(f.File), f.Line, f.Col, f.Withheld, f.Check.ID)
		}
		if f.Fix == nil {
			continue
		}
		for _, e := range f.Fix.Edits {
			byFile[e.File] = append(byFile[e.File], pending{e, i})
		}
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, file := range files {
		edits := byFile[file]
		sort.SliceStable(edits, func(i, j int) bool {
			if edits[i].edit.Start != edits[j].edit.Start {
				return edits[i].edit.Start < edits[j].edit.Start
			}
			return edits[i].edit.End < edits[j].edit.End
		})
		target, why := fx.target(file)
		if why != "" {
			fx.note("%s: fixes not applied: %s", report.DisplayName(file), why)
			continue
		}
		src, err := safefile.ReadFile(target, fx.maxSize)
		if err != nil {
			fx.note("%s: fixes not applied: %s", report.DisplayName(file), safefile.Describe(err))
			continue
		}
		var taken []report.Edit
		var fixedBy []int
		last := 0
		for _, p := range edits {
			e := p.edit
			if e.Start < 0 || e.End > len(src) || e.Start > e.End {
				continue
			}
			if n := len(taken); n > 0 && taken[n-1] == e {
				fixedBy = append(fixedBy, p.finding) // the same edit again
				continue
			}
			if e.Start < last {
				continue // overlaps an edit already taken
			}
			last = e.End
			taken = append(taken, e)
			fixedBy = append(fixedBy, p.finding)
		}
		if len(taken) == 0 {
			continue
		}
		if fx.diffOnly {
			if err := fx.pr.Diff(report.UnifiedDiff(file, src, taken)); err != nil {
				fx.pr.Notef("writing the diff: %v", err)
			}
		} else if err := writeFileAtomic(target, report.ApplyEdits(src, taken)); err != nil {
			fx.note("%s: fixes not applied: %s", report.DisplayName(file), safefile.Describe(err))
			continue
		}
		for _, i := range fixedBy {
			applied[i] = true
		}
	}
	return applied
}

// note prints a note once.
func (fx *fixer) note(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if fx.noted == nil || !fx.noted[msg] {
		if fx.noted != nil {
			fx.noted[msg] = true
		}
		fx.pr.Notef("%s", msg)
	}
}

// target is the file that fixing file writes: file itself, or the target of a symbolic
// link when that lies inside the tree being checked. why says why nothing may be written.
func (fx *fixer) target(file string) (target, why string) {
	name := fx.wd.path(filepath.FromSlash(file))
	fi, err := os.Lstat(name)
	if err != nil {
		return "", safefile.Describe(err)
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		real, err := filepath.EvalSymlinks(name)
		if err != nil {
			return "", "a symbolic link that does not resolve"
		}
		if !fx.inside(real) {
			return "", "a symbolic link to a file outside the checked tree; fix the target there"
		}
		name = real
		if fi, err = os.Stat(name); err != nil {
			return "", safefile.Describe(err)
		}
	}
	if !fi.Mode().IsRegular() {
		return "", safefile.ErrNotRegular.Error()
	}
	if fi.Mode().Perm()&0o200 == 0 {
		return "", "the file is read-only; make it writable to apply fixes"
	}
	return name, ""
}

func (fx *fixer) inside(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	for _, r := range fx.roots {
		if abs == r || strings.HasPrefix(abs, r+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// fixRoots lists the directories the arguments check (and the working directory), with
// symbolic links resolved.
func fixRoots(wd workdir, patterns []string) []string {
	var out []string
	add := func(dir string) {
		abs := wd.path(dir)
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		out = append(out, abs)
	}
	add(".")
	for _, p := range patterns {
		root, _ := strings.CutSuffix(p, "/...")
		if fi, err := os.Stat(wd.path(root)); err == nil {
			if !fi.IsDir() {
				root = filepath.Dir(root)
			}
			add(root)
		}
	}
	return out
}

// writeFileAtomic replaces a file through a temporary file in the same directory, keeping
// its permissions, so that an interrupted run never leaves half a file.
func writeFileAtomic(name string, data []byte) error {
	fi, err := os.Stat(name)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".zscopelint-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(fi.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}
