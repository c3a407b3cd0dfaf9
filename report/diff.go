package report

import (
	"fmt"
	"sort"
	"strings"
)

// ApplyEdits returns src with sorted, non-overlapping edits applied.
func ApplyEdits(src []byte, edits []Edit) []byte {
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

// diffContext is the number of unchanged lines shown around a change.
const diffContext = 3

// UnifiedDiff renders sorted, non-overlapping edits of src as a unified diff with three
// lines of context. It works from the edits, not by comparing whole files: its cost is the
// size of the file (one pass for line starts) plus the size of the hunks.
func UnifiedDiff(name string, src []byte, edits []Edit) string {
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
		edits       []Edit
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
		blocks = append(blocks, block{first, last, []Edit{e}})
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
			shifted := make([]Edit, len(b.edits))
			for k, e := range b.edits {
				e.Start -= starts[b.first]
				e.End -= starts[b.first]
				shifted[k] = e
			}
			for _, l := range splitKeep(ApplyEdits(old, shifted)) {
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
