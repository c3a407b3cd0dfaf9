package configcheck

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/rules"
)

// The prefilter decides, in one look at a file's bytes, what there is to do with it: parse
// it for scope sets and authorization URLs, and search it for tokens. It reads the text
// once (find), marking with vector compares the bytes its needles are found through — z
// and Z, the dots and the slashes — and looks around those alone, whatever the catalogs
// hold:
//
//   - "zoho" in any case, through its z: ZohoCRM, ZOHOPEOPLE, every registry name, their
//     near misses, the accounts and API hosts;
//   - through the dots: each catalogued service whose name lacks "zoho" (Desk., WorkDrive.,
//     SalesIQ.; in any case, with its dot: "desk" alone is a common word), AaaServer. (Zoho
//     Accounts' profile scope), where a second dot may follow before the element ends
//     (scopeMayFollow: "Profile.html" or "the desk." is no scope), and "1000." where a
//     token starts (redact.TokenAt: "set it to 1000." is none);
//   - "oauth/v2", through its slash: an authorization URL whose host is a placeholder;
//   - in a file without any of the others, a scope-named key followed by a text the engine
//     completes: a value under such a key (scope: modules.leads.READ) is in scope position,
//     where the engine completes a scope written without its service (ZS101), so such a
//     file is parsed too. This is the engine's candidate rule, not a second one: every key
//     scopetext.ScopeName accepts ends in the word, as every scope= parameter holds it, and
//     the text is asked of rules.Engine.Completion. Only an operation after a dot, which
//     find notes on its way, makes the prefilter look for the key (scopeKeyHit).
//
// What it gives up, on purpose: a file that holds none of these is not parsed (it is still
// searched for tokens when it holds "1000."), as the engine could report nothing in it; a
// client secret is recognised by its key only in files that mention a service or an
// authorization path (elsewhere nothing says whose secret it is).
type prefilter struct {
	keys []needle // the words of keys whose values the checks read whatever they hold
	// byLast holds the names found before a dot (lower case) by their last byte, in both
	// cases: each service name without "zoho", AaaServer and the token digits "1000".
	byLast [256][]string
	// lastKind says, by the byte before a dot, which names may end there: none (most
	// bytes), only names of four bytes or more (whose last four bytes, folded, are then
	// looked up in suffixes before any is compared), or a shorter one too.
	lastKind [256]uint8
	suffixes suffixSet
	// completes reports whether the engine completes a text written without its service
	// (rules.Engine.Completion) under either product's catalog.
	completes func(text string) bool
}

// hits is what the prefilter found in a text.
type hits uint8

const (
	hitService   hits = 1 << iota // a service name: there may be scopes
	hitAuth                       // an authorization path
	hitToken                      // "1000.": there may be a token
	hitScope                      // only a scope-named key: a scope set, and nothing else, may be judged
	hitOperation                  // an operation after a dot, found at the dots for scan alone
	// hitNamedZoho: the file's name or its directory's says zoho (zoho_tokens.json,
	// zoho/creds.json), which says whose a client secret in it is, as its content would.
	hitNamedZoho
	// hitLoose, wanted with hitService and hitAuth, has find report every place a part of
	// the text may hold one (looseHits): at a dot, any name ending there, whatever follows.
	hitLoose
)

// namedZoho reports whether a file's name or the name of its directory holds "zoho" in
// any case. Only the nearest directory counts: a repository checked out under
// ~/zoho-work/ says nothing of each of its files.
func namedZoho(name string) bool {
	base := filepath.Base(name)
	// The directory's name, without filepath.Dir's copy for the names a walk gives.
	dir := filepath.Base(strings.TrimRightFunc(strings.TrimSuffix(name, base), isSeparator))
	if dir == "." || dir == ".." {
		dir = filepath.Base(filepath.Dir(name)) // a name like a/./b.txt
	}
	return holdsWord([]byte(base), "zoho") || holdsWord([]byte(dir), "zoho")
}

func isSeparator(r rune) bool { return r == '/' || r == filepath.Separator }

// needsParse reports whether a text is to be read for scope sets and URLs.
func (h hits) needsParse() bool { return h&(hitService|hitAuth|hitScope) != 0 }

// mentionsZoho reports whether a text names a Zoho service or an authorization path, or
// its file's name says zoho: what makes a value under a client-secret key a Zoho client
// secret.
func (h hits) mentionsZoho() bool { return h&(hitService|hitAuth|hitNamedZoho) != 0 }

// tokenDigits is how every Zoho token starts, before its dot (redact.TokenPrefix).
var tokenDigits = strings.TrimSuffix(redact.TokenPrefix, ".")

// tellingKeyWords are the words of the keys whose values the checks read whatever they
// hold: scope-named keys, OpenAPI's security, credential and client-secret keys.
var tellingKeyWords = []string{"scope", "token", "secret", "security"}

// A needle is a word any file holding what it stands for must contain, in any case, with
// the index of its rarest letter.
type needle struct {
	word   string // lower case
	anchor int
	hit    hits
}

// rarity orders letters from rarest to most common in English text and code.
const rarity = "/zqxjkvbpygfwmucldrhsnioate"

func newNeedle(word string, hit hits) needle {
	w := strings.ToLower(word)
	return needle{word: w, anchor: rarest(w, rarity), hit: hit}
}

// rarest is the index in word of its letter (or slash) that comes first in order, a
// rarity ranking in lower case (letters of either case count); 0 when none is there.
func rarest(word, order string) int {
	best, at := len(order), 0
	for i := 0; i < len(word); i++ {
		// |0x20 lowers a capital and leaves every other byte of order as it is.
		if r := strings.IndexByte(order, word[i]|0x20); r >= 0 && r < best {
			best, at = r, i
		}
	}
	return at
}

// newPrefilter builds the prefilter for a catalog.
func newPrefilter(c *catalog.Catalog) *prefilter {
	p := &prefilter{}
	crm := &rules.Engine{Catalog: c, Product: catalog.CRM}
	vertical := &rules.Engine{Catalog: c, Product: catalog.VerticalSolutions}
	p.completes = func(text string) bool { return crm.Completion(text) != "" || vertical.Completion(text) != "" }
	for _, w := range tellingKeyWords {
		p.keys = append(p.keys, newNeedle(w, 0))
	}
	names := map[string]bool{"aaaserver": true}
	for _, s := range c.KnownServices() {
		if l := strings.ToLower(s); !strings.Contains(l, "zoho") {
			names[l] = true
		}
	}
	dotted := []string{tokenDigits}
	for n := range names {
		dotted = append(dotted, n)
	}
	sort.Strings(dotted) // the same order, whatever the map's
	for _, d := range dotted {
		c := d[len(d)-1]
		p.byLast[c] = append(p.byLast[c], d)
		if upper(c) != c {
			p.byLast[upper(c)] = append(p.byLast[upper(c)], d)
		}
		kind := uint8(lastShort)
		if len(d) >= 4 {
			kind = lastLong
			p.suffixes.add(fold4(d[len(d)-4:]))
		}
		p.lastKind[c] = max(p.lastKind[c], kind)
		p.lastKind[upper(c)] = max(p.lastKind[upper(c)], kind)
	}
	return p
}

// scan reports what a text holds, passing over each kind once it is found. A scope-named
// key is looked for only in a text that would not be parsed without it and that holds an
// operation after a dot (which find notes at the dots on its way): most texts never pay for it.
func (p *prefilter) scan(data []byte) hits {
	var h hits
	var ops operationDots
	p.find(data, hitService|hitAuth|hitToken|hitOperation, func(off int, hit hits, want hits) hits {
		h |= hit
		if hit == hitOperation {
			ops.add(off)
		} else {
			want &^= hit
		}
		if h.needsParse() {
			want &^= hitOperation // the scope-key look is for a text not parsed otherwise
		}
		return want
	})
	if !h.needsParse() && h&hitOperation != 0 && p.scopeKeyHit(data, &ops) {
		h |= hitScope
	}
	return h &^ hitOperation
}

// operationDots holds the offsets of the dots scan found an operation after, in the
// order found (ascending), up to a bound past which only the first is kept.
type operationDots struct {
	first [32]int
	n     int
	many  bool // more than the bound: every scope word after the first is looked at
}

func (o *operationDots) add(dot int) {
	if o.n == len(o.first) {
		o.many = true
		return
	}
	o.first[o.n] = dot
	o.n++
}

// holds reports whether a text holds a service name or an authorization path (the lexer
// adds scope-named keys, whose offsets it finds once per file).
func (p *prefilter) holds(data []byte) bool {
	found := false
	p.find(data, hitService|hitAuth, func(int, hits, hits) hits { found = true; return 0 })
	return found
}

// looseHits returns, sorted, offsets in data such that holds finds nothing in a part of
// data that holds none of them: the start of each "zoho" and "oauth/v2", and each dot a name
// ends before, whatever follows it. (In a part, a name may be cut short, and what follows
// its dot reads differently at the part's end: the dot stands for all of them.) A reader
// that asks holds of many small parts of one text asks it only of those that hold one.
func (p *prefilter) looseHits(data []byte) []int {
	var offs []int
	p.find(data, hitService|hitAuth|hitLoose, func(off int, _ hits, want hits) hits { offs = append(offs, off); return want })
	sort.Ints(offs) // find promises no order
	return offs
}

// mattering returns, sorted, the offsets in data of what may make a part of it matter to
// the checks: what holds finds, an operation after a dot (a scope whose service is
// misspelt past the prefilter), and the words of the keys whose values the checks read
// whatever they hold (keyMatters). A part of a file (a JSON object, array or string) that
// none of them starts in is passed over.
func (p *prefilter) mattering(data []byte) []int {
	var offs []int
	add := func(off int) { offs = append(offs, off) }
	p.each(data, add)
	eachOperation(data, add)
	for _, k := range p.keys {
		k.find(data, func(off int) bool { add(off); return true })
	}
	sort.Ints(offs)
	return offs
}

// within reports whether a sorted list of offsets holds one in [start, end).
func within(offs []int, start, end int) bool {
	i := sort.SearchInts(offs, start)
	return i < len(offs) && offs[i] < end
}

// each calls at with the offset of every service name, authorization path and scope word
// in data.
func (p *prefilter) each(data []byte, at func(off int)) {
	p.find(data, hitService|hitAuth, func(off int, _ hits, want hits) hits { at(off); return want })
	eachScopeWord(data, func(off int) bool { at(off); return true })
}

// find calls hit with each occurrence of a needle of the kinds in want, in no particular
// order; hit returns the kinds still wanted, and find stops when there are none.
//
// It reads the text once: stopMasks marks, 64 bytes to a word, every byte a needle may be
// found through (stopMasksGo says which: a z before an o, a slash two bytes before a 2, a
// dot before anything but white space), and at looks around each. A dot that no name ends
// before and no operation follows — most of them — is settled without a call. The four
// vector searches this replaced (z, Z, "/", ".") restarted at every slash and dot, about
// 37 times a kilobyte of prose or code (BenchmarkPrefilter); pairing each byte with the
// one after it in the vector compare leaves about 10 stops a kilobyte, nearly all dots.
func (p *prefilter) find(data []byte, want hits, hit func(off int, h, want hits) hits) {
	var masks [64]uint64 // 4 KB of text a round
	var tail [64 + stopReadAhead]byte
	n := len(data)
	for base := 0; base < n; {
		text := data[base:]
		blocks := min((len(text)-stopReadAhead)/64, len(masks))
		if blocks <= 0 { // the last bytes, zero-padded: a zero byte is no stop
			c := copy(tail[:], text)
			clear(tail[c:]) // a text of 64 or 65 bytes comes here twice
			text = tail[:c]
			blocks = 1
			stopMasks(tail[:], masks[:1])
		} else {
			stopMasks(text, masks[:blocks])
		}
		for k, m := range masks[:blocks] {
			for ; m != 0; m &= m - 1 {
				j := base + 64*k + bits.TrailingZeros64(m)
				if data[j] == '.' && (j == 0 || p.lastKind[data[j-1]] == lastNone && (want&hitOperation == 0 || !operationFirst[data[j+1]])) {
					continue
				}
				if want = p.at(data, j, want, hit); want == 0 {
					return
				}
			}
		}
		base += min(64*blocks, len(text))
	}
}

// stopReadAhead is how many bytes past its 64 stopMasks reads to mark a block: a stop is
// told by the byte after it, or the one after that.
const stopReadAhead = 2

// stopMasksGo is what stopMasks computes, a byte at a time: bit i of masks[k] is set where
// data[64*k+i] is a stop, which data must hold stopReadAhead bytes past: a z or Z before an
// o or O ("zoho"), a slash two bytes before a 2 ("oauth/v2"), a dot before a byte above
// the space (a name before it, an operation or a scope's rest after it: a dot that ends a
// sentence or a line is none).
func stopMasksGo(data []byte, masks []uint64) {
	for k := range masks {
		var m uint64
		for i := range 64 {
			j := 64*k + i
			c, next, second := data[j], data[j+1], data[j+2]
			if c|0x20 == 'z' && next|0x20 == 'o' || c == '/' && second == '2' || c == '.' && next > ' ' {
				m |= 1 << i
			}
		}
		masks[k] = m
	}
}

// at looks for the needles found through data[j], as find's pass stops there: "zoho" from
// its z, "oauth/v2" around its slash, and at a dot the operation after it and the name
// before it.
func (p *prefilter) at(data []byte, j int, want hits, hit func(off int, h, want hits) hits) hits {
	switch data[j] {
	case 'z', 'Z':
		if want&hitService != 0 && j+4 <= len(data) && equalFold(data[j+1:j+4], "oho") {
			want = hit(j, hitService, want)
		}
	case '/':
		if want&hitAuth != 0 && j >= 5 && j+3 <= len(data) && data[j+2] == '2' && data[j+1]|0x20 == 'v' && equalFold(data[j-5:j], "oauth") {
			want = hit(j-5, hitAuth, want)
		}
	case '.':
		if j == 0 || want&(hitToken|hitService|hitOperation) == 0 {
			break
		}
		if want&hitOperation != 0 && j+1 < len(data) && operationFirst[data[j+1]] && operationAt(data, j) {
			want = hit(j, hitOperation, want)
		}
		switch p.lastKind[data[j-1]] {
		case lastNone:
			return want
		case lastLong:
			if j < 4 || !p.suffixes.has(binary.LittleEndian.Uint32(data[j-4:])|0x20202020) {
				return want
			}
		}
		// The first name that ends before the dot, in byLast's order.
		for _, name := range p.byLast[data[j-1]] {
			if j < len(name) || !equalFold(data[j-len(name):j], name) {
				continue
			}
			switch {
			case want&hitLoose != 0:
				want = hit(j, hitLoose, want)
			case name == tokenDigits:
				if want&hitToken != 0 && redact.TokenAt(data, j-len(name)) {
					want = hit(j-len(name), hitToken, want)
				}
			case want&hitService != 0 && scopeMayFollow(data, j):
				want = hit(j-len(name), hitService, want)
			}
			break
		}
	}
	return want
}

// scopeFollowReach bounds how far scopeMayFollow reads past a service name's dot: a scope's
// middle segments are words, and a longer run is taken to hold a dot.
const scopeFollowReach = 256

// scopeMayFollow reports whether the text after a service name's dot, data[dot], may make
// an element the engine judges: every candidate has three dotted segments (IsCandidate:
// Desk.tickets.READ, Desk..READ, Desk.${m}.READ, Desk.<module>.ALL), so a second dot must
// come before the element can end. An element ends, in every reader, at white space, a
// quote, a comma or semicolon, a bracket or parenthesis, or an equals sign ("profile. For",
// "profile.</p>\"", "profile.html", "Profile.mark(": prose, markup, file names and member
// calls, the most of what names like Profile and Desk meet). A % or a backslash before
// that may stand for an encoded or escaped dot, so either counts as one, but for escaped
// quotes and white space.
func scopeMayFollow(data []byte, dot int) bool {
	end := min(len(data), dot+1+scopeFollowReach)
	for i := dot + 1; i < end; i++ {
		switch c := data[i]; c {
		case '.', '%':
			return true
		case '\\':
			// An escaped quote or white space ends the element as the character does
			// (HTML in a JSON string: profile.html\">); any other escape may be a dot.
			return i+1 >= len(data) || !strings.ContainsRune("\"'`ntr", rune(data[i+1]))
		case '"', '\'', '`', ',', ';', '(', ')', '[', ']', '=':
			return false
		}
		if data[i] <= ' ' || data[i] == 0x7f {
			return false
		}
	}
	return end-dot-1 == scopeFollowReach
}

// The kinds of byte before a dot (prefilter.lastKind).
const (
	lastNone  = iota // no name ends in it
	lastLong         // only names of four bytes or more end in it
	lastShort        // a shorter name ends in it too
)

// fold4 is the last four bytes of a name as find reads them before a dot: a little-endian
// word with each byte's case bit set. Two texts equal but for the case of their letters
// fold alike (other bytes may fold together too; the names are compared after).
func fold4(s string) uint32 {
	return binary.LittleEndian.Uint32([]byte(s)) | 0x20202020
}

// suffixSet is a set of folded four-byte suffixes: a bit per hash, so a lookup may say yes
// of a suffix it does not hold (the name is compared after), never no of one it holds.
type suffixSet [64]uint64

func suffixBit(x uint32) uint32 { return (x * 0x9e3779b1) >> 20 } // 12 bits: 4096 of them

func (s *suffixSet) add(x uint32) { b := suffixBit(x); s[b>>6] |= 1 << (b & 63) }

func (s *suffixSet) has(x uint32) bool { b := suffixBit(x); return s[b>>6]&(1<<(b&63)) != 0 }

// scopeValueReach is how far after a scope-named key the prefilter looks for the value the
// engine may complete: a scope list of a kilobyte is longer than any written by hand.
const scopeValueReach = 1024

// scopeKeyHit reports whether data may hold a value the engine judges in scope position
// although it names no service: a word that ends a scope-named key (scopetext.ScopeName:
// scope, oauthScopes, ZOHO_SCOPE; scope= too), followed within scopeValueReach bytes by a
// text the engine completes (completedAfter). Every such text holds an operation after a
// dot, so only the scope words in reach before one of the dots in ops are looked at: in a
// bundle of megabytes with a few operations that is a few kilobytes, where a search of
// the whole text for the word was a sixth of the scan's time.
func (p *prefilter) scopeKeyHit(data []byte, ops *operationDots) bool {
	found := false
	try := func(off int) bool {
		found = p.completedAfter(data, off, len(data))
		return !found
	}
	// completedAfter reads the dots in [off, off+len("scope")+scopeValueReach), so a
	// scope word at off matters to a dot at j when j-reach < off <= j.
	const reach = len("scope") + scopeValueReach - 1
	if ops.many {
		eachScopeWordIn(data, max(0, ops.first[0]-reach), len(data), try)
		return found
	}
	for i := 0; i < ops.n && !found; {
		lo, hi := max(0, ops.first[i]-reach), ops.first[i]+1
		for i++; i < ops.n && ops.first[i]-reach <= hi; i++ {
			hi = ops.first[i] + 1 // overlapping reaches, looked at once
		}
		eachScopeWordIn(data, lo, hi, try)
	}
	return found
}

// completedAfter reports whether data[off:end], up to scopeValueReach bytes after the scope
// word at off, holds a text the engine completes with a service: the scope-shaped token
// around each operation after a dot (operationAt), asked of the catalog as the engine asks
// it. fs.read (Node's permission scopes) or bigquery.readonly are not.
func (p *prefilter) completedAfter(data []byte, off, end int) bool {
	end = min(end, off+len("scope")+scopeValueReach)
	for from := off; ; {
		i := bytes.IndexByte(data[from:end], '.')
		if i < 0 {
			return false
		}
		dot := from + i
		from = dot + 1
		if !operationAt(data, dot) {
			continue
		}
		start, stop := dot, dot+1
		for start > off && scopeTokenByte(data[start-1]) {
			start--
		}
		for stop < len(data) && scopeTokenByte(data[stop]) {
			stop++
		}
		if p.completes(strings.Trim(string(data[start:stop]), ".")) {
			return true
		}
	}
}

// scopeTokenByte reports whether c may be part of a scope written out: letters, digits and
// . _ -.
func scopeTokenByte(c byte) bool { return isWordByte(c) || c == '.' || c == '-' }

// eachScopeWord calls at with the offset of each "scope" or "scopes" that ends a word, as
// keys are written — scope, Scope, SCOPE — until at returns false, and reports whether it
// found any. Its "cope" and "COPE" are found with bytes.Index, which compares whole
// strings in vector registers: no letter of "scope" is rare in text, and a pass stopping at
// each p costs more than the rest of the prefilter. A key that mixes cases inside the word
// (sCoPe) is not found.
func eachScopeWord(data []byte, at func(off int) bool) bool {
	return eachScopeWordIn(data, 0, len(data), at)
}

// eachScopeWordIn is eachScopeWord for the words that start in data[lo:hi].
func eachScopeWordIn(data []byte, lo, hi int, at func(off int) bool) bool {
	found := false
	for _, w := range [2]string{"cope", "COPE"} {
		end := min(len(data), hi+len(w)) // the word's "cope" starts a byte after it
		for from := lo + 1; from < end; {
			i := indexRare(data[:end], w, from) // from its p: the c of const, class and call is everywhere in code
			if i < 0 {
				break
			}
			from = i + len(w)
			if i == 0 || data[i-1] != 's' && data[i-1] != 'S' {
				continue
			}
			wordEnd := from
			if wordEnd < len(data) && (data[wordEnd] == 's' || data[wordEnd] == 'S') {
				wordEnd++
			}
			if wordEnd < len(data) && isWordByte(data[wordEnd]) {
				continue // scoped, scopeOf: not a key that ScopeName accepts
			}
			found = true
			if !at(i - 1) {
				return true
			}
		}
	}
	return found
}

// operationFirst holds the first letters of the operations, in both cases: find's first
// look at a dot, an index into a table where a call would cost a fifth of the pass.
var operationFirst = func() (t [256]bool) {
	for _, op := range catalog.Operations {
		t[op[0]], t[op[0]|0x20] = true, true
	}
	return t
}()

// operationStart reports whether the two letters after the dot start an operation, in
// either case.
func operationStart(data []byte, dot int) bool {
	if dot+2 >= len(data) {
		return false
	}
	c0, c1 := data[dot+1]|0x20, data[dot+2]|0x20
	return c0 == 'a' && c1 == 'l' || c0 == 'r' && c1 == 'e' || c0 == 'c' && (c1 == 'r' || c1 == 'u') ||
		c0 == 'u' && c1 == 'p' || c0 == 'd' && c1 == 'e' || c0 == 'w' && c1 == 'r'
}

// operationAt reports whether the dot at data[dot] follows a word and starts an operation
// word in any case that ends the word it is in, and is not called as a method (f.read()).
func operationAt(data []byte, dot int) bool {
	if dot == 0 || dot+3 >= len(data) || !isWordByte(data[dot-1]) {
		return false
	}
	if !operationStart(data, dot) {
		return false
	}
	end := dot + 1
	for end < len(data) && end-dot <= len("CREATE-UPDATE") && (isWordByte(data[end]) || data[end] == '-') {
		end++
	}
	if end < len(data) && data[end] == '(' {
		return false
	}
	word := data[dot+1 : end]
	for _, op := range operationWords {
		if len(word) == len(op) && equalFold(word, op) {
			return true
		}
	}
	return false
}

// operationWords are catalog.Operations in lower case, for equalFold: find meets a
// word at many dots, and compares it without making a string of it.
var operationWords = func() []string {
	out := make([]string, len(catalog.Operations))
	for i, op := range catalog.Operations {
		out[i] = strings.ToLower(op)
	}
	return out
}()

// find calls hit with the offset of each occurrence of the word until it returns false.
func (n needle) find(data []byte, hit func(off int) bool) {
	a := n.word[n.anchor]
	for _, c := range [2]byte{a, upper(a)} {
		for from := 0; ; {
			i := bytes.IndexByte(data[from:], c)
			if i < 0 {
				break
			}
			i += from
			if start := i - n.anchor; start >= 0 && start+len(n.word) <= len(data) && equalFold(data[start:start+len(n.word)], n.word) {
				if !hit(start) {
					return
				}
			}
			from = i + 1
		}
		if upper(a) == a {
			break
		}
	}
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// equalFold compares ASCII case-insensitively against a lower-case word.
func equalFold(b []byte, lower string) bool {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
