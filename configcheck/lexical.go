package configcheck

import (
	"bytes"
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
//
// joined are the names of lists that other files of the program join with a space
// (SpaceJoinedNames): a list of such a name here is space-joined there.
func lexicalSets(data []byte, pf *prefilter, lang srclex.Lang, joined map[string]bool) extraction {
	return newLexer(data, pf, joined).extract(lang)
}

// textSets scans documentation as lexicalSets does, its Markdown code spans read as
// Markdown writes them: a fence (```js) opens code, not a string, and a code span opened
// by two backquotes is one literal up to the next two, whatever single backquotes it holds.
func textSets(data []byte, pf *prefilter) extraction {
	l := newLexer(data, pf, nil)
	l.markdown = true
	return l.extract(srclex.NoLang)
}

func newLexer(data []byte, pf *prefilter, joined map[string]bool) *lexer {
	return &lexer{data: data, pf: pf, joinedElsewhere: joined}
}

func (l *lexer) extract(lang srclex.Lang) extraction {
	data := l.data
	l.lang = lang
	eachScopeWord(data, func(off int) bool { l.scopeWords = append(l.scopeWords, off); return true })
	sort.Ints(l.scopeWords)
	l.needles = l.pf.looseHits(data)
	l.chains = namesAuthPath(data, l.needles)
	if lang == srclex.JS || lang == srclex.Python {
		regions := srclex.Regions(lang, data)
		l.scanRegions(regions)
		if namesZohoHost(data) {
			// Object and dict literals that hold a credential, for ZS303 as YAML and JSON
			// mappings are: only a file that names a Zoho host can mix them.
			l.blocks = literalBlocks(data, regions, false)
		}
	} else {
		l.scan()
		if lang == srclex.PHP && namesZohoHost(data) {
			l.blocks = literalBlocks(data, srclex.Regions(lang, data), true)
		}
	}
	l.markSpaceJoins()
	l.joinConcatenated()
	return l.extraction
}

// namesZohoHost reports whether a file names a Zoho API or accounts host anywhere.
func namesZohoHost(data []byte) bool {
	// From each "zoho" (z is rare; the dot and the a that start the hosts are not).
	for from := 0; ; {
		i := bytes.Index(data[from:], []byte("zoho"))
		if i < 0 {
			return false
		}
		i += from
		if i > 0 && data[i-1] == '.' && bytes.HasPrefix(data[i+4:], []byte("apis.")) ||
			bytes.HasSuffix(data[:i], []byte("accounts.")) {
			return true
		}
		from = i + 1
	}
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
	joinedAfterRE = lazyRegexp(`^[\s,]*\]\s*\.join\(\s*` + spaceLiteral + `\s*\)`)
	// A list literal joined where it stands: " ".join([...]) (Python), implode(' ', [...]) (PHP).
	joinedBeforeRE = lazyRegexp(`(?:` + spaceLiteral + `\s*\.join\(\s*[\[(]|implode\(\s*` + spaceLiteral + `\s*,\s*(?:\[|array\())\s*$`)
	// A named list joined: scopes.join(' ') (JavaScript), " ".join(settings.SCOPES)
	// (Python), implode(' ', $this->scopes) (PHP); the last part of the name is captured.
	joinedNameRE = lazyRegexp(`([A-Za-z_$][\w$]*)\s*\.join\(\s*` + spaceLiteral + `\s*\)` +
		`|` + spaceLiteral + `\s*\.join\(\s*(?:[\w.]*\.)?([A-Za-z_]\w*)\s*\)` +
		`|implode\(\s*` + spaceLiteral + `\s*,\s*\$(?:this->)?(\w+)\s*\)`)
)

// markSpaceJoins marks the elements of a list that the file joins with a space into one
// string, as the elements of one space-joined string are (ZS302): the list literal
// joined where it stands, or a list assigned to a name that the file joins.
func (l *lexer) markSpaceJoins() {
	if len(l.runs) == 0 || len(l.joinedElsewhere) == 0 && !bytes.Contains(l.data, []byte("join(")) && indexRare(l.data, "implode(", 0) < 0 {
		return
	}
	names := joinedNames(l.data)
	for name := range l.joinedElsewhere {
		names[name] = true
	}
	for _, r := range l.runs {
		joined := names[lastNamePart(r.key)] ||
			joinedAfterRE().Match(l.data[r.end:min(len(l.data), r.end+64)]) ||
			joinedBeforeRE().Match(l.data[max(0, r.start-64):r.start])
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

var (
	// An import that names what it takes: import { SCOPES, X } from '...' (JavaScript),
	// from settings import ZOHO_SCOPES / from x import (A, B) (Python).
	jsImportRE = lazyRegexp(`(?s)\bimport\s*(?:type\s+)?\{([^}]*)\}\s*from\b`)
	pyImportRE = lazyRegexp(`(?m)^\s*from\s+[\w.]+\s+import\s+(\([^)]*\)|[^\n]*)`)
)

// SpaceJoinedNames lists the names of lists that a JavaScript, TypeScript or Python source
// file joins with a space into one string and takes from another file: read as an
// attribute (" ".join(settings.ZOHO_SCOPES), config.SCOPES.join(' ')) or imported by name
// (import { SCOPES } from './scopes'; SCOPES.join(' ')). The program's other files read a
// list of such a name as space-joined (program.Programs.ReportSpaceJoined). A list defined
// in the same file is left to that file's own reading.
func SpaceJoinedNames(data []byte) []string {
	if !bytes.Contains(data, []byte("join(")) {
		return nil
	}
	var imported []byte
	for _, m := range jsImportRE().FindAllSubmatch(data, -1) {
		imported = append(append(imported, m[1]...), ' ')
	}
	for _, m := range pyImportRE().FindAllSubmatch(data, -1) {
		imported = append(append(imported, m[1]...), ' ')
	}
	seen := map[string]bool{}
	var out []string
	eachJoinedName(data, func(m []int) {
		for g := 1; g <= 2; g++ { // JavaScript's name.join(' '), Python's " ".join(name)
			start, end := m[2*g], m[2*g+1]
			if start < 0 {
				continue
			}
			name := string(data[start:end])
			attribute := start > 0 && data[start-1] == '.'
			if !attribute && !containsWord(imported, name) || seen[name] {
				continue
			}
			seen[name] = true
			out = append(out, name)
		}
	})
	sort.Strings(out)
	return out
}

// containsWord reports whether b holds word w with no name character on either side.
func containsWord(b []byte, w string) bool {
	for from := 0; ; {
		i := bytes.Index(b[from:], []byte(w))
		if i < 0 {
			return false
		}
		i += from
		end := i + len(w)
		if (i == 0 || !isWordByte(b[i-1]) && b[i-1] != '$') && (end == len(b) || !isWordByte(b[end]) && b[end] != '$') {
			return true
		}
		from = i + 1
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

// templateHoles are the holes of a string that decode replaces: all of a template
// literal's, and those of other strings (Python f-strings, PHP "{$x}") that hold more than
// a name, such as a call ({quote(s)}, {$this->scope()}): its brackets and spaces are no
// part of the text around it, so no URL ends there. A name hole ({cid}) is read as written.
func templateHoles(r srclex.Region) []srclex.Part {
	return holesOf(r.Holes, r.Template)
}

func holesOf(parts []srclex.Part, all bool) []srclex.Part {
	var out []srclex.Part
	for _, p := range parts {
		if p.IsHole && (all || holeText(p.Hole) == "${expr}") {
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
	// runKey is the name the run of literals is assigned to (empty for none), in data:
	// made a string only where a set or text keeps it.
	runKey   []byte
	lastEnd  int // where the last literal of the run ended
	literals []literalTok
	// scopeWords are the offsets of the words that end a scope-named key (eachScopeWord),
	// and needles where a part of the file may hold a needle (prefilter.looseHits), found
	// once for the file: runs and stretches of text are many.
	scopeWords, needles []int
	runs                []runSet // the sets made of runs of literals
	// joinedElsewhere are the names of lists other files join with a space.
	joinedElsewhere map[string]bool
	markdown        bool // documentation: Markdown's code spans are read as such (textSets)
	lang            srclex.Lang
	// allLits are every literal of the file, in order, and litText the index in texts of
	// the text made of a literal (by its start), for joinConcatenated.
	allLits []literalTok
	litText map[int]int
	chains  bool // the file names an authorization path: allLits are kept
	// commentEnd maps where each comment starts to where it ends.
	commentEnd map[int]int
}

// holds reports whether data[start:end] is to be read for scope sets and URLs: it holds a
// needle, or a scope-named key followed by a text the engine completes (scopeKeyHit), such as
// a scope= parameter in a URL or ZOHO_SCOPE=modules.leads.READ in a Dockerfile.
func (l *lexer) holds(start, end int) bool {
	if within(l.needles, start, end) && l.pf.holds(l.data[start:end]) {
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
		case l.markdown && c == '`' && i+2 < len(d) && d[i+1] == '`' && d[i+2] == '`':
			// A Markdown code fence (```js) is no string literal: the code it opens is
			// read as code, so that an array of literals in it is one list.
			for i < len(d) && d[i] == '`' {
				i++
			}
		case l.markdown && c == '`' && i+1 < len(d) && d[i+1] == '`':
			// A double-backquote code span ends at the next double backquote.
			l.prose(textStart, i)
			end := bytes.Index(d[i+2:], []byte("``"))
			if end < 0 {
				i += 2 // no span: the backquotes are text
				continue
			}
			end += i + 2
			l.addLiteral(literalTok{start: i, end: end + 2, contentStart: i + 2, contentEnd: end, raw: true})
			i, textStart = end+2, end+2
		case c == '"' || c == '\'' || c == '`':
			l.prose(textStart, i)
			end := l.literal(i)
			i, textStart = end, end
		case c == '/' && i+1 < len(d) && d[i+1] == '/' && (i == 0 || d[i-1] != ':'): // not https://
			l.prose(textStart, i)
			end := skipTo(d, i, "\n")
			l.skipComment(i, end)
			i, textStart = end, end
		case c == '/' && i+1 < len(d) && d[i+1] == '*' && (!l.markdown || i == 0 || d[i-1] == ' ' || d[i-1] == '\t' || d[i-1] == '\n'):
			// In documentation, only a /* that starts a word opens a comment: a path glob
			// (third_party/**) in a sentence or a YAML example does not.
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
		holes = holesOf(t.Parts, true)
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
		if l.lang == srclex.PHP && q == '"' && bytes.Contains(d[start:contentEnd], []byte("{$")) {
			// PHP interpolates "{$x->f()}": a hole that holds a call is replaced.
			t, _ := srclex.StringAt(srclex.PHP, d, start)
			for _, p := range holesOf(t.Parts, false) {
				if p.End <= contentEnd {
					holes = append(holes, p)
				}
			}
		}
	}
	l.addLiteral(literalTok{start: start, end: end, contentStart: start + 1, contentEnd: contentEnd, holes: holes})
	return end
}

// skipComment passes over a comment at [start, end): a comment between the elements of a
// list (a trailing # note after an element) does not end its run of literals.
func (l *lexer) skipComment(start, end int) {
	if l.commentEnd == nil {
		l.commentEnd = map[int]int{}
	}
	l.commentEnd[start] = end
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
		from, to := keySpanBefore(d, start)
		l.runKey = d[from:to]
		if len(l.runKey) == 0 {
			from, to = fallbackKeyAt(d, start)
			l.runKey = d[from:to]
		}
	}
	l.literals = append(l.literals, t)
	if l.chains {
		l.allLits = append(l.allLits, t)
	}
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

// textOf records that the next text is literal t's.
func (l *lexer) textOf(t literalTok) {
	if l.litText == nil {
		l.litText = map[int]int{}
	}
	l.litText[t.start] = len(l.texts)
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
	l.inRun, l.literals = false, l.literals[:0] // the array is used again: nothing keeps lits past this call
	if len(lits) == 0 {
		return
	}
	keys := runKeys{run: l.runKey}
	if len(lits) >= 2 { // most runs are one literal, which has no default to name
		keys.rest = l.fallbackArgs(lits)
	}
	// A run under a scope-named key is in scope position whatever it holds: the engine
	// completes modules.leads.READ there.
	if !scopetext.ScopeNameIn(l.runKey) && !l.holds(lits[0].start, lits[len(lits)-1].end) {
		// No scope here, but a literal under a secret key may be a secret (tokens are found
		// by the file's credential sweep).
		for i, t := range lits {
			if redact.SecretKeyIn(keys.of(i)) {
				value, offs := l.decode(t)
				l.textOf(t)
				l.texts = append(l.texts, textAt(value, string(keys.of(i)), func(k int) int { return offs[k] }))
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
		l.textOf(*t)
		l.texts = append(l.texts, textAt(value, string(keys.of(i)), at))
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
	list.set.ScopePosition = scopetext.ScopeNameIn(l.runKey) && listAll
	l.runs = append(l.runs, runSet{set: len(l.sets), key: string(l.runKey), start: lits[0].start, end: lits[len(lits)-1].end})
	l.sets = append(l.sets, *list)
}

// fallbackArgs gives the key the literals of a run after the first are assigned to, when
// it is not the run's (nil then): in a call whose first argument names an environment
// variable or setting and whose second is its default (Laravel env('ZOHO_CLIENT_SECRET',
// '...'), Python os.getenv("X", "...") and os.environ.get("X", "...")), the default is
// what the named key holds when it is unset, so it is assigned to that name.
func (l *lexer) fallbackArgs(lits []literalTok) []byte {
	if len(lits) < 2 || redact.SecretKeyIn(l.runKey) {
		return nil
	}
	i := lits[0].start - 1
	for i >= 0 && (l.data[i] == ' ' || l.data[i] == '\t') {
		i--
	}
	if i < 0 || l.data[i] != '(' {
		return nil
	}
	name, _ := l.decode(lits[0])
	if !isKeyName(name) {
		return nil
	}
	return []byte(name)
}

// runKeys are the keys the literals of a run are assigned to: the run's, or for those
// after the first, the name the first gives (fallbackArgs).
type runKeys struct {
	run, rest []byte
}

// of is the key of literal i of the run.
func (k runKeys) of(i int) []byte {
	if i > 0 && k.rest != nil {
		return k.rest
	}
	return k.run
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

// fallbackKeyAt returns where the name whose value a literal at start replaces when it is
// unset is: the name before ?? or || (TypeScript process.env.ZOHO_CLIENT_SECRET ?? "...")
// or Python's or (os.environ["X"] or "..." is not read: a name must stand there); else an
// empty span.
func fallbackKeyAt(d []byte, start int) (from, to int) {
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
		return start, start
	}
	for i >= 0 && (d[i] == ' ' || d[i] == '\t') {
		i--
	}
	end := i + 1
	for i >= 0 && (isWordByte(d[i]) || d[i] == '$' || d[i] == '.') {
		i--
	}
	return i + 1, end
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
	from, to := keySpanBefore(d, start)
	return string(d[from:to])
}

// keySpanBefore is where the name keyBefore returns is in d (an empty span for none).
func keySpanBefore(d []byte, start int) (from, to int) {
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
			return keySpanBefore(d, j)
		}
	}
	end := i + 1
	for i >= 0 && (isWordByte(d[i]) || d[i] == '$' || d[i] == '-' || d[i] == '.') {
		i--
	}
	return i + 1, end
}
