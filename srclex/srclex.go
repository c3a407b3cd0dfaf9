package srclex

import (
	"bytes"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Lang is a source language the lexer knows.
type Lang uint8

const (
	NoLang Lang = iota
	JS          // JavaScript and TypeScript
	Python
	PHP
)

func (l Lang) String() string {
	switch l {
	case JS:
		return "JavaScript"
	case Python:
		return "Python"
	case PHP:
		return "PHP"
	}
	return "none"
}

// LangOf returns the language of a file by its name; NoLang for others.
func LangOf(name string) Lang {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts":
		return JS
	case ".py":
		return Python
	case ".php":
		return PHP
	}
	return NoLang
}

// Kind is what a token is.
type Kind uint8

const (
	Ident  Kind = iota + 1 // a name; a PHP variable keeps its $
	Number                 // a numeric literal
	String                 // a string literal
	Punct                  // an operator or bracket
)

// Token is one token of a file.
type Token struct {
	Kind Kind
	// Text is the token's source text, except for a String, whose Text is its decoded
	// value with every hole left out (Parts has them).
	Text string
	// Parts are a string's pieces when it interpolates (template literal, f-string,
	// PHP "{$x}"): literal text and holes, in order. nil for a string without holes.
	Parts []Part
	// Prefix is a Python string's prefix (f, r, b, rb, ...), lower case.
	Prefix string
	Off    int // byte offset in the file
	Line   int // 1-based
	Col    int // 0-based byte column
	// Match is, for a bracket, the index of its partner in the same token slice; -1 for an
	// unmatched bracket and every other token.
	Match int
}

// Part is a piece of an interpolating string: literal text, or a hole's tokens.
type Part struct {
	Lit    string
	Hole   []Token
	IsHole bool
	// Off and End are a hole's source offsets: from its ${ (or {, or $) to just past its
	// end. Zero for literal text.
	Off, End int
}

// Is reports whether t is punctuation or an identifier with text s.
func (t Token) Is(s string) bool { return (t.Kind == Punct || t.Kind == Ident) && t.Text == s }

// Tokens returns the tokens of src in language lang.
func Tokens(lang Lang, src []byte) []Token {
	l := &lexer{lang: lang, d: src}
	for i, c := range src {
		if c == '\n' {
			l.lines = append(l.lines, i+1)
		}
	}
	if lang == PHP {
		var out []Token
		for i := 0; i < len(src); {
			open := bytes.Index(src[i:], []byte("<?"))
			if open < 0 {
				break
			}
			i += open + 2
			if bytes.HasPrefix(src[i:], []byte("php")) {
				i += 3
			} else if bytes.HasPrefix(src[i:], []byte("=")) {
				i++
			}
			toks, end := l.lex(i, stopAtPHPClose)
			out = append(out, toks...)
			i = end
		}
		matchBrackets(out)
		return out
	}
	toks, _ := l.lex(0, stopNever)
	matchBrackets(toks)
	return toks
}

type stop uint8

const (
	stopNever      stop = iota
	stopAtBrace         // a hole: an unmatched } ends it
	stopAtPHPClose      // PHP code: ?> ends it
)

type lexer struct {
	lang  Lang
	d     []byte
	lines []int // offsets where lines 2, 3, ... start
	// regions are the comments and string literals met outside holes (holeDepth 0), when
	// wanted (Regions; Tokens does not return them).
	regions       []Region
	regionsWanted bool
	holeDepth     int
	// regionsOnly is set by Regions, which wants the comments and literals, not the
	// tokens: outside holes lex then keeps only the last token (all regexAllowed reads), so
	// memory does not follow the file (a 9 MB bundle held 3 million tokens, 450 MB).
	regionsOnly bool
}

// RegionKind says what a Region is.
type RegionKind uint8

const (
	CommentRegion RegionKind = iota + 1
	StringRegion
)

// A Region is a comment or a string literal of a file, by its bytes; the code is what
// lies between them.
type Region struct {
	Kind       RegionKind
	Start, End int // its bytes (a Python string's prefix included)
	// ContentStart and ContentEnd are a string's contents, between its quotes.
	ContentStart, ContentEnd int
	Raw                      bool   // its escapes are not decoded (Python r'', PHP '')
	Template                 bool   // a JS template literal: Holes are ${...}
	Holes                    []Part // a string's holes, with their offsets
}

// Regions lists the comments and string literals of src (not those inside a string's
// holes), in order, for scanners that read literals and skip comments without the
// tokens. For PHP, only code inside <?php ... ?> is read.
func Regions(lang Lang, src []byte) []Region {
	// Room for the regions at once, rather than through every doubling of a slice of large
	// elements: one for each pair of quotes (counted by vector passes, much cheaper than a
	// copy of the regions), and some for comments.
	quotes := bytes.Count(src, []byte{'"'}) + bytes.Count(src, []byte{'\''}) + bytes.Count(src, []byte{'`'})
	l := &lexer{lang: lang, d: src, regionsOnly: true, regionsWanted: true,
		regions: make([]Region, 0, min(quotes/2+len(src)/256+8, maxPresizedRegions))}
	if lang == PHP {
		for i := 0; i < len(src); {
			open := bytes.Index(src[i:], []byte("<?"))
			if open < 0 {
				break
			}
			i += open + 2
			_, end := l.lex(i, stopAtPHPClose)
			i = end
		}
		return l.regions
	}
	if lang == JS || lang == Python {
		l.scanTop()
	} else {
		l.lex(0, stopNever)
	}
	return l.regions
}

// scanTop reads a JavaScript or Python file for Regions: what lex does outside holes,
// without making the tokens. Of those, regexAllowed reads only the last, and only what
// kind it is: so scanTop keeps that answer, not the token (a token each was two fifths
// of the time of a check of a source file of constants). TestRegionsKeepOnlyTheLastToken
// and FuzzRegions hold it to the lexer keeping every token.
func (l *lexer) scanTop() {
	d := l.d
	js := l.lang == JS
	regexNext := true // whether a / here starts a regular expression (regexAllowed of the tokens so far)
	for i := 0; i < len(d); {
		c := d[i]
		switch {
		case topSpace[c]:
			i++
		case c == '/' && i+1 < len(d) && d[i+1] == '/' && js, c == '#' && !js:
			i = l.comment(i, lineEnd(d, i, false))
		case c == '#' && js && i+1 < len(d) && d[i+1] == '!' && i == 0:
			i = l.comment(i, lineEnd(d, i, false))
		case c == '/' && i+1 < len(d) && d[i+1] == '*' && js:
			i = l.comment(i, blockCommentEnd(d, i))
		case c == '"' || c == '\'' || c == '`' && js:
			if end, ok := l.plainString(i); ok {
				i = end
			} else {
				_, i = l.str(i, "")
			}
			regexNext = false
		case !js && pyPrefixLetter[c] && isPyPrefix(d, i):
			n := 0
			for isLetter(d[i+n]) {
				n++
			}
			_, i = l.str(i+n, strings.ToLower(string(d[i:i+n])))
			regexNext = false
		case numberAt(d, i):
			i = numberEnd(d, i)
			regexNext = false
		case isIdentStart(c, l.lang):
			j := l.nameEnd(i)
			regexNext = regexKeyword(d[i:j]) != ""
			i = j
		case c == '/' && js && regexNext:
			i = skipRegex(d, i) // no token: what follows the expression reads the one before it
		default:
			p := punctAt(d, i)
			regexNext = p != ")" && p != "]" && p != "}" && p != "++" && p != "--"
			i += len(p)
		}
	}
}

// plainString records the string literal whose quote is at i, when it is one str would
// read as its quote and the text up to the next quote or line end (no escape, hole, prefix
// or triple quote), and returns the offset just past it; ok is false for any other, which
// str reads. Most literals of a file of code are such: str's token and builder each were
// a fifth of a scan's time.
func (l *lexer) plainString(i int) (end int, ok bool) {
	d := l.d
	q := d[i]
	if q == '`' || l.lang == Python && i+2 < len(d) && d[i+1] == q && d[i+2] == q {
		return 0, false
	}
	j := i + 1
	for j < len(d) && d[j] != q && d[j] != '\\' && d[j] != '\n' {
		j++
	}
	switch {
	case j == len(d): // unterminated at the end of the file
		end = j
	case d[j] == q:
		end = j + 1
	case d[j] == '\n': // unterminated at the end of its line
		end = j
	default:
		return 0, false
	}
	l.regions = append(l.regions, Region{Kind: StringRegion, Start: i, End: end, ContentStart: i + 1, ContentEnd: j})
	return end, true
}

// pyPrefixLetter holds the letters of Python's string prefixes (isPyPrefix).
var pyPrefixLetter = func() (t [256]bool) {
	for _, c := range []byte("fFrRbBuU") {
		t[c] = true
	}
	return t
}()

// topSpace holds the white space lex passes over.
var topSpace = func() (t [256]bool) {
	for _, c := range []byte(" \t\n\r\f\v") {
		t[c] = true
	}
	return t
}()

func (l *lexer) place(off int) (line, col int) {
	n := sort.SearchInts(l.lines, off+1)
	start := 0
	if n > 0 {
		start = l.lines[n-1]
	}
	return n + 1, off - start
}

func (l *lexer) tok(k Kind, text string, off int) Token {
	line, col := l.place(off)
	return Token{Kind: k, Text: text, Off: off, Line: line, Col: col, Match: -1}
}

// multi are the punctuators of more than one byte, longest first.
var multi = []string{"!==", "===", "...", "**=", "<<<", "=>", "->", "::", "?.", "??", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=", "/=", ".=", "**", "++", "--", "<<", ">>"}

// multiStart and multiSecond hold the first and second bytes of the punctuators in multi:
// lex compares them only where both are there (most punctuation is one byte).
var multiStart, multiSecond = func() (first, second [256]bool) {
	for _, m := range multi {
		first[m[0]], second[m[1]] = true, true
	}
	return
}()

// maxPresizedRegions bounds the regions Regions makes room for at once.
const maxPresizedRegions = 1 << 14

// maxPresized bounds the tokens lex makes room for at once (6 MB of them): a larger file
// grows its slice as it goes.
const maxPresized = 1 << 16

// keptForRegions is how many tokens lex holds for Regions, which reads only the last
// (regexAllowed) and drops the others when the slice is full.
const keptForRegions = 64

// lex tokenises from i until the end, or until what st says ends it; it returns the
// tokens and the offset just past the end (past the closing } of a hole).
func (l *lexer) lex(i int, st stop) ([]Token, int) {
	d := l.d
	var out []Token
	// Room for the tokens at once rather than through every doubling: for the whole file
	// (not each PHP block, not a hole) about one in eight bytes of code; for Regions, the
	// few it keeps.
	switch {
	case l.regionsOnly && st != stopAtBrace:
		out = make([]Token, 0, keptForRegions)
	case st == stopNever:
		out = make([]Token, 0, min(len(d)/8+16, maxPresized))
	}
	depth := 0
	for i < len(d) {
		if l.regionsOnly && st != stopAtBrace && len(out) == keptForRegions {
			out = append(out[:0], out[len(out)-1])
		}
		c := d[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '/' && i+1 < len(d) && d[i+1] == '/' && l.lang != Python,
			c == '#' && l.lang != JS:
			i = l.comment(i, lineEnd(d, i, st == stopAtPHPClose))
		case c == '#' && l.lang == JS && i+1 < len(d) && d[i+1] == '!' && i == 0:
			i = l.comment(i, lineEnd(d, i, false))
		case c == '/' && i+1 < len(d) && d[i+1] == '*' && l.lang != Python:
			i = l.comment(i, blockCommentEnd(d, i))
		case st == stopAtPHPClose && c == '?' && i+1 < len(d) && d[i+1] == '>':
			return out, i + 2
		case c == '"' || c == '\'' || c == '`' && l.lang == JS:
			t, end := l.str(i, "")
			out = append(out, t)
			i = end
		case l.lang == Python && isPyPrefix(d, i):
			n := 0
			for isLetter(d[i+n]) {
				n++
			}
			t, end := l.str(i+n, strings.ToLower(string(d[i:i+n])))
			t.Off = i
			out = append(out, t)
			i = end
		case l.lang == PHP && c == '<' && bytes.HasPrefix(d[i:], []byte("<<<")):
			t, end, ok := l.heredoc(i)
			if !ok {
				out = append(out, l.tok(Punct, "<<<", i))
				i += 3
				continue
			}
			out = append(out, t)
			i = end
		case numberAt(d, i):
			j := numberEnd(d, i)
			out = append(out, l.tok(Number, l.text(d[i:j]), i))
			i = j
		case isIdentStart(c, l.lang):
			j := l.nameEnd(i)
			var word string
			if l.dropsText() {
				// Of a name, Regions reads only whether it lets a regular expression follow.
				word = regexKeyword(d[i:j])
			} else {
				word = string(d[i:j])
			}
			out = append(out, l.tok(Ident, word, i))
			i = j
		case c == '/' && l.lang == JS && regexAllowed(out):
			i = skipRegex(d, i)
		default:
			if c == '{' {
				depth++
			}
			if c == '}' {
				if depth == 0 && st == stopAtBrace {
					return out, i + 1
				}
				depth--
			}
			p := punctAt(d, i)
			out = append(out, l.tok(Punct, p, i))
			i += len(p)
		}
	}
	return out, len(d)
}

// blockCommentEnd is where the /* comment at d[i] ends: past its */, else the file's end.
func blockCommentEnd(d []byte, i int) int {
	if end := bytes.Index(d[i+2:], []byte("*/")); end >= 0 {
		return i + 2 + end + 2
	}
	return len(d)
}

// numberAt reports whether a numeric literal starts at d[i] (a digit, or a dot before one).
func numberAt(d []byte, i int) bool {
	c := d[i]
	return c >= '0' && c <= '9' || c == '.' && i+1 < len(d) && d[i+1] >= '0' && d[i+1] <= '9'
}

// numberEnd is where the numeric literal at d[i] ends.
func numberEnd(d []byte, i int) int {
	j := i + 1
	for j < len(d) && (isWordByte(d[j]) || d[j] == '.') {
		j++
	}
	return j
}

// nameEnd is where the name that starts at d[i] (isIdentStart) ends: a PHP name may hold
// namespace backslashes, a PHP variable variable ($$x) starts with two dollars.
func (l *lexer) nameEnd(i int) int {
	d := l.d
	j := i + 1
	for j < len(d) && (isWordByte(d[j]) || d[j] >= 0x80 || d[j] == '$' && l.lang == JS || d[j] == '\\' && l.lang == PHP && j+1 < len(d) && isLetter(d[j+1])) {
		j++
	}
	if d[i] == '$' && l.lang == PHP && j < len(d) && d[j] == '$' {
		j++ // $$x: still a variable
	}
	return j
}

// punctAt is the punctuator at d[i]: the longest of multi there, else its byte (a
// character outside ASCII whole), without an allocation for one byte.
func punctAt(d []byte, i int) string {
	c := d[i]
	if c >= 0x80 {
		_, n := utf8.DecodeRune(d[i:])
		return string(d[i : i+n])
	}
	if i+1 < len(d) && multiStart[c] && multiSecond[d[i+1]] {
		for _, m := range multi {
			if bytes.HasPrefix(d[i:], []byte(m)) {
				return m
			}
		}
	}
	return byteStrings[c]
}

// comment records the comment [start, end) and returns its end.
func (l *lexer) comment(start, end int) int {
	if l.regionsWanted && l.holeDepth == 0 {
		l.regions = append(l.regions, Region{Kind: CommentRegion, Start: start, End: end})
	}
	return end
}

func lineEnd(d []byte, i int, phpClose bool) int {
	for i < len(d) && d[i] != '\n' {
		if phpClose && d[i] == '?' && i+1 < len(d) && d[i+1] == '>' {
			return i
		}
		i++
	}
	return i
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isWordByte(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '_' }

func isIdentStart(c byte, lang Lang) bool {
	return isLetter(c) || c == '_' || c >= 0x80 || c == '$' && lang != Python || c == '\\' && lang == PHP
}

// isPyPrefix reports whether a Python string prefix (f, r, b, u, rb, fr, ...) and its quote
// start at i, and no identifier runs into it.
func isPyPrefix(d []byte, i int) bool {
	if i > 0 && (isWordByte(d[i-1]) || d[i-1] >= 0x80) {
		return false
	}
	n := 0
	for i+n < len(d) && n < 3 && strings.IndexByte("fFrRbBuU", d[i+n]) >= 0 {
		n++
	}
	return n > 0 && n <= 2 && i+n < len(d) && (d[i+n] == '"' || d[i+n] == '\'')
}

// dropsText reports whether the tokens being made are only looked at, not kept: Regions
// keeps the last token outside holes for regexAllowed, which reads the text of names and
// punctuation only; the text of strings and numbers is not made there, nor that of names
// other than regexWords.
func (l *lexer) dropsText() bool { return l.regionsOnly && l.holeDepth == 0 }

// text is the text of a number or a string's value: "" where dropsText.
func (l *lexer) text(b []byte) string {
	if l.dropsText() {
		return ""
	}
	return string(b)
}

// regexWords are the names after which a / starts a regular expression (regexAllowed).
var regexWords = []string{"return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await", "else", "do"}

// regexKeyword returns word when it is one of regexWords, else "".
func regexKeyword(word []byte) string {
	if len(word) >= len(regexWordsByLen) {
		return ""
	}
	for _, w := range regexWordsByLen[len(word)] {
		if string(word) == w {
			return w
		}
	}
	return ""
}

// regexWordsByLen are regexWords by their length: a name is compared with the few of its
// own (every name of a file is asked).
var regexWordsByLen = func() (t [len("instanceof") + 1][]string) {
	for _, w := range regexWords {
		t[len(w)] = append(t[len(w)], w)
	}
	return t
}()

// byteStrings are the one-byte strings, for punctuation without an allocation each.
var byteStrings = func() (t [256]string) {
	for c := range t {
		t[c] = string([]byte{byte(c)})
	}
	return t
}()

// regexAllowed reports whether a / after these tokens starts a regular expression literal
// rather than dividing.
func regexAllowed(prev []Token) bool {
	if len(prev) == 0 {
		return true
	}
	t := prev[len(prev)-1]
	switch t.Kind {
	case Number, String:
		return false
	case Ident:
		return slices.Contains(regexWords, t.Text)
	}
	return t.Text != ")" && t.Text != "]" && t.Text != "}" && t.Text != "++" && t.Text != "--"
}

func skipRegex(d []byte, i int) int {
	inClass := false
	for i++; i < len(d) && d[i] != '\n'; i++ {
		switch d[i] {
		case '\\':
			i++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '/':
			if !inClass {
				i++
				for i < len(d) && isWordByte(d[i]) {
					i++
				}
				return i
			}
		}
	}
	return i
}

// matchBrackets sets Match on the brackets of toks, holes apart.
func matchBrackets(toks []Token) {
	var stack []int
	for i := range toks {
		switch toks[i].Text {
		case "(", "[", "{":
			if toks[i].Kind == Punct {
				stack = append(stack, i)
			}
		case ")", "]", "}":
			if toks[i].Kind != Punct {
				continue
			}
			open := map[string]string{")": "(", "]": "[", "}": "{"}[toks[i].Text]
			// Drop unmatched openers until the partner (recovers from one stray bracket).
			for k := len(stack) - 1; k >= 0; k-- {
				if toks[stack[k]].Text == open {
					toks[i].Match, toks[stack[k]].Match = stack[k], i
					stack = stack[:k]
					break
				}
			}
		}
	}
}

// StringAt reads the string literal whose opening quote is at offset i of src (a template
// literal's holes and all), for scanners that read literals without the rest of the
// tokens. It returns the token (its Line and Col are not set) and the offset just past
// the literal.
func StringAt(lang Lang, src []byte, i int) (Token, int) {
	l := &lexer{lang: lang, d: src}
	return l.str(i, "")
}
