package configcheck

import (
	"bytes"
	"path/filepath"
	"sort"
	"strings"
)

// Code in documentation is a grant as code is: a setup guide's fenced block or inline code
// is what users copy into the Zoho API console or their configuration, so its scope sets
// are judged for breadth and redundancy (ZS201, ZS202); a sentence is not, and prose stays
// judged for mistakes only.

// isMarkdown reports whether a documentation file is Markdown, whose code is marked.
func isMarkdown(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".mdx", ".markdown":
		return true
	}
	return false
}

// markdownLine says where a line of a Markdown file stands as fenced blocks are walked.
type markdownLine int

const (
	proseLine  markdownLine = iota // outside any fenced block
	fenceOpen                      // ``` or ~~~ opening a block (with its info string)
	fencedLine                     // inside a block
	fenceClose                     // the fence closing the block
)

// walkMarkdown calls visit with each line of data (from off to end, the newline left out)
// and where it stands: blocks are fenced by ``` or ~~~, indented or not (as in a list) or
// quoted (after >), and closed by the fence that opened them.
func walkMarkdown(data []byte, visit func(kind markdownLine, off, end int, line, trimmed []byte)) {
	var fence []byte // the fence that opened the current block, nil outside one
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		line := data[off:end]
		trimmed := bytes.TrimLeft(line, " \t>")
		switch {
		case fence != nil && bytes.HasPrefix(trimmed, fence):
			fence = nil
			visit(fenceClose, off, end, line, trimmed)
		case fence != nil:
			visit(fencedLine, off, end, line, trimmed)
		case bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~")):
			fence = trimmed[:3]
			visit(fenceOpen, off, end, line, trimmed)
		default:
			visit(proseLine, off, end, line, trimmed)
		}
		off = end + 1
	}
}

// markdownCode returns the byte ranges of a Markdown file's code, sorted: the lines inside
// fenced blocks, and inline code spans (`...` within one line) outside them.
func markdownCode(data []byte) []span {
	var out []span
	walkMarkdown(data, func(kind markdownLine, off, end int, line, _ []byte) {
		switch kind {
		case fencedLine:
			out = append(out, span{off, end})
		case proseLine:
			out = append(out, inlineCode(line, off)...)
		}
	})
	return out
}

// inlineCode finds the `...` spans of one line that starts at off in the file.
func inlineCode(line []byte, off int) []span {
	var out []span
	for i := 0; i < len(line); {
		open := bytes.IndexByte(line[i:], '`')
		if open < 0 {
			break
		}
		open += i
		closing := bytes.IndexByte(line[open+1:], '`')
		if closing < 0 {
			break
		}
		closing += open + 1
		out = append(out, span{off + open + 1, off + closing})
		i = closing + 1
	}
	return out
}

// inSpans reports whether offset at lies in one of the sorted spans.
func inSpans(spans []span, at int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].end > at })
	return i < len(spans) && spans[i].start <= at
}

// yamlFences returns the contents of a Markdown file's fenced blocks marked as YAML
// (```yaml, ~~~yml), sorted; a block in a quote (after >) is left out, as its lines do not
// stand as a YAML text alone. A block indented in a list item is one: YAML reads its lines
// at their common indentation.
func yamlFences(data []byte) []span {
	var out []span
	yamlBlock, start := false, 0
	walkMarkdown(data, func(kind markdownLine, off, end int, line, trimmed []byte) {
		switch kind {
		case fenceOpen:
			info := strings.ToLower(strings.TrimSpace(strings.Trim(string(trimmed), "`~")))
			info, _, _ = strings.Cut(info, " ")
			yamlBlock = len(bytes.TrimLeft(line, " ")) == len(trimmed) && (info == "yaml" || info == "yml")
			start = min(end+1, len(data))
		case fenceClose:
			if yamlBlock {
				out = append(out, span{start, off})
			}
		}
	})
	return out
}

// readYAMLFences reads each YAML block of a Markdown file as the YAML reader reads a file,
// so that an unquoted flow sequence (scopes: [ZohoCRM.modules.ALL, ...]) is one set, as it
// is in a .yaml file: its sets replace those the text scan found in the block. A block that
// does not parse (an example with ... or <placeholders>) keeps the text scan's reading.
func readYAMLFences(data []byte, pf *prefilter, ex *extraction) {
	for _, f := range yamlFences(data) {
		yex, err := yamlSets(data[f.start:f.end:f.end], pf)
		if err != nil {
			continue
		}
		yex.remap(func(off int, _ bool) int { return f.start + off })
		kept := ex.sets[:0]
		for _, s := range ex.sets {
			if len(s.items) == 0 || s.items[0].start < f.start || s.items[0].start >= f.end {
				kept = append(kept, s)
			}
		}
		ex.sets = append(kept, yex.sets...)
	}
}
