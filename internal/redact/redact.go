package redact

import (
	"bytes"
	"strings"
	"sync"
)

// TokenPrefix starts every Zoho access, refresh and grant token.
const TokenPrefix = "1000."

const tokenPrefix = TokenPrefix

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

// text is what the recognisers read: a string, or a file's bytes without a copy.
type text interface{ string | []byte }

// index is strings.Index or bytes.Index, as s is.
func index[T text](s T, sub string) int {
	if v, ok := any(s).(string); ok {
		return strings.Index(v, sub)
	}
	return bytes.Index(any(s).([]byte), []byte(sub))
}

// indexByte is strings.IndexByte or bytes.IndexByte, as s is.
func indexByte[T text](s T, c byte) int {
	if v, ok := any(s).(string); ok {
		return strings.IndexByte(v, c)
	}
	return bytes.IndexByte(any(s).([]byte), c)
}

// indexPrefix finds the next "1000." at or after from. It jumps between dots with a
// vectorised IndexByte and looks back for "1000": in configuration and data files, where
// digits abound, a dot is several times rarer than a "1", the byte bytes.Index would jump on.
func indexPrefix[T text](s T, from int) int {
	start := from // the prefix starts here or later, so its dot is at start+4 or later
	from += len(tokenPrefix) - 1
	for from < len(s) {
		d := indexByte(s[from:], '.')
		if d < 0 {
			return -1
		}
		dot := from + d
		if dot-4 >= start && s[dot-4] == '1' && s[dot-3] == '0' && s[dot-2] == '0' && s[dot-1] == '0' {
			return dot - 4
		}
		from = dot + 1
	}
	return -1
}

// Tokens finds the token-shaped strings of s: "1000." + 32 hex + "." + 32 hex. With strict,
// only that exact shape in lower-case hex (what Zoho issues), not inside a longer word, and
// varied enough not to be a placeholder (1000.aaaa…) counts: that is a finding. Without it
// any case, any variety, longer hex runs and any neighbours count: that is something never
// to print.
func Tokens(s string, strict bool) []Span { return tokens(s, strict) }

// TokensIn is Tokens over bytes.
func TokensIn(b []byte, strict bool) []Span { return tokens(b, strict) }

func tokens[T text](s T, strict bool) []Span {
	var out []Span
	for from := 0; ; {
		i := indexPrefix(s, from)
		if i < 0 {
			return out
		}
		from = i + 1
		if end, ok := tokenAt(s, i, strict); ok {
			out = append(out, Span{i, end})
			from = end
		}
	}
}

// TokenAt reports whether a token-shaped string (Tokens without strict) starts at b[i]:
// what a prefilter asks at a "1000." before it says a text may hold a token.
func TokenAt(b []byte, i int) bool {
	_, ok := tokenAt(b, i, false)
	return ok
}

// tokenAt reports whether a token starts at s[i], which holds "1000.", and where it ends.
func tokenAt[T text](s T, i int, strict bool) (end int, ok bool) {
	if strict && i > 0 && isWordChar(s[i-1]) {
		return 0, false
	}
	j := i + len(tokenPrefix)
	a := hexRun(s, j, strict)
	if a != tokenHalf && (strict || a < tokenHalf) || j+a >= len(s) || s[j+a] != '.' {
		return 0, false
	}
	b := hexRun(s, j+a+1, strict)
	end = j + a + 1 + b
	// A dot after the token that ends a sentence ("the token is 1000.x.y.") is no
	// part of a longer word.
	sentenceEnd := end < len(s) && s[end] == '.' && (end+1 == len(s) || !isWordChar(s[end+1]))
	if strict && (b != tokenHalf || end < len(s) && isWordChar(s[end]) && !sentenceEnd) || b < tokenHalf {
		return 0, false
	}
	if strict && distinct(s[j:end]) < 8 {
		return 0, false
	}
	return end, true
}

// SecretKey reports whether a key names a client secret: its letters, without case and
// without the separators _ - . and spaces, contain "clientsecret" (client_secret,
// clientSecret, ZOHO_CLIENT_SECRET_PROD, zoho.client.secret), are "secret", or end in
// "zohosecret" (ZOHO_SECRET, my.zoho.secret). It is the one recogniser of secret keys:
// what the checks report (ZS301) and what output shortens are the same keys.
func SecretKey(key string) bool { return secretKey(key) }

// SecretKeyIn is SecretKey over bytes.
func SecretKeyIn(key []byte) bool { return secretKey(key) }

func secretKey[T text](key T) bool {
	if !holdsLettersOf(key, "secret") {
		return false // every shape holds them: most keys are told apart in one pass
	}
	if containsClientSecret(key) {
		return true
	}
	// Both other shapes end in "secret": most keys are told apart without reading further.
	i, ok := trimKeySuffix(key, len(key), "secret")
	if !ok {
		return false
	}
	if j, _ := trimKeySuffix(key, i, ""); j == 0 {
		return true // nothing but separators before it: "secret", "_secret"
	}
	_, ok = trimKeySuffix(key, i, "zoho")
	return ok
}

// holdsLettersOf reports whether key holds, in any case and order, every letter of the
// lower-case word.
func holdsLettersOf[T text](key T, word string) bool {
	var want, have uint32
	for i := 0; i < len(word); i++ {
		want |= 1 << (word[i] - 'a')
	}
	for i := 0; i < len(key); i++ {
		if c := key[i] | 0x20; c >= 'a' && c <= 'z' {
			have |= 1 << (c - 'a')
		}
	}
	return have&want == want
}

// isKeySeparator reports whether c is one of the separators keys are written with, which
// the recogniser ignores.
func isKeySeparator(c byte) bool { return c == '_' || c == '-' || c == '.' || c == ' ' }

// trimKeySuffix matches the lower-case suffix against key[:end] read backwards, without
// case and separators, and returns where the match starts in key. With an empty suffix it
// skips the separators before end.
func trimKeySuffix[T text](key T, end int, suffix string) (int, bool) {
	j := len(suffix)
	i := end
	for i > 0 {
		c := key[i-1]
		if isKeySeparator(c) {
			i--
			continue
		}
		if j == 0 {
			break
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suffix[j-1] {
			return i, false
		}
		i--
		j--
	}
	return i, j == 0
}

// containsClientSecret reports whether the key's letters, lower-cased and without
// separators, contain "clientsecret".
func containsClientSecret[T text](key T) bool {
	const want = "clientsecret"
	// Match want against the key's letters as they come, lower-cased and without
	// separators, restarting at each position: no copy of the key is made.
	for start := 0; start < len(key); start++ {
		k, i := 0, start
		for i < len(key) && k < len(want) {
			c := key[i]
			i++
			if isKeySeparator(c) {
				if k == 0 {
					break
				}
				continue
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != want[k] {
				break
			}
			k++
		}
		if k == len(want) {
			return true
		}
	}
	return false
}

// Assignment is a client secret written after its key: Key and Value are spans of the text.
type Assignment struct{ Key, Value Span }

// minSecretValue is the shortest value after a secret key that is shortened in output:
// shorter ones are placeholders or references (os.Getenv, ${VAR}).
const minSecretValue = 12

// Assignments finds values written after a client-secret key in free text: the key, then
// spaces, a closing quote or Markdown bold (**), ':' or '=' (or '=>'), an opening quote or
// bold, then a run of letters and digits. It serves lines of any language: YAML, JSON, .env, .properties, Go, JS, Python.
func Assignments(s string) []Assignment { return assignments(s) }

// AssignmentsIn is Assignments over bytes.
func AssignmentsIn(b []byte) []Assignment { return assignments(b) }

func assignments[T text](s T) []Assignment {
	var out []Assignment
	// "secret" as it is written in keys: secret, Secret, SECRET; found through "cret" and
	// "CRET" with vectorised searches (which jump to the first byte: c is four times rarer
	// than e in text), never through a lower-cased copy; e is where "ecret" or "ECRET" is.
	nextLower, nextUpper := -2, -2
	for from := 0; ; {
		if nextLower < from && nextLower != -1 {
			if nextLower = index(s[from:], "cret"); nextLower >= 0 {
				nextLower += from
			}
		}
		if nextUpper < from && nextUpper != -1 {
			if nextUpper = index(s[from:], "CRET"); nextUpper >= 0 {
				nextUpper += from
			}
		}
		c := nextLower
		if c < 0 || nextUpper >= 0 && nextUpper < c {
			c = nextUpper
		}
		if c < 0 {
			return out
		}
		from = c + 1
		e := c - 1
		if e < 1 || s[e] != s[c]-'c'+'e' || s[e-1] != 's' && s[e-1] != 'S' {
			continue
		}
		keyStart, keyEnd := wordAround(s, e-1, e+len("ecret"))
		if !secretKey(s[keyStart:keyEnd]) {
			continue
		}
		v := keyEnd
		sawSep := false
		for v < len(s) {
			c := s[v]
			// Quotes, and Markdown's bold around a key (- **Client Secret:** ...).
			if c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '`' || c == '*' {
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
		end := v
		for end < len(s) && isAlnum(s[end]) {
			end++
		}
		if end-v < minSecretValue {
			continue
		}
		out = append(out, Assignment{Key: Span{keyStart, keyEnd}, Value: Span{v, end}})
		from = max(from, end)
	}
}

// wordAround widens [start, end) to the key it is part of: letters, digits, _ - and .
func wordAround[T text](s T, start, end int) (int, int) {
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
	if line, ok := holds(data); ok {
		return line, true
	}
	// A token with escaped or URL-encoded dots, or in base64, is one too. The line is
	// that of the first encoded run; lines are counted in the original text. A text in
	// which neither search can find anything (the same tests they make first) is not
	// copied for them.
	if !mayDecode(data) && !mayHoldLooseSecret(data) {
		return 0, false
	}
	text := string(data)
	for _, d := range Decoded(text) {
		if len(Tokens(d, false)) > 0 {
			return 1 + bytes.Count(data[:firstDifference(text, d)], []byte("\n")), true
		}
	}
	if v := looseSecret(text); v >= 0 {
		return 1 + strings.Count(text[:v], "\n"), true
	}
	return 0, false
}

// firstDifference is where a and b first differ (the length of the shorter if one is a
// prefix of the other), clamped to a.
func firstDifference(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return i
}

func holds(data []byte) (line int, ok bool) {
	f := Find(data, true)
	first := -1
	if len(f.Tokens) > 0 {
		first = f.Tokens[0].Start
	}
	if as := f.Assignments; len(as) > 0 && (first < 0 || as[0].Value.Start < first) {
		first = as[0].Value.Start
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

// Found is what one scan of a text saw: token shapes of any case (Tokens with strict
// false) and, when asked for, values after client-secret keys.
type Found struct {
	Tokens      []Span
	Assignments []Assignment
}

// Find scans data once for what Remember, Holds and the credential checks need. secrets
// says whether to look for client-secret values too (two more passes over data).
func Find(data []byte, secrets bool) Found { return FindSome(data, true, secrets) }

// FindSome is Find for a caller that knows more: without tokens, data is known to hold no
// "1000." (a prefilter saw none), so the token pass would find nothing.
func FindSome(data []byte, tokens, secrets bool) Found {
	var f Found
	if tokens {
		f.Tokens = TokensIn(data, false)
	}
	if secrets {
		f.Assignments = AssignmentsIn(data)
	}
	return f
}

// Remember records the credentials data holds (tokens of any case, client-secret values).
func (r *Registry) Remember(data []byte) {
	r.Add(data, Find(data, true))
	if r == nil {
		return
	}
	for _, d := range Decoded(string(data)) {
		for _, t := range Tokens(d, false) {
			r.AddSecret(d[t.Start:t.End])
		}
	}
}

// Add records the credentials a scan of data found.
func (r *Registry) Add(data []byte, f Found) {
	if r == nil || len(f.Tokens) == 0 && len(f.Assignments) == 0 {
		return
	}
	var secrets []string
	for _, t := range f.Tokens {
		secrets = append(secrets, string(data[t.Start:t.End]))
	}
	for _, a := range f.Assignments {
		secrets = append(secrets, string(data[a.Value.Start:a.Value.End]))
	}
	r.AddSecret(secrets...)
}

// AddSecret records credentials the caller decoded (a ZS301 value, a value an extractor
// unquoted), with the forms they are written in: escaped and URL-encoded dots, base64.
func (r *Registry) AddSecret(secrets ...string) {
	if r == nil || len(secrets) == 0 {
		return
	}
	for _, s := range secrets {
		if strings.Contains(s, ".") || len(s) >= 30 {
			secrets = append(secrets, Encoded(s)...)
		}
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

func hexRun[T text](s T, at int, lowerOnly bool) int {
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

// Distinct counts the distinct bytes of s: how varied a value is, to tell a secret from a
// placeholder.
func Distinct(s string) int { return distinct(s) }

func distinct[T text](s T) int {
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
