package configcheck

import (
	"bytes"
	"math"
	"sort"
	"sync"

	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/scopetext"
)

// The needle-block cutter: a YAML file that holds a needle is mostly text without one (a
// Kubernetes manifest with one scope deep in spec.template.spec.containers[].env). Parsing it
// whole with yaml.v3 costs about 100 ns a byte; finding the lines that matter costs a few.
// The cutter reads the file's lines, keeps each line that matters with the whole block of
// its parent (the mapping or sequence it is an entry of) and the chain of lines above that
// block (so the key path is the file's own), and drops every other subtree. What remains is
// a smaller YAML text with the same structure where it was kept, line for line: yaml.v3
// parses that, and every offset is mapped back to the file.
//
// A line matters when it holds a service name or an authorization path (what the
// prefilter looks for), an operation after a dot (".READ": a scope whose service is
// misspelt past the prefilter, ZohCRM.modules.READ), or a key whose value a check reads
// whatever it holds: a scope-named key (its value stands in scope position), security (an
// OpenAPI security requirement), a credential or client-secret key (ZS301, ZS303). A
// credential's block is its whole mapping, which holds every host ZS303 counts for it.
//
// The cutter follows block context only. It gives up, and the file is parsed whole, on
// what could make a dropped line reach past its subtree: a quoted scalar or flow collection
// left open at the end of its line, an explicit key ("? "), tabs in indentation, a document
// marker with content, a top-level sequence, line breaks other than \n and \r\n. It gives
// up too when the kept text is most of the file, and when the kept text does not parse
// alone (an alias to an anchor in a dropped line).

// blockLine is one line of a YAML file as the cutter sees it.
//
// Its offsets are 32 bits (cutLines gives up on a larger file): a line a few dozen bytes
// long is written and read as one, at half the memory of ints.
type blockLine struct {
	start, end int32 // bytes, end past the line break
	indent     int32
	owner      int32 // content: the line whose block scalar it belongs to
	parent     int32 // node: the node line it is an entry under, or -1
	end2       int32 // node: where its subtree ends (the start of the first line that is not in it)
	kind       lineKind
	dash       bool // a sequence entry ("- ...")
	keyed      bool // holding a mapping entry ("key: ..." or "- key: ...")
	matters    bool
}

type lineKind uint8

const (
	lineBlank lineKind = iota
	lineComment
	lineNode    // a line of block context
	lineContent // a line of a block scalar
	lineMarker  // ---, ... or a directive
)

// keptRun maps bytes of the kept text to bytes of the file.
type keptRun struct{ kept, file, n int }

// yamlNeedleText returns the kept text of data and the runs that map it back; ok is false
// when the file is to be parsed whole.
func yamlNeedleText(data []byte, pf *prefilter) (kept []byte, runs []keptRun, ok bool) {
	pooled := linesPool.Get().(*[]blockLine)
	defer linesPool.Put(pooled)
	lines, ok := cutLines(data, (*pooled)[:0])
	if cap(lines) > cap(*pooled) {
		*pooled = lines
	}
	if !ok {
		return nil, nil, false
	}
	mark := func(off int) {
		i := sort.Search(len(lines), func(i int) bool { return int(lines[i].end) > off })
		if i == len(lines) {
			return
		}
		if lines[i].kind == lineContent {
			i = int(lines[i].owner)
		}
		if lines[i].kind == lineNode {
			lines[i].matters = true
		}
	}
	pf.each(data, mark)
	eachOperation(data, mark)
	var keep []span
	for i := range lines {
		l := &lines[i]
		if l.kind == lineMarker {
			keep = append(keep, span{int(l.start), int(l.end)})
			continue
		}
		if !l.matters {
			continue
		}
		// The block is the mapping or sequence the line is an entry of, whose siblings
		// make one set with it; for an entry of a mapping that is an element of a
		// sequence ("- name: ZOHO_SCOPE"), that mapping is the element alone.
		root := i
		switch {
		case l.dash && l.keyed:
		case l.parent >= 0:
			root = int(l.parent)
		case l.dash:
			return nil, nil, false // an entry of a top-level sequence: the block is the document
		}
		keep = append(keep, span{int(lines[root].start), int(lines[root].end2)})
		for a := lines[root].parent; a >= 0; a = lines[a].parent {
			keep = append(keep, span{int(lines[a].start), int(lines[a].end)})
		}
	}
	sort.Slice(keep, func(i, j int) bool { return keep[i].start < keep[j].start })
	total := 0
	for _, k := range keep {
		if len(runs) > 0 {
			last := &runs[len(runs)-1]
			if k.start <= last.file+last.n { // overlapping or adjacent: one run
				if end := k.end; end > last.file+last.n {
					grow := end - (last.file + last.n)
					last.n += grow
					total += grow
				}
				continue
			}
		}
		runs = append(runs, keptRun{kept: total, file: k.start, n: k.end - k.start})
		total += k.end - k.start
	}
	if total*2 > len(data) {
		return nil, nil, false // most of the file: parsing it whole costs no more
	}
	kept = make([]byte, 0, total)
	for _, r := range runs {
		kept = append(kept, data[r.file:r.file+r.n]...)
	}
	return kept, runs, true
}

// eachOperation calls at with the offset of each dot followed by what starts an operation
// in upper case (ALL, READ, CREATE, UPDATE, DELETE, WRITE, CUSTOM, and their misspellings
// that keep the first two letters).
func eachOperation(data []byte, at func(off int)) {
	for from := 0; ; {
		i := bytes.IndexByte(data[from:], '.')
		if i < 0 || i+2 >= len(data)-from {
			return
		}
		i += from
		from = i + 1
		switch string(data[i+1 : i+3]) {
		case "AL", "RE", "CR", "UP", "DE", "WR", "CU":
			at(i)
		}
	}
}

// linesPool holds the line slices of cutLines for the next file: a worker cuts file after
// file, and a fresh slice for each (50 KB for a 20 KB file) was a third of the bytes a scan
// of a tree of Kubernetes YAML allocated, each page of it a fault in a short run.
var linesPool = sync.Pool{New: func() any { return new([]blockLine) }}

// cutLines reads the lines of a YAML file: their kind, indentation, parent and subtree,
// into lines (reused; nil for a new slice).
func cutLines(data []byte, lines []blockLine) ([]blockLine, bool) {
	if len(data) > math.MaxInt32 || otherLineBreaks(data) {
		return nil, false
	}
	if n := bytes.Count(data, []byte{'\n'}) + 1; cap(lines) < n {
		lines = make([]blockLine, 0, n)
	}
	var stack []int32 // node lines whose subtree is open, outermost first
	closeTo := func(n int, at int32) {
		for len(stack) > n {
			lines[stack[len(stack)-1]].end2 = at
			stack = stack[:len(stack)-1]
		}
	}
	header := int32(-1) // the node line of the block scalar being read
	for off := 0; off < len(data); {
		end := len(data)
		if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
			end = off + i + 1
		}
		line := data[off:end]
		l := blockLine{start: int32(off), end: int32(end), parent: -1, owner: -1}
		off = end
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		l.indent = int32(indent)
		rest := line[indent:]
		blank := len(rest) == 0 || rest[0] == '\n' || rest[0] == '\r' && (len(rest) == 1 || rest[1] == '\n') ||
			rest[0] == '\t' && len(bytes.TrimLeft(rest, " \t\r\n")) == 0
		if header >= 0 && (blank || l.indent > lines[header].indent) {
			l.kind, l.owner = lineContent, header
			lines = append(lines, l)
			continue
		}
		header = -1
		switch {
		case blank:
			l.kind = lineBlank
		case rest[0] == '\t':
			return nil, false
		case rest[0] == '#':
			l.kind = lineComment
		case l.indent == 0 && (rest[0] == '%' || isDocMarker(rest)):
			if rest[0] != '%' && !blank && !onlyComment(rest[3:]) {
				return nil, false // "--- value": a document on the marker's line
			}
			l.kind = lineMarker
			closeTo(0, l.start)
		default:
			l.kind = lineNode
			dash, key, isHeader, ok := lexBlockLine(rest)
			if !ok {
				return nil, false
			}
			l.dash, l.keyed = dash, key != nil
			l.matters = keyMatters(key)
			// Entries of a compact sequence ("key:\n- a") sit at their key's indentation.
			n := len(stack)
			for n > 0 {
				t := &lines[stack[n-1]]
				if t.indent < l.indent || t.indent == l.indent && dash && !t.dash {
					break
				}
				n--
			}
			closeTo(n, l.start)
			if n > 0 {
				l.parent = stack[n-1]
			}
			stack = append(stack, int32(len(lines)))
			if isHeader {
				header = int32(len(lines))
			}
		}
		lines = append(lines, l)
	}
	closeTo(0, int32(len(data)))
	return lines, true
}

// otherLineBreaks reports whether data breaks lines otherwise than with \n (a lone \r, NEL,
// LS, PS), which yaml.v3 counts as lines and the cutter would not.
func otherLineBreaks(data []byte) bool {
	for from := 0; ; {
		i := bytes.IndexByte(data[from:], '\r')
		if i < 0 {
			break
		}
		i += from
		if i+1 >= len(data) || data[i+1] != '\n' {
			return true
		}
		from = i + 1
	}
	return bytes.Contains(data, []byte("\u0085")) || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029"))
}

func isDocMarker(s []byte) bool {
	return (bytes.HasPrefix(s, []byte("---")) || bytes.HasPrefix(s, []byte("..."))) &&
		(len(s) == 3 || s[3] == ' ' || s[3] == '\t' || s[3] == '\r' || s[3] == '\n')
}

func onlyComment(s []byte) bool {
	s = bytes.TrimLeft(s, " \t\r\n")
	return len(s) == 0 || s[0] == '#'
}

// keyMatters reports whether a mapping key makes its line matter, whatever the value.
func keyMatters(key []byte) bool {
	if !holdsTellingWord(key) {
		return false
	}
	k := string(key)
	if len(k) >= 2 && (k[0] == '"' || k[0] == '\'') && k[len(k)-1] == k[0] {
		k = k[1 : len(k)-1]
	}
	return scopetext.ScopeName(k) || k == "security" || rules.IsCredentialKey(k) || redact.SecretKey(k)
}

// holdsTellingWord reports whether a key holds one of tellingKeyWords in any case: one
// pass over the key, looking at the words only where a byte may start one (every line of a
// YAML file is asked).
func holdsTellingWord(key []byte) bool {
	for i, c := range key {
		if !tellingFirst[c] {
			continue
		}
		for _, w := range tellingKeyWords {
			if i+len(w) <= len(key) && equalFold(key[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// tellingFirst holds the first bytes of tellingKeyWords, in both cases.
var tellingFirst = func() (t [256]bool) {
	for _, w := range tellingKeyWords {
		t[w[0]], t[w[0]-'a'+'A'] = true, true
	}
	return t
}()

// lexBlockLine reads a line of block context from its first non-space byte: whether it is
// a sequence entry, the key of the mapping entry it holds, and whether its value starts a
// block scalar. ok is false for what the cutter does not follow (see above).
func lexBlockLine(s []byte) (dash bool, key []byte, header, ok bool) {
	p := 0
	skip := func() {
		for p < len(s) && s[p] == ' ' {
			p++
		}
	}
	atEnd := func(i int) bool { return i >= len(s) || s[i] == ' ' || s[i] == '\r' || s[i] == '\n' }
	for p < len(s) && s[p] == '-' && atEnd(p+1) {
		dash = true
		p++
		skip()
		if p < len(s) && s[p] == '\t' {
			return false, nil, false, false
		}
	}
	for {
		skip()
		if p >= len(s) || s[p] == '\r' || s[p] == '\n' || s[p] == '#' {
			return dash, key, false, true
		}
		start := p
		switch c := s[p]; c {
		case '"', '\'':
			q := closeQuote(s, p)
			if q < 0 {
				return false, nil, false, false
			}
			p = q + 1
		case '[', '{':
			q := closeFlow(s, p)
			if q < 0 {
				return false, nil, false, false
			}
			p = q + 1
		case '|', '>':
			return dash, key, true, true
		case '&', '!', '*': // anchor, tag, alias: a word, then perhaps the value
			for p < len(s) && !atEnd(p) {
				p++
			}
			continue
		case '?':
			if atEnd(p + 1) {
				return false, nil, false, false
			}
			fallthrough
		default: // a plain scalar: up to ": ", " #" or the end of the line
			for p < len(s) {
				for p < len(s) && !plainStop[s[p]] {
					p++ // the bytes the cases below do not look at, in a tight loop
				}
				if p >= len(s) || s[p] == '\r' || s[p] == '\n' || s[p] == ':' && atEnd(p+1) {
					break
				}
				if s[p] == '#' && s[p-1] == ' ' {
					return dash, key, false, true
				}
				p++
			}
			if p >= len(s) || s[p] != ':' {
				return dash, key, false, true
			}
		}
		// After a scalar or collection: a key when a colon follows.
		q := p
		for q < len(s) && s[q] == ' ' {
			q++
		}
		if q < len(s) && s[q] == ':' && atEnd(q+1) {
			key = bytes.TrimRight(s[start:p], " ")
			p = q + 1
			continue
		}
		return dash, key, false, true
	}
}

// plainStop holds the bytes lexBlockLine stops at in a plain scalar.
var plainStop = func() (t [256]bool) {
	for _, c := range []byte("\r\n:#") {
		t[c] = true
	}
	return t
}()

// closeQuote finds the quote that closes the scalar opened at s[open], on this line.
func closeQuote(s []byte, open int) int {
	q := s[open]
	for i := open + 1; i < len(s) && s[i] != '\n'; i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		case s[i] == q:
			return i
		}
	}
	return -1
}

// closeFlow finds the bracket that closes the flow collection opened at s[open], on this line.
func closeFlow(s []byte, open int) int {
	depth := 0
	for i := open; i < len(s) && s[i] != '\n'; i++ {
		switch s[i] {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				return i
			}
		case '"', '\'':
			if i > open && (s[i-1] == '[' || s[i-1] == '{' || s[i-1] == ',' || s[i-1] == ' ' || s[i-1] == ':') {
				q := closeQuote(s, i)
				if q < 0 {
					return -1
				}
				i = q
			}
		case '#':
			if s[i-1] == ' ' {
				return -1
			}
		}
	}
	return -1
}

// yamlNeedleBlocks parses the kept text of a file and maps what it finds back to the file.
func yamlNeedleBlocks(data []byte, pf *prefilter) (extraction, bool) {
	kept, runs, ok := yamlNeedleText(data, pf)
	if !ok {
		return extraction{}, false
	}
	ex, err := yamlParse(kept)
	if err != nil {
		return extraction{}, false
	}
	ex.remap(func(off int, isEnd bool) int { return mapKept(runs, off, isEnd) })
	return ex, true
}

// mapKept maps an offset of the kept text to the file. An end offset at the boundary of
// two runs belongs to the run before.
func mapKept(runs []keptRun, off int, isEnd bool) int {
	i := sort.Search(len(runs), func(i int) bool {
		if isEnd {
			return runs[i].kept+runs[i].n >= off
		}
		return runs[i].kept+runs[i].n > off
	})
	if i == len(runs) {
		i = len(runs) - 1
	}
	return runs[i].file + off - runs[i].kept
}
