package catalog

import (
	"bytes"
	"fmt"
	"github.com/zscopelint/zscopelint/internal/safefile"
	"io"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/zscopelint/zscopelint/internal/yamlstrict"
)

// LoadError is a problem in a catalog file, positioned where it is.
type LoadError = yamlstrict.Error

// fileSpec is one catalog file as written: one service.
type fileSpec struct {
	file    string
	service string
	source  string
	replace bool
	scopes  []*entrySpec
	pos     position
	// product names the Zoho product, for -list-services ("Zoho Books").
	product string
	// partial says Zoho's list is known only in part (completeness: partial).
	partial bool
	// anyCase accepts the service's scopes in any case without a ZS105 (case: any):
	// Zoho's own pages mix cases for the product.
	anyCase bool
	// lowerOperations makes lower case the canonical spelling of operations
	// (operation_case: lower), as Zoho Analytics writes them.
	lowerOperations bool
	// eitherOperationCase says Zoho writes the operation in upper or in lower case
	// (operation_case: upper or lower): ZohoCRM.modules.all is no case slip.
	eitherOperationCase bool
	// writeAlias says the service documents WRITE as an alias for CREATE, UPDATE and
	// DELETE (write: alias); elsewhere WRITE is a word of its own.
	writeAlias bool
}

// entrySpec is one entry of a scopes list. It names one resource (name) or several sharing
// the same definition (names).
type entrySpec struct {
	names      []string
	operations []string
	hasOps     bool
	group      []string
	hasGroup   bool
	deprecated string
	whole      bool // grants: service
	products   Product
	source     string
	children   []*entrySpec
	pos        position
}

type position struct {
	file      string
	line, col int
}

func (p position) String() string { return fmt.Sprintf("%s:%d:%d", p.file, p.line, p.col) }

// maxCatalogFile bounds a user catalog file; the embedded ones are a few KB.
const maxCatalogFile = 4 << 20

// parseFile decodes one catalog file strictly: unknown keys, wrong types and bad values
// are errors at their line and column.
func parseFile(name string, data []byte) (*fileSpec, error) {
	if len(data) > maxCatalogFile {
		return nil, &LoadError{File: name, Msg: fmt.Sprintf("catalog file larger than %d bytes", maxCatalogFile)}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &LoadError{File: name, Msg: "binary file (NUL byte), not a YAML catalog"}
	}
	p := &parser{yamlstrict.Reader{File: name}}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, &LoadError{File: name, Msg: "empty catalog file"}
		}
		return nil, p.DecodeError(err, data)
	}
	if len(doc.Content) != 1 {
		return nil, p.errAt(&doc, "empty catalog file")
	}
	root := doc.Content[0]
	fs := &fileSpec{file: name, pos: p.pos(root)}
	err := p.Mapping(root, func(key string, k, v *yaml.Node) error {
		switch {
		case key == "service":
			s, err := p.Str(v)
			if err != nil {
				return err
			}
			if !isName(s) {
				return p.errAt(v, fmt.Sprintf("service %q: want letters, digits and '_'", s))
			}
			fs.service = s
		case key == "source":
			s, err := p.Str(v)
			fs.source = s
			return err
		case key == "replace":
			if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
				return p.errAt(v, "replace: want true or false")
			}
			fs.replace = v.Value == "true"
		case key == "scopes":
			entries, err := p.entries(v)
			fs.scopes = entries
			return err
		case key == "product":
			s, err := p.Str(v)
			fs.product = s
			return err
		case key == "completeness":
			var err error
			fs.partial, err = p.either(v, key, "complete", "partial")
			return err
		case key == "case":
			var err error
			fs.anyCase, err = p.either(v, key, "canonical", "any")
			return err
		case key == "operation_case":
			s, err := p.Str(v)
			switch {
			case err != nil:
				return err
			case s == "lower":
				fs.lowerOperations = true
			case s == "upper or lower":
				fs.eitherOperationCase = true
			case s != "upper":
				return p.errAt(v, fmt.Sprintf("operation_case %q: want upper, lower or \"upper or lower\"", s))
			}
		case key == "write":
			var err error
			fs.writeAlias, err = p.either(v, key, "own", "alias")
			return err
		case strings.HasPrefix(key, "x-"):
			// Extension keys hold anchors for reuse; their content is not read.
		default:
			return p.errAt(k, fmt.Sprintf("unknown key %q (want service, product, source, completeness, case, operation_case, write, replace, scopes or x-...)", key))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if fs.service == "" {
		return nil, p.errAt(root, "missing key \"service\"")
	}
	if fs.scopes == nil && !fs.replace {
		return nil, p.errAt(root, "missing key \"scopes\"")
	}
	if dec.Decode(new(yaml.Node)) == nil {
		return nil, &LoadError{File: name, Msg: "more than one YAML document: put one service per file"}
	}
	return fs, nil
}

// parser reads the nodes of one catalog file.
type parser struct{ yamlstrict.Reader }

// either reads a key whose value is one of two words, and reports whether it is the second.
func (p *parser) either(v *yaml.Node, key, first, second string) (bool, error) {
	s, err := p.Str(v)
	switch {
	case err != nil:
		return false, err
	case s == second:
		return true, nil
	case s != first:
		return false, p.errAt(v, fmt.Sprintf("%s %q: want %s or %s", key, s, first, second))
	}
	return false, nil
}

func (p *parser) pos(n *yaml.Node) position { return position{p.File, n.Line, n.Column} }

func (p *parser) errAt(n *yaml.Node, msg string) error { return p.ErrAt(n, msg) }

func (p *parser) operations(n *yaml.Node) ([]string, error) {
	items, err := p.Scalars(n)
	if err != nil {
		return nil, err
	}
	ops := make([]string, 0, len(items))
	for _, it := range items {
		op, ok := canonicalOperation(it.Value)
		if !ok {
			return nil, p.errAt(it, fmt.Sprintf("unknown operation %q (want one of %s)", it.Value, strings.Join(Operations, ", ")))
		}
		for _, prev := range ops {
			if prev == op {
				return nil, p.errAt(it, fmt.Sprintf("operation %s listed twice", op))
			}
		}
		ops = append(ops, op)
	}
	return ops, nil
}

func (p *parser) entries(n *yaml.Node) ([]*entrySpec, error) {
	n = yamlstrict.Resolve(n)
	if n.Kind != yaml.SequenceNode {
		return nil, p.errAt(n, "scopes: want a list of entries")
	}
	out := make([]*entrySpec, 0, len(n.Content))
	for _, c := range n.Content {
		e, err := p.entry(yamlstrict.Resolve(c))
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func (p *parser) entry(n *yaml.Node) (*entrySpec, error) {
	e := &entrySpec{pos: p.pos(n)}
	err := p.Mapping(n, func(key string, k, v *yaml.Node) error {
		var err error
		switch key {
		case "name":
			var s string
			if s, err = p.Str(v); err == nil {
				if !isName(s) {
					return p.errAt(v, fmt.Sprintf("name %q: want letters, digits and '_'", s))
				}
				e.names = append(e.names, s)
			}
		case "names":
			var items []*yaml.Node
			if items, err = p.Scalars(v); err == nil {
				for _, it := range items {
					if !isName(it.Value) {
						return p.errAt(it, fmt.Sprintf("name %q: want letters, digits and '_'", it.Value))
					}
					e.names = append(e.names, it.Value)
				}
				if len(items) == 0 {
					return p.errAt(v, "names: empty list")
				}
			}
		case "operations":
			e.operations, err = p.operations(v)
			e.hasOps = true
		case "group":
			e.group, err = p.operations(v)
			e.hasGroup = true
		case "deprecated":
			e.deprecated, err = p.Str(v)
		case "source":
			e.source, err = p.Str(v)
		case "products":
			var items []*yaml.Node
			if items, err = p.Scalars(v); err == nil {
				for _, it := range items {
					pr, ok := ParseProduct(it.Value)
					if !ok {
						return p.errAt(it, fmt.Sprintf("unknown product %q (want crm or vertical)", it.Value))
					}
					e.products |= pr
				}
			}
		case "scopes":
			e.children, err = p.entries(v)
		case "grants":
			var g string
			if g, err = p.Str(v); err == nil {
				if g != "service" {
					return p.errAt(v, fmt.Sprintf("grants %q: want service (the scope grants every scope of its service)", g))
				}
				e.whole = true
			}
		default:
			return p.errAt(k, fmt.Sprintf("unknown key %q (want name, names, operations, group, grants, deprecated, products, source or scopes)", key))
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(e.names) == 0 {
		return nil, p.errAt(n, "entry needs name or names")
	}
	if _, hasName := findKey(n, "name"); hasName {
		if _, hasNames := findKey(n, "names"); hasNames {
			return nil, p.errAt(n, "entry has both name and names")
		}
	}
	if !e.hasOps && !e.hasGroup && e.children == nil {
		return nil, p.errAt(n, fmt.Sprintf("entry %s has no operations, group or scopes", e.names[0]))
	}
	return e, nil
}

func findKey(n *yaml.Node, key string) (*yaml.Node, bool) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1], true
		}
	}
	return nil, false
}

// isName reports whether s is usable as a service or scope name.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isASCIIAlnum(r) && r != '_' {
			return false
		}
	}
	return true
}

// readCatalogFile reads a user catalog file from disk.
func readCatalogFile(path string) (*fileSpec, error) {
	data, err := safefile.ReadFile(path, safefile.DefaultLimit)
	if err != nil {
		return nil, &LoadError{File: path, Msg: safefile.Describe(err)}
	}
	return parseFile(path, data)
}
