package policy

import (
	"fmt"
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/zscopelint/zscopelint/internal/yamlstrict"
)

// reader decodes policy YAML nodes strictly, with positions.
type reader struct {
	yamlstrict.Reader
	checkIDs []string
}

func (r *reader) errAt(n *yaml.Node, msg string) error { return r.ErrAt(n, msg) }

func (r *reader) oneOf(n *yaml.Node, allowed ...string) (string, error) {
	s, err := r.Str(n)
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
	items, err := r.Scalars(n)
	if err != nil {
		return nil, err
	}
	out := []string{}
	for _, c := range items {
		s := c.Value
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
			err := r.Mapping(c, func(key string, k, v *yaml.Node) error {
				var err error
				switch key {
				case "scope":
					rule.Scope, err = r.Str(v)
				case "reason":
					rule.Reason, err = r.Str(v)
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
