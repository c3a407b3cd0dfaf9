package configcheck

import (
	"strings"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/srclex"
)

// A URL is often written in pieces: Python's adjacent literals ("...auth"
// "?response_type=code"), or literals and expressions joined with + (JavaScript, Python,
// Java) or . (PHP). joinConcatenated reads such a chain as one string when it holds an
// authorization URL, so that no piece is judged as the whole request (ZS302): an
// expression between or after the literals is a hole, ${expr}, a value known only at run
// time.

// namesAuthPath reports whether a file names an authorization path anywhere: only then
// are its literals kept for joinConcatenated. needles are the file's loose prefilter hits
// (looseHits), among them the start of every "oauth/v2" in any case: each path holds one,
// so only those places are looked at (a search from one of a path's bytes stopped at
// every slash or v of a file of paths and versions).
func namesAuthPath(data []byte, needles []int) bool {
	paths := catalog.AuthRequest().Paths
	for _, off := range needles {
		for _, path := range []string{paths.Auth, paths.PortalAuth} {
			at := strings.Index(path, "oauth/v2")
			if start := off - at; at >= 0 && start >= 0 && start+len(path) <= len(data) && string(data[start:start+len(path)]) == path {
				return true
			}
		}
	}
	return false
}

// maxHoleBytes bounds the expression read between two literals of a chain: longer code is
// no part of a URL written in pieces.
const maxHoleBytes = 200

// joinConcatenated replaces the texts of the literals of each chain that holds an
// authorization URL with one text for the chain.
func (l *lexer) joinConcatenated() {
	paths := catalog.AuthRequest().Paths
	drop := map[int]bool{}
	var joined []locText
	for i := 0; i < len(l.allLits); {
		members, holes := []int{i}, []bool{}
		trailing := false
		for {
			j := members[len(members)-1]
			next, hole, tail := l.concatAfter(j)
			if next < 0 {
				trailing = tail
				break
			}
			members, holes = append(members, next), append(holes, hole)
		}
		i = members[len(members)-1] + 1
		if len(members) < 2 && !trailing {
			continue
		}
		var buf []byte
		var offs []int
		hole := func(at int) {
			for _, c := range []byte("${expr}") {
				buf, offs = append(buf, c), append(offs, at)
			}
		}
		for k, m := range members {
			t := l.allLits[m]
			if k > 0 && holes[k-1] {
				hole(l.allLits[members[k-1]].end)
			}
			v, o := l.decode(t)
			buf, offs = append(buf, v...), append(offs, o[:len(v)]...)
		}
		last := l.allLits[members[len(members)-1]]
		if trailing {
			hole(last.end)
		}
		offs = append(offs, last.end)
		value := string(buf)
		if !strings.Contains(value, paths.Auth) && !strings.Contains(value, paths.PortalAuth) {
			continue
		}
		key := ""
		for k, m := range members {
			if ti, ok := l.litText[l.allLits[m].start]; ok {
				if k == 0 {
					key = l.texts[ti].key
				}
				drop[ti] = true
			}
		}
		if key == "" {
			key = keyBefore(l.data, l.allLits[members[0]].start)
		}
		joined = append(joined, textAt(value, key, func(k int) int { return offs[k] }))
	}
	if len(joined) == 0 {
		return
	}
	kept := l.texts[:0]
	for i, t := range l.texts {
		if !drop[i] {
			kept = append(kept, t)
		}
	}
	l.texts = append(kept, joined...)
}

// concatAfter reads the code after literal j: the literal it is joined to (-1 for none),
// whether an expression stands between them (hole), and, when none is joined, whether an
// expression is added after it (tail).
func (l *lexer) concatAfter(j int) (next int, hole, tail bool) {
	d := l.data
	p := l.skipSpace(l.allLits[j].end)
	k := j + 1
	at := func(p int) bool { return k < len(l.allLits) && l.allLits[k].start == p }
	if l.lang == srclex.Python && at(p) {
		return k, false, false // implicit concatenation
	}
	op := byte('+')
	if l.lang == srclex.PHP {
		op = '.'
	}
	if !l.concatOp(p, op) {
		return -1, false, false
	}
	p = l.skipSpace(p + 1)
	if at(p) {
		return k, false, false
	}
	// An expression: up to a literal after op (a hole between), or to its end (a tail).
	depth, start := 0, p
	for p < len(d) && p-start <= maxHoleBytes {
		if at(p) {
			if depth == 0 {
				return -1, false, false // a literal after an expression without op
			}
			p = l.allLits[k].end // a literal inside the expression: f(s, safe='')
			k++
			continue
		}
		switch c := d[p]; {
		case c == '(' || c == '[' || c == '{':
			depth++
		case (c == ')' || c == ']' || c == '}') && depth > 0:
			depth--
		case depth > 0:
		case c == ')' || c == ']' || c == '}' || c == ';' || c == ',' || c == '\n' || c == '\r':
			return -1, false, p > start
		case c == '#' || c == '/' && p+1 < len(d) && (d[p+1] == '/' || d[p+1] == '*'):
			return -1, false, p > start // a comment ends the statement's code on this line
		case c == '=' || c == '?' || c == ':':
			return -1, false, false // an assignment or a condition: no URL in pieces
		case l.concatOp(p, op) && p > start:
			q := l.skipSpace(p + 1)
			if at(q) {
				return k, true, false
			}
		}
		p++
	}
	return -1, false, false
}

// concatOp reports whether d[p] is the concatenation operator op (not ++, +=, .=, ...).
func (l *lexer) concatOp(p int, op byte) bool {
	d := l.data
	if p >= len(d) || d[p] != op {
		return false
	}
	return p+1 >= len(d) || d[p+1] != op && d[p+1] != '='
}

// skipSpace skips white space and comments (a note between the lines of a URL).
func (l *lexer) skipSpace(p int) int {
	d := l.data
	for p < len(d) {
		if end, ok := l.commentEnd[p]; ok && end > p {
			p = end
			continue
		}
		if d[p] != ' ' && d[p] != '\t' && d[p] != '\n' && d[p] != '\r' {
			break
		}
		p++
	}
	return p
}
