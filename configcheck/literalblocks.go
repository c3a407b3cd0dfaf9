package configcheck

import (
	"strings"

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
//
// In PHP (php), an array literal ([...] or array(...)) with string keys before => is such a
// literal: ['refresh_token' => env('ZOHO_REFRESH_TOKEN'), 'api_domain' => '...'], and
// brackets and parentheses are followed as braces are.
func literalBlocks(data []byte, regions []srclex.Region, php bool) []locBlock {
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
	open := func(isLiteral bool) {
		frames = append(frames, &hostFrame{})
		literal = append(literal, isLiteral)
	}
	closeOne := func() {
		if len(frames) > 1 {
			frames = closeFrame(&ex, frames)
			literal = literal[:len(literal)-1]
		}
	}
	code := func(start, end int) {
		for i := start; i < end; i++ {
			switch c := data[i]; {
			case c == '{':
				open(!php && opensLiteral(data, i, false))
			case c == '}':
				closeOne()
			case php && c == '[':
				open(opensLiteral(data, i, true))
			case php && c == '(':
				w := wordBefore(data, i)
				open(w >= 0 && strings.EqualFold(string(data[w:trimSpaceBack(data, i)]), "array"))
			case php && (c == ']' || c == ')'):
				closeOne()
			case php:
			case c == ':':
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
		// A quoted key: "refresh_token": ... ('refresh_token' => ... in PHP)
		next := skipSpaceFwd(data, r.End)
		sep := next < len(data) && data[next] == ':'
		if php {
			sep = next+1 < len(data) && data[next] == '=' && data[next+1] == '>'
		}
		if sep && elementStart(data, r.Start) {
			key(value, r.ContentStart)
		}
	}
	code(pos, len(data))
	for len(frames) > 1 {
		frames = closeFrame(&ex, frames) // an unclosed literal ends with the file
	}
	return ex.blocks
}

// opensLiteral reports whether the brace (PHP: bracket) at i opens an object, dict or array
// literal: it stands where a value does, after = : ( , [ or return (or a => of an arrow
// function that returns one in parentheses; in PHP, the => of an array element); a brace
// after ) or a name opens a body, and so does one after a JavaScript arrow.
func opensLiteral(data []byte, i int, php bool) bool {
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
	case '>': // => of a PHP array element
		return php && j > 0 && data[j-1] == '='
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
// space stands between it and the { [ ( or , before it (so b in a ? b : c is no key).
func elementStart(data []byte, i int) bool {
	j := i - 1
	for j >= 0 && isSpaceByte(data[j]) {
		j--
	}
	return j >= 0 && (data[j] == '{' || data[j] == ',' || data[j] == '[' || data[j] == '(')
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
