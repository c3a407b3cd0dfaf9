package srclex

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// strBuilder collects a string's value and, once it has a hole, its parts.
type strBuilder struct {
	all []byte // the whole value, holes left out
	// view is the value while it is one run of the source, not yet copied into all: most
	// strings are, and their value is then copied once, into the token's text.
	view    []byte
	litFrom int // where in all the literal text since the last hole starts
	parts   []Part
	holes   bool
}

func (b *strBuilder) flush() {
	if b.view != nil {
		b.all, b.view = append(b.all, b.view...), nil
	}
}
func (b *strBuilder) byte(c byte) { b.flush(); b.all = append(b.all, c) }
func (b *strBuilder) rune(r rune) { b.flush(); b.all = utf8.AppendRune(b.all, r) }
func (b *strBuilder) bytes(p []byte) {
	if len(b.all) == 0 && b.view == nil {
		b.view = p
		return
	}
	b.flush()
	b.all = append(b.all, p...)
}
func (b *strBuilder) endLit() {
	b.flush()
	if lit := b.all[b.litFrom:]; len(lit) > 0 {
		b.parts = append(b.parts, Part{Lit: string(lit)})
	}
	b.litFrom = len(b.all)
}
func (b *strBuilder) hole(t []Token, off, end int) {
	b.holes = true
	b.endLit()
	b.parts = append(b.parts, Part{Hole: t, IsHole: true, Off: off, End: end})
}

func (b *strBuilder) token(l *lexer, off int, prefix string) Token {
	if b.holes {
		b.endLit()
	}
	text := b.view
	if text == nil {
		text = b.all
	}
	t := l.tok(String, l.text(text), off)
	t.Prefix = prefix
	if b.holes {
		t.Parts = b.parts
	}
	return t
}

// str reads the string literal whose opening quote is at i (a Python prefix before it is
// given) and returns its token and the offset just past it. An unterminated literal ends
// with its line (with the file for a template literal or a triple-quoted string).
func (l *lexer) str(i int, prefix string) (Token, int) {
	d := l.d
	q := d[i]
	start := i
	triple := l.lang == Python && i+2 < len(d) && d[i+1] == q && d[i+2] == q
	i++
	if triple {
		i += 2
	}
	raw := strings.Contains(prefix, "r") || l.lang == PHP && q == '\''
	format := strings.Contains(prefix, "f")
	multiline := q == '`' || triple || l.lang == PHP
	var b strBuilder
	contentStart := i
	outer := l.regionsWanted && l.holeDepth == 0 // not inside another string's hole: a region of the file
	done := func(contentEnd, end int) (Token, int) {
		t := b.token(l, start, prefix)
		if outer {
			l.regions = append(l.regions, Region{Kind: StringRegion, Start: start - len(prefix), End: end,
				ContentStart: contentStart, ContentEnd: contentEnd, Raw: raw, Template: q == '`', Holes: t.Parts})
		}
		return t, end
	}
	for i < len(d) {
		c := d[i]
		switch {
		case c == q && (!triple || i+2 < len(d) && d[i+1] == q && d[i+2] == q):
			if triple {
				return done(i, i+3)
			}
			return done(i, i+1)
		case c == '\n' && !multiline:
			return done(i, i)
		case c == '\\' && i+1 < len(d):
			switch {
			case l.lang == PHP && q == '\'':
				if d[i+1] == '\\' || d[i+1] == '\'' {
					b.byte(d[i+1])
					i += 2
				} else {
					b.byte('\\')
					i++
				}
			case raw:
				b.byte('\\')
				b.byte(d[i+1])
				i += 2
			case d[i+1] == '\n': // a line continuation
				i += 2
			default:
				r, n := Unescape(d[i+1:])
				b.rune(r)
				i += 1 + n
			}
		case q == '`' && c == '$' && i+1 < len(d) && d[i+1] == '{':
			toks, end := l.hole(i + 2)
			matchBrackets(toks)
			b.hole(toks, i, end)
			i = end
		case format && c == '{':
			if i+1 < len(d) && d[i+1] == '{' {
				b.byte('{')
				i += 2
				continue
			}
			toks, end := l.hole(i + 1)
			b.hole(formatExpr(toks), i, end)
			i = end
		case format && c == '}' && i+1 < len(d) && d[i+1] == '}':
			b.byte('}')
			i += 2
		case l.lang == PHP && q == '"' && c == '{' && i+1 < len(d) && d[i+1] == '$':
			toks, end := l.hole(i + 1)
			matchBrackets(toks)
			b.hole(toks, i, end)
			i = end
		case l.lang == PHP && q == '"' && c == '$' && i+1 < len(d) && (isLetter(d[i+1]) || d[i+1] == '_' || d[i+1] == '{'):
			toks, end := l.phpSimpleVar(i)
			b.hole(toks, i, end)
			i = end
		default:
			// A run of bytes none of the cases above may start at, taken at once.
			j := i + 1
			for j < len(d) && !strSpecial[d[j]] && d[j] != q {
				j++
			}
			b.bytes(d[i:j])
			i = j
		}
	}
	return done(len(d), len(d))
}

// strSpecial holds the bytes str looks at before taking a byte as it is (with the quote,
// which differs by string): a run of other bytes is copied whole.
var strSpecial = func() (t [256]bool) {
	for _, c := range []byte("\n\\${}") {
		t[c] = true
	}
	return t
}()

// maxHoleDepth bounds strings nested in holes (`${`${...}`}`): deeper holes are skipped to
// their next }, so that no input nests the lexer's recursion without end.
const maxHoleDepth = 32

// hole tokenises a string's hole from i to its closing }.
func (l *lexer) hole(i int) ([]Token, int) {
	if l.holeDepth >= maxHoleDepth {
		if end := bytes.IndexByte(l.d[i:], '}'); end >= 0 {
			return nil, i + end + 1
		}
		return nil, len(l.d)
	}
	l.holeDepth++
	defer func() { l.holeDepth-- }()
	return l.lex(i, stopAtBrace)
}

// formatExpr cuts an f-string hole's conversion and format spec (!r, :>10) off its
// expression.
func formatExpr(toks []Token) []Token {
	depth := 0
	for k, t := range toks {
		if t.Kind != Punct {
			continue
		}
		switch t.Text {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		case ":", "!", "=":
			if depth == 0 {
				toks = toks[:k]
				matchBrackets(toks)
				return toks
			}
		}
	}
	matchBrackets(toks)
	return toks
}

// phpSimpleVar reads PHP's simple interpolation at i: $name, ${name}, $name->prop,
// $name[key].
func (l *lexer) phpSimpleVar(i int) ([]Token, int) {
	d := l.d
	if d[i+1] == '{' { // ${name}
		end := bytes.IndexByte(d[i:], '}')
		if end < 0 {
			return nil, len(d)
		}
		return []Token{l.tok(Ident, "$"+string(d[i+2:i+end]), i)}, i + end + 1
	}
	j := i + 1
	for j < len(d) && (isWordByte(d[j]) || d[j] >= 0x80) {
		j++
	}
	toks := []Token{l.tok(Ident, string(d[i:j]), i)}
	if j+2 < len(d) && d[j] == '-' && d[j+1] == '>' && (isLetter(d[j+2]) || d[j+2] == '_') {
		k := j + 2
		for k < len(d) && isWordByte(d[k]) {
			k++
		}
		toks = append(toks, l.tok(Punct, "->", j), l.tok(Ident, string(d[j+2:k]), j+2))
		j = k
	} else if j < len(d) && d[j] == '[' {
		if end := bytes.IndexByte(d[j:], ']'); end > 0 {
			j += end + 1
		}
	}
	return toks, j
}

// heredoc reads a PHP heredoc or nowdoc at i (<<<ID, <<<"ID", <<<'ID').
func (l *lexer) heredoc(i int) (Token, int, bool) {
	d := l.d
	j := i + 3
	for j < len(d) && (d[j] == ' ' || d[j] == '\t') {
		j++
	}
	quote := byte(0)
	if j < len(d) && (d[j] == '"' || d[j] == '\'') {
		quote = d[j]
		j++
	}
	k := j
	for k < len(d) && isWordByte(d[k]) {
		k++
	}
	if k == j {
		return Token{}, 0, false
	}
	id := string(d[j:k])
	if quote != 0 {
		k++
	}
	nl := bytes.IndexByte(d[k:], '\n')
	if nl < 0 {
		return Token{}, 0, false
	}
	body := k + nl + 1
	// The closing identifier: on a line of its own, after optional indentation.
	end := body
	for end < len(d) {
		lineEnd := bytes.IndexByte(d[end:], '\n')
		line := d[end:]
		if lineEnd >= 0 {
			line = d[end : end+lineEnd]
		}
		if trimmed := bytes.TrimLeft(line, " \t"); bytes.HasPrefix(trimmed, []byte(id)) && (len(trimmed) == len(id) || !isWordByte(trimmed[len(id)])) {
			break
		}
		if lineEnd < 0 {
			end = len(d)
			break
		}
		end += lineEnd + 1
	}
	text := strings.TrimSuffix(string(d[body:max(body, end)]), "\n")
	t := l.tok(String, text, i)
	if quote != '\'' && strings.ContainsAny(text, "$") {
		// Interpolation in a heredoc: lex its body as a double-quoted string's.
		sub := &lexer{lang: PHP, d: append(append([]byte{'"'}, strings.ReplaceAll(text, `"`, `\"`)...), '"'), lines: nil}
		st, _ := sub.str(0, "")
		t.Text, t.Parts = st.Text, st.Parts
	}
	closeAt := min(end+len(id)+(len(d[end:])-len(bytes.TrimLeft(d[end:], " \t"))), len(d))
	return t, closeAt, true
}

// Unescape decodes the escape after a backslash: \n \t \r \b \f \v \0, \xHH, \uHHHH,
// \u{H…} and \UHHHHHHHH; any other character stands for itself. It returns the rune and
// how many bytes after the backslash it used. The lexers of every language, and
// configcheck's scan of the others, decode escapes with it.
func Unescape(b []byte) (rune, int) {
	switch b[0] {
	case 'n':
		return '\n', 1
	case 't':
		return '\t', 1
	case 'r':
		return '\r', 1
	case 'b':
		return '\b', 1
	case 'f':
		return '\f', 1
	case 'v':
		return '\v', 1
	case '0':
		return 0, 1
	case 'x':
		if r, ok := hexRune(b[1:], 2); ok {
			return r, 3
		}
	case 'u':
		if len(b) > 1 && b[1] == '{' {
			if end := bytes.IndexByte(b, '}'); end > 2 && end <= 8 {
				if r, ok := hexRune(b[2:end], end-2); ok {
					return r, end + 1
				}
			}
		} else if r, ok := hexRune(b[1:], 4); ok {
			return r, 5
		}
	case 'U':
		if r, ok := hexRune(b[1:], 8); ok {
			return r, 9
		}
	}
	r, n := utf8.DecodeRune(b)
	return r, n
}

// hexRune reads n hex digits at the start of b as a rune.
func hexRune(b []byte, n int) (rune, bool) {
	if len(b) < n {
		return 0, false
	}
	var r rune
	for _, c := range b[:n] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	if !utf8.ValidRune(r) {
		return utf8.RuneError, true
	}
	return r, true
}
