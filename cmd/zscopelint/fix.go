package main

import (
	"fmt"
	"io"
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
	diffOnly bool      // print a unified diff and write nothing
	out      io.Writer // the diff
	notes    io.Writer // one line per fix not applied, with the reason
	maxSize  int64
	// roots are the directories being checked (absolute, links resolved): -fix writes
	// through a symbolic link only to a target inside one of them.
	roots []string
}

// apply applies the fix of every finding that has one, file by file. Edits that overlap an
// edit already taken are skipped (their finding stays reported), so that fixes never garble
// a file; identical edits (one fix reported twice) are applied once. It reports which
// findings were fixed. A fix that is withheld or cannot be written is named on notes.
func (fx *fixer) apply(fs []report.Finding) []bool {
	applied := make([]bool, len(fs))
	type pending struct {
		edit    report.Edit
		finding int
	}
	byFile := map[string][]pending{}
	for i, f := range fs {
		if f.Withheld != "" {
			fmt.Fprintf(fx.notes, "zscopelint: %s:%d:%d: %s (%s)\n", report.DisplayName(f.File), f.Line, f.Col, f.Withheld, f.Check.ID)
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
			fmt.Fprintf(fx.notes, "zscopelint: %s: fixes not applied: %s\n", report.DisplayName(file), why)
			continue
		}
		src, err := safefile.ReadFile(target, fx.maxSize)
		if err != nil {
			fmt.Fprintf(fx.notes, "zscopelint: %s: fixes not applied: %s\n", report.DisplayName(file), safefile.Describe(err))
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
			fmt.Fprint(fx.out, unifiedDiff(file, src, taken))
		} else if err := writeFileAtomic(target, applyEdits(src, taken)); err != nil {
			fmt.Fprintf(fx.notes, "zscopelint: %s: fixes not applied: %s\n", report.DisplayName(file), safefile.Describe(err))
			continue
		}
		for _, i := range fixedBy {
			applied[i] = true
		}
	}
	return applied
}

// target is the file that fixing file writes: file itself, or the target of a symbolic
// link when that lies inside the tree being checked. why says why nothing may be written.
func (fx *fixer) target(file string) (target, why string) {
	name := filepath.FromSlash(file)
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
func fixRoots(patterns []string) []string {
	var out []string
	add := func(dir string) {
		if abs, err := filepath.Abs(dir); err == nil {
			if real, err := filepath.EvalSymlinks(abs); err == nil {
				abs = real
			}
			out = append(out, abs)
		}
	}
	add(".")
	for _, p := range patterns {
		root, _ := strings.CutSuffix(p, "/...")
		if fi, err := os.Stat(root); err == nil {
			if !fi.IsDir() {
				root = filepath.Dir(root)
			}
			add(root)
		}
	}
	return out
}

// applyEdits returns src with sorted, non-overlapping edits applied.
func applyEdits(src []byte, edits []report.Edit) []byte {
	var b strings.Builder
	b.Grow(len(src))
	last := 0
	for _, e := range edits {
		b.Write(src[last:e.Start])
		b.WriteString(e.New)
		last = e.End
	}
	b.Write(src[last:])
	return []byte(b.String())
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

// diffContext is the number of unchanged lines shown around a change.
const diffContext = 3

// unifiedDiff renders sorted, non-overlapping edits of src as a unified diff with three
// lines of context. It works from the edits, not by comparing whole files: its cost is the
// size of the file (one pass for line starts) plus the size of the hunks.
func unifiedDiff(name string, src []byte, edits []report.Edit) string {
	starts := lineStarts(src)
	lineOf := func(off int) int { // 0-based line holding byte off
		return sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
	}
	lineEnd := func(l int) int { // offset just past line l, its newline included
		if l+1 < len(starts) {
			return starts[l+1]
		}
		return len(src)
	}
	// A block is a run of whole old lines [first, last] that edits touch, with its new text.
	type block struct {
		first, last int
		edits       []report.Edit
	}
	var blocks []block
	for _, e := range edits {
		first, last := lineOf(e.Start), lineOf(max(e.Start, e.End-1))
		if n := len(blocks); n > 0 && first <= blocks[n-1].last+1 {
			b := &blocks[n-1]
			b.last = max(b.last, last)
			b.edits = append(b.edits, e)
			continue
		}
		blocks = append(blocks, block{first, last, []report.Edit{e}})
	}
	nLines := len(starts)
	if len(src) > 0 && src[len(src)-1] == '\n' {
		nLines-- // the empty "line" after a final newline
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
	delta := 0 // new line number minus old line number before the current hunk
	for i := 0; i < len(blocks); {
		j := i + 1
		for j < len(blocks) && blocks[j].first-blocks[j-1].last-1 <= 2*diffContext {
			j++
		}
		from := max(0, blocks[i].first-diffContext)
		to := min(nLines-1, blocks[j-1].last+diffContext)
		var body strings.Builder
		oldN, newN := 0, 0
		ctx := func(a, b int) {
			for l := a; l <= b; l++ {
				writeDiffLine(&body, ' ', src[starts[l]:lineEnd(l)])
				oldN++
				newN++
			}
		}
		at := from
		for _, b := range blocks[i:j] {
			ctx(at, b.first-1)
			old := src[starts[b.first]:lineEnd(b.last)]
			for _, l := range splitKeep(old) {
				writeDiffLine(&body, '-', l)
				oldN++
			}
			shifted := make([]report.Edit, len(b.edits))
			for k, e := range b.edits {
				e.Start -= starts[b.first]
				e.End -= starts[b.first]
				shifted[k] = e
			}
			for _, l := range splitKeep(applyEdits(old, shifted)) {
				writeDiffLine(&body, '+', l)
				newN++
			}
			at = b.last + 1
		}
		ctx(at, to)
		fmt.Fprintf(&out, "@@ -%s +%s @@\n%s", hunkRange(from, oldN), hunkRange(from+delta, newN), body.String())
		delta += newN - oldN
		i = j
	}
	return out.String()
}

func writeDiffLine(b *strings.Builder, kind byte, line []byte) {
	b.WriteByte(kind)
	b.Write(line)
	if len(line) == 0 || line[len(line)-1] != '\n' {
		b.WriteString("\n\\ No newline at end of file\n")
	}
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// lineStarts gives the offset of each line of src.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// splitKeep splits text into lines that keep their "\n".
func splitKeep(text []byte) [][]byte {
	var out [][]byte
	for len(text) > 0 {
		i := 0
		for i < len(text) && text[i] != '\n' {
			i++
		}
		if i < len(text) {
			i++
		}
		out = append(out, text[:i])
		text = text[i:]
	}
	return out
}
