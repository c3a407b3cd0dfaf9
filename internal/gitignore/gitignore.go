package gitignore

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// A Pattern is one line of a .gitignore file.
type Pattern struct {
	Line     string // as written, for messages and tests
	negate   bool   // ! re-includes
	dirOnly  bool   // a trailing / matches directories only
	basename bool   // no slash: matched against the last path element, at any depth
	// Most patterns are a name (.env.local, dist) or *.ext: they are compared as strings,
	// which a walk asks of every path; the others are regular expressions.
	literal, suffix string
	re              *regexp.Regexp
	needle          string // a string every path re matches holds: tried first
}

// Parse returns the patterns of a .gitignore (or info/exclude) file, in order. A line
// that git would reject (an unterminated [ or a trailing backslash) matches nothing, as
// in git.
func Parse(data []byte) []Pattern {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // git skips a UTF-8 byte order mark
	var ps []Pattern
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSuffix(line, "\n")
		// A file written on Windows ends its lines in \r\n: the \r is not part of a
		// name anyone meant to ignore.
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if p, ok := parseLine(line); ok {
			ps = append(ps, p)
		}
	}
	return ps
}

func parseLine(line string) (Pattern, bool) {
	p := Pattern{Line: line}
	pat := trimTrailingSpaces(line)
	if strings.HasPrefix(pat, "!") {
		p.negate = true
		pat = pat[1:]
	}
	if strings.HasSuffix(pat, "/") {
		p.dirOnly = true
		pat = strings.TrimSuffix(pat, "/")
	}
	if pat == "" {
		return p, false
	}
	// A slash at the start or in the middle anchors the pattern to its file's
	// directory; without one it matches a name at any depth, as **/pattern does.
	p.basename = !strings.Contains(pat, "/")
	pat = strings.TrimPrefix(pat, "/")
	const meta = `*?[\`
	switch {
	case !strings.ContainsAny(pat, meta):
		p.literal = pat
		return p, true
	case p.basename && len(pat) > 1 && pat[0] == '*' && !strings.ContainsAny(pat[1:], meta):
		p.suffix = pat[1:] // *.log: a name has no slash for * to stop at
		return p, true
	}
	expr, ok := translate(pat)
	if !ok {
		return p, false
	}
	re, err := regexp.Compile(expr)
	if err != nil { // a class git would not match either, such as [z-a]
		return p, false
	}
	p.re = re
	p.needle = longestLiteral(pat)
	return p, true
}

// longestLiteral returns the longest run of pat that any path it matches holds as it is:
// characters outside classes, wildcards and separators (a ** may stand for no directory,
// taking the slash beside it away).
func longestLiteral(pat string) string {
	var best, run []byte
	end := func() {
		if len(run) > len(best) {
			best = append(best[:0], run...)
		}
		run = run[:0]
	}
	for i := 0; i < len(pat); i++ {
		switch c := pat[i]; c {
		case '\\':
			if i+1 < len(pat) {
				i++
				run = append(run, pat[i])
			}
		case '[':
			end()
			if i = classEnd(pat, i); i < 0 {
				return ""
			}
		case '*', '?', '/':
			end()
		default:
			run = append(run, c)
		}
	}
	end()
	return string(best)
}

// trimTrailingSpaces drops the spaces that end line, except one escaped with a backslash
// (git's trim_trailing_spaces).
func trimTrailingSpaces(line string) string {
	end := -1 // where the trailing spaces start
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ':
			if end < 0 {
				end = i
			}
		case '\\':
			i++
			end = -1
		default:
			end = -1
		}
	}
	if end >= 0 {
		return line[:end]
	}
	return line
}

// translate writes pat (slash-separated, relative to the pattern file's directory) as an
// anchored regular expression.
func translate(pat string) (string, bool) {
	var b strings.Builder
	b.WriteString("^")
	segs := strings.Split(pat, "/")
	slashDone := false // the previous segment (a **) already matched the separator
	for i, seg := range segs {
		first, last := i == 0, i == len(segs)-1
		if !first && !slashDone {
			b.WriteString("/")
		}
		slashDone = false
		if seg == "**" {
			switch {
			case first && last:
				b.WriteString(".*")
			case last: // a/** : everything inside a, not a itself
				b.WriteString(".+")
			default: // **/b and a/**/b: zero or more directories
				b.WriteString("(?:.*/)?")
				slashDone = true
			}
			continue
		}
		if !globSegment(&b, seg) {
			return "", false
		}
	}
	b.WriteString("$")
	return b.String(), true
}

// globSegment writes one path element of a pattern: *, ? and [...] never match a slash.
func globSegment(b *strings.Builder, seg string) bool {
	for i := 0; i < len(seg); i++ {
		switch c := seg[i]; c {
		case '\\':
			if i+1 == len(seg) {
				return false // a trailing backslash: git matches nothing
			}
			i++
			b.WriteString(regexp.QuoteMeta(seg[i : i+1]))
		case '*':
			b.WriteString("[^/]*")
		case '?':
			b.WriteString("[^/]")
		case '[':
			end, ok := bracket(b, seg, i)
			if !ok {
				return false
			}
			i = end
		default:
			b.WriteString(regexp.QuoteMeta(seg[i : i+1]))
		}
	}
	return true
}

// bracket writes the class that starts at seg[open] ('[') and returns the index of its
// closing ']'; ok is false when it is not closed, a pattern git matches nothing with.
func bracket(b *strings.Builder, seg string, open int) (end int, ok bool) {
	var cls strings.Builder
	j := open + 1
	negate := j < len(seg) && (seg[j] == '!' || seg[j] == '^')
	if negate {
		j++
	}
	start := j
	for ; j < len(seg); j++ {
		c := seg[j]
		switch {
		case c == ']' && j > start:
			if negate {
				b.WriteString("[^/" + cls.String() + "]")
			} else {
				b.WriteString("[" + cls.String() + "]")
			}
			return j, true
		case c == '[' && j+1 < len(seg) && seg[j+1] == ':':
			k := strings.Index(seg[j+2:], ":]")
			if k < 0 {
				return 0, false
			}
			cls.WriteString(seg[j : j+2+k+2]) // [:alpha:], which RE2 knows too
			j += 2 + k + 1
		case c == '-' && j > start && j+1 < len(seg) && seg[j+1] != ']':
			cls.WriteByte('-') // a range
		case c == '\\' && j+1 < len(seg):
			j++
			classChar(&cls, seg[j])
		default:
			classChar(&cls, c)
		}
	}
	return 0, false
}

// classEnd returns the index of the ']' that closes the class opened at pat[open], or -1.
func classEnd(pat string, open int) int {
	j := open + 1
	if j < len(pat) && (pat[j] == '!' || pat[j] == '^') {
		j++
	}
	start := j
	for ; j < len(pat); j++ {
		switch {
		case pat[j] == ']' && j > start:
			return j
		case pat[j] == '[' && j+1 < len(pat) && pat[j+1] == ':':
			k := strings.Index(pat[j+2:], ":]")
			if k < 0 {
				return -1
			}
			j += 2 + k + 1
		case pat[j] == '\\':
			j++
		}
	}
	return -1
}

// classChar writes c as a literal inside a character class.
func classChar(cls *strings.Builder, c byte) {
	if strings.IndexByte(`\]-[^`, c) >= 0 {
		cls.WriteByte('\\')
	}
	cls.WriteByte(c)
}

// Match reports whether the patterns decide rel, a slash-separated path relative to the
// directory of their file, and whether they ignore it: the last pattern that matches wins.
func Match(ps []Pattern, rel string, isDir bool) (ignored, decided bool) {
	for i := len(ps) - 1; i >= 0; i-- {
		p := &ps[i]
		if p.dirOnly && !isDir {
			continue
		}
		if p.matches(rel) {
			return !p.negate, true
		}
	}
	return false, false
}

func (p *Pattern) matches(rel string) bool {
	name := rel
	if p.basename {
		name = rel[strings.LastIndexByte(rel, '/')+1:]
	}
	switch {
	case p.literal != "":
		return name == p.literal
	case p.suffix != "":
		return strings.HasSuffix(name, p.suffix)
	}
	return strings.Contains(name, p.needle) && p.re.MatchString(name)
}

// ReadFile returns the patterns of the file at path; a file that does not exist holds
// none.
func ReadFile(path string) ([]Pattern, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return Parse(data), nil
}

// A Matcher holds the pattern files in force during a depth-first walk: each applies to
// its directory and below. Push a directory's patterns when the walk enters it; Ignored
// forgets those of directories the walk has left.
type Matcher struct {
	frames []frame
}

type frame struct {
	dir      string // absolute, as the walk spells it
	patterns []Pattern
}

// Push adds the patterns that apply to dir (absolute) and below, above all earlier ones.
func (m *Matcher) Push(dir string, ps []Pattern) {
	if len(ps) > 0 {
		m.frames = append(m.frames, frame{dir: filepath.Clean(dir), patterns: ps})
	}
}

// Ignored reports whether path (absolute and clean, as filepath.WalkDir gives it) is
// ignored. Paths must come in walk order (depth first): the patterns of directories that
// do not hold path are dropped.
func (m *Matcher) Ignored(path string, isDir bool) bool {
	for len(m.frames) > 0 {
		if _, ok := below(m.frames[len(m.frames)-1].dir, path); ok {
			break
		}
		m.frames = m.frames[:len(m.frames)-1]
	}
	for i := len(m.frames) - 1; i >= 0; i-- {
		rel, _ := below(m.frames[i].dir, path)
		if ignored, decided := Match(m.frames[i].patterns, rel, isDir); decided {
			return ignored
		}
	}
	return false
}

// below returns path relative to dir, slash-separated, when path lies below dir.
func below(dir, path string) (string, bool) {
	prefix := dir
	if !strings.HasSuffix(prefix, string(filepath.Separator)) {
		prefix += string(filepath.Separator)
	}
	rel, ok := strings.CutPrefix(path, prefix)
	if !ok || rel == "" {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// ExcludeFile returns the info/exclude file of the repository whose work tree is root:
// root/.git/info/exclude, or, when .git is a file (a linked worktree or a submodule), the
// one in the git directory it names (its common directory for a worktree). It returns ""
// when root holds no .git.
func ExcludeFile(root string) string {
	dotGit := filepath.Join(root, ".git")
	fi, err := os.Stat(dotGit)
	switch {
	case err != nil:
		return ""
	case fi.IsDir():
		return filepath.Join(dotGit, "info", "exclude")
	}
	data, err := os.ReadFile(dotGit)
	if err != nil {
		return ""
	}
	gitDir, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir:")
	if !ok {
		return ""
	}
	gitDir = strings.TrimSpace(gitDir)
	if !filepath.IsAbs(gitDir) {
		gitDir = filepath.Join(root, gitDir)
	}
	if common, err := os.ReadFile(filepath.Join(gitDir, "commondir")); err == nil {
		c := strings.TrimSpace(string(common))
		if !filepath.IsAbs(c) {
			c = filepath.Join(gitDir, c)
		}
		gitDir = c
	}
	return filepath.Join(gitDir, "info", "exclude")
}
