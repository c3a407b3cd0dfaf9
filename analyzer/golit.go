package analyzer

import (
	"go/ast"
	"go/token"
	"strconv"
	"unicode/utf8"
)

// litValue decodes a Go string literal and maps every byte of the value to its offset in
// the literal's source text, so that a scope found at value[i:j] can be reported, and
// edited, at exactly the columns where it is written. offs has len(value)+1 entries.
func litValue(lit *ast.BasicLit) (value string, offs []int, ok bool) {
	if lit.Kind != token.STRING || len(lit.Value) < 2 {
		return "", nil, false
	}
	src := lit.Value
	body := src[1 : len(src)-1]
	buf := make([]byte, 0, len(body))
	offs = make([]int, 0, len(body)+1)
	if src[0] == '`' {
		for i := 0; i < len(body); i++ {
			if body[i] == '\r' { // carriage returns are discarded from raw strings
				continue
			}
			buf = append(buf, body[i])
			offs = append(offs, 1+i)
		}
		return string(buf), append(offs, len(src)-1), true
	}
	pos := 1
	for rest := body; len(rest) > 0; {
		r, multibyte, tail, err := strconv.UnquoteChar(rest, '"')
		if err != nil {
			return "", nil, false
		}
		n := len(rest) - len(tail)
		var enc []byte
		if r < utf8.RuneSelf || !multibyte {
			enc = []byte{byte(r)}
		} else {
			enc = utf8.AppendRune(nil, r)
		}
		for range enc {
			offs = append(offs, pos)
		}
		buf = append(buf, enc...)
		pos += n
		rest = tail
	}
	return string(buf), append(offs, pos), true
}
