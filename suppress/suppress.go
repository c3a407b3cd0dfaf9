// Package suppress reads zscopelint's inline suppression directives and decides which
// findings they silence:
//
//	//zscopelint:ignore ZS201,ZS202 the admin tool manages every module
//	# zscopelint:ignore ZS201 reason          (YAML, .env, Python, TOML, ...)
//	//zscopelint:file-ignore ZS105 generated from the vendor's list
//
// A directive on a line of its own applies to the next line; one after code applies to its
// own line; file-ignore applies to the whole file. A reason is required: a directive
// without one suppresses nothing. A directive that is malformed, or that suppressed nothing,
// is itself a finding (ZS002). The same code serves the Go analyzer (under go vet,
// golangci-lint and the command alike) and the config checker.
package suppress

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/zscopelint/zscopelint/catalog"
)

// Directive is one zscopelint comment.
type Directive struct {
	Line, Col int // where the directive comment starts (1-based)
	Target    int // the line it applies to; 0 for a file-ignore
	IDs       []string
	Reason    string
	Problem   string // why it is malformed; it then suppresses nothing
	used      bool
}

// nearVerb reports whether verb looks like a misspelt directive verb: within two edits of
// ignore or file-ignore, in any case.
func nearVerb(verb string) bool {
	v := strings.ToLower(verb)
	return v != "" && (catalog.Distance(v, "ignore", 2) <= 2 || catalog.Distance(v, "file-ignore", 2) <= 2)
}

// Problem is a ZS002 finding: a directive that is malformed or suppressed nothing.
type Problem struct {
	Line, Col int
	Message   string
}

const prefix = "zscopelint:"

// Parse reads a comment's text without its marker ("zscopelint:ignore ZS201 reason"). ok
// is false when the comment is no zscopelint directive. known says whether a check exists.
func Parse(text string, known func(string) bool) (d Directive, ok bool) {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, prefix) {
		return d, false
	}
	verb, rest, _ := strings.Cut(text[len(prefix):], " ")
	verb = strings.TrimSpace(verb)
	fields := strings.Fields(rest)
	switch {
	case verb == "ignore" || verb == "file-ignore":
	case nearVerb(verb):
		// A misspelt directive would silently suppress nothing: say so.
		d.Problem = fmt.Sprintf("unknown directive zscopelint:%s (want zscopelint:ignore or zscopelint:file-ignore)", verb)
		return d, true
	default:
		// "zscopelint: this package ...", "zscopelint:generated": prose about the tool,
		// not a directive.
		return d, false
	}
	if len(fields) == 0 {
		d.Problem = "directive names no check: write zscopelint:" + verb + " ZSnnn reason"
		return d, true
	}
	for _, id := range strings.Split(fields[0], ",") {
		id = strings.ToUpper(strings.TrimSpace(id))
		if id == "" {
			continue
		}
		if !known(id) {
			d.Problem = fmt.Sprintf("directive names unknown check %q", id)
			return d, true
		}
		d.IDs = append(d.IDs, id)
	}
	if len(d.IDs) == 0 {
		d.Problem = "directive names no check"
		return d, true
	}
	d.Reason = strings.Join(fields[1:], " ")
	if d.Reason == "" {
		d.Problem = "directive gives no reason, so it suppresses nothing: add why after the check IDs"
	}
	if verb == "file-ignore" {
		d.Target = -1
	}
	return d, true
}

// Set is the directives of one file.
type Set struct{ dirs []*Directive }

// Add records a directive found at line and column. alone says the comment is the only
// thing on its line, so that it applies to the next line.
func (s *Set) Add(d Directive, line, col int, alone bool) {
	d.Line, d.Col = line, col
	switch {
	case d.Target == -1:
		d.Target = 0
	case alone:
		d.Target = line + 1
	default:
		d.Target = line
	}
	s.dirs = append(s.dirs, &d)
}

// Len is the number of directives.
func (s *Set) Len() int { return len(s.dirs) }

// Suppressed reports whether a finding of check id at line is silenced, and marks the
// directives that silence it as used.
func (s *Set) Suppressed(id string, line int) bool {
	hit := false
	for _, d := range s.dirs {
		if d.Problem != "" || (d.Target != 0 && d.Target != line) {
			continue
		}
		for _, x := range d.IDs {
			if x == id {
				d.used = true
				hit = true
			}
		}
	}
	return hit
}

// Problems returns the malformed directives, and those that suppressed nothing although
// every check they name ran (enabled), in file order.
func (s *Set) Problems(enabled func(string) bool) []Problem {
	var out []Problem
	for _, d := range s.dirs {
		switch {
		case d.Problem != "":
			out = append(out, Problem{d.Line, d.Col, d.Problem})
		case !d.used && allEnabled(d.IDs, enabled):
			what := "the next line"
			switch {
			case d.Target == 0:
				what = "this file"
			case d.Target == d.Line:
				what = "this line"
			}
			out = append(out, Problem{d.Line, d.Col, fmt.Sprintf("directive suppressed nothing: no %s finding on %s; remove it", strings.Join(d.IDs, " or "), what)})
		}
	}
	return out
}

func allEnabled(ids []string, enabled func(string) bool) bool {
	for _, id := range ids {
		if !enabled(id) {
			return false
		}
	}
	return true
}

// Markers are the comment openers the text scanner recognises.
var Markers = []string{"//", "#", "/*", "<!--"}

// ScanText finds directives in a file that is not Go, line by line: a comment marker,
// optional space, then zscopelint:. Closing markers (*/, -->) are dropped from the reason.
func ScanText(data []byte, known func(string) bool) *Set {
	s := &Set{}
	if !bytes.Contains(data, []byte(prefix)) {
		return s
	}
	line := 0
	for off := 0; off < len(data); {
		line++
		end := len(data)
		if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
			end = off + i
		}
		s.ScanLine(data[off:end], line, known)
		off = end + 1
	}
	return s
}

// ScanLine adds the directive of one line of a file that is not Go, as ScanText finds it,
// numbered line: for a reader that sees a file a window at a time.
func (s *Set) ScanLine(data []byte, line int, known func(string) bool) {
	if !bytes.Contains(data, []byte(prefix)) {
		return
	}
	text := string(data)
	at := strings.Index(text, prefix)
	before := strings.TrimRight(text[:at], " \t")
	marker := ""
	for _, m := range Markers {
		if strings.HasSuffix(before, m) && len(m) > len(marker) {
			marker = m
		}
	}
	if marker == "" {
		return
	}
	body := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(text[at:]), "*/"), "-->")
	d, ok := Parse(body, known)
	if !ok {
		return
	}
	start := len(before) - len(marker)
	alone := strings.TrimSpace(text[:start]) == ""
	s.Add(d, line, start+1, alone)
}
