package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

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
	temps *safefile.Temps // the temporary files of rewrites under way
}

// testHookBeforeFix, set by tests only, runs between the check and the writing of fixes
// with the working directory: a test edits files there as an editor would.
var testHookBeforeFix func(dir string)

// changedNote says why the fixes of a file that changed during the run are not applied.
const changedNote = "the file changed since it was checked; run zscopelint -fix again"

// unchanged says why edits may not be applied to src, "" when they may: every edit must
// have been computed from exactly these bytes.
func unchanged(edits []pending, src []byte) string {
	sum := report.Sum(src)
	for _, p := range edits {
		switch p.edit.Base {
		case "":
			return "the bytes the fixes were computed from are not known"
		case sum:
		default:
			return changedNote
		}
	}
	return ""
}

// lockFixes takes the lock that keeps two -fix runs of the user from overlapping: each
// checks and fixes with no other writing the files, so that the second sees the first's
// fixes. It is an advisory lock (flock) on a file in the system's temporary directory,
// one per user; an editor does not take it, which the check of each file's bytes before
// writing covers. It returns what releases it.
func lockFixes(pr *report.Printer) (release func()) {
	if !safefile.LockSupported {
		pr.Notef("-fix: no file lock on this system: do not run two -fix at once")
		return func() {}
	}
	name := filepath.Join(os.TempDir(), fmt.Sprintf("zscopelint-fix-%d.lock", os.Geteuid()))
	unlock, err := safefile.Lock(name, func() {
		pr.Notef("-fix: waiting for another zscopelint -fix run to finish (lock %s)", name)
	})
	if err != nil {
		pr.Notef("-fix: cannot take the lock %s (%v); fixing without it", name, err)
		return func() {}
	}
	return unlock
}

// cleanOnSignal removes the temporary files of rewrites when the process is interrupted
// (SIGINT, SIGTERM), after the rewrite under way, if any, is complete: a file is never
// left half written and no temporary file is left behind. It returns what stops it.
func (fx *fixer) cleanOnSignal() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			fx.temps.Clean()
			fmt.Fprintf(os.Stderr, "zscopelint: %v: stopped; the files fixed so far are complete, the others untouched\n", sig)
			code := 130
			if sig == syscall.SIGTERM {
				code = 143
			}
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// apply applies the fix of every finding that has one, file by file. Edits that overlap an
// edit already taken are skipped (their finding stays reported), so that fixes never garble
// a file; identical edits (one fix reported twice) are applied once. It reports which
// findings were fixed. A fix that is withheld or cannot be written is named in a note.
func (fx *fixer) apply(fs []report.Finding) []bool {
	applied := make([]bool, len(fs))
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
	if testHookBeforeFix != nil {
		testHookBeforeFix(string(fx.wd))
	}
	if !fx.diffOnly {
		if fx.temps == nil {
			fx.temps = &safefile.Temps{}
		}
		defer fx.cleanOnSignal()()
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
		// Edits are byte offsets into the bytes they were computed from: applied to other
		// bytes (another run's fixes, an editor's save) they would splice text.
		if why := unchanged(edits, src); why != "" {
			fx.note("%s: fixes not applied: %s", report.DisplayName(file), why)
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
		} else if err := fx.temps.Rewrite(target, src, report.ApplyEdits(src, taken)); err != nil {
			why := safefile.Describe(err)
			if errors.Is(err, safefile.ErrChanged) {
				why = changedNote
			}
			fx.note("%s: fixes not applied: %s", report.DisplayName(file), why)
			continue
		}
		for _, i := range fixedBy {
			applied[i] = true
		}
	}
	return applied
}

// pending is an edit to apply and the finding it fixes.
type pending struct {
	edit    report.Edit
	finding int
}

func (p pending) base() string { return p.edit.Base }

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
