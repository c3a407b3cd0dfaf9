package catalog

import (
	"bytes"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The rows of a product root are about 200 KB of YAML for CRM, and yaml.v3 read them at
// about 7 MB/s: 25 ms, most of the CPU of a run (or of a go vet process) over code with
// one Zoho call. Every row is one line in the shape the generators write, so it is read
// by readRow; a line in any other shape goes to yaml.v3, and TestRowReaderAgreesWithYAML
// holds readRow to yaml.v3 on every row embedded (FuzzRowReader on any line).

// readRows reads row lines ("  - {method: ..., path: ..., requires: ..., source: ...}")
// in order.
func readRows(rows [][]byte) []*Endpoint {
	out := make([]*Endpoint, 0, len(rows))
	for _, line := range rows {
		if e, ok := readRow(line); ok {
			out = append(out, e)
			continue
		}
		var es []*Endpoint
		if err := yaml.Unmarshal(line, &es); err != nil {
			panic("zscopelint: catalog/endpoints.yaml: " + err.Error())
		}
		out = append(out, es...)
	}
	return out
}

// readRow reads a row written as
//
//   - {method: GET, path: "/crm/{v}/{module}", requires: [["A", "B"], [C]], source: "..."}
//
// with strings in double quotes without escapes, and plain scalars that are names with
// dots (ZOHOPEOPLE.forms.READ). ok is false for any other line.
func readRow(line []byte) (e *Endpoint, ok bool) {
	r := rowReader{s: line}
	e = &Endpoint{}
	ok = r.lit("  - {method: ") && (r.word(&e.Method) || r.quoted(&e.Method)) &&
		r.lit(", path: ") && r.quoted(&e.Path) &&
		r.lit(", requires: [") && r.requires(&e.Requires) &&
		r.lit(", source: ") && r.quoted(&e.Source) &&
		r.lit("}") && r.end()
	return e, ok
}

type rowReader struct {
	s []byte
	i int
}

func (r *rowReader) lit(s string) bool {
	if !bytes.HasPrefix(r.s[r.i:], []byte(s)) {
		return false
	}
	r.i += len(s)
	return true
}

// end allows trailing spaces and a carriage return, nothing else.
func (r *rowReader) end() bool {
	for ; r.i < len(r.s); r.i++ {
		if c := r.s[r.i]; c != ' ' && c != '\r' {
			return false
		}
	}
	return true
}

// word reads an upper-case method name (not NULL, which YAML reads as null).
func (r *rowReader) word(out *string) bool {
	j := r.i
	for j < len(r.s) && r.s[j] >= 'A' && r.s[j] <= 'Z' {
		j++
	}
	if j == r.i || string(r.s[r.i:j]) == "NULL" {
		return false
	}
	*out, r.i = string(r.s[r.i:j]), j
	return true
}

// quoted reads a double-quoted string of UTF-8 whose only escapes are \" and \\.
func (r *rowReader) quoted(out *string) bool {
	if r.i >= len(r.s) || r.s[r.i] != '"' {
		return false
	}
	j := r.i + 1
	escaped := false
	for j < len(r.s) && r.s[j] != '"' {
		c := r.s[j]
		if c == '\\' {
			if j+1 >= len(r.s) || r.s[j+1] != '"' && r.s[j+1] != '\\' {
				return false
			}
			escaped = true
			j++
		} else if c < ' ' || c == 0x7f {
			return false
		}
		j++
	}
	if j == len(r.s) {
		return false
	}
	v := r.s[r.i+1 : j]
	if !utf8.Valid(v) {
		return false
	}
	if escaped {
		u := make([]byte, 0, len(v))
		for k := 0; k < len(v); k++ {
			if v[k] == '\\' {
				k++ // the escaped byte, " or \, stands for itself
			}
			u = append(u, v[k])
		}
		v = u
	}
	*out, r.i = string(v), j+1
	return true
}

// plain reads a plain scalar that is a name with dots: a letter first, then letters,
// digits, _ and - around dots (no indicator, nothing YAML would read as other than a
// string).
func (r *rowReader) plain(out *string) bool {
	j := r.i
	dots := 0
	for j < len(r.s) {
		c := r.s[j]
		if c == '.' {
			dots++
		} else if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			break
		}
		j++
	}
	if j == r.i || dots == 0 || !(r.s[r.i] >= 'a' && r.s[r.i] <= 'z' || r.s[r.i] >= 'A' && r.s[r.i] <= 'Z') || r.s[j-1] == '.' {
		return false
	}
	*out, r.i = string(r.s[r.i:j]), j
	return true
}

// requires reads the alternatives after "requires: [": a list of lists of scopes, up to
// the closing ].
func (r *rowReader) requires(out *[][]string) bool {
	*out = [][]string{} // as yaml.v3 makes an empty list
	for first := true; ; first = false {
		if r.lit("]") {
			return true
		}
		if !first && !r.lit(", ") {
			return false
		}
		if !r.lit("[") {
			return false
		}
		set := []string{}
		for k := 0; ; k++ {
			if r.lit("]") {
				break
			}
			if k > 0 && !r.lit(", ") {
				return false
			}
			var v string
			if !r.quoted(&v) && !r.plain(&v) {
				return false
			}
			set = append(set, v)
		}
		*out = append(*out, set)
	}
}
