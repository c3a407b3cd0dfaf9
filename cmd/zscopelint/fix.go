package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zscopelint/zscopelint/report"
)

// applyFixes applies the fix of every finding that has one, file by file. Edits that
// overlap an edit already taken are skipped (their finding stays reported), so that
// fixes never garble a file; identical edits (one fix reported twice) are applied once.
// With diffOnly it prints a unified diff and writes nothing.
func applyFixes(fs []report.Finding, diffOnly bool, out io.Writer) (applied []bool, err error) {
	applied = make([]bool, len(fs))
	type pending struct {
		edit    report.Edit
		finding int
	}
	byFile := map[string][]pending{}
	for i, f := range fs {
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
		src, err := os.ReadFile(filepath.FromSlash(file))
		if err != nil {
			return nil, fmt.Errorf("fix: %v", err)
		}
		var b strings.Builder
		last := 0
		var taken []report.Edit
		for _, p := range edits {
			e := p.edit
			if e.Start < 0 || e.End > len(src) || e.Start > e.End {
				continue
			}
			if n := len(taken); n > 0 && taken[n-1] == e {
				applied[p.finding] = true // the same edit again
				continue
			}
			if e.Start < last {
				continue // overlaps an edit already taken
			}
			b.Write(src[last:e.Start])
			b.WriteString(e.New)
			last = e.End
			taken = append(taken, e)
			applied[p.finding] = true
		}
		b.Write(src[last:])
		fixed := b.String()
		if fixed == string(src) {
			continue
		}
		if diffOnly {
			fmt.Fprint(out, unifiedDiff(file, string(src), fixed))
			continue
		}
		if err := writeFileAtomic(filepath.FromSlash(file), []byte(fixed)); err != nil {
			return nil, fmt.Errorf("fix: %v", err)
		}
	}
	return applied, nil
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

// unifiedDiff renders the change from a to b as a unified diff with three lines of
// context. Fixes change few lines, so a plain longest-common-subsequence over lines is
// quick enough.
func unifiedDiff(name, a, b string) string {
	al, bl := splitLines(a), splitLines(b)
	ops := diffLines(al, bl)
	const context = 3
	var out strings.Builder
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
	// Walk ops, grouping changes whose context windows touch into one hunk.
	i := 0
	for i < len(ops) {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(0, i-context)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j
			} else if j-end > 2*context {
				break
			}
		}
		stop := min(len(ops), end+context+1)
		aStart, bStart := ops[start].a, ops[start].b
		var aN, bN int
		var body strings.Builder
		for _, op := range ops[start:stop] {
			switch op.kind {
			case ' ':
				aN++
				bN++
				body.WriteString(" " + al[op.a])
			case '-':
				aN++
				body.WriteString("-" + al[op.a])
			case '+':
				bN++
				body.WriteString("+" + bl[op.b])
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n%s", hunkRange(aStart, aN), hunkRange(bStart, bN), body.String())
		i = stop
	}
	return out.String()
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

// splitLines splits text into lines that keep their "\n"; a last line without one gets
// the marker diff tools print.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s+"\n\\ No newline at end of file\n")
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

type diffOp struct {
	kind byte // ' ', '-', '+'
	a, b int  // line indexes in a and b (where the line would be)
}

// diffLines computes a line diff, trimming the common prefix and suffix first so that the
// quadratic table covers only the changed middle.
func diffLines(a, b []string) []diffOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	am, bm := a[pre:len(a)-suf], b[pre:len(b)-suf]
	// lcs[i][j] = length of the LCS of am[i:] and bm[j:].
	lcs := make([][]int, len(am)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(bm)+1)
	}
	for i := len(am) - 1; i >= 0; i-- {
		for j := len(bm) - 1; j >= 0; j-- {
			if am[i] == bm[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var ops []diffOp
	for k := 0; k < pre; k++ {
		ops = append(ops, diffOp{' ', k, k})
	}
	i, j := 0, 0
	for i < len(am) || j < len(bm) {
		switch {
		case i < len(am) && j < len(bm) && am[i] == bm[j]:
			ops = append(ops, diffOp{' ', pre + i, pre + j})
			i++
			j++
		case i < len(am) && (j == len(bm) || lcs[i+1][j] >= lcs[i][j+1]):
			ops = append(ops, diffOp{'-', pre + i, pre + j})
			i++
		default:
			ops = append(ops, diffOp{'+', pre + i, pre + j})
			j++
		}
	}
	for k := 0; k < suf; k++ {
		ops = append(ops, diffOp{' ', len(a) - suf + k, len(b) - suf + k})
	}
	return ops
}
