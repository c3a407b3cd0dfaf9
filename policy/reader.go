package policy

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// reader decodes policy YAML nodes strictly, with positions.
type reader struct {
	file     string
	checkIDs []string
}

func (r *reader) errAt(n *yaml.Node, msg string) error {
	return &Error{File: r.file, Line: n.Line, Col: n.Column, Msg: msg}
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (r *reader) yamlError(err error) *Error {
	if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: r.file, Line: line, Col: 1, Msg: m[2]}
	}
	return &Error{File: r.file, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
}

func (r *reader) mapping(n *yaml.Node, f func(key string, k, v *yaml.Node) error) error {
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode {
		return r.errAt(n, "want a mapping")
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if v.Kind == yaml.AliasNode {
			v = v.Alias
		}
		if k.Kind != yaml.ScalarNode {
			return r.errAt(k, "want a plain key")
		}
		if seen[k.Value] {
			return r.errAt(k, fmt.Sprintf("duplicate key %q", k.Value))
		}
		seen[k.Value] = true
		if err := f(k.Value, k, v); err != nil {
			return err
		}
	}
	return nil
}

func (r *reader) str(n *yaml.Node) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || n.Tag == "!!map" || n.Tag == "!!seq" {
		return "", r.errAt(n, "want a string")
	}
	return n.Value, nil
}

func (r *reader) oneOf(n *yaml.Node, allowed ...string) (string, error) {
	s, err := r.str(n)
	if err != nil {
		return "", err
	}
	for _, a := range allowed {
		if s == a {
			return s, nil
		}
	}
	return "", r.errAt(n, fmt.Sprintf("%q: want %s", s, strings.Join(allowed, ", ")))
}

func (r *reader) strings(n *yaml.Node) ([]string, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, r.errAt(n, "want a list")
	}
	out := []string{}
	for _, c := range n.Content {
		s, err := r.str(c)
		if err != nil {
			return nil, err
		}
		if strings.TrimSpace(s) == "" {
			return nil, r.errAt(c, "empty entry")
		}
		out = append(out, s)
	}
	return out, nil
}

// checkPattern accepts a check ID or glob that matches at least one check.
func (r *reader) checkPattern(n *yaml.Node, pat string) error {
	for _, id := range r.checkIDs {
		ok, err := path.Match(strings.ToUpper(pat), id)
		if err != nil {
			return r.errAt(n, fmt.Sprintf("bad check pattern %q", pat))
		}
		if ok {
			return nil
		}
	}
	return r.errAt(n, fmt.Sprintf("unknown check %q (see zscopelint -list-checks)", pat))
}

// rules reads allow or deny entries: a scope string, or a mapping with scope, reason
// (required for allow) and paths.
func (r *reader) rules(n *yaml.Node, allow bool) ([]Rule, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, r.errAt(n, "want a list of entries")
	}
	var out []Rule
	for _, c := range n.Content {
		rule := Rule{Line: c.Line, Col: c.Column}
		if c.Kind == yaml.ScalarNode {
			rule.Scope = c.Value
		} else {
			err := r.mapping(c, func(key string, k, v *yaml.Node) error {
				var err error
				switch key {
				case "scope":
					rule.Scope, err = r.str(v)
				case "reason":
					rule.Reason, err = r.str(v)
				case "paths":
					rule.Paths, err = r.strings(v)
					for i, g := range rule.Paths {
						if _, perr := path.Match(g, ""); perr != nil {
							return r.errAt(v.Content[i], fmt.Sprintf("bad path glob %q", g))
						}
					}
				default:
					return r.errAt(k, fmt.Sprintf("unknown key %q (want scope, reason or paths)", key))
				}
				return err
			})
			if err != nil {
				return nil, err
			}
		}
		if strings.TrimSpace(rule.Scope) == "" {
			return nil, r.errAt(c, "entry has no scope")
		}
		if _, err := path.Match(rule.Scope, ""); err != nil {
			return nil, r.errAt(c, fmt.Sprintf("bad scope pattern %q", rule.Scope))
		}
		if allow && strings.TrimSpace(rule.Reason) == "" {
			return nil, r.errAt(c, fmt.Sprintf("allow entry for %s has no reason: say why the broad scope is accepted", rule.Scope))
		}
		out = append(out, rule)
	}
	return out, nil
}
