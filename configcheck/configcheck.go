// Package configcheck finds and judges Zoho scopes in configuration and other non-Go files:
// YAML (through yaml.v3 nodes), JSON, .env and .properties files, a lexical scan of
// JavaScript, TypeScript, Python, PHP, Java, HTML, TOML, scripts and templates, and of
// documentation as text that names scopes rather than grants them; every other file is
// searched for credentials. Extractors find scope sets and where their elements are; the
// rules engine, shared with the Go analyzer, decides what is wrong.
package configcheck

import (
	"bytes"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/internal/safefile"
	"github.com/zscopelint/zscopelint/judge"
	"github.com/zscopelint/zscopelint/policy"
	"github.com/zscopelint/zscopelint/report"
	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/scopetext"
	"github.com/zscopelint/zscopelint/srclex"
	"github.com/zscopelint/zscopelint/suppress"
)

// Kind is how a file is read.
type Kind int

const (
	NotConfig Kind = iota
	YAML
	JSON
	Env
	Lexical
	// Text is documentation (Markdown, reStructuredText, AsciiDoc, plain text), scanned
	// like Lexical, where every scope is named rather than granted: checked for mistakes,
	// never judged for breadth, redundancy or use.
	Text
)

// lexicalExts are the source kinds scanned lexically, without a language parser.
var lexicalExts = map[string]bool{".js": true, ".mjs": true, ".cjs": true, ".jsx": true, ".ts": true,
	".tsx": true, ".py": true, ".php": true, ".java": true, ".html": true, ".htm": true, ".toml": true}

// textExts are the documentation kinds read as Text.
var textExts = map[string]bool{".md": true, ".mdx": true, ".markdown": true, ".rst": true, ".txt": true, ".adoc": true}

// scriptExts are scripts, configuration and templates read lexically: their values are
// grants like those of source files.
var scriptExts = map[string]bool{".dockerfile": true, ".sh": true, ".bash": true, ".zsh": true, ".ini": true,
	".cfg": true, ".conf": true, ".tf": true, ".hcl": true, ".tmpl": true, ".tpl": true}

// KindOf says how a file name is read: by extension, and .env, *.env, .env.*, env.example,
// *.env.example and .properties as env files, Dockerfiles and Containerfiles lexically.
func KindOf(name string) Kind {
	base := filepath.Base(name)
	ext := strings.ToLower(filepath.Ext(base))
	lower := strings.ToLower(base)
	switch {
	case lower == "env.example" || strings.HasSuffix(lower, ".env.example") || lower == "env.sample" || strings.HasSuffix(lower, ".env.sample"):
		return Env
	case textExts[ext]:
		return Text
	case lower == "dockerfile" || strings.HasPrefix(lower, "dockerfile.") || lower == "containerfile" || scriptExts[ext]:
		return Lexical
	case ext == ".yaml" || ext == ".yml":
		return YAML
	case ext == ".json":
		return JSON
	case base == ".env" || ext == ".env" || strings.HasPrefix(base, ".env.") || ext == ".properties":
		// Java .properties files are KEY=VALUE lines too: a value is a scope position
		// when its key is named like scope, not prose.
		return Env
	case lexicalExts[ext]:
		return Lexical
	}
	return NotConfig
}

// binaryExts name files that hold no text worth searching: images, archives, fonts,
// compiled code. The walk passes over them without reading them.
var binaryExts = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".ico": true,
	".webp": true, ".bmp": true, ".pdf": true, ".zip": true, ".gz": true, ".tgz": true, ".bz2": true,
	".xz": true, ".zst": true, ".7z": true, ".rar": true, ".jar": true, ".war": true, ".class": true,
	".so": true, ".dylib": true, ".dll": true, ".exe": true, ".o": true, ".a": true, ".wasm": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true, ".mp3": true, ".mp4": true,
	".mov": true, ".avi": true, ".webm": true, ".wav": true, ".ogg": true, ".flac": true, ".psd": true,
	".sqlite": true, ".db": true, ".pyc": true, ".test": true}

// BinaryName reports whether a file name says it holds no text (see binaryExts).
func BinaryName(name string) bool { return binaryExts[strings.ToLower(filepath.Ext(name))] }

// BinaryExts lists the extensions BinaryName knows, sorted, each with its dot: the
// pre-commit hook leaves out exactly these (a test compares the two).
func BinaryExts() []string { return slices.Sorted(maps.Keys(binaryExts)) }

// DefaultMaxSize is the size above which a file is reported (ZS001) and skipped.
const DefaultMaxSize = safefile.DefaultLimit

// Options configure a run.
type Options struct {
	Catalog *catalog.Catalog
	Product catalog.Product // 0: from the file's values (rules.DetectProduct)
	Checks  rules.Selection
	Policy  *policy.Policy // nil: none
	// EvidenceFor gives the Zoho API calls that judge the scope sets of a file: those of
	// its own program (program.Programs.EvidenceFor); nil when there are none.
	EvidenceFor func(file string) *rules.Evidence
	// SpaceJoinedIn gives the names of lists that other files of a file's program join
	// with a space (program.Programs.SpaceJoinedIn); nil when none are known.
	SpaceJoinedIn func(file string) map[string]bool
	MaxSize       int64 // 0: DefaultMaxSize
	// Display turns a file name into the name findings carry (relative to the working
	// directory, say). nil keeps the name.
	Display func(string) string
	// Registry, when set, remembers the credentials of every file read, so that output
	// never quotes a piece of one.
	Registry *redact.Registry
	// EditBases gives every edit its Base (the Sum of the file), which -fix and -diff need
	// to edit only the bytes an edit was computed from. Other runs skip the SHA-256 of
	// each file with a fix: an edit without a Base is never applied.
	EditBases bool
	// Workers is how many files are read at once; 0: GOMAXPROCS. A caller that runs the
	// scan on fewer threads at first (cmd/zscopelint's threads.go) starts them all, to
	// spread once it lets them.
	Workers int
}

// Result is what checking a list of files found.
type Result struct {
	Findings []report.Finding
	Why      []report.WhySet // scope sets judged against the evidence, for -why
	// Incomplete reports that some file could not be checked (a ZS001 among the findings).
	Incomplete bool
}

// CheckFiles checks files in parallel and returns their findings in a deterministic order.
func CheckFiles(files []string, opts Options) Result {
	opts = opts.withDefaults()
	pf := newPrefilter(opts.Catalog)
	results := make([][]report.Finding, len(files))
	whys := make([][]report.WhySet, len(files))
	failed := make([]bool, len(files))
	// Each worker takes the next file from a shared counter: a channel handed files over
	// one at a time and woke a parked worker for most of them (a futex call each).
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(len(files), opts.Workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				results[i], whys[i], failed[i] = checkFileSafely(files[i], opts, pf, &buf)
			}
		}()
	}
	wg.Wait()
	var res Result
	for i := range files {
		res.Findings = append(res.Findings, results[i]...)
		res.Why = append(res.Why, whys[i]...)
		res.Incomplete = res.Incomplete || failed[i]
	}
	return res
}

// withDefaults fills in what the zero values of Options stand for.
func (o Options) withDefaults() Options {
	if o.MaxSize == 0 {
		o.MaxSize = DefaultMaxSize
	}
	if o.Display == nil {
		o.Display = func(s string) string { return s }
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	return o
}

// unreadable makes the ZS001 finding for a file.
func unreadable(display string, line, col int, format string, args ...any) report.Finding {
	return report.Finding{Check: rules.Unreadable(), Severity: rules.Unreadable().Severity, File: display,
		Line: max(line, 1), Col: max(col, 1), Message: "cannot check: " + fmt.Sprintf(format, args...)}
}

// screened is a file read for checking: its bytes, kind and what the prefilter saw in them;
// or, when done, all there is to say of it (fs, failed).
type screened struct {
	data   []byte
	kind   Kind
	seen   hits
	done   bool
	fs     []report.Finding
	failed bool
}

// testHookFile, set by tests only, is called with each file's name before it is checked:
// a test makes it panic to show that the panic stays within that file.
var testHookFile func(name string)

// checkFileSafely is checkFile at the front end's boundary: a panic (a bug of ours on an
// input nobody foresaw) is a ZS001 for that file, and the other files are still checked.
func checkFileSafely(name string, opts Options, pf *prefilter, buf *[]byte) (fs []report.Finding, why []report.WhySet, failed bool) {
	defer func() {
		if r := recover(); r != nil {
			*buf = nil // in any state
			fs, why, failed = []report.Finding{unreadable(opts.Display(name), 1, 1, "zscopelint failed on this file (%v); please report it", r)}, nil, true
		}
	}()
	if testHookFile != nil {
		testHookFile(name)
	}
	return checkFile(name, opts, pf, buf)
}

func checkFile(name string, opts Options, pf *prefilter, buf *[]byte) (fs []report.Finding, why []report.WhySet, failed bool) {
	s := screen(name, opts, pf, buf, false)
	if s.done {
		return s.fs, nil, s.failed
	}
	data, kind, seen := s.data, s.kind, s.seen
	display := opts.Display(name)
	other := kind == NotConfig
	// Tokens are looked for in every file; client secrets in files that mention Zoho
	// (elsewhere nothing says whose secret it is).
	zoho := seen.mentionsZoho()
	parse := seen.needsParse()
	if parse && !other && OwnFile(name, data) {
		other = true // searched for credentials, never judged as scope sets
	}
	found := redact.FindSome(data, seen&hitToken != 0, zoho)
	opts.Registry.Add(data, found)
	if other || !parse {
		// Nothing to parse here, but a credential may sit anywhere.
		if len(found.Tokens) == 0 && len(found.Assignments) == 0 {
			return nil, nil, false
		}
		return checkExtraction(name, display, kind, data, opts, extraction{texts: sweepCredentials(data, found)}, nil)
	}
	return checkBytes(name, display, kind, data, opts, pf, found, zoho)
}

// OwnFile reports whether a file is one of zscopelint's own — a policy file, a scope catalog,
// an endpoint table, its table of checks, a baseline or SARIF log it wrote — recognised by
// name and content, whatever flag named it: the scopes they list are settings, knowledge and
// earlier findings, not grants.
func OwnFile(name string, data []byte) bool {
	// (Each search jumps to its needle's rarest letter (indexRare), and the rarer needle of
	// a pair is looked for first.)
	base := filepath.Base(name)
	if base == policy.FileName || base == ".zscopelint.yml" {
		return true
	}
	head := data[:min(len(data), 4096)]
	switch KindOf(name) {
	case YAML:
		// A catalog file: a top-level service: near the start (after its header comment),
		// and scopes: whose entries list operations.
		catalogFile := (bytes.HasPrefix(data, []byte("service:")) || hasLine(head, "service:")) &&
			hasLine(data, "scopes:") && indexRare(data, "operations:", 0) >= 0
		// An endpoint table (catalog/endpoints*.yaml): a top-level endpoints: list whose
		// rows map a method and path to the scopes that they require.
		endpointTable := indexRare(data, ", requires: [[", 0) >= 0 && hasLine(data, "endpoints:\n")
		// The table of checks (rules/checks.yaml): entries with a ZS ID, a name and a
		// default severity, whose bad and good examples are scopes.
		checkTable := (bytes.HasPrefix(data, []byte("- id: ZS")) || hasLine(head, "- id: ZS")) &&
			hasLine(head, "  severity: ")
		// The registry of Zoho service names (catalog/services.yaml).
		registry := hasLine(data, "uncatalogued:\n") && hasLine(data, "wrong:\n")
		return catalogFile || endpointTable || checkTable || registry
	case JSON:
		trimmed := bytes.TrimLeft(head, " \t\r\n")
		baseline := bytes.HasPrefix(trimmed, []byte("{")) && bytes.Contains(head, []byte(`"findings"`)) &&
			bytes.Contains(head, []byte(`"check": "ZS`))
		// A SARIF log's tool may come after its results: look for our driver anywhere.
		sarif := bytes.Contains(head, []byte("sarif")) && bytes.Contains(data, []byte(`"informationUri": "https://github.com/zscopelint/zscopelint"`))
		return baseline || sarif
	}
	return false
}

// elementKey stands in a key path for an element of a sequence or array.
const elementKey = "[]"

// securityRequirement reports whether a key path (keys of the enclosing mappings, with
// elementKey for sequence elements) ends at the scope list of an OpenAPI security
// requirement: security: [{scheme: [scopes...]}]. Zoho's own OpenAPI files write the scopes
// that may authorise an operation there, as alternatives: each is checked, but a list of
// alternatives is no grant to judge for breadth or redundancy — like a securitySchemes map.
func securityRequirement(path []string) bool {
	n := len(path)
	return n >= 3 && path[n-2] == elementKey && path[n-3] == "security"
}

// binaryProbe is how much of a file is looked at for a NUL byte, as git does (the first
// 8000 bytes): a text file holds none there. A NUL further on is no reason to skip a file
// (nor a reason to read every byte for one); the YAML parser reports it where it is.
const binaryProbe = 8000

// binaryAt is the offset of a NUL byte in the first binaryProbe bytes, or -1.
func binaryAt(data []byte) int { return bytes.IndexByte(data[:min(len(data), binaryProbe)], 0) }

// unicodeBOM names the UTF-16 or UTF-32 encoding a byte order mark announces, or "".
func unicodeBOM(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return "UTF-32BE"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}):
		return "UTF-32LE"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "UTF-16BE"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return "UTF-16LE"
	}
	return ""
}

// sweepCredentials finds what is shaped like a credential anywhere in a file's bytes (in
// values, comments and prose alike, whatever the file's kind) as texts for the hygiene
// checks, which decide what is one. An extractor's text for the same bytes gives the same
// finding, which the report's sort drops as a duplicate.
func sweepCredentials(data []byte, found redact.Found) []locText {
	var out []locText
	for _, c := range rules.CredentialTexts(data, found) {
		at := c.Start
		out = append(out, textAt(c.Value, c.Key, func(k int) int { return at + k }))
	}
	return out
}

// CheckBytes checks the contents of the file name, named so in its findings too.
func CheckBytes(name string, kind Kind, data []byte, opts Options) (fs []report.Finding, failed bool) {
	pf := newPrefilter(opts.Catalog)
	fs, _, failed = checkBytes(name, name, kind, data, opts, pf, redact.Find(data, true), pf.scan(data).mentionsZoho())
	return fs, failed
}

// checkBytes extracts and judges the contents of the file name (display in findings). In a
// file that does not mention Zoho (zoho false: parsed for a scope-named key alone) only the
// scope sets are judged, and the credentials its bytes hold: its values are no Zoho
// secrets and its mappings no Zoho credentials.
func checkBytes(name, display string, kind Kind, data []byte, opts Options, pf *prefilter, found redact.Found, zoho bool) (fs []report.Finding, why []report.WhySet, failed bool) {
	var ex extraction
	var err *parseError
	switch kind {
	case YAML:
		ex, err = yamlSets(data, pf)
	case JSON:
		ex, err = jsonSets(data, pf)
	case Env:
		ex = envSets(data)
	case Lexical:
		var joined map[string]bool
		if opts.SpaceJoinedIn != nil {
			joined = opts.SpaceJoinedIn(name)
		}
		ex = lexicalSets(data, pf, srclex.LangOf(name), joined)
	case Text:
		ex = textSets(data, pf)
		var code []span
		if isMarkdown(name) {
			code = markdownCode(data)
			readYAMLFences(data, pf, &ex)
		}
		for i := range ex.sets {
			// A scope set in Markdown code is a grant; one in a sentence is prose.
			items := ex.sets[i].items
			inCode := len(items) > 0 && inSpans(code, items[0].start)
			ex.sets[i].set.Prose, ex.sets[i].set.Example = !inCode, inCode
		}
	}
	if !zoho {
		ex.texts, ex.blocks = nil, nil
	}
	ex.texts = append(ex.texts, sweepCredentials(data, found)...)
	return checkExtraction(name, display, kind, data, opts, ex, err)
}

// checkExtraction judges what an extractor found in the file name (err: where it
// stopped). The policy and the evidence match name; findings carry display.
func checkExtraction(name, display string, kind Kind, data []byte, opts Options, ex extraction, err *parseError) (fs []report.Finding, why []report.WhySet, failed bool) {
	lines := pooledLineIndex(data)
	defer lines.release()
	lines.sums = opts.EditBases
	if err != nil {
		line, col := err.line, err.col
		if line == 0 {
			line, col = lineCol(data, err.offset)
		}
		if line > len(lines.starts) { // yaml.v3 may count the line after the last
			line, col = len(lines.starts), 1
		}
		fs = append(fs, unreadable(display, line, col, "%s", err.msg))
		failed = true
	}
	product := opts.Product
	if product == 0 {
		// The file's values, not its bytes: a comment that quotes the path is no URL.
		product = rules.DetectProduct(func(yield func(string) bool) {
			for _, t := range ex.texts {
				if !yield(t.value) {
					return
				}
			}
		})
	}
	eng := &rules.Engine{Catalog: opts.Catalog, Product: product, Checks: opts.Checks, Policy: opts.Policy}
	if opts.EvidenceFor != nil {
		eng.Evidence = opts.EvidenceFor(name)
	}
	found, judged := judge.Judge(eng, ex.yield(name, data, lines), judge.Source{
		Line: func(p judge.Pos) (string, int) {
			line, _ := lines.pos(int(p))
			return name, line
		},
		Bytes:    func(string) []byte { return data },
		Remember: opts.Registry.AddSecret,
	})
	for _, w := range judged {
		line, col := lines.pos(int(w.At))
		why = append(why, report.WhySet{File: display, Line: line, Col: col, Scopes: w.Scopes, Calls: w.Calls})
	}
	for _, f := range found {
		fs = append(fs, lines.finding(f, display))
	}
	return fs, why, failed
}

// yield hands what the extractor found in the file name to the judge, in byte offsets.
func (ex *extraction) yield(name string, data []byte, lines *lineIndex) judge.Yield {
	var y judge.Yield
	for _, ls := range ex.sets {
		set := judge.Set{Set: ls.set, Elements: make([]judge.Element, len(ls.items))}
		set.File = name
		for i, it := range ls.items {
			el := judge.Element{Item: ls.set.Items[i], At: judge.Span{Start: judge.Pos(it.start), End: judge.Pos(it.end)}}
			if it.exact {
				whole := el.At
				el.Replace = &whole
			}
			if it.remove != nil {
				el.Remove = &judge.Span{Start: judge.Pos(it.remove.start), End: judge.Pos(it.remove.end)}
			}
			set.Elements[i] = el
		}
		y.Sets = append(y.Sets, set)
	}
	for _, t := range ex.texts {
		locate := t.locate
		y.Texts = append(y.Texts, judge.Text{
			Text: hygieneText(name, t.value, t.key),
			Locate: func(start, end int) (judge.Span, bool) {
				a, b := locate(start, end)
				return judge.Span{Start: judge.Pos(a), End: judge.Pos(b)}, true
			}})
	}
	for _, b := range ex.blocks {
		y.Blocks = append(y.Blocks, judge.Block{CredentialBlock: rules.CredentialBlock{File: name, Key: b.key, Hosts: b.hosts},
			At: judge.Span{Start: judge.Pos(b.pos), End: judge.Pos(b.pos + len(b.key))}})
	}
	directives := suppress.ScanText(data, func(id string) bool { _, ok := rules.CheckByID(id); return ok })
	y.Directives = []judge.Directives{{File: name, Set: directives,
		At: func(line, col int) judge.Pos { return judge.Pos(lines.offset(line, col)) }}}
	return y
}

// parseError is a file that did not parse, at a byte offset or a line and column.
type parseError struct {
	offset    int
	line, col int
	msg       string
}

// locItem is a set element with its bytes in the file.
type locItem struct {
	text       string
	start, end int  // bytes of the element in the file (start == end: position only)
	exact      bool // data[start:end] == text, so it can be replaced
	remove     *span
	// spaceJoined: only spaces separate it from the element before it in one string.
	spaceJoined bool
}

type span struct{ start, end int }

// utf8BOM starts files some Windows editors write; it is not content.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// extraction is what an extractor finds in one file.
type extraction struct {
	sets   []locSet
	texts  []locText  // every string value, for the hygiene checks (ZS301, ZS302)
	blocks []locBlock // mappings that hold a credential (ZS303)
}

// locText is one string value with the key it is assigned to. locate maps bytes
// [start, end) of the value to bytes of the file.
type locText struct {
	value, key string
	locate     func(start, end int) (int, int)
}

// locBlock is a mapping that holds a credential under key (at offset pos) and names hosts.
type locBlock struct {
	key   string
	pos   int
	hosts []string
}

// textAt makes a locText whose bytes map through at (value index to file offset).
func textAt(value, key string, at func(int) int) locText {
	return locText{value: value, key: key, locate: func(s, e int) (int, int) { return at(s), at(e) }}
}

// remap moves everything found in a text cut from a file to its place in the file: to
// maps an offset of the text (isEnd: the end of a span, which belongs to the bytes before).
func (ex *extraction) remap(to func(off int, isEnd bool) int) {
	span := func(s, e int) (int, int) {
		if s == e {
			a := to(s, false)
			return a, a
		}
		return to(s, false), to(e, true)
	}
	for i := range ex.sets {
		for j := range ex.sets[i].items {
			it := &ex.sets[i].items[j]
			it.start, it.end = span(it.start, it.end)
			if it.remove != nil {
				r := *it.remove
				r.start, r.end = span(r.start, r.end)
				it.remove = &r
			}
		}
	}
	for i := range ex.texts {
		loc := ex.texts[i].locate
		ex.texts[i].locate = func(s, e int) (int, int) { return span(loc(s, e)) }
	}
	for i := range ex.blocks {
		ex.blocks[i].pos = to(ex.blocks[i].pos, false)
	}
}

// locSet is a scope set with its elements located.
type locSet struct {
	set   rules.Set
	items []locItem
}

func (ls *locSet) add(it locItem) {
	ls.items = append(ls.items, it)
	ls.set.Items = append(ls.set.Items, rules.Item{Text: it.text, SpaceJoined: it.spaceJoined})
}

// addSplit adds the elements scopetext finds in one string value, whose raw text starts at
// base in the file; offsets maps value bytes to file offsets (nil: verbatim).
func (ls *locSet) addSplit(s scopetext.Set, value string, data []byte, at func(int) int) {
	for i, sp := range s.Spans {
		it := locItem{text: sp.Text, start: at(sp.Start), end: at(sp.End), spaceJoined: sp.SpaceJoined}
		it.exact = it.end-it.start == len(sp.Text) && string(data[it.start:it.end]) == sp.Text
		// Within a string, only a list of several can lose an element; a string holding one
		// scope is removed whole by its container's extractor, if at all.
		rs, re := s.RemovalRange(i)
		if a, b := at(rs), at(re); len(s.Spans) > 1 && b-a == re-rs && string(data[a:b]) == value[rs:re] {
			it.remove = &span{a, b}
		}
		ls.add(it)
	}
}

// elementRemoval is what to delete to drop element i of a list literal whose elements lie
// at toks: the element and the separator after it, or before it for the last, so that the
// list stays well formed (["a", "b"] -> ["b"]).
func elementRemoval(toks []span, i int) span {
	switch {
	case len(toks) == 1:
		return toks[0]
	case i+1 < len(toks):
		return span{toks[i].start, toks[i+1].start}
	default:
		return span{toks[i-1].end, toks[i].end}
	}
}

// listElement adds the sets scopetext finds in one element of a list literal: a plain list
// of scopes joins the list's set; a URL or prose element is a set of its own and takes the
// list out of scope position. add locates a set's elements into a locSet.
func listElement(value string, list *locSet, own *[]locSet, allLists *bool, add func(*locSet, scopetext.Set)) {
	for _, s := range scopetext.Split(value, true) {
		if s.InList() {
			add(list, s)
			continue
		}
		*allLists = false
		ls := locSet{set: rules.SetOf(s)}
		add(&ls, s)
		*own = append(*own, ls)
	}
}

// finding makes a report finding of a judged one.
func (li *lineIndex) finding(f judge.Finding, display string) report.Finding {
	start, end := int(f.At.Start), int(f.At.End)
	line, col := li.pos(start)
	endLine, endCol := li.pos(end)
	rf := report.Finding{Check: f.Check, Severity: f.Severity, File: display, Line: line, Col: col,
		EndLine: endLine, EndCol: endCol, CPCol: li.cpCol(start), CPEndCol: li.cpCol(end),
		Scope: f.Scope, Message: f.Message, Suggestions: f.Suggestions, Withheld: f.Withheld}
	if f.Edit != nil {
		rf.Fix = &report.Fix{Message: f.Fix.Message, Edits: []report.Edit{*li.edit(display, int(f.Edit.At.Start), int(f.Edit.At.End), f.Edit.New)}}
	}
	return rf
}

// lineIndex converts byte offsets to 1-based lines and byte columns.
type lineIndex struct {
	data   []byte
	starts []int
	sums   bool   // edits carry base
	pooled *[]int // where starts goes back on release, for a pooled index
	base   string // report.Sum of data, once an edit needs it
}

func newLineIndex(data []byte) *lineIndex {
	return &lineIndex{data: data, starts: lineStarts(data, nil)}
}

// startsPool holds line starts for the next file's index: a worker checks file after
// file, and a fresh slice for each (6 KB for a 20 KB file) was, like the YAML cutter's
// lines, pages faulted in for one file each.
var startsPool = sync.Pool{New: func() any { return new([]int) }}

// pooledLineIndex is newLineIndex with its starts from startsPool, for an index that is
// released (and not used) once its file is checked.
func pooledLineIndex(data []byte) *lineIndex {
	pooled := startsPool.Get().(*[]int)
	return &lineIndex{data: data, starts: lineStarts(data, *pooled), pooled: pooled}
}

// release gives a pooled index's starts back.
func (li *lineIndex) release() {
	if li.pooled != nil {
		*li.pooled, li.starts = li.starts[:0], nil
		startsPool.Put(li.pooled)
	}
}

// lineStarts appends to starts (empty) the offset of each line of data.
func lineStarts(data []byte, starts []int) []int {
	if n := bytes.Count(data, []byte{'\n'}) + 1; cap(starts) < n {
		starts = make([]int, 0, n)
	}
	starts = append(starts[:0], 0)
	for off := 0; ; {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		starts = append(starts, off)
	}
	return starts
}

func (li *lineIndex) pos(off int) (line, col int) {
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	return i + 1, off - li.starts[i] + 1
}

// cpCol is the code point column of offset off (0 when it equals the byte column).
func (li *lineIndex) cpCol(off int) int {
	line, col := li.pos(off)
	start := li.starts[line-1]
	return report.CodePointCol(li.data[start:min(off, len(li.data))], col)
}

func (li *lineIndex) offset(line, col int) int {
	if line < 1 || line > len(li.starts) {
		return 0
	}
	return li.starts[line-1] + col - 1
}

func (li *lineIndex) edit(file string, start, end int, text string) *report.Edit {
	l1, c1 := li.pos(start)
	l2, c2 := li.pos(end)
	if li.base == "" && li.sums {
		li.base = report.Sum(li.data)
	}
	return &report.Edit{File: file, Start: start, End: end, New: text, StartLine: l1, StartCol: c1, EndLine: l2, EndCol: c2,
		CPStartCol: li.cpCol(start), CPEndCol: li.cpCol(end), Base: li.base}
}

func lineCol(data []byte, off int) (int, int) {
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	return line, off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
}

// indexRare is bytes.Index of word in data from offset from, searching for the rarest
// letter of word (rareAnchor) and comparing the rest around each: bytes.Index searches from
// the first byte, and a search for "/oauth/v2/auth", "implode(" or "uncatalogued:" stopped
// at each slash, i or u of the text. -1 when there is none.
func indexRare(data []byte, word string, from int) int {
	anchor := rareAnchor(word)
	a := word[anchor]
	for fails, at := 0, from+anchor; at < len(data); fails++ {
		i := bytes.IndexByte(data[at:], a)
		if i < 0 {
			return -1
		}
		i += at
		if start := i - anchor; start+len(word) <= len(data) && string(data[start:start+len(word)]) == word {
			return start
		}
		at = i + 1
		if fails > 4+(at-from)>>6 {
			// The letter is not rare here (a v in every line of versions): bytes.Index's
			// vector search of the rest does better than a stop at each.
			if j := bytes.Index(data[at-anchor:], []byte(word)); j >= 0 {
				return at - anchor + j
			}
			return -1
		}
	}
	return -1
}

// rareAnchor is the index of word's rarest letter in code and text (by rarity without its
// slash, rare only in YAML), 0 when it has none.
func rareAnchor(word string) int { return rarest(word, rarity[1:]) }

// hasLine reports whether a line of data after the first starts with prefix.
func hasLine(data []byte, prefix string) bool {
	for from := 0; ; {
		i := indexRare(data, prefix, from)
		if i < 0 {
			return false
		}
		if i > 0 && data[i-1] == '\n' {
			return true
		}
		from = i + 1
	}
}

// lazyRegexp compiles a pattern the first time it is used: most runs use none of the
// package's, and compiling them as the program starts was a twentieth of the CPU of a
// run over one file (every go vet -vettool process pays it too).
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
