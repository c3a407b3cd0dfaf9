package configcheck

import (
	"bytes"
	"fmt"
	"sort"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/scopetext"
)

// jsonSets reads a JSON file (comments and trailing commas tolerated, as in tsconfig or
// VS Code settings). An array's strings are one scope set; any string is split like text;
// a value under a scope-named key is in scope position, and the keys of an object under one
// (OpenAPI scope maps) are one set. Positions are exact, inside strings too.
//
// With a prefilter, an object or array below the top level that holds nothing the checks
// read (prefilter.mattering) is passed over by a scan that only matches brackets, and so is
// a lone string value: in a 25 KB list of 400 environment entries, the one that names a
// scope is parsed. A syntax error inside what is passed over is not reported.
func jsonSets(data []byte, pf *prefilter) (extraction, *parseError) {
	p := &jsonParser{data: data, frames: []*hostFrame{{}}, prune: pf != nil}
	if p.prune {
		p.mattering = pf.mattering(data)
		p.opens, p.ends = containerEnds(data)
	}
	if bytes.HasPrefix(data, utf8BOM) {
		p.pos = len(utf8BOM) // Windows editors write one; it is not content
	}
	p.skipSpace()
	if p.err == nil && p.pos < len(p.data) {
		p.value(false, 0)
		p.skipSpace()
		if p.err == nil && p.pos < len(p.data) {
			p.fail(p.pos, fmt.Sprintf("unexpected %s after the top-level value", p.describe()))
		}
	}
	return p.extraction, p.err
}

type jsonParser struct {
	extraction
	data   []byte
	pos    int
	err    *parseError
	frames []*hostFrame // the objects being read, innermost last
	// prune: pass over what holds none of the offsets in mattering (prefilter.mattering).
	prune       bool
	mattering   []int
	opens, ends []int    // containerEnds
	key         string   // the last key read
	path        []string // keys down to the value being read (elementKey for array elements)
}

// hostFrame gathers, for one mapping or object, the credential key it holds and the Zoho
// hosts below it that do not belong to a nested mapping with a credential of its own.
type hostFrame struct {
	key   string
	pos   int
	hosts []string
}

// closeFrame ends a frame: with a credential it is a block (ZS303); without, its hosts
// belong to the enclosing frame.
func closeFrame(ex *extraction, frames []*hostFrame) []*hostFrame {
	f := frames[len(frames)-1]
	frames = frames[:len(frames)-1]
	switch {
	case f.key != "":
		ex.blocks = append(ex.blocks, locBlock{key: f.key, pos: f.pos, hosts: f.hosts})
	case len(frames) > 0:
		parent := frames[len(frames)-1]
		parent.hosts = append(parent.hosts, f.hosts...)
	}
	return frames
}

// jsonString is a decoded string with the file offset of each of its bytes.
type jsonString struct {
	value      string
	offs       []int // len(value)+1 entries
	start, end int   // the quoted token
}

func (p *jsonParser) fail(off int, msg string) {
	if p.err == nil {
		p.err = &parseError{offset: min(off, len(p.data)), msg: "JSON: " + msg}
	}
	p.pos = len(p.data)
}

func (p *jsonParser) describe() string {
	if p.pos >= len(p.data) {
		return "end of file (truncated JSON?)"
	}
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	return fmt.Sprintf("%q", r)
}

func (p *jsonParser) skipSpace() {
	for p.pos < len(p.data) {
		switch c := p.data[p.pos]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			p.pos++
		case c == '/' && p.pos+1 < len(p.data) && p.data[p.pos+1] == '/':
			for p.pos < len(p.data) && p.data[p.pos] != '\n' {
				p.pos++
			}
		case c == '/' && p.pos+1 < len(p.data) && p.data[p.pos+1] == '*':
			start := p.pos
			p.pos += 2
			for p.pos+1 < len(p.data) && !(p.data[p.pos] == '*' && p.data[p.pos+1] == '/') {
				p.pos++
			}
			if p.pos+1 >= len(p.data) {
				p.fail(start, "unterminated comment")
				return
			}
			p.pos += 2
		default:
			return
		}
	}
}

// value parses one value; scopePos says it stands under a scope-named key.
func (p *jsonParser) value(scopePos bool, depth int) {
	if depth > maxDepth {
		p.fail(p.pos, fmt.Sprintf("nesting deeper than %d levels", maxDepth))
		return
	}
	p.skipSpace()
	if p.pos >= len(p.data) {
		p.fail(p.pos, "unexpected end of file (truncated JSON?)")
		return
	}
	switch c := p.data[p.pos]; {
	case (c == '{' || c == '[') && p.passOver(scopePos, depth):
	case c == '{':
		p.object(scopePos, depth)
	case c == '[':
		p.array(scopePos, depth)
	case c == '"':
		if s, ok := p.str(); ok && (!p.prune || scopePos || within(p.mattering, s.start, s.end)) {
			p.textSets(s, scopePos)
			p.text(s)
		}
	case c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z':
		start := p.pos
		for p.pos < len(p.data) && (isWordByte(p.data[p.pos]) || p.data[p.pos] == '.' || p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		switch w := string(p.data[start:p.pos]); {
		case w == "true" || w == "false" || w == "null":
		case w[0] == '-' || w[0] >= '0' && w[0] <= '9':
		default:
			p.fail(start, fmt.Sprintf("unexpected word %q", w))
		}
	default:
		p.fail(p.pos, "unexpected "+p.describe())
	}
}

// passOver skips the object or array at p.pos when it holds nothing the checks read, and
// reports whether it did. A value in scope position is always read.
func (p *jsonParser) passOver(scopePos bool, depth int) bool {
	if !p.prune || scopePos || depth == 0 {
		return false
	}
	for i := max(0, len(p.path)-3); i < len(p.path); i++ {
		if p.path[i] == "security" { // an OpenAPI security requirement: its path says what it is
			return false
		}
	}
	i := sort.SearchInts(p.opens, p.pos)
	if i == len(p.opens) || p.opens[i] != p.pos {
		return false
	}
	end := p.ends[i]
	if end < 0 || within(p.mattering, p.pos, end) {
		return false // malformed (the parser says where) or worth reading
	}
	p.pos = end
	return true
}

// containerEnds pairs every object and array of a JSON text with its end, matching
// brackets outside strings and comments in one pass: ends[i] is where the container that
// opens at opens[i] ends (-1: it does not). Strings are crossed with IndexByte.
func containerEnds(data []byte) (opens, ends []int) {
	var stack []int // indexes into opens
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '{', '[':
			if len(stack) > maxDepth {
				return opens, ends // deeper than the parser goes: it reports the error
			}
			stack = append(stack, len(opens))
			opens, ends = append(opens, i), append(ends, -1)
		case '}', ']':
			if len(stack) > 0 {
				ends[stack[len(stack)-1]] = i + 1
				stack = stack[:len(stack)-1]
			}
		case '"':
			for {
				j := bytes.IndexByte(data[i+1:], '"')
				if j < 0 {
					return opens, ends
				}
				i += 1 + j
				k := i - 1 // an escaped quote has an odd run of backslashes before it
				for k >= 0 && data[k] == '\\' {
					k--
				}
				if (i-1-k)%2 == 0 {
					break
				}
			}
		case '/':
			if i+1 < len(data) && data[i+1] == '/' {
				j := bytes.IndexByte(data[i:], '\n')
				if j < 0 {
					return opens, ends
				}
				i += j
			} else if i+1 < len(data) && data[i+1] == '*' {
				j := bytes.Index(data[i+2:], []byte("*/"))
				if j < 0 {
					return opens, ends
				}
				i += 2 + j + 1
			}
		}
	}
	return opens, ends
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

func (p *jsonParser) object(scopePos bool, depth int) {
	p.pos++ // {
	frame := &hostFrame{}
	p.frames = append(p.frames, frame)
	defer func() { p.frames = closeFrame(&p.extraction, p.frames) }()
	var keys *locSet // the keys, when this object is a scope map
	if scopePos {
		keys = &locSet{}
		keys.set.ScopePosition = true
		keys.set.Declares = true // scope name: description, as in OpenAPI
	}
	for {
		p.skipSpace()
		if p.err != nil {
			return
		}
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			break
		}
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			p.fail(p.pos, "want a string key, found "+p.describe())
			return
		}
		key, ok := p.str()
		if !ok {
			return
		}
		if keys != nil {
			for _, s := range scopetext.Split(key.value, true) {
				keys.addSplit(s, key.value, p.data, key.at)
			}
		} else {
			p.textSets(key, false)
		}
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			p.fail(p.pos, "want ':' after key, found "+p.describe())
			return
		}
		p.pos++
		if frame.key == "" && rules.IsCredentialKey(key.value) {
			frame.key, frame.pos = key.value, key.start+1
		}
		p.key = key.value
		p.path = append(p.path, key.value)
		p.value(scopetext.ScopeName(key.value), depth+1)
		p.path = p.path[:len(p.path)-1]
		if more, ok := p.next('}'); !ok {
			return
		} else if !more {
			break
		}
	}
	if keys != nil && len(keys.items) > 0 {
		p.sets = append(p.sets, *keys)
	}
}

func (p *jsonParser) array(scopePos bool, depth int) {
	p.pos++ // [
	ls := locSet{}
	allLists := true
	// An element that is a single scope is removed with its comma, as in a Go list
	// (elementRemoval): up to the next element's start, or from the previous one's end for
	// the last. Elements are met in order, so the one waiting for its removal is enough.
	type elem struct{ start, end, firstItem, nItems int }
	var last elem      // the element before this one
	waiting := -1      // the item of the last element, when it is a single scope
	prevEnd, n := 0, 0 // the end of the element before last; elements so far
	for {
		p.skipSpace()
		if p.err != nil {
			return
		}
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			break
		}
		if waiting >= 0 {
			ls.items[waiting].remove = &span{last.start, p.pos}
			waiting = -1
		}
		e := elem{start: p.pos, firstItem: len(ls.items)}
		if p.pos < len(p.data) && p.data[p.pos] == '"' {
			s, ok := p.str()
			if !ok {
				return
			}
			listElement(s.value, &ls, &p.sets, &allLists, func(into *locSet, set scopetext.Set) {
				into.addSplit(set, s.value, p.data, s.at)
			})
			p.text(s)
		} else {
			p.path = append(p.path, elementKey)
			p.value(false, depth+1)
			p.path = p.path[:len(p.path)-1]
		}
		e.end, e.nItems = p.pos, len(ls.items)-e.firstItem
		if e.nItems == 1 {
			waiting = e.firstItem
		}
		prevEnd, last, n = last.end, e, n+1
		if more, ok := p.next(']'); !ok {
			return
		} else if !more {
			break
		}
	}
	if waiting >= 0 {
		r := span{last.start, last.end} // the only element
		if n > 1 {
			r = span{prevEnd, last.end}
		}
		ls.items[waiting].remove = &r
	}
	ls.set.ScopePosition = scopePos && allLists
	if securityRequirement(p.path) {
		ls.set.ScopePosition, ls.set.Declares = allLists, true
	}
	if len(ls.items) > 0 {
		p.sets = append(p.sets, ls)
	}
}

// next reads what follows an element of an object or array: a comma (more elements follow,
// or the closer after a trailing comma), or the closer. ok is false after a syntax error.
func (p *jsonParser) next(closer byte) (more, ok bool) {
	p.skipSpace()
	switch {
	case p.pos < len(p.data) && p.data[p.pos] == ',':
		p.pos++
		return true, true
	case p.pos < len(p.data) && p.data[p.pos] == closer:
		p.pos++
		return false, true
	}
	p.fail(p.pos, fmt.Sprintf("want ',' or '%c', found %s", closer, p.describe()))
	return false, false
}

// textSets splits one string value into sets of its own.
func (p *jsonParser) textSets(s jsonString, scopePos bool) {
	for _, set := range scopetext.Split(s.value, scopePos) {
		p.addSet(s, set)
	}
}

func (p *jsonParser) addSet(s jsonString, set scopetext.Set) {
	ls := locSet{set: rules.SetOf(set)}
	ls.addSplit(set, s.value, p.data, s.at)
	p.sets = append(p.sets, ls)
}

func (s jsonString) at(i int) int {
	if s.offs == nil { // written without escapes: byte i of the value is byte i of the token
		return s.start + 1 + i
	}
	return s.offs[i]
}

// text records a string value for the hygiene checks, under the key it was read after.
func (p *jsonParser) text(s jsonString) {
	if rules.TextMayMatter(s.value) {
		p.texts = append(p.texts, textAt(s.value, p.key, s.at))
	}
	f := p.frames[len(p.frames)-1]
	f.hosts = append(f.hosts, rules.ZohoHosts(s.value)...)
}

// str decodes the string at p.pos, recording each byte's offset in the file. A string
// without escapes, nearly every one, is its own bytes: no offsets are recorded.
func (p *jsonParser) str() (jsonString, bool) {
	s := jsonString{start: p.pos}
	p.pos++
	for i := p.pos; i < len(p.data); i++ {
		if c := p.data[i]; c == '"' {
			s.end, s.value = i+1, string(p.data[p.pos:i])
			p.pos = i + 1
			return s, true
		} else if c == '\\' || c < 0x20 {
			break
		}
	}
	var buf []byte // an escape: decode from the start
	for {
		if p.pos >= len(p.data) {
			p.fail(s.start, "unterminated string (truncated JSON?)")
			return s, false
		}
		c := p.data[p.pos]
		switch {
		case c == '"':
			s.offs = append(s.offs, p.pos)
			p.pos++
			s.end, s.value = p.pos, string(buf)
			return s, true
		case c < 0x20:
			p.fail(p.pos, "control character in string")
			return s, false
		case c != '\\':
			buf = append(buf, c)
			s.offs = append(s.offs, p.pos)
			p.pos++
			continue
		}
		// An escape.
		at := p.pos
		if p.pos+1 >= len(p.data) {
			p.fail(at, "unterminated escape")
			return s, false
		}
		var r rune
		n := 2
		switch e := p.data[p.pos+1]; e {
		case '"', '\\', '/':
			r = rune(e)
		case 'b':
			r = '\b'
		case 'f':
			r = '\f'
		case 'n':
			r = '\n'
		case 'r':
			r = '\r'
		case 't':
			r = '\t'
		case 'u':
			var ok bool
			if r, ok = hex4(p.data, p.pos+2); !ok {
				p.fail(at, `bad \u escape`)
				return s, false
			}
			n = 6
			if utf16.IsSurrogate(r) {
				if r2, ok := hex4(p.data, p.pos+8); ok && p.pos+7 < len(p.data) && p.data[p.pos+6] == '\\' && p.data[p.pos+7] == 'u' {
					r = utf16.DecodeRune(r, r2)
					n = 12
				} else {
					r = utf8.RuneError
				}
			}
		default:
			p.fail(at, fmt.Sprintf("bad escape \\%c", e))
			return s, false
		}
		enc := utf8.AppendRune(nil, r)
		for range enc {
			s.offs = append(s.offs, at)
		}
		buf = append(buf, enc...)
		p.pos += n
	}
}

func hex4(data []byte, at int) (rune, bool) {
	if at+4 > len(data) {
		return 0, false
	}
	var r rune
	for _, c := range data[at : at+4] {
		var v byte
		switch {
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(v)
	}
	return r, true
}
