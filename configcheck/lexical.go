package configcheck

import (
	"github.com/zscopelint/zscopelint/scopetext"
)

// lexicalSets scans a source file of another language without parsing it: string literals
// ('...', "...", `...`) are split like any text; string literals separated only by commas
// and white space (an array literal) are one scope set; a literal after a scope-named key
// (scope: "...", $scope = '...', "scopes": [...]) is in scope position; text outside
// literals (HTML, TOML and .properties values) is read as prose, so only candidates count.
// Comments (//, /* */, #, <!-- -->) are skipped.
func lexicalSets(data []byte) []locSet {
	l := &lexer{data: data}
	l.scan()
	return l.sets
}

type lexer struct {
	data []byte
	sets []locSet
	list *locSet // the run of literals being collected
	// listScope says the run started after a scope-named key.
	listScope bool
	listAll   bool // every literal of the run was a list of dotted tokens
	lastEnd   int  // where the last literal of the run ended
	literals  []literalTok
}

// literalTok is one literal of a run: its bytes and the items it added.
type literalTok struct{ start, end, firstItem, nItems int }

func (l *lexer) scan() {
	d := l.data
	textStart := 0
	for i := 0; i < len(d); {
		c := d[i]
		switch {
		case c == '"' || c == '\'' || c == '`':
			l.prose(textStart, i)
			end := l.literal(i)
			i, textStart = end, end
		case c == '/' && i+1 < len(d) && d[i+1] == '/' && (i == 0 || d[i-1] != ':'): // not https://
			l.prose(textStart, i)
			i = skipTo(d, i, "\n")
			textStart = i
		case c == '/' && i+1 < len(d) && d[i+1] == '*':
			l.prose(textStart, i)
			i = skipTo(d, i+2, "*/")
			textStart = i
		case c == '<' && i+3 < len(d) && string(d[i:i+4]) == "<!--":
			l.prose(textStart, i)
			i = skipTo(d, i+4, "-->")
			textStart = i
		case c == '#' && (i == 0 || d[i-1] == ' ' || d[i-1] == '\t' || d[i-1] == '\n'):
			l.prose(textStart, i)
			i = skipTo(d, i, "\n")
			textStart = i
		default:
			i++
		}
	}
	l.prose(textStart, len(d))
	l.flush()
}

// skipTo returns the offset just past the first end marker at or after from (or the end).
func skipTo(d []byte, from int, end string) int {
	for i := from; i+len(end) <= len(d); i++ {
		if string(d[i:i+len(end)]) == end {
			if end == "\n" {
				return i // the newline stays text
			}
			return i + len(end)
		}
	}
	return len(d)
}

// literal reads the string literal starting at quote start and returns where it ends.
func (l *lexer) literal(start int) int {
	d := l.data
	q := d[start]
	i := start + 1
	var buf []byte
	var offs []int
	for i < len(d) && d[i] != q {
		if d[i] == '\n' && q != '`' {
			break // an unterminated literal ends with its line
		}
		if d[i] == '\\' && i+1 < len(d) {
			buf = append(buf, d[i+1])
			offs = append(offs, i)
			i += 2
			continue
		}
		buf = append(buf, d[i])
		offs = append(offs, i)
		i++
	}
	offs = append(offs, i)
	end := min(i+1, len(d))
	value := string(buf)

	// Does this literal continue a run (only commas and white space since the last)?
	if l.list != nil && !onlySeparators(d[l.lastEnd:start]) {
		l.flush()
	}
	if l.list == nil {
		l.list = &locSet{}
		l.listScope = scopeKeyBefore(d, start)
		l.listAll = true
	}
	at := func(k int) int { return offs[k] }
	tok := literalTok{start: start, end: end, firstItem: len(l.list.items)}
	for _, s := range scopetext.Split(value, true) {
		if !s.InList() {
			l.listAll = false // a URL or prose literal is a set of its own
			ls := locSet{}
			ls.set.ScopePosition = s.ScopePosition
			ls.addSplit(s, value, d, at)
			l.sets = append(l.sets, ls)
			continue
		}
		l.list.addSplit(s, value, d, at)
	}
	tok.nItems = len(l.list.items) - tok.firstItem
	l.literals = append(l.literals, tok)
	l.lastEnd = end
	return end
}

func onlySeparators(b []byte) bool {
	for _, c := range b {
		if c != ',' && c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// flush ends the current run of literals as one set.
func (l *lexer) flush() {
	if l.list != nil && len(l.list.items) > 0 {
		// In a run of several literals, a literal that is one scope goes with its comma,
		// as an element of an array literal.
		lits := l.literals
		for i, t := range lits {
			if len(lits) < 2 || t.nItems != 1 {
				continue
			}
			r := span{t.start, lits[min(i+1, len(lits)-1)].start}
			if i+1 == len(lits) {
				r = span{lits[i-1].end, t.end}
			}
			l.list.items[t.firstItem].remove = &r
		}
		l.list.set.ScopePosition = l.listScope && l.listAll
		l.sets = append(l.sets, *l.list)
	}
	l.list, l.literals = nil, nil
}

// prose reads text outside literals; only candidates there count.
func (l *lexer) prose(start, end int) {
	if start >= end {
		return
	}
	d := l.data
	if !onlySeparators(d[start:end]) {
		l.flush()
	}
	text := string(d[start:end])
	for _, s := range scopetext.Split(text, false) {
		// Prose sets are judged on their candidates only, whatever the text says.
		if s.ScopePosition && !s.URL {
			s.ScopePosition = false
		}
		ls := locSet{}
		ls.set.ScopePosition = s.ScopePosition
		ls.addSplit(s, text, d, func(k int) int { return start + k })
		l.sets = append(l.sets, ls)
	}
}

// scopeKeyBefore reports whether the literal at start follows a scope-named key:
// skipping back over white space, ':', '=', '=>', '[' and a quote, it finds a name ending
// in scope or scopes.
func scopeKeyBefore(d []byte, start int) bool {
	i := start - 1
	for i >= 0 && (d[i] == ' ' || d[i] == '\t' || d[i] == ':' || d[i] == '=' || d[i] == '>' || d[i] == '[' || d[i] == '(' || d[i] == '"' || d[i] == '\'') {
		i--
	}
	end := i + 1
	for i >= 0 && (isWordByte(d[i]) || d[i] == '$' || d[i] == '-' || d[i] == '.') {
		i--
	}
	return end > i+1 && scopetext.ScopeName(string(d[i+1:end]))
}
