package configcheck

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/internal/safefile"
	"github.com/zscopelint/zscopelint/judge"
	"github.com/zscopelint/zscopelint/report"
	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/suppress"
)

// How files are read, so that memory does not follow the largest file:
//
//   - every file is opened, its size taken, and its first binaryProbe bytes looked at
//     before anything else: a binary file, or one in another encoding, is settled on them;
//     a binary file larger than wholeRead is never read further;
//   - a file of at most wholeRead bytes (nearly every file) is read whole, in one go, into
//     its worker's buffer, which grows to the largest such file and never past wholeRead;
//   - a larger file, or one over -max-file-size, is read through windows of sweepWindow
//     bytes, with sweepOverlap more on each side (shared with the windows before and
//     after): the prefilter looks at each window, and the credential sweep (tokens, client
//     secrets) and the suppression directives are taken from it. A file the prefilter
//     finds nothing in is done without ever being held whole; so is one that holds only
//     credentials, or is not to be parsed (a log, a file over the limit). Only a larger
//     file that is to be parsed for scope sets is then read whole, into a buffer of its
//     own that is dropped once the file is checked.
const (
	wholeRead    = 1 << 20
	sweepWindow  = 256 << 10
	sweepOverlap = 4 << 10
	// windowSize is the bytes a window holds: its own part and the overlap on each side.
	windowSize = sweepWindow + 2*sweepOverlap
)

// The overlap must hold the longest match the sweep takes from a window: a token with a
// byte of context on each side and the dot that may end a sentence after it.
var _ = [sweepOverlap - (len(redact.TokenPrefix) + 2*32 + 1 + 3)]struct{}{}

// testHookRead, set by tests only, is told how many bytes each read of a file returned.
var testHookRead func(name string, n int)

// fileReader reads an opened file and tells testHookRead.
type fileReader struct {
	f    *safefile.File
	name string
}

func (r fileReader) Read(p []byte) (int, error) {
	n, err := r.f.Read(p)
	if testHookRead != nil && n > 0 {
		testHookRead(r.name, n)
	}
	return n, err
}

// readFull reads into b[len(b):n] (n <= cap(b)) until it is full or the file ends.
func readFull(r io.Reader, b []byte, n int) ([]byte, bool, error) {
	for len(b) < n {
		m, err := r.Read(b[len(b):n])
		b = b[:len(b)+m]
		if err == io.EOF {
			return b, true, nil
		}
		if err != nil {
			return b, false, err
		}
	}
	return b, false, nil
}

// screen reads a file and settles the files that need nothing more: excluded by the policy,
// unreadable, in another encoding, binary, without a needle (so nothing to parse and no
// credential to look for), holding credentials and nothing to parse, or too large to parse.
// checkFile and Prescan both go through it. For Prescan (mayOnly), a large file is read
// only until it shows that it may give findings: then neither its data nor its findings are
// returned (screened.done false, data nil).
func screen(name string, opts Options, pf *prefilter, buf *[]byte, mayOnly bool) screened {
	done := func(fs []report.Finding, failed bool) screened { return screened{done: true, fs: fs, failed: failed} }
	if opts.Policy.Excluded(name) {
		return done(nil, false)
	}
	kind := KindOf(name)
	// A file of no kind zscopelint parses is only searched for credentials: one that is
	// binary or in another encoding is passed over without a word, as grep would; so is
	// such a documentation file (a UTF-16 notes.txt).
	quiet := kind == NotConfig || kind == Text
	f, err := safefile.Open(name)
	if err != nil {
		return done([]report.Finding{unreadable(opts.Display(name), 1, 1, "%s", safefile.Describe(err))}, true)
	}
	defer f.Close()
	r := fileReader{f, name}
	// A file over the limit is not parsed: it is said so (unless zscopelint would not
	// parse it anyway), before anything else, and it gets the credential sweep.
	tooBig := f.Size > opts.MaxSize
	var note []report.Finding
	if tooBig && !quiet {
		note = []report.Finding{unreadable(opts.Display(name), 1, 1, "%v (-max-file-size): not parsed, searched for credentials only",
			&safefile.TooLargeError{Size: f.Size, Limit: opts.MaxSize})}
	}
	// Into the worker's buffer: nothing keeps data past the check (findings copy what they
	// hold), so one buffer serves every file the worker reads. It grows to the largest
	// file read whole or to a window, whichever is larger, and no further.
	small := !tooBig && f.Size <= wholeRead
	need := windowSize
	if small {
		need = max(int(f.Size)+1, binaryProbe)
	}
	if cap(*buf) < need {
		*buf = make([]byte, 0, need+512)
	}
	// The probe first, before the rest is read; a file read whole is read in one go (its
	// size is bounded, and a second system call per file shows over thousands of them).
	probe := binaryProbe
	if small {
		probe = cap(*buf)
	}
	data, eof, err := readFull(r, (*buf)[:0], probe)
	if err != nil {
		return done(append(note, unreadable(opts.Display(name), 1, 1, "%s", safefile.Describe(err))), true)
	}
	if enc := unicodeBOM(data); enc != "" {
		if quiet || tooBig {
			return done(note, tooBig && !quiet)
		}
		return done([]report.Finding{unreadable(opts.Display(name), 1, 1, "%s text (byte order mark): zscopelint reads UTF-8 only; convert the file to have it checked", enc)}, true)
	}
	if i := binaryAt(data); i >= 0 {
		if quiet || tooBig {
			return done(note, tooBig && !quiet)
		}
		line, col := lineCol(data, i)
		return done([]report.Finding{unreadable(opts.Display(name), line, col, "binary file (NUL byte)")}, true)
	}
	if small {
		if !eof {
			// A file whose size the system does not know (as in /proc): read to its end,
			// up to the limit, in a buffer of its own.
			data, err = safefile.ReadFile(name, opts.MaxSize)
		}
		var big *safefile.TooLargeError
		switch {
		case errors.As(err, &big) && quiet:
			return done(nil, false)
		case err != nil:
			return done([]report.Finding{unreadable(opts.Display(name), 1, 1, "%s", safefile.Describe(err))}, true)
		}
		seen := seenIn(name, data, pf)
		if seen == 0 {
			return done(nil, false)
		}
		return screened{data: data, kind: kind, seen: seen}
	}
	return screenLarge(name, kind, r, data, note, opts, pf, mayOnly)
}

// seenIn is what the prefilter finds in a file's bytes.
func seenIn(name string, data []byte, pf *prefilter) hits {
	seen := pf.scan(data)
	if namedZoho(name) && holdsWord(data, "secret") { // as the sweep asks each window
		seen |= hitNamedZoho // searched for client secrets, which its name says are Zoho's
	}
	return seen
}

// screenLarge settles a file larger than wholeRead, or over the size limit, whose first
// bytes (head) are read: through a window (sweepFile). A file over the limit gets the
// credential sweep, after note (its ZS001 when zscopelint would have parsed it).
func screenLarge(name string, kind Kind, r fileReader, head []byte, note []report.Finding, opts Options, pf *prefilter, mayOnly bool) screened {
	display := opts.Display(name)
	tooBig := r.f.Size > opts.MaxSize
	// A file to be parsed is read whole once the prefilter says so: the rest of the sweep
	// would find nothing that the parse does not.
	// For Prescan, so is a file that holds a credential: it may give a finding.
	parse := func(seen hits) bool { return !tooBig && kind != NotConfig && seen.needsParse() }
	stop := func(sw *swept) bool {
		return parse(sw.seen) || mayOnly && (len(sw.tokens) > 0 || len(sw.secrets) > 0 && sw.seen.mentionsZoho())
	}
	failed := func(err error) screened {
		return screened{done: true, fs: append(note, unreadable(display, 1, 1, "%s", safefile.Describe(err))), failed: true}
	}
	// The prefilter alone first: most large files (bundles, logs, data) hold no needle,
	// and are done after one read at the prefilter's pace, without the sweep's work.
	seen, win, first, err := seenThrough(name, r, head[:len(head):windowSize], pf)
	if err != nil {
		return failed(err)
	}
	if seen == 0 {
		return screened{done: true, fs: note, failed: note != nil}
	}
	// Then the sweep of a file the prefilter found something in, from the window it
	// found it in when that is the first, or else from the start again.
	if !first {
		f, err := safefile.Open(name)
		if err != nil {
			return failed(err)
		}
		defer f.Close()
		r, win = fileReader{f, name}, win[:0]
	}
	sw, err := sweepFile(name, r, win, pf, opts.Registry, stop)
	if err != nil {
		return failed(err)
	}
	if mayOnly && stop(sw) {
		return screened{kind: kind, seen: sw.seen}
	}
	if parse(sw.seen) {
		// To be parsed: read whole, into a buffer of its own that goes with the file.
		data, err := safefile.ReadFile(name, opts.MaxSize)
		if err != nil {
			return screened{done: true, fs: []report.Finding{unreadable(display, 1, 1, "%s", safefile.Describe(err))}, failed: true}
		}
		return screened{data: data, kind: kind, seen: seenIn(name, data, pf)}
	}
	if sw.seen == 0 {
		return screened{done: true, fs: note, failed: note != nil}
	}
	fs := sw.judge(name, display, opts)
	return screened{done: true, fs: append(note, fs...), failed: note != nil}
}

// seenThrough is what the prefilter finds in a file read through windows of win's capacity
// (win holding its first bytes), each overlapping the one before by sweepOverlap as the
// sweep's do, so that no needle is cut in two. It stops at the first window with a hit,
// and returns that window and whether it is the file's first.
func seenThrough(name string, r io.Reader, win []byte, pf *prefilter) (seen hits, last []byte, first bool, err error) {
	named := namedZoho(name)
	for first = true; ; first = false {
		var eof bool
		win, eof, err = readFull(r, win, cap(win))
		if err != nil {
			return 0, nil, false, err
		}
		seen = pf.scan(win)
		if named && holdsWord(win, "secret") {
			seen |= hitNamedZoho
		}
		if seen != 0 || eof {
			return seen, win, first, nil
		}
		win = win[:copy(win, win[len(win)-sweepOverlap:])]
	}
}

// swept is what the sweep of a file through a window found: what the prefilter saw, the
// credential-shaped texts and suppression directives, each anchored to its line.
type swept struct {
	seen    hits
	tokens  []sweptText
	secrets []sweptText // client secrets, reported when the file mentions Zoho
	dirs    *suppress.Set
	// dirLines holds the offset of each line with a directive, by line number.
	dirLines map[int]int
	anchors  []anchor
}

// sweptText is a credential-shaped text at offset at of the file.
type sweptText struct {
	value, key string
	at         int
}

// anchor is a position of the file whose line is known: its line, where the line starts,
// the code points from there to it, and the bytes that follow it on its line (as many as
// positions after it are asked about).
type anchor struct {
	off, line, lineStart, runes int
	text                        string
}

// cursor walks a window's owned bytes forward, knowing the line it is on.
type cursor struct {
	off       int // offset in the window
	base      int // offset of the window in the file
	line      int
	lineStart int // offset in the file
	runes     int // code points from lineStart to off
}

// to moves the cursor forward to offset off of the window.
func (c *cursor) to(win []byte, off int) {
	seg := win[c.off:off]
	if i := bytes.LastIndexByte(seg, '\n'); i >= 0 {
		c.line += bytes.Count(seg, []byte{'\n'})
		c.lineStart = c.base + c.off + i + 1
		c.runes = countRunes(seg[i+1:])
	} else {
		c.runes += countRunes(seg)
	}
	c.off = off
}

// anchor makes an anchor at the cursor, whose line goes on with text.
func (c *cursor) anchor(text string) anchor {
	return anchor{off: c.base + c.off, line: c.line, lineStart: c.lineStart, runes: c.runes, text: text}
}

// countRunes counts the code points of UTF-8 text by their first bytes, so that a code
// point split between two windows counts once.
func countRunes(b []byte) int {
	n := 0
	for _, c := range b {
		if c&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// sweepFile reads the rest of a file through a window whose first bytes are read (win):
// each window is searched whole by the prefilter, and what starts in its own part (all but
// the sweepOverlap bytes at each end that it shares with its neighbours) is taken from it,
// so that a match that crosses from one window to the next is found once, whole.
//
// Every token shape of any case (not only those ZS301 reports) is given to the registry,
// as checkFile gives those of a file read whole. The sweep stops once stop says that what
// it found is enough.
func sweepFile(name string, r io.Reader, win []byte, pf *prefilter, registry *redact.Registry, stop func(*swept) bool) (*swept, error) {
	sw := &swept{dirs: &suppress.Set{}, dirLines: map[int]int{}}
	named := namedZoho(name)
	known := func(id string) bool { _, ok := rules.CheckByID(id); return ok }
	c := cursor{line: 1}
	lastDirLine := -1
	for ownLo := 0; ; {
		var eof bool
		var err error
		win, eof, err = readFull(r, win, cap(win))
		if err != nil {
			return nil, err
		}
		ownHi := len(win)
		if !eof {
			ownHi -= sweepOverlap
		}
		own := func(off int) bool { return off >= ownLo && off < ownHi }
		sw.seen |= pf.scan(win)
		if named && sw.seen&hitNamedZoho == 0 && holdsWord(win, "secret") {
			sw.seen |= hitNamedZoho
		}
		if stop(sw) {
			return sw, nil
		}
		var found []rules.CredentialText
		loose := redact.TokensIn(win, false)
		var mine redact.Found
		for _, t := range loose {
			if own(t.Start) {
				mine.Tokens = append(mine.Tokens, t)
			}
		}
		registry.Add(win, mine)
		for _, t := range rules.CredentialTexts(win, redact.Found{Tokens: loose}) {
			if own(t.Start) {
				found = append(found, t)
			}
		}
		nTokens := len(found)
		var assigns []redact.Assignment
		for _, a := range redact.AssignmentsIn(win) {
			if own(a.Value.Start) {
				assigns = append(assigns, a)
			}
		}
		found = append(found, rules.CredentialTexts(win, redact.Found{Assignments: assigns})...)
		var dirs []int // offsets in the window of "zscopelint:"
		for from := ownLo; from < ownHi; {
			i := bytes.Index(win[from:], []byte("zscopelint:"))
			if i < 0 || from+i >= ownHi {
				break
			}
			dirs = append(dirs, from+i)
			from += i + 1
		}
		// In file order, so that the cursor only moves forward.
		type item struct {
			at  int
			txt int // index in found, or -1 for a directive
		}
		items := make([]item, 0, len(found)+len(dirs))
		for i, t := range found {
			items = append(items, item{t.Start, i})
		}
		for _, d := range dirs {
			items = append(items, item{d, -1})
		}
		sort.SliceStable(items, func(i, j int) bool { return items[i].at < items[j].at })
		for _, it := range items {
			c.to(win, it.at)
			if it.txt >= 0 {
				t := found[it.txt]
				st := sweptText{value: t.Value, key: t.Key, at: c.base + t.Start}
				sw.anchors = append(sw.anchors, c.anchor(t.Value))
				if it.txt < nTokens {
					sw.tokens = append(sw.tokens, st)
				} else {
					sw.secrets = append(sw.secrets, st)
				}
				continue
			}
			// A directive: its whole line, when the window holds it (a line longer than
			// the overlap is no place for one).
			start, end := c.lineStart-c.base, bytes.IndexByte(win[it.at:], '\n')
			if end < 0 && !eof || start < 0 || c.line == lastDirLine {
				continue
			}
			if end < 0 {
				end = len(win)
			} else {
				end += it.at
			}
			lastDirLine = c.line
			line := win[start:end]
			sw.dirs.ScanLine(line, c.line, known)
			sw.dirLines[c.line] = c.lineStart
			sw.anchors = append(sw.anchors, anchor{off: c.lineStart, line: c.line, lineStart: c.lineStart, text: string(line)})
		}
		c.to(win, ownHi)
		if eof || stop(sw) {
			break
		}
		// Keep the overlap on each side of the next window's own part.
		keep := ownHi - sweepOverlap
		n := copy(win, win[keep:])
		win = win[:n]
		c.off -= keep
		c.base += keep
		ownLo = sweepOverlap
	}
	sort.SliceStable(sw.anchors, func(i, j int) bool { return sw.anchors[i].off < sw.anchors[j].off })
	return sw, nil
}

// holdsWord reports whether b holds the lower-case ASCII word w in any case, found
// through its first letter (containsFold compares at every byte, fine for a line).
func holdsWord(b []byte, w string) bool {
	for from := 0; ; {
		i := bytes.IndexAny(b[from:], string([]byte{w[0], w[0] - 'a' + 'A'}))
		if i < 0 {
			return false
		}
		i += from
		if i+len(w) <= len(b) && equalFold(b[i:i+len(w)], w) {
			return true
		}
		from = i + 1
	}
}

// pos gives the line, byte column and code point column (0 when it is the byte column) of
// a position the sweep anchored: a text's bytes, or a directive line's.
func (sw *swept) pos(off int) (line, col, cpCol int) {
	i := sort.Search(len(sw.anchors), func(i int) bool { return sw.anchors[i].off > off }) - 1
	if i < 0 {
		return 1, off + 1, 0
	}
	// The anchor whose bytes hold off: a text's, or the directive line's that a text
	// before the directive on the same line may stand after.
	for j := i; j >= 0 && sw.anchors[j].line == sw.anchors[i].line; j-- {
		if off-sw.anchors[j].off <= len(sw.anchors[j].text) {
			i = j
			break
		}
	}
	a := sw.anchors[i]
	col = off - a.lineStart + 1
	cp := a.runes + countRunes([]byte(a.text[:min(off-a.off, len(a.text))])) + 1
	if cp == col {
		cp = 0
	}
	return a.line, col, cp
}

// judge judges what the sweep found in the file name (display in findings), as
// checkExtraction judges a file's texts.
func (sw *swept) judge(name, display string, opts Options) []report.Finding {
	texts := sw.tokens
	if sw.seen.mentionsZoho() {
		texts = append(texts, sw.secrets...)
	}
	if len(texts) == 0 && sw.dirs.Len() == 0 {
		return nil
	}
	var secrets []string
	for _, t := range texts {
		secrets = append(secrets, t.value)
	}
	opts.Registry.AddSecret(secrets...)
	var y judge.Yield
	for _, t := range texts {
		at := t.at
		y.Texts = append(y.Texts, judge.Text{Text: hygieneText(name, t.value, t.key),
			Locate: func(s, e int) (judge.Span, bool) {
				return judge.Span{Start: judge.Pos(at + s), End: judge.Pos(at + e)}, true
			}})
	}
	y.Directives = []judge.Directives{{File: name, Set: sw.dirs,
		At: func(line, col int) judge.Pos { return judge.Pos(sw.dirLines[line] + col - 1) }}}
	product := opts.Product
	if product == 0 {
		product = rules.DetectProduct(func(yield func(string) bool) {
			for _, t := range texts {
				if !yield(t.value) {
					return
				}
			}
		})
	}
	eng := &rules.Engine{Catalog: opts.Catalog, Product: product, Checks: opts.Checks, Policy: opts.Policy}
	found, _ := judge.Judge(eng, y, judge.Source{
		Line: func(p judge.Pos) (string, int) {
			line, _, _ := sw.pos(int(p))
			return name, line
		},
		Remember: opts.Registry.AddSecret,
	})
	var fs []report.Finding
	for _, f := range found {
		line, col, cp := sw.pos(int(f.At.Start))
		endLine, endCol, endCP := sw.pos(int(f.At.End))
		fs = append(fs, report.Finding{Check: f.Check, Severity: f.Severity, File: display, Line: line, Col: col,
			EndLine: endLine, EndCol: endCol, CPCol: cp, CPEndCol: endCP,
			Scope: f.Scope, Message: f.Message, Suggestions: f.Suggestions, Withheld: f.Withheld})
	}
	return fs
}

// hygieneText is a string value of the file name for the hygiene checks.
func hygieneText(name, value, key string) rules.Text {
	ext := strings.ToLower(filepath.Ext(name))
	return rules.Text{Value: value, Key: key, File: name,
		ClientSide:    ext == ".html" || ext == ".htm" || ext == ".jsx" || ext == ".tsx",
		RuntimeBraces: ext == ".py" || ext == ".php"}
}
