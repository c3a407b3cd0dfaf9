package configcheck

import (
	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/srclex"
)

// literalBlocks finds, in a JavaScript, TypeScript or Python file split into its literals
// and comments (regions), the object and dict literals that hold a credential under a key
// ({refreshToken: ..., apiDomain: "https://www.zohoapis.com"}, {"refresh_token": ...}),
// with the Zoho hosts their string values name: the same credential blocks (ZS303) that
// the YAML and JSON readers give for mappings. As there, a nested literal with a
// credential of its own is a block of its own, and the hosts of one without belong to the
// literal around it; what braces enclose other than a literal (a function or class body,
// a TypeScript interface) holds no key, and its hosts belong to the literal around it.
func literalBlocks(data []byte, regions []srclex.Region) []locBlock {
	var ex extraction
	frames := []*hostFrame{{}}
	literal := []bool{false} // whether each frame is an object or dict literal
	// key records a key at pos, in the innermost frame if it is a literal.
	key := func(name string, pos int) {
		f := frames[len(frames)-1]
		if literal[len(literal)-1] && f.key == "" && rules.IsCredentialKey(name) {
			f.key, f.pos = name, pos
		}
	}
	code := func(start, end int) {
		for i := start; i < end; i++ {
			switch data[i] {
			case '{':
				frames = append(frames, &hostFrame{})
				literal = append(literal, opensLiteral(data, i))
			case '}':
				if len(frames) > 1 {
					frames = closeFrame(&ex, frames)
					literal = literal[:len(literal)-1]
				}
			case ':':
				if w := wordBefore(data, i); w > 0 && w < i && elementStart(data, w) {
					key(string(data[w:trimSpaceBack(data, i)]), w)
				}
			}
		}
	}
	pos := 0
	for _, r := range regions {
		code(pos, r.Start)
		pos = r.End
		if r.Kind != srclex.StringRegion {
			continue
		}
		// Hosts and key names hold no escapes: the literal's bytes are read as they are.
		value := string(data[r.ContentStart:r.ContentEnd])
		f := frames[len(frames)-1]
		f.hosts = append(f.hosts, rules.ZohoHosts(value)...)
		// A quoted key: "refresh_token": ...
		if next := skipSpaceFwd(data, r.End); next < len(data) && data[next] == ':' && elementStart(data, r.Start) {
			key(value, r.ContentStart)
		}
	}
	code(pos, len(data))
	for len(frames) > 1 {
		frames = closeFrame(&ex, frames) // an unclosed literal ends with the file
	}
	return ex.blocks
}

// opensLiteral reports whether the brace at i opens an object or dict literal: it stands
// where a value does, after = : ( , [ or return (or a => of an arrow function that returns
// one in parentheses); a brace after ) or a name opens a body.
func opensLiteral(data []byte, i int) bool {
	j := i - 1
	for j >= 0 && isSpaceByte(data[j]) {
		j--
	}
	if j < 0 {
		return false
	}
	switch data[j] {
	case '=', ':', '(', ',', '[', '?':
		return j == 0 || data[j] != '=' || data[j-1] != '=' // not ==
	}
	end := j + 1
	for j >= 0 && isWordByte(data[j]) {
		j--
	}
	w := string(data[j+1 : end])
	return w == "return" || w == "default" || w == "yield"
}

// wordBefore returns where the name that ends (before white space) at i starts, or -1
// when none does.
func wordBefore(data []byte, i int) int {
	end := trimSpaceBack(data, i)
	j := end
	for j > 0 && (isWordByte(data[j-1]) || data[j-1] == '$') {
		j--
	}
	if j == end {
		return -1
	}
	return j
}

// elementStart reports whether what starts at i opens an element of a literal: only white
// space stands between it and the { or , before it (so b in a ? b : c is no key).
func elementStart(data []byte, i int) bool {
	j := i - 1
	for j >= 0 && isSpaceByte(data[j]) {
		j--
	}
	return j >= 0 && (data[j] == '{' || data[j] == ',')
}

func trimSpaceBack(data []byte, i int) int {
	for i > 0 && isSpaceByte(data[i-1]) {
		i--
	}
	return i
}

func skipSpaceFwd(data []byte, i int) int {
	for i < len(data) && isSpaceByte(data[i]) {
		i++
	}
	return i
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
