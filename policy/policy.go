// Package policy reads .zscopelint.yaml, a team's settings for zscopelint: the severity of
// each check (or off), the scopes it accepts (allow) or forbids (deny), the services it may
// use, the paths it skips, extra catalogs, the product and the failure threshold. Reading
// is strict: an unknown key, a bad value or an unknown check ID is an error at its line and
// column, so that a typo never silently weakens the policy.
package policy

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/zscopelint/zscopelint/internal/safefile"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/zscopelint/zscopelint/internal/yamlstrict"
)

// FileName is the policy file zscopelint looks for.
const FileName = ".zscopelint.yaml"

// Name is the policy file as messages name it: Shown, else Path.
func (p *Policy) Name() string {
	if p.Shown != "" {
		return p.Shown
	}
	return p.Path
}

// Policy is a loaded policy file. The zero Policy (and a nil *Policy) changes nothing.
type Policy struct {
	Path string // the file it was read from
	// Shown is the file as messages name it: Path relative to the directory the command
	// runs in, so that a finding reads the same on every machine and a SARIF log does not
	// carry a runner's home directory. "" names it by Path.
	Shown    string
	Dir      string   // the directory path globs are relative to
	FailOn   string   // error, warning, info, never; "" when unset
	Catalogs []string // extra catalog files, absolute
	Product  string   // auto, crm, vertical; "" when unset
	Allow    []Rule
	Deny     []Rule
	Services []string // the only services allowed; nil allows all
	Exclude  []string // path globs never checked

	severity []severityRule
}

// Rule is an allow or deny entry: a scope (a glob such as ZohoCRM.settings.*), why, and the
// paths (globs) it applies to, all paths when empty.
type Rule struct {
	Scope  string
	Reason string
	Paths  []string
	Line   int
	Col    int
}

type severityRule struct {
	pattern string // a check ID or a glob (ZS1*)
	level   string // error, warning, info or off
}

// Error is a problem in the policy file, at its line and column.
type Error = yamlstrict.Error

// Find looks for .zscopelint.yaml in dir and its parents, stopping after the first
// directory that holds go.mod or .git (the module or repository root). It returns "" when
// there is none.
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, FileName)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p
		}
		if exists(filepath.Join(dir, "go.mod")) || exists(filepath.Join(dir, ".git")) {
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Load reads a policy file. knownCheck says whether a check ID exists; patterns must
// match at least one.
func Load(file string, checkIDs []string) (*Policy, error) {
	data, err := safefile.ReadFile(file, safefile.DefaultLimit)
	if err != nil {
		return nil, &Error{File: file, Msg: safefile.Describe(err)}
	}
	return Parse(file, data, checkIDs)
}

// Parse reads a policy from its contents; file names it in errors and anchors relative paths.
func Parse(file string, data []byte, checkIDs []string) (*Policy, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		abs = file
	}
	p := &Policy{Path: file, Dir: filepath.Dir(abs)}
	r := &reader{Reader: yamlstrict.Reader{File: file}, checkIDs: checkIDs}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return p, nil // an empty policy changes nothing
		}
		return nil, r.DecodeError(err, data)
	}
	if len(doc.Content) == 0 {
		return p, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return p, nil
	}
	err = r.Mapping(root, func(key string, k, v *yaml.Node) error {
		switch key {
		case "fail-on":
			s, err := r.oneOf(v, "error", "warning", "info", "never")
			p.FailOn = s
			return err
		case "severity":
			return r.Mapping(v, func(pat string, k, v *yaml.Node) error {
				if err := r.checkPattern(k, pat); err != nil {
					return err
				}
				lvl, err := r.oneOf(v, "error", "warning", "info", "off")
				p.severity = append(p.severity, severityRule{strings.ToUpper(pat), lvl})
				return err
			})
		case "catalogs":
			items, err := r.strings(v)
			for _, it := range items {
				p.Catalogs = append(p.Catalogs, p.abs(it))
			}
			return err
		case "product":
			s, err := r.oneOf(v, "auto", "crm", "vertical")
			p.Product = s
			return err
		case "allow":
			rs, err := r.rules(v, true)
			p.Allow = rs
			return err
		case "deny":
			rs, err := r.rules(v, false)
			p.Deny = rs
			return err
		case "services":
			items, err := r.strings(v)
			if err == nil && len(items) == 0 {
				return r.errAt(v, "services: an empty list would forbid every scope; remove the key to allow all")
			}
			p.Services = items
			return err
		case "exclude":
			items, err := r.strings(v)
			for i, it := range items {
				if _, perr := path.Match(it, ""); perr != nil {
					return r.errAt(v.Content[i], fmt.Sprintf("exclude: bad glob %q", it))
				}
			}
			p.Exclude = items
			return err
		}
		return r.errAt(k, fmt.Sprintf("unknown key %q (want fail-on, severity, catalogs, product, allow, deny, services or exclude)", key))
	})
	if err != nil {
		return nil, err
	}
	if dec.Decode(new(yaml.Node)) == nil {
		return nil, &Error{File: file, Msg: "more than one YAML document"}
	}
	return p, nil
}

func (p *Policy) abs(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(p.Dir, filepath.FromSlash(name))
}

// Level returns the policy's level for a check: "" (keep the default), "error", "warning",
// "info" or "off". The last matching entry of the file wins.
func (p *Policy) Level(checkID string) string {
	if p == nil {
		return ""
	}
	level := ""
	for _, s := range p.severity {
		if ok, _ := path.Match(s.pattern, checkID); ok {
			level = s.level
		}
	}
	return level
}

// rel makes a file name relative to the policy's directory, slash-separated; ok is false
// for a file outside it.
func (p *Policy) rel(file string) (string, bool) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(p.Dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// Excluded reports whether a file is excluded from checking.
func (p *Policy) Excluded(file string) bool {
	if p == nil || len(p.Exclude) == 0 {
		return false
	}
	rel, ok := p.rel(file)
	return ok && matchAny(p.Exclude, rel)
}

// Allowed returns the allow rule that accepts scope in file, if any.
func (p *Policy) Allowed(scope, file string) (Rule, bool) {
	if p == nil {
		return Rule{}, false
	}
	return p.match(p.Allow, scope, file)
}

// Denied returns the deny rule that forbids scope in file, if any.
func (p *Policy) Denied(scope, file string) (Rule, bool) {
	if p == nil {
		return Rule{}, false
	}
	return p.match(p.Deny, scope, file)
}

// ServiceAllowed reports whether the services list (if any) allows a service.
func (p *Policy) ServiceAllowed(service string) bool {
	if p == nil || p.Services == nil {
		return true
	}
	for _, s := range p.Services {
		if strings.EqualFold(s, service) {
			return true
		}
	}
	return false
}

func (p *Policy) match(list []Rule, scope, file string) (Rule, bool) {
	for _, r := range list {
		if ok, _ := path.Match(strings.ToLower(r.Scope), strings.ToLower(scope)); !ok {
			continue
		}
		if len(r.Paths) == 0 {
			return r, true
		}
		if rel, ok := p.rel(file); ok && matchAny(r.Paths, rel) {
			return r, true
		}
	}
	return Rule{}, false
}

// matchAny matches a slash path against globs where "**" stands for any number of
// directories and a pattern without a slash matches the base name anywhere.
func matchAny(globs []string, rel string) bool {
	for _, g := range globs {
		if Match(g, rel) {
			return true
		}
	}
	return false
}

// Match reports whether a slash-separated path matches a glob: path.Match per segment,
// "**" for any number of segments, a trailing "/" or "/**" for everything below a
// directory, and a glob without "/" for a base name in any directory.
func Match(glob, rel string) bool {
	glob = strings.TrimPrefix(glob, "./")
	if strings.HasSuffix(glob, "/") {
		glob += "**"
	}
	if !strings.Contains(glob, "/") {
		ok, _ := path.Match(glob, path.Base(rel))
		return ok
	}
	return matchSegments(strings.Split(glob, "/"), strings.Split(rel, "/"))
}

func matchSegments(g, p []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for i := 0; i <= len(p); i++ {
				if matchSegments(g[1:], p[i:]) {
					return true
				}
			}
			return false
		}
		if len(p) == 0 {
			return false
		}
		if ok, _ := path.Match(g[0], p[0]); !ok {
			return false
		}
		g, p = g[1:], p[1:]
	}
	return len(p) == 0
}
