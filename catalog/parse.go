package catalog

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Scope is a parsed scope string: Service.path[.path...].Operation.
type Scope struct {
	Text      string   // the text as written
	Service   string   // first segment
	Path      []string // middle segments: scope and sub-scopes
	Operation string   // last segment
	// Offsets holds the byte offset in Text of every segment:
	// Offsets[0] is the service, Offsets[1:len-1] the path, the last the operation.
	Offsets []int
}

// ParseErrorKind classifies why a string is not a scope.
type ParseErrorKind int

const (
	// KindMalformed: the text breaks the grammar (empty segment, stray character, ...).
	KindMalformed ParseErrorKind = iota
	// KindTemplate: the text holds a placeholder such as {module_API_name};
	// it is a template for scopes, not a scope, and is left alone.
	KindTemplate
)

// ParseError says what is wrong with a scope string and where.
type ParseError struct {
	Text   string
	Offset int // byte offset in Text of the problem
	Kind   ParseErrorKind
	Reason string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%q at offset %d: %s", e.Text, e.Offset, e.Reason)
}

// Is lets errors.Is(err, ErrTemplate) recognise templates.
func (e *ParseError) Is(target error) bool {
	return target == ErrTemplate && e.Kind == KindTemplate
}

// ErrTemplate matches (with errors.Is) the error Parse returns for a template.
var ErrTemplate = errors.New("scope template with placeholder")

// templateMarkers are substrings that make a string a template rather than a scope.
// {x} and {{x}} come from Zoho's docs, <x> and ${x} from READMEs and shell, %s from Sprintf.
var templateMarkers = []string{"{", "}", "<", ">", "${", "%s", "%v", "%d", "%q"}

// Parse parses Service.scope[.sub...].OPERATION. It checks the grammar only;
// whether the service, scope and operation exist is the catalog's question (Resolve).
func Parse(text string) (Scope, error) {
	fail := func(off int, reason string) (Scope, error) {
		return Scope{}, &ParseError{Text: text, Offset: off, Kind: KindMalformed, Reason: reason}
	}
	if text == "" {
		return fail(0, "empty scope")
	}
	for i := 0; i < len(text); i++ {
		if !strings.ContainsRune("{}<>$%", rune(text[i])) {
			continue
		}
		for _, m := range templateMarkers {
			if strings.HasPrefix(text[i:], m) {
				return Scope{}, &ParseError{Text: text, Offset: i, Kind: KindTemplate,
					Reason: "template placeholder " + m}
			}
		}
	}
	// Characters first, so that the offset names the first stray character.
	for i, r := range text {
		switch {
		case r == '.' || r == '_' || r == '-' || isASCIIAlnum(r):
		case r == utf8.RuneError:
			return fail(i, "invalid UTF-8")
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			return fail(i, "space inside scope")
		default:
			return fail(i, fmt.Sprintf("unexpected character %q", r))
		}
	}
	n := strings.Count(text, ".") + 1
	segs := make([]string, 0, n)
	offs := make([]int, 0, n)
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && text[i] != '.' {
			continue
		}
		if i == start {
			switch {
			case i == 0:
				return fail(0, "empty service name (leading '.')")
			case i == len(text):
				return fail(i, "missing operation (trailing '.')")
			default:
				return fail(i, "empty segment ('..')")
			}
		}
		segs = append(segs, text[start:i])
		offs = append(offs, start)
		start = i + 1
	}
	switch len(segs) {
	case 1:
		return fail(0, "not Service.scope.OPERATION: no '.'")
	case 2:
		if IsOperation(segs[1]) {
			return fail(0, "missing service name: want Service."+text)
		}
		return fail(len(text), "missing operation: want "+text+".OPERATION")
	}
	return Scope{
		Text:      text,
		Service:   segs[0],
		Path:      segs[1 : len(segs)-1],
		Operation: segs[len(segs)-1],
		Offsets:   offs,
	}, nil
}

func isASCIIAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// Operations are the operation words of SPEC §1, in canonical spelling.
var Operations = []string{"ALL", "READ", "CREATE", "UPDATE", "DELETE", "WRITE", "CUSTOM", "CREATE-UPDATE"}

// IsOperation reports whether s is an operation word, in any case.
func IsOperation(s string) bool {
	_, ok := canonicalOperation(s)
	return ok
}

func canonicalOperation(s string) (string, bool) {
	for _, op := range Operations {
		if strings.EqualFold(s, op) {
			return op, true
		}
	}
	return "", false
}

// IsNearOperation reports whether s is an operation word or a near miss of one
// (ALLL, REED, CREAT), the test the candidate rule of SPEC §2 applies to a last segment.
func IsNearOperation(s string) bool {
	if IsOperation(s) {
		return true
	}
	_, ok := nearestOperation(s, Operations)
	return ok
}

// opCovers reports whether operation a grants operation b on the same resource of svc:
// ALL grants everything, WRITE grants CREATE, UPDATE and DELETE where the service
// documents it so (Service.WriteAlias), CREATE-UPDATE (Zoho Campaigns and Marketing
// Automation) grants CREATE and UPDATE.
func opCovers(svc *Service, a, b string) bool {
	switch {
	case a == b:
		return true
	case a == "ALL":
		return true
	case a == "WRITE":
		return svc.WriteAlias && (b == "CREATE" || b == "UPDATE" || b == "DELETE" || b == "CREATE-UPDATE")
	case a == "CREATE-UPDATE":
		return b == "CREATE" || b == "UPDATE"
	}
	return false
}
