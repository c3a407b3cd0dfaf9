// Package yamlstrict reads yaml.v3 nodes strictly and with positions, for zscopelint's own
// files (catalogs, the policy file): wrong kinds, duplicate keys and yaml.v3's syntax errors
// all become an *Error at file:line:col, so that a typo is never silently accepted.
package yamlstrict

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Error is a problem in a file, at its line and column (0 when unknown).
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Reader reads the nodes of one file.
type Reader struct{ File string }

// ErrAt is an error at a node.
func (r Reader) ErrAt(n *yaml.Node, msg string) *Error {
	return &Error{File: r.File, Line: n.Line, Col: n.Column, Msg: msg}
}

// Resolve follows aliases, a bounded number of times.
func Resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n.Kind == yaml.AliasNode && n.Alias != nil && i < 16; i++ {
		n = n.Alias
	}
	return n
}

// Mapping calls f for each key of a mapping node (aliases followed), rejecting other
// kinds, non-scalar keys and duplicate keys.
func (r Reader) Mapping(n *yaml.Node, f func(key string, k, v *yaml.Node) error) error {
	n = Resolve(n)
	if n.Kind != yaml.MappingNode {
		return r.ErrAt(n, "want a mapping")
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], Resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			return r.ErrAt(k, "want a plain key")
		}
		if seen[k.Value] {
			return r.ErrAt(k, fmt.Sprintf("duplicate key %q", k.Value))
		}
		seen[k.Value] = true
		if err := f(k.Value, k, v); err != nil {
			return err
		}
	}
	return nil
}

// Str reads a scalar as a string; null, mappings and sequences are refused.
func (r Reader) Str(n *yaml.Node) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", r.ErrAt(n, "want a string")
	}
	return n.Value, nil
}

// Scalars reads a sequence of scalars (aliases followed).
func (r Reader) Scalars(n *yaml.Node) ([]*yaml.Node, error) {
	n = Resolve(n)
	if n.Kind != yaml.SequenceNode {
		return nil, r.ErrAt(n, "want a list")
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		c = Resolve(c)
		if c.Kind != yaml.ScalarNode || c.Tag == "!!null" {
			return nil, r.ErrAt(c, "want a string")
		}
		out[i] = c
	}
	return out, nil
}

var lineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// DecodeError turns a yaml.v3 error ("yaml: line 3: ...") into an *Error, its line kept
// within data (yaml.v3 may name the line after the last).
func (r Reader) DecodeError(err error, data []byte) *Error {
	msg := err.Error()
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		if n := CountLines(data); line > n {
			line = n
		}
		return &Error{File: r.File, Line: line, Col: 1, Msg: m[2]}
	}
	return &Error{File: r.File, Msg: strings.TrimPrefix(msg, "yaml: ")}
}

// CountLines counts lines as yaml.v3 does: "\n", "\r\n", a lone "\r", and the Unicode line
// breaks NEL, LS and PS each end one.
func CountLines(data []byte) int {
	n := 1
	s := string(data)
	for i, r := range s {
		switch r {
		case '\n', '\u0085', '\u2028', '\u2029':
			n++
		case '\r':
			if i+1 == len(s) || s[i+1] != '\n' {
				n++
			}
		}
	}
	return n
}
