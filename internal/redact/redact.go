package redact

import (
	"bytes"
	"strings"
	"sync"
)

// tokenPrefix starts every Zoho access, refresh and grant token.
const tokenPrefix = "1000."

// tokenHalf is the length of each hex part of a token.
const tokenHalf = 32

// Short shortens one secret to a recognisable prefix: "1000.3f2a…" for a token, three
// characters for anything else, stars for what is too short to keep any of.
func Short(secret string) string {
	keep := 3
	if strings.HasPrefix(secret, tokenPrefix) {
		keep = len(tokenPrefix) + 4
	}
	if len(secret) <= keep {
		return strings.Repeat("*", len(secret))
	}
	return secret[:keep] + "…"
}

// Span is bytes [Start, End) of a text.
type Span struct{ Start, End int }

// Tokens finds the token-shaped strings of s: "1000." + 32 hex + "." + 32 hex. With strict,
// only that exact shape in lower-case hex (what Zoho issues), not inside a longer word, and
// varied enough not to be a placeholder (1000.aaaa…) counts: that is a finding. Without it
// any case, any variety, longer hex runs and any neighbours count: that is something never
// to print.
func Tokens(s string, strict bool) []Span {
	var out []Span
	for from := 0; ; {
		i := strings.Index(s[from:], tokenPrefix)
		if i < 0 {
			return out
		}
		i += from
		from = i + 1
		if strict && i > 0 && isWordChar(s[i-1]) {
			continue
		}
		j := i + len(tokenPrefix)
		a := hexRun(s, j, strict)
		if a != tokenHalf && (strict || a < tokenHalf) || j+a >= len(s) || s[j+a] != '.' {
			continue
		}
		b := hexRun(s, j+a+1, strict)
		end := j + a + 1 + b
		if strict && (b != tokenHalf || end < len(s) && isWordChar(s[end])) || b < tokenHalf {
			continue
		}
		if strict && distinct(s[j:end]) < 8 {
			continue
		}
		out = append(out, Span{i, end})
		from = end
	}
}

// SecretKey reports whether a key names a client secret: its letters, without case and
// without the separators _ - . and spaces, contain "clientsecret" (client_secret,
// clientSecret, ZOHO_CLIENT_SECRET_PROD, zoho.client.secret).
func SecretKey(key string) bool {
	return strings.Contains(normKey(key), "clientsecret")
}

func normKey(key string) string {
	var b strings.Builder
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == '_' || c == '-' || c == '.' || c == ' ':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Assignment is a client secret written after its key: Key and Value are spans of the text.
type Assignment struct{ Key, Value Span }

// minSecretValue is the shortest value after a secret key that is shortened in output:
// shorter ones are placeholders or references (os.Getenv, ${VAR}).
const minSecretValue = 12

// Assignments finds values written after a client-secret key in free text: the key, then
// spaces, a closing quote, ':' or '=' (or '=>'), an opening quote, then a run of letters and
// digits. It serves lines of any language: YAML, JSON, .env, .properties, Go, JS, Python.
func Assignments(s string) []Assignment {
	var out []Assignment
	lower := asciiLower(s)
	for from := 0; ; {
		i := strings.Index(lower[from:], "secret")
		if i < 0 {
			return out
		}
		i += from
		from = i + len("secret")
		keyStart, keyEnd := wordAround(s, i, i+len("secret"))
		if !SecretKey(s[keyStart:keyEnd]) {
			continue
		}
		v := keyEnd
		sawSep := false
		for v < len(s) {
			c := s[v]
			if c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '`' {
				v++
				continue
			}
			if !sawSep && (c == ':' || c == '=') {
				sawSep = true
				v++
				if v < len(s) && s[v] == '>' {
					v++
				}
				continue
			}
			break
		}
		if !sawSep {
			continue
		}
		e := v
		for e < len(s) && isAlnum(s[e]) {
			e++
		}
		if e-v < minSecretValue {
			continue
		}
		out = append(out, Assignment{Key: Span{keyStart, keyEnd}, Value: Span{v, e}})
		from = e
	}
}

// wordAround widens [start, end) to the key it is part of: letters, digits, _ - and .
func wordAround(s string, start, end int) (int, int) {
	for start > 0 && isKeyChar(s[start-1]) {
		start--
	}
	for end < len(s) && isKeyChar(s[end]) {
		end++
	}
	return start, end
}

// Holds reports whether data holds anything shaped like a credential (a token of any case,
// a value after a client-secret key), and the 1-based line of the first one. A diff of
// such a file would print it in its context lines, so no fix is offered in it.
func Holds(data []byte) (line int, ok bool) {
	first := -1
	if i := bytes.Index(data, []byte(tokenPrefix)); i >= 0 {
		// Only the part from the first candidate on is converted.
		if ts := Tokens(string(data[i:]), false); len(ts) > 0 {
			first = i + ts[0].Start
		}
	}
	if hasFold(data, "secret") {
		if as := Assignments(string(data)); len(as) > 0 && (first < 0 || as[0].Value.Start < first) {
			first = as[0].Value.Start
		}
	}
	if first < 0 {
		return 0, false
	}
	return 1 + bytes.Count(data[:first], []byte("\n")), true
}

// Registry remembers the credentials seen in inputs, so that pieces of them are
// recognised in output even when nothing around them says what they are.
type Registry struct {
	mu     sync.RWMutex
	pieces map[string]bool // every pieceLen-byte window of every remembered credential
}

// pieceLen is the length of the windows remembered: long enough that an ordinary word or
// identifier never matches one, short enough to catch a message that quotes half a token.
const pieceLen = 16

// Remember records the credentials data holds (tokens of any case, client-secret values).
func (r *Registry) Remember(data []byte) {
	if r == nil {
		return
	}
	var secrets []string
	if i := bytes.Index(data, []byte(tokenPrefix)); i >= 0 {
		s := string(data[i:])
		for _, t := range Tokens(s, false) {
			secrets = append(secrets, s[t.Start:t.End])
		}
	}
	if hasFold(data, "secret") {
		s := string(data)
		for _, a := range Assignments(s) {
			secrets = append(secrets, s[a.Value.Start:a.Value.End])
		}
	}
	if len(secrets) == 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pieces == nil {
		r.pieces = map[string]bool{}
	}
	for _, s := range secrets {
		for i := 0; i+pieceLen <= len(s); i++ {
			r.pieces[s[i:i+pieceLen]] = true
			// Upper-cased too: a directive parser upper-cases what it reads.
			r.pieces[strings.ToUpper(s[i:i+pieceLen])] = true
		}
	}
}

// Text returns s with every credential shape in it shortened: String without remembered
// credentials, for output that no command-wide Writer sees (diagnostics under go vet).
func Text(s string) string { return (*Registry)(nil).String(s) }

// String returns s with every credential in it shortened (see the package doc).
func (r *Registry) String(s string) string {
	var spans []Span
	for _, t := range Tokens(s, false) {
		spans = append(spans, Span{t.Start + len(tokenPrefix) + 4, t.End})
	}
	for _, a := range Assignments(s) {
		spans = append(spans, Span{a.Value.Start + 3, a.Value.End})
	}
	spans = append(spans, r.known(s)...)
	if len(spans) == 0 {
		return s
	}
	return cut(s, spans)
}

// known finds the stretches of s made of remembered pieces; each keeps its first three bytes.
func (r *Registry) known(s string) []Span {
	if r == nil || len(s) < pieceLen {
		return nil
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	if len(r.pieces) == 0 {
		return nil
	}
	var out []Span
	for i := 0; i+pieceLen <= len(s); i++ {
		if !r.pieces[s[i:i+pieceLen]] {
			continue
		}
		end := i + pieceLen
		for end < len(s) && r.pieces[s[end-pieceLen+1:end+1]] {
			end++
		}
		keep := 3
		if strings.HasPrefix(s[i:], tokenPrefix) {
			keep = len(tokenPrefix) + 4
		}
		out = append(out, Span{i + keep, end})
		i = end - 1
	}
	return out
}

// cut replaces each span of s with "…"; overlapping and touching spans become one.
func cut(s string, spans []Span) string {
	// Insertion sort: a line holds few.
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j].Start < spans[j-1].Start; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(spans); {
		start, end := spans[i].Start, spans[i].End
		for i++; i < len(spans) && spans[i].Start <= end; i++ {
			end = max(end, spans[i].End)
		}
		start = max(start, last)
		b.WriteString(s[last:start])
		b.WriteString("…")
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}

func hexRun(s string, at int, lowerOnly bool) int {
	n := 0
	for at+n < len(s) && isHex(s[at+n], lowerOnly) {
		n++
	}
	return n
}

func isHex(c byte, lowerOnly bool) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || !lowerOnly && c >= 'A' && c <= 'F'
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isWordChar(c byte) bool { return isAlnum(c) || c == '_' || c == '.' }

func isKeyChar(c byte) bool { return isAlnum(c) || c == '_' || c == '-' || c == '.' }

func distinct(s string) int {
	var seen [256]bool
	n := 0
	for i := 0; i < len(s); i++ {
		if !seen[s[i]] {
			seen[s[i]] = true
			n++
		}
	}
	return n
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// hasFold reports whether data contains the lower-case ASCII word in any case.
func hasFold(data []byte, word string) bool {
	first := [2]byte{word[0], word[0] - 'a' + 'A'}
	for _, c := range first {
		for from := 0; ; {
			i := bytes.IndexByte(data[from:], c)
			if i < 0 {
				break
			}
			i += from
			if i+len(word) <= len(data) && bytes.EqualFold(data[i:i+len(word)], []byte(word)) {
				return true
			}
			from = i + 1
		}
	}
	return false
}
