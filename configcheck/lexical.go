package configcheck

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/scopetext"
	"github.com/zscopelint/zscopelint/srclex"
)

// lexicalSets scans a source file of another language without parsing it: string literals
// ('...', "...", `...`) are split like any text; string literals separated only by commas
// and white space (an array literal) are one scope set; a literal after a scope-named key
// (scope: "...", $scope = '...', "scopes": [...]) is in scope position; text outside
// literals (HTML, TOML and .properties values) is read as prose, so only candidates count.
// Comments (//, /* */, #, <!-- -->) are skipped.
//
// Only runs of literals and stretches of text that contain a needle are decoded and split:
// in a large source file with one scope list, the rest costs a scan for quotes.
//
// JavaScript/TypeScript and Python files are read through their language's lexer
// (srclex.Regions): its comments and literals, Python's prefixed and triple-quoted strings
// and raw strings, a template literal whose holes hold calls or templates, and no quote in
// a regular expression taken for a string.
func lexicalSets(data []byte, pf *prefilter, lang srclex.Lang) extraction {
	l := &lexer{data: data, pf: pf}
	eachScopeWord(data, func(off int) bool { l.scopeWords = append(l.scopeWords, off); return true })
	sort.Ints(l.scopeWords)
	if lang == srclex.JS || lang == srclex.Python {
		l.scanRegions(srclex.Regions(lang, data))
	} else {
		l.scan()
	}
	l.markSpaceJoins()
	return l.extraction
}

// runSet is a set made of a run of literals: its index in sets, the name the run is
// assigned to and its bytes, for markSpaceJoins.
type runSet struct {
	set        int
	key        string
	start, end int
}

// A literal of spaces only, in any quote: what a list is joined with to make one string
// of space-joined scopes.
const spaceLiteral = "(?:'[ \t]+'|\"[ \t]+\"|`[ \t]+`)"

var (
	// An array literal joined where it stands: [...].join(' ') (JavaScript).
	joinedAfterRE = regexp.MustCompile(`^[\s,]*\]\s*\.join\(\s*` + spaceLiteral + `\s*\)`)
	// A list literal joined where it stands: " ".join([...]) (Python), implode(' ', [...]) (PHP).
	joinedBeforeRE = regexp.MustCompile(`(?:` + spaceLiteral + `\s*\.join\(\s*[\[(]|implode\(\s*` + spaceLiteral + `\s*,\s*(?:\[|array\())\s*$`)
	// A named list joined: scopes.join(' ') (JavaScript), " ".join(settings.SCOPES)
	// (Python), implode(' ', $this->scopes) (PHP); the last part of the name is captured.
	joinedNameRE = regexp.MustCompile(`([A-Za-z_$][\w$]*)\s*\.join\(\s*` + spaceLiteral + `\s*\)` +
		`|` + spaceLiteral + `\s*\.join\(\s*(?:[\w.]*\.)?([A-Za-z_]\w*)\s*\)` +
		`|implode\(\s*` + spaceLiteral + `\s*,\s*\$(?:this->)?(\w+)\s*\)`)
)

// markSpaceJoins marks the elements of a list that the file joins with a space into one
// string, as the elements of one space-joined string are (ZS302): the list literal
// joined where it stands, or a list assigned to a name that the file joins.
func (l *lexer) markSpaceJoins() {
	if len(l.runs) == 0 || !bytes.Contains(l.data, []byte("join(")) && !bytes.Contains(l.data, []byte("implode(")) {
		return
	}
	names := joinedNames(l.data)
	for _, r := range l.runs {
		joined := names[lastNamePart(r.key)] ||
			joinedAfterRE.Match(l.data[r.end:min(len(l.data), r.end+64)]) ||
			joinedBeforeRE.Match(l.data[max(0, r.start-64):r.start])
		if !joined {
			continue
		}
		ls := &l.sets[r.set]
		for i := 1; i < len(ls.items); i++ {
			ls.items[i].spaceJoined = true
			ls.set.Items[i].SpaceJoined = true
		}
	}
}

// lastNamePart is the last part of a variable, field or key name: scopes of this.scopes,
// $scopes or settings.ZOHO_SCOPES (ZOHO_SCOPES); "" for none.
func lastNamePart(key string) string {
	key = strings.TrimPrefix(key, "$")
	if i := strings.LastIndexAny(key, ".>"); i >= 0 {
		key = key[i+1:]
	}
	return key
}

// scanRegions reads a file as its lexer split it: literals, comments skipped, and the code
// between them as prose.
func (l *lexer) scanRegions(regions []srclex.Region) {
	textStart := 0
	for _, r := range regions {
		l.prose(textStart, r.Start)
		if r.Kind == srclex.StringRegion {
			l.addLiteral(literalTok{start: r.Start, end: r.End, contentStart: r.ContentStart, contentEnd: r.ContentEnd,
				raw: r.Raw, holes: templateHoles(r)})
		} else {
			l.skipComment(r.Start, r.End)
		}
		textStart = r.End
	}
	l.prose(textStart, len(l.data))
	l.flush()
}

// templateHoles are a template literal's holes, which decode replaces; other strings'
// holes (f-strings) are read as they are written.
func templateHoles(r srclex.Region) []srclex.Part {
	if !r.Template {
		return nil
	}
	var out []srclex.Part
	for _, p := range r.Holes {
		if p.IsHole {
			out = append(out, p)
		}
	}
	return out
}

type lexer struct {
	extraction
	data  []byte
	pf    *prefilter
	inRun bool // a run of literals is being collected
	// runKey is the name the run of literals is assigned to ("" for none).
	runKey   string
	lastEnd  int // where the last literal of the run ended
	literals []literalTok
	// scopeWords are the offsets of the words that end a scope-named key (eachScopeWord),
	// found once for the file: runs and stretches of text are many.
	scopeWords []int
	runs       []runSet // the sets made of runs of literals
}

// holds reports whether data[start:end] is to be read for scope sets and URLs: it holds a
// needle, or a scope-named key followed by a text the engine completes (scopeKeyHit), such as
// a scope= parameter in a URL or ZOHO_SCOPE=modules.leads.READ in a Dockerfile.
func (l *lexer) holds(start, end int) bool {
	if l.pf.holds(l.data[start:end]) {
		return true
	}
	for i := sort.SearchInts(l.scopeWords, start); i < len(l.scopeWords) && l.scopeWords[i] < end; i++ {
		if l.pf.completedAfter(l.data, l.scopeWords[i], end) {
			return true
		}
	}
	return false
}

// literalTok is one literal of a run: its bytes and the items it added; its contents
// (between its quotes), whether its escapes are left as written, and a template literal's
// holes.
type literalTok struct {
	start, end, firstItem, nItems int
	contentStart, contentEnd      int
	raw                           bool
	holes                         []srclex.Part
}

func (l *lexer) scan() {
	d := l.data
	textStart := 0
	for i := 0; i < len(d); {
		c := d[i]
		switch {
		case c == '"' || c == '\'' || c == '`':
			l.prose(textStart, i)
			end := l.literal(i)
			i, textStart = end, end
		case c == '/' && i+1 < len(d) && d[i+1] == '/' && (i == 0 || d[i-1] != ':'): // not https://
			l.prose(textStart, i)
			end := skipTo(d, i, "\n")
			l.skipComment(i, end)
			i, textStart = end, end
		case c == '/' && i+1 < len(d) && d[i+1] == '*':
			l.prose(textStart, i)
			end := skipTo(d, i+2, "*/")
			l.skipComment(i, end)
			i, textStart = end, end
		case c == '<' && i+3 < len(d) && string(d[i:i+4]) == "<!--":
			l.prose(textStart, i)
			i = skipTo(d, i+4, "-->")
			textStart = i
		case c == '#' && (i == 0 || d[i-1] == ' ' || d[i-1] == '\t' || d[i-1] == '\n'):
			l.prose(textStart, i)
			end := skipTo(d, i, "\n")
			l.skipComment(i, end)
			i, textStart = end, end
		default:
			i++
		}
	}
	l.prose(textStart, len(d))
	l.flush()
}

// skipTo returns the offset just past the first end marker at or after from (or the end).
func skipTo(d []byte, from int, end string) int {
	for i := from; i+len(end) <= len(d); i++ {
		if string(d[i:i+len(end)]) == end {
			if end == "\n" {
				return i // the newline stays text
			}
			return i + len(end)
		}
	}
	return len(d)
}

// literal finds the end of the string literal starting at quote start, adds it to the
// current run and returns where it ends. Its contents are decoded when the run ends.
func (l *lexer) literal(start int) int {
	d := l.data
	q := d[start]
	var holes []srclex.Part
	var end, contentEnd int
	if q == '`' {
		// A template literal ends at its closing backquote, whatever its holes hold
		// (`${f(`x`)}`).
		var t srclex.Token
		t, end = srclex.StringAt(srclex.JS, d, start)
		for _, p := range t.Parts {
			if p.IsHole {
				holes = append(holes, p)
			}
		}
		contentEnd = end
		if end > start+1 && d[end-1] == '`' {
			contentEnd = end - 1
		}
	} else {
		i := start + 1
		for i < len(d) && d[i] != q && d[i] != '\n' { // an unterminated literal ends with its line
			if d[i] == '\\' && i+1 < len(d) {
				i++
			}
			i++
		}
		end, contentEnd = min(i+1, len(d)), i
	}
	l.addLiteral(literalTok{start: start, end: end, contentStart: start + 1, contentEnd: contentEnd, holes: holes})
	return end
}

// skipComment passes over a comment at [start, end): a comment between the elements of a
// list (a trailing # note after an element) does not end its run of literals.
func (l *lexer) skipComment(start, end int) {
	if l.inRun && onlySeparators(l.data[l.lastEnd:start]) {
		l.lastEnd = end
	}
}

// addLiteral adds a literal to the current run, or starts a run with it.
func (l *lexer) addLiteral(t literalTok) {
	d := l.data
	start, end := t.start, t.end
	// Does this literal continue a run (only commas and white space since the last)?
	if l.inRun && !onlySeparators(d[l.lastEnd:start]) {
		l.flush()
	}
	if !l.inRun {
		l.inRun = true
		l.runKey = keyBefore(d, start)
		if l.runKey == "" {
			l.runKey = fallbackKey(d, start)
		}
	}
	l.literals = append(l.literals, t)
	l.lastEnd = end
}

// decode returns a literal's contents with the file offset of each byte.
func (l *lexer) decode(t literalTok) (string, []int) {
	d := l.data
	var buf []byte
	var offs []int
	i := t.contentStart
	holes := t.holes
	for i < t.contentEnd {
		if len(holes) > 0 && i == holes[0].Off {
			// A hole is filled at run time: it stands as ${name} (${expr} for more than a
			// name), so that no bracket or space inside it ends a URL around it.
			for _, c := range []byte(holeText(holes[0].Hole)) {
				buf = append(buf, c)
				offs = append(offs, i)
			}
			i = holes[0].End
			holes = holes[1:]
			continue
		}
		if d[i] == '\\' && i+1 < t.contentEnd && !t.raw {
			// An escape is decoded (JS, TS, Python, PHP, Java share these), so that
			// 'attendance.READ\n' ends in a newline, not in "READn"; every byte it yields
			// is placed at the backslash.
			r, n := srclex.Unescape(d[i+1:])
			before := len(buf)
			buf = utf8.AppendRune(buf, r)
			for range len(buf) - before {
				offs = append(offs, i)
			}
			i += 1 + n
			continue
		}
		buf = append(buf, d[i])
		offs = append(offs, i)
		i++
	}
	return string(buf), append(offs, min(i, t.contentEnd))
}

// holeText is how a template literal's hole reads in its decoded value: ${name} for a name
// or a.b.c, ${expr} for anything else.
func holeText(toks []srclex.Token) string {
	name := ""
	for i, t := range toks {
		if i%2 == 0 && t.Kind != srclex.Ident || i%2 == 1 && !t.Is(".") {
			return "${expr}"
		}
		name += t.Text
	}
	if name == "" || len(toks)%2 == 0 {
		return "${expr}"
	}
	return "${" + name + "}"
}

func onlySeparators(b []byte) bool {
	for _, c := range b {
		if c != ',' && c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// flush ends the current run of literals as one set, if it mentions a needle.
func (l *lexer) flush() {
	lits := l.literals
	l.inRun, l.literals = false, nil
	if len(lits) == 0 {
		return
	}
	keyOf := l.fallbackArgs(lits)
	// A run under a scope-named key is in scope position whatever it holds: the engine
	// completes modules.leads.READ there.
	if !scopetext.ScopeName(l.runKey) && !l.holds(lits[0].start, lits[len(lits)-1].end) {
		// No scope here, but a literal under a secret key may be a secret (tokens are found
		// by the file's credential sweep).
		for i, t := range lits {
			if key := keyOf(i); redact.SecretKey(key) {
				value, offs := l.decode(t)
				l.texts = append(l.texts, textAt(value, key, func(k int) int { return offs[k] }))
			}
		}
		return
	}
	list := &locSet{}
	listAll := true
	for i := range lits {
		t := &lits[i]
		value, offs := l.decode(*t)
		at := func(k int) int { return offs[k] }
		l.texts = append(l.texts, textAt(value, keyOf(i), at))
		t.firstItem = len(list.items)
		listElement(value, list, &l.sets, &listAll, func(into *locSet, s scopetext.Set) {
			into.addSplit(s, value, l.data, at)
		})
		t.nItems = len(list.items) - t.firstItem
	}
	if len(list.items) == 0 {
		return
	}
	// In a run of several literals, a literal that is one scope goes with its comma, as an
	// element of an array literal.
	toks := make([]span, len(lits))
	for i, t := range lits {
		toks[i] = span{t.start, t.end}
	}
	for i, t := range lits {
		if len(lits) >= 2 && t.nItems == 1 {
			r := elementRemoval(toks, i)
			list.items[t.firstItem].remove = &r
		}
	}
	list.set.ScopePosition = scopetext.ScopeName(l.runKey) && listAll
	l.runs = append(l.runs, runSet{set: len(l.sets), key: l.runKey, start: lits[0].start, end: lits[len(lits)-1].end})
	l.sets = append(l.sets, *list)
}

// fallbackArgs gives the key each literal of a run is assigned to: the run's key, except in
// a call whose first argument names an environment variable or setting and whose second is
// its default (Laravel env('ZOHO_CLIENT_SECRET', '...'), Python os.getenv("X", "...") and
// os.environ.get("X", "...")): the default is what the named key holds when it is unset,
// so it is assigned to that name.
func (l *lexer) fallbackArgs(lits []literalTok) func(i int) string {
	runKey := func(int) string { return l.runKey }
	if len(lits) < 2 || redact.SecretKey(l.runKey) {
		return runKey
	}
	i := lits[0].start - 1
	for i >= 0 && (l.data[i] == ' ' || l.data[i] == '\t') {
		i--
	}
	if i < 0 || l.data[i] != '(' {
		return runKey
	}
	name, _ := l.decode(lits[0])
	if !isKeyName(name) {
		return runKey
	}
	return func(i int) string {
		if i == 0 {
			return l.runKey
		}
		return name
	}
}

// isKeyName reports whether s reads as the name of a variable or setting (ZOHO_CLIENT_SECRET,
// zoho.client_secret): letters, digits, _ - and dots, and no spaces.
func isKeyName(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isWordByte(c) && c != '-' && c != '.' {
			return false
		}
	}
	return s != ""
}

// fallbackKey returns the name whose value a literal at start replaces when it is unset:
// the name before ?? or || (TypeScript process.env.ZOHO_CLIENT_SECRET ?? "...") or Python's
// or (os.environ["X"] or "..." is not read: a name must stand there); else "".
func fallbackKey(d []byte, start int) string {
	i := start - 1
	for i >= 0 && (d[i] == ' ' || d[i] == '\t') {
		i--
	}
	switch {
	case i >= 1 && (d[i] == '?' && d[i-1] == '?' || d[i] == '|' && d[i-1] == '|'):
		i -= 2
	case i >= 2 && d[i] == 'r' && d[i-1] == 'o' && d[i-2] == ' ':
		i -= 2
	default:
		return ""
	}
	for i >= 0 && (d[i] == ' ' || d[i] == '\t') {
		i--
	}
	end := i + 1
	for i >= 0 && (isWordByte(d[i]) || d[i] == '$' || d[i] == '.') {
		i--
	}
	return string(d[i+1 : end])
}

// prose reads text outside literals; only candidates there count.
func (l *lexer) prose(start, end int) {
	if start >= end {
		return
	}
	d := l.data
	if !onlySeparators(d[start:end]) {
		l.flush()
	}
	if !l.holds(start, end) {
		return
	}
	text := string(d[start:end])
	at := func(k int) int { return start + k }
	l.texts = append(l.texts, textAt(text, "", at))
	for _, s := range scopetext.Split(text, false) {
		// Prose sets are judged on their candidates only, whatever the text says.
		if s.ScopePosition && !s.URL {
			s.ScopePosition = false
		}
		ls := locSet{set: rules.SetOf(s)}
		if key := assignedKey(d, start+s.Spans[0].Start); ls.set.Prose && scopetext.ScopeName(key) {
			// ZOHO_SCOPE=ZohoCRM.modules.ALL unquoted (a Dockerfile ENV, a shell export, an
			// INI value): a grant, not a sentence.
			ls.set.Prose, ls.set.ScopePosition = false, true
		}
		ls.addSplit(s, text, d, at)
		l.sets = append(l.sets, ls)
	}
}

// assignedKey returns the name a value at offset at is assigned to with "=" or ":" (spaces
// allowed around the sign), else "": unlike keyBefore, a sentence's "the scope X" is no
// assignment.
func assignedKey(d []byte, at int) string {
	i := at - 1
	for i >= 0 && (d[i] == ' ' || d[i] == '\t') {
		i--
	}
	if i < 0 || d[i] != '=' && d[i] != ':' {
		return ""
	}
	return keyBefore(d, at)
}

// keyBefore returns the name a literal at start is assigned to: skipping back over white
// space, ':', '=', '=>', '[', '(' and a quote, the word there (scope: "...", $scope = '...',
// "scopes": [...], client_secret=...). It is "" when there is none.
func keyBefore(d []byte, start int) string {
	i := start - 1
	for i >= 0 && (d[i] == ' ' || d[i] == '\t' || d[i] == ':' || d[i] == '=' || d[i] == '>' || d[i] == '[' || d[i] == '(' || d[i] == '"' || d[i] == '\'') {
		i--
	}
	// A list opened on the line before (SCOPES = [ then one element a line): its name is
	// before the bracket.
	if j := i; j >= 0 && (d[j] == '\n' || d[j] == '\r') {
		for j >= 0 && (d[j] == ' ' || d[j] == '\t' || d[j] == '\n' || d[j] == '\r') {
			j--
		}
		if j >= 0 && (d[j] == '[' || d[j] == '(') {
			return keyBefore(d, j)
		}
	}
	end := i + 1
	for i >= 0 && (isWordByte(d[i]) || d[i] == '$' || d[i] == '-' || d[i] == '.') {
		i--
	}
	return string(d[i+1 : end])
}
