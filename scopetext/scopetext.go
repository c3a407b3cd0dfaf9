// Package scopetext finds scope sets inside one piece of text — a Go string constant, a YAML
// scalar, a .env value — and says exactly where each element lies. It knows the shapes scopes
// travel in (a comma or space joined list, the scope= parameter of a URL, a mention in prose)
// but not which strings are scopes: that is the rules engine's candidate rule.
package scopetext

import (
	"sort"
	"strings"
)

// Span is one element of a scope set.
type Span struct {
	Text       string // the element as the rules engine should judge it (URL-decoded)
	Start, End int    // its bytes in the raw text
	// SpaceJoined reports that only spaces or tabs separate the element from the one
	// before it in a list: "ZohoCRM.modules.ALL ZohoCRM.users.READ", which Zoho, wanting
	// commas, reads as one scope that does not exist.
	SpaceJoined bool
}

// InList reports whether the set is a plain list of scopes, which joins the set of an
// enclosing list (a []string literal, a YAML sequence, a JSON array).
func (s Set) InList() bool { return !s.URL && !s.Prose && !s.Header }

// Exact reports whether the raw bytes are the element itself, so that an edit to the
// element is an edit of raw[Start:End] (false for percent-encoded URL parameters).
func (s Span) Exact(raw string) bool { return raw[s.Start:s.End] == s.Text }

// Set is one scope set found in the text.
type Set struct {
	Spans []Span
	// ScopePosition reports that the set stands where scopes are expected (a URL's scope=
	// parameter, or the caller said so), which makes every element with three segments a
	// candidate.
	ScopePosition bool
	// URL reports that the set is the scope= parameter of a URL.
	URL bool
	// Prose reports that the set is a token of free text (a sentence, a URL), not a list:
	// an element of a larger list that is prose does not belong to that list's set.
	Prose bool
	// Header reports that the set is the value of an HTTP header line named like scope
	// ("scope: ZohoCRM.modules.ALL,ZohoCRM.users.READ", as PHP cURL header arrays write
	// it): in scope position, and a set of its own in a list of header lines.
	Header bool
}

// maxText bounds the text scanned; longer strings are data blobs, not configuration.
const maxText = 1 << 20

// Split finds the scope sets in raw. A text that is only a list of dotted tokens joined by
// commas or white space is one set; in any other text (prose, URLs, code) each token is
// looked at on its own, a comma-joined token being a set; the scope= parameter of a URL is
// always a set, in scope position. scopePos says the whole text stands in a scope position
// (a key or field named scope).
func Split(raw string, scopePos bool) []Set {
	if len(raw) > maxText || strings.IndexByte(raw, '.') < 0 && !scopePos {
		return nil
	}
	if s, ok := splitHeader(raw); ok {
		return []Set{s}
	}
	var sets []Set
	// Regions of raw not taken by a scope= parameter.
	rest := []region{{0, len(raw)}}
	if strings.Contains(raw, "scope=") {
		var params []region
		for _, p := range findScopeParams(raw) {
			params = append(params, region(p))
			if s := splitParam(raw, p.start, p.end); len(s.Spans) > 0 {
				sets = append(sets, s)
			}
		}
		rest = subtract(region{0, len(raw)}, params)
	}
	for _, r := range rest {
		if isList(raw[r.start:r.end]) {
			if s := splitList(raw, r.start, r.end, scopePos); len(s.Spans) > 0 {
				sets = append(sets, s)
			}
			continue
		}
		sets = append(sets, splitProse(raw, r.start, r.end)...)
	}
	sort.SliceStable(sets, func(i, j int) bool { return sets[i].Spans[0].Start < sets[j].Spans[0].Start })
	return sets
}

type region struct{ start, end int }

// splitHeader reads raw as one HTTP header line whose name says it holds scopes (scope,
// Scopes, X-Zoho-Scope) and whose value is a list of scopes: "scope: A,B" is the set {A, B}
// in scope position, where the text as a whole would be prose.
func splitHeader(raw string) (Set, bool) {
	i := 0
	for i < len(raw) && (raw[i] == ' ' || raw[i] == '\t') {
		i++
	}
	nameStart := i
	for i < len(raw) && (raw[i] >= 'a' && raw[i] <= 'z' || raw[i] >= 'A' && raw[i] <= 'Z' || raw[i] >= '0' && raw[i] <= '9' || raw[i] == '-' || raw[i] == '_') {
		i++
	}
	if i == nameStart || i >= len(raw) || raw[i] != ':' || !ScopeName(raw[nameStart:i]) {
		return Set{}, false
	}
	i++
	end := len(raw)
	for end > i && isSpace(raw[end-1]) {
		end--
	}
	if !isList(raw[i:end]) {
		return Set{}, false
	}
	s := splitList(raw, i, end, true)
	s.Header = true
	return s, len(s.Spans) > 0
}

func subtract(all region, cut []region) []region {
	var out []region
	pos := all.start
	for _, c := range cut {
		if c.start > pos {
			out = append(out, region{pos, c.start})
		}
		pos = c.end
	}
	if pos < all.end {
		out = append(out, region{pos, all.end})
	}
	return out
}

// scopeChar reports whether c can be part of a scope or of a scope template.
func scopeChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '.' || c == '_' || c == '-' || c == '{' || c == '}' || c == '<' || c == '>' || c == '$' || c == '%'
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// oidc are the standard OpenID Connect scopes, which may sit in a Zoho scope list.
var oidc = map[string]bool{"openid": true, "profile": true, "email": true, "address": true, "phone": true, "offline_access": true}

// IsOIDC reports whether s is a standard OpenID Connect scope.
func IsOIDC(s string) bool { return oidc[s] }

// isList reports whether text is nothing but dotted tokens (or OIDC scopes) joined by commas
// and white space.
func isList(text string) bool {
	sawToken := false
	for _, tok := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r < 0x80 && isSpace(byte(r)) }) {
		for i := 0; i < len(tok); i++ {
			if !scopeChar(tok[i]) {
				return false
			}
		}
		if strings.IndexByte(tok, '.') < 0 && !IsOIDC(tok) {
			return false
		}
		sawToken = true
	}
	return sawToken
}

// splitList splits raw[start:end] on commas and white space into one set.
func splitList(raw string, start, end int, scopePos bool) Set {
	s := Set{ScopePosition: scopePos}
	i := start
	for i < end {
		if n := separatorAt(raw, i, end); n > 0 {
			i += n
			continue
		}
		// A brace group is one element: ZohoCRM.settings.<name>.{READ,CREATE,UPDATE,DELETE}
		// names a family of scopes (a template, as zscopelint's own messages write it), and
		// its commas separate alternatives, not elements.
		j, depth := i, 0
		for j < end && (depth > 0 || separatorAt(raw, j, end) == 0) {
			switch raw[j] {
			case '{':
				depth++
			case '}':
				depth--
			}
			j++
		}
		sp := Span{Text: raw[i:j], Start: i, End: j}
		if n := len(s.Spans); n > 0 {
			gap := strings.ToUpper(raw[s.Spans[n-1].End:i])
			sp.SpaceJoined = !strings.ContainsAny(gap, ",\n\r") && !strings.Contains(gap, "%2C")
		}
		s.Spans = append(s.Spans, sp)
		i = j
	}
	return s
}

// separatorAt is the length of the list separator at raw[i] (before end): a comma, white
// space, or one percent-encoded ("%20" for a space, "%2C" for a comma: a list encoded for a
// URL by hand); 0 when there is none.
func separatorAt(raw string, i, end int) int {
	if c := raw[i]; c == ',' || isSpace(c) {
		return 1
	}
	if raw[i] == '%' && i+2 < end && (raw[i+1:i+3] == "20" || strings.EqualFold(raw[i+1:i+3], "2C")) {
		return 3
	}
	return 0
}

// splitProse looks at each token of free text on its own: a dotted token is a set of one,
// a comma-joined token a set of several.
func splitProse(raw string, start, end int) []Set {
	var sets []Set
	i := start
	for i < end {
		if !scopeChar(raw[i]) && raw[i] != ',' {
			i++
			continue
		}
		j := i
		for j < end && (scopeChar(raw[j]) || raw[j] == ',') {
			j++
		}
		// Sentence punctuation is not part of a token: "uses ZohoCRM.modules.ALL."
		k := j
		for k > i && (raw[k-1] == '.' || raw[k-1] == ',' || raw[k-1] == '-') {
			k--
		}
		t := i
		for t < k && (raw[t] == '.' || raw[t] == ',' || raw[t] == '-') {
			t++
		}
		if t < k && strings.IndexByte(raw[t:k], '.') >= 0 {
			if s := splitList(raw, t, k, false); len(s.Spans) > 0 {
				s.Prose = true
				sets = append(sets, s)
			}
		}
		i = j
	}
	return sets
}

type param struct{ start, end int } // the value's bytes

// findScopeParams finds the values of scope= query parameters (and scope= in prose, as
// Zoho's docs write it).
func findScopeParams(raw string) []param {
	var out []param
	from := 0
	for {
		i := strings.Index(raw[from:], "scope=")
		if i < 0 {
			return out
		}
		i += from
		from = i + len("scope=")
		if i > 0 {
			switch raw[i-1] {
			case '?', '&', ' ', '\t', '\n', '"', '\'', '(', '`':
			default:
				continue // client_scope=, myscope=
			}
		}
		j := paramEnd(raw, from)
		// A literal space inside the value (scope=ZohoCRM.modules.ALL ZohoCRM.users.READ&...)
		// ends a URL but not the list a developer wrote: a dotted word after it continues it.
		for j < len(raw) && (raw[j] == ' ' || raw[j] == '\t') {
			k := j
			for k < len(raw) && (raw[k] == ' ' || raw[k] == '\t') {
				k++
			}
			next := paramEnd(raw, k)
			if next == k || strings.IndexByte(raw[k:next], '.') < 0 {
				break
			}
			j = next
		}
		if j > from {
			out = append(out, param{from, j})
		}
		from = j
	}
}

// paramEnd is where a scope= value that starts at from ends: at the first byte no scope,
// comma or '+' is made of.
func paramEnd(raw string, from int) int {
	j := from
	for j < len(raw) && (scopeChar(raw[j]) || raw[j] == ',' || raw[j] == '+') {
		j++
	}
	return j
}

// splitParam decodes a scope= value and splits it on commas and spaces (a space being '+',
// "%20" or ' '), keeping raw offsets for every element.
func splitParam(raw string, start, end int) Set {
	s := Set{ScopePosition: true, URL: true}
	var text strings.Builder
	elemStart := -1
	comma := false // a comma separates the next element from the one before
	flush := func(at int) {
		if elemStart >= 0 {
			s.Spans = append(s.Spans, Span{Text: text.String(), Start: elemStart, End: at,
				SpaceJoined: len(s.Spans) > 0 && !comma})
			text.Reset()
			elemStart = -1
			comma = false
		}
	}
	for i := start; i < end; {
		c, n := raw[i], 1
		if c == '%' && i+2 < end && isHex(raw[i+1]) && isHex(raw[i+2]) {
			c, n = unhex(raw[i+1])<<4|unhex(raw[i+2]), 3
		} else if c == '+' {
			c = ' '
		}
		if c == ',' || isSpace(c) {
			flush(i)
			comma = comma || c == ','
		} else {
			if elemStart < 0 {
				elemStart = i
			}
			text.WriteByte(c)
		}
		i += n
	}
	flush(end)
	return s
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// RemovalRange returns the raw bytes to delete to drop element i from the set: the element
// and the separator before it (after it, for the first element), so that the list stays
// well formed.
func (s Set) RemovalRange(i int) (start, end int) {
	sp := s.Spans[i]
	switch {
	case len(s.Spans) == 1:
		return sp.Start, sp.End
	case i > 0:
		return s.Spans[i-1].End, sp.End
	default:
		return sp.Start, s.Spans[1].Start
	}
}

// ScopeName reports whether a key, field or variable name says it holds scopes:
// scope, scopes, oauthScopes, ZOHO_SCOPE.
func ScopeName(name string) bool { return scopeName(name) }

// ScopeNameIn is ScopeName over bytes.
func ScopeNameIn(name []byte) bool { return scopeName(name) }

func scopeName[T string | []byte](name T) bool {
	n := len(name)
	if n > 0 && name[n-1]|0x20 == 's' {
		n--
	}
	if n < len("scope") {
		return false
	}
	for k, c := range []byte("scope") {
		if name[n-len("scope")+k]|0x20 != c {
			return false
		}
	}
	return true
}
