package configcheck

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/scopetext"
)

// maxDepth bounds the nesting of YAML and JSON documents: real configuration nests a few
// dozen levels; a thousand is an attack or a generator gone wrong.
const maxDepth = 1000

// maxExpansion bounds what a YAML document would expand to through its aliases. zscopelint
// never expands aliases, but a document past this is an alias bomb ("billion laughs") that
// would exhaust whatever program does, and is reported.
const maxExpansion = 1_000_000

// yamlSets reads every document of a YAML file. A sequence is one scope set; a scalar is
// split into sets like any text; the keys of a mapping under a scope-named key (OpenAPI
// securitySchemes flows) are one set. Anchored nodes are read once, at the anchor, and
// never again through an alias. A file past needleBlockMin is cut down to the blocks that
// matter first (yamlblocks.go); what the cutter does not follow is parsed whole.
func yamlSets(data []byte, pf *prefilter) (extraction, *parseError) {
	if len(data) >= needleBlockMin {
		if ex, ok := yamlNeedleBlocks(data, pf); ok {
			return ex, nil
		}
	}
	return yamlParse(data)
}

// needleBlockMin is the size from which a YAML file is cut to its needle blocks: below it
// the whole parse costs a few hundred microseconds at most.
const needleBlockMin = 4 << 10

// yamlParse parses and walks a whole YAML text.
func yamlParse(data []byte) (extraction, *parseError) {
	w := &yamlWalker{data: data, lines: newLineIndex(data), frames: []*hostFrame{{}}}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []*yaml.Node
	var perr *parseError
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			perr = yamlParseError(err, data)
			break
		}
		docs = append(docs, &doc)
	}
	for _, doc := range docs {
		w.collectStarts(doc, 0)
	}
	sort.Ints(w.starts)
	aliases := bytes.ContainsAny(data, "&*") // without an anchor or alias nothing expands
	for _, doc := range docs {
		w.node(doc, "", 0)
		if perr == nil && aliases {
			memo := map[*yaml.Node]int{}
			if size := expandedSize(doc, memo, 0); size > maxExpansion {
				perr = &parseError{line: doc.Line, col: doc.Column, msg: fmt.Sprintf(
					"YAML: excessive aliasing: the document expands to over %d nodes through its aliases (alias bomb?)", maxExpansion)}
			}
		}
	}
	if perr == nil {
		perr = w.err
	}
	return w.extraction, perr
}

// expandedSize counts the nodes of n with every alias expanded, memoised so that the count
// itself stays cheap, and capped past maxExpansion.
func expandedSize(n *yaml.Node, memo map[*yaml.Node]int, depth int) int {
	if v, ok := memo[n]; ok {
		return v
	}
	if depth > maxDepth {
		return 1
	}
	memo[n] = maxExpansion + 1 // a cycle counts as infinite
	size := 1
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		size = expandedSize(n.Alias, memo, depth+1)
	}
	for _, c := range n.Content {
		size += expandedSize(c, memo, depth+1)
		if size > maxExpansion {
			size = maxExpansion + 1
			break
		}
	}
	memo[n] = size
	return size
}

var yamlLineRE = lazyRegexp(`^yaml: line (\d+): (.*)$`)

// yamlParseError positions a yaml.v3 error: at the line its message names, or, for the
// errors whose message names none, at the byte that caused it.
func yamlParseError(err error, data []byte) *parseError {
	msg := err.Error()
	if m := yamlLineRE().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &parseError{line: line, col: 1, msg: "YAML: " + m[2]}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	off := -1
	switch {
	case strings.Contains(msg, "UTF-8"):
		off = firstInvalidUTF8(data)
	case strings.Contains(msg, "control characters"):
		off = bytes.IndexFunc(data, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f })
	case strings.HasPrefix(msg, "unknown anchor '"):
		if name, ok := strings.CutSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced"); ok {
			off = bytes.Index(data, []byte("*"+name))
		}
	}
	if off >= 0 {
		return &parseError{offset: off, msg: "YAML: " + msg}
	}
	return &parseError{line: 1, col: 1, msg: "YAML: " + msg}
}

// firstInvalidUTF8 is the offset of the first byte that is not valid UTF-8, or -1.
func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

type yamlWalker struct {
	extraction
	frames []*hostFrame // the mappings being walked, innermost last
	data   []byte
	lines  *lineIndex
	starts []int       // byte offsets where nodes start, sorted: a scalar's raw text ends before the next
	err    *parseError // nesting past maxDepth
	path   []string    // keys down to the node being walked (elementKey for sequence elements)
}

func (w *yamlWalker) start(n *yaml.Node) int { return w.lines.offset(n.Line, n.Column) }

func (w *yamlWalker) collectStarts(n *yaml.Node, depth int) {
	if depth > maxDepth {
		return
	}
	if n.Line > 0 {
		w.starts = append(w.starts, w.start(n))
	}
	if n.Kind == yaml.AliasNode {
		return
	}
	for _, c := range n.Content {
		w.collectStarts(c, depth+1)
	}
}

// extent returns where a node's raw text can lie: from its start to the next node's.
func (w *yamlWalker) extent(n *yaml.Node) (int, int) {
	s := w.start(n)
	i := sort.SearchInts(w.starts, s+1)
	end := len(w.data)
	if i < len(w.starts) {
		end = w.starts[i]
	}
	return s, end
}

// node walks a node; key is the mapping key it is the value of ("" for none).
func (w *yamlWalker) node(n *yaml.Node, key string, depth int) {
	if depth > maxDepth {
		if w.err == nil {
			w.err = &parseError{line: n.Line, col: n.Column, msg: fmt.Sprintf("YAML: nesting deeper than %d levels", maxDepth)}
		}
		return
	}
	scopePos := scopetext.ScopeName(key)
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			w.node(c, "", depth+1)
		}
	case yaml.AliasNode:
		// Judged at the anchor.
	case yaml.ScalarNode:
		if n.Tag == "!!str" || n.Tag == "" {
			for _, s := range scopetext.Split(n.Value, scopePos) {
				w.scalarSet(n, s)
			}
			w.text(n, key)
		}
	case yaml.SequenceNode:
		w.sequence(n, key, depth)
	case yaml.MappingNode:
		frame := &hostFrame{}
		w.frames = append(w.frames, frame)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kname := ""
			if k.Kind == yaml.ScalarNode {
				kname = k.Value
			}
			if frame.key == "" && rules.IsCredentialKey(kname) {
				frame.key, frame.pos = kname, w.start(k)
			}
			w.node(k, "", depth+1)
			w.path = append(w.path, kname)
			if scopetext.ScopeName(kname) && v.Kind == yaml.MappingNode {
				w.scopeMap(v, depth+1)
			} else {
				w.node(v, kname, depth+1)
			}
			w.path = w.path[:len(w.path)-1]
		}
		w.frames = closeFrame(&w.extraction, w.frames)
	}
}

// text records a scalar for the hygiene checks; its bytes are found by searching the
// scalar's raw extent, as for scopes.
func (w *yamlWalker) text(n *yaml.Node, key string) {
	value := n.Value
	f := w.frames[len(w.frames)-1]
	f.hosts = append(f.hosts, rules.ZohoHosts(value)...)
	if !rules.TextMayMatter(value) {
		return
	}
	start, end := w.extent(n)
	w.texts = append(w.texts, locText{value: value, key: key, locate: func(s, e int) (int, int) {
		if j := bytes.Index(w.data[start:end], []byte(value[s:e])); j >= 0 {
			return start + j, start + j + (e - s)
		}
		return start, start
	}})
}

// sequence makes one set of a sequence's scalars; other elements are walked on their own.
func (w *yamlWalker) sequence(n *yaml.Node, key string, depth int) {
	ls := locSet{}
	allLists := true
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode {
			w.path = append(w.path, elementKey)
			w.node(c, "", depth+1)
			w.path = w.path[:len(w.path)-1]
			continue
		}
		w.text(c, key)
		listElement(c.Value, &ls, &w.sets, &allLists, func(into *locSet, s scopetext.Set) {
			w.addScalar(into, c, s)
		})
	}
	ls.set.ScopePosition = scopetext.ScopeName(key) && allLists
	if securityRequirement(w.path) {
		ls.set.ScopePosition, ls.set.Declares = allLists, true
	}
	w.sequenceRemovals(n, &ls)
	if len(ls.items) > 0 {
		w.sets = append(w.sets, ls)
	}
}

// scalarSet adds a set found in one scalar as a set of its own.
func (w *yamlWalker) scalarSet(n *yaml.Node, s scopetext.Set) {
	ls := locSet{set: rules.SetOf(s)}
	w.addScalar(&ls, n, s)
	w.sets = append(w.sets, ls)
}

// scopeMap makes one set of the keys of a scope-named mapping (OpenAPI's
// flows.*.scopes: {ZohoCRM.modules.ALL: description}); the values are descriptions.
func (w *yamlWalker) scopeMap(n *yaml.Node, depth int) {
	ls := locSet{}
	ls.set.ScopePosition = true
	ls.set.Declares = true
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode {
			for _, s := range scopetext.Split(k.Value, true) {
				w.addScalar(&ls, k, s)
			}
		}
		w.node(v, "", depth+1)
	}
	if len(ls.items) > 0 {
		w.sets = append(w.sets, ls)
	}
}

// addScalar locates the spans of one scalar. The spans' text is searched for in the
// scalar's raw extent, which finds them in plain, quoted, block and folded scalars alike;
// a span written with escapes is not found and is placed at the scalar's start.
func (w *yamlWalker) addScalar(ls *locSet, n *yaml.Node, s scopetext.Set) {
	start, end := w.extent(n)
	from := start
	for i, sp := range s.Spans {
		it := locItem{text: sp.Text, start: start, end: start, spaceJoined: sp.SpaceJoined}
		if j := bytes.Index(w.data[from:end], []byte(sp.Text)); j >= 0 {
			it.start, it.end, it.exact = from+j, from+j+len(sp.Text), true
			from = it.end
		}
		if len(s.Spans) > 1 && it.exact {
			rs, re := s.RemovalRange(i)
			// The removal keeps the list well formed when the separator bytes are verbatim.
			if a := it.start - (sp.Start - rs); a >= 0 && a+(re-rs) <= len(w.data) && string(w.data[a:a+(re-rs)]) == n.Value[rs:re] {
				it.remove = &span{a, a + (re - rs)}
			}
		}
		ls.add(it)
	}
}

// sequenceRemovals lets a redundant element of a block sequence be removed with its line
// ("  - ZohoCRM.users.READ\n") when the line holds nothing else.
func (w *yamlWalker) sequenceRemovals(n *yaml.Node, ls *locSet) {
	if n.Style&yaml.FlowStyle != 0 {
		w.flowRemovals(ls)
		return
	}
	for i := range ls.items {
		it := &ls.items[i]
		if it.remove != nil || !it.exact {
			continue
		}
		lineStart := bytes.LastIndexByte(w.data[:it.start], '\n') + 1
		lineEnd := len(w.data)
		if j := bytes.IndexByte(w.data[it.end:], '\n'); j >= 0 {
			lineEnd = it.end + j + 1
		}
		before := strings.TrimSpace(string(w.data[lineStart:it.start]))
		after := strings.TrimSpace(string(w.data[it.end:lineEnd]))
		after = strings.TrimSuffix(strings.TrimPrefix(after, `"`), `"`)
		after = strings.TrimSuffix(strings.TrimPrefix(after, `'`), `'`)
		if (before == "-" || before == `- "` || before == "- '") && (after == "" || strings.HasPrefix(after, "#")) {
			it.remove = &span{lineStart, lineEnd}
		}
	}
}

// flowRemovals lets an element of a flow sequence ([a, b, "c"]) be removed with the comma
// that separates it, when every element is one verbatim scalar.
func (w *yamlWalker) flowRemovals(ls *locSet) {
	toks := make([]span, len(ls.items))
	for i, it := range ls.items {
		if !it.exact || it.remove != nil {
			return // a scalar holding several scopes, or one written with escapes
		}
		t := span{it.start, it.end}
		if t.start > 0 && t.end < len(w.data) && (w.data[t.start-1] == '"' || w.data[t.start-1] == '\'') && w.data[t.end] == w.data[t.start-1] {
			t.start, t.end = t.start-1, t.end+1
		}
		toks[i] = t
	}
	for i := 1; i < len(toks); i++ {
		if !onlySeparators(w.data[toks[i-1].end:toks[i].start]) {
			return
		}
	}
	for i := range ls.items {
		r := elementRemoval(toks, i)
		ls.items[i].remove = &r
	}
}
