package configcheck

import (
	"bytes"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/internal/redact"
)

// oldPrefilter is the prefilter as it was before its one-pass search (commit f37a011): a
// needle pass for "zoho" (z, then Z), one for "oauth/v2" (its slash), and a pass stopping at
// every dot. It is kept here only as the oracle the one-pass search is held to
// (TestPrefilterAgreesWithOracle, FuzzPrefilterAgrees) and as the baseline of
// BenchmarkPrefilter.
type oldPrefilter struct {
	*prefilter // for the scope-key look, which the one-pass search leaves as it was
	words      []needle
	byLast     [256][]string
}

// newOldPrefilter builds the oracle as newPrefilter built the prefilter, on p's catalog.
func newOldPrefilter(p *prefilter, c *catalog.Catalog) *oldPrefilter {
	o := &oldPrefilter{prefilter: p, words: []needle{newNeedle("zoho", hitService), newNeedle("oauth/v2", hitAuth)}}
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
	sort.Strings(dotted)
	for _, d := range dotted {
		c := d[len(d)-1]
		o.byLast[c] = append(o.byLast[c], d)
		if upper(c) != c {
			o.byLast[upper(c)] = append(o.byLast[upper(c)], d)
		}
	}
	return o
}

func (p *oldPrefilter) scan(data []byte) hits {
	var h hits
	p.find(data, hitService|hitAuth|hitToken|hitOperation, func(_ int, hit hits, want hits) hits {
		h |= hit
		return want &^ hit
	})
	if !h.needsParse() && h&hitOperation != 0 && p.scopeKeyHit(data) {
		h |= hitScope
	}
	return h &^ hitOperation
}

// scopeKeyHit is the scope-key look as it was, over every scope word of the text.
func (p *oldPrefilter) scopeKeyHit(data []byte) bool {
	found := false
	eachScopeWord(data, func(off int) bool {
		found = p.completedAfter(data, off, len(data))
		return !found
	})
	return found
}

func (p *oldPrefilter) holds(data []byte) bool {
	found := false
	p.find(data, hitService|hitAuth, func(int, hits, hits) hits { found = true; return 0 })
	return found
}

func (p *oldPrefilter) each(data []byte, at func(off int)) {
	p.find(data, hitService|hitAuth, func(off int, _ hits, want hits) hits { at(off); return want })
	eachScopeWord(data, func(off int) bool { at(off); return true })
}

// find is the old prefilter.find, as it was but for what it asks at a name before a dot
// (a token there, a scope that may follow), which both ask alike.
func (p *oldPrefilter) find(data []byte, want hits, hit func(off int, h, want hits) hits) {
	for _, n := range p.words {
		if want&n.hit == 0 {
			continue
		}
		n.find(data, func(off int) bool {
			want = hit(off, n.hit, want)
			return want&n.hit != 0
		})
		if want == 0 {
			return
		}
	}
	for from := 0; want&(hitToken|hitService|hitOperation) != 0; {
		i := bytes.IndexByte(data[from:], '.')
		if i < 0 {
			return
		}
		i += from
		from = i + 1
		if i == 0 {
			continue
		}
		if want&hitOperation != 0 && i+1 < len(data) && operationFirst[data[i+1]] && operationAt(data, i) {
			want = hit(i, hitOperation, want)
		}
		for _, name := range p.byLast[data[i-1]] {
			if i < len(name) || !equalFold(data[i-len(name):i], name) {
				continue
			}
			switch {
			case name == tokenDigits:
				if want&hitToken != 0 && redact.TokenAt(data, i-len(name)) {
					want = hit(i-len(name), hitToken, want)
				}
			case want&hitService != 0 && scopeMayFollow(data, i):
				want = hit(i-len(name), hitService, want)
			}
			break
		}
	}
}

// prefilterAnswers is everything the prefilter tells its callers of a text: scan's kinds,
// holds, and the offsets each and find report (sorted: find's order is unspecified).
type prefilterAnswers struct {
	Scan  hits
	Holds bool
	Each  []int
	All   map[hits][]int // every offset find reports of each kind, all kinds wanted throughout
}

func answersOf(data []byte, scan func([]byte) hits, holds func([]byte) bool, each func([]byte, func(int)), find func([]byte, hits, func(int, hits, hits) hits)) prefilterAnswers {
	a := prefilterAnswers{Scan: scan(data), Holds: holds(data), All: map[hits][]int{}}
	each(data, func(off int) { a.Each = append(a.Each, off) })
	slices.Sort(a.Each)
	find(data, hitService|hitAuth|hitToken|hitOperation, func(off int, h, want hits) hits {
		a.All[h] = append(a.All[h], off)
		return want
	})
	for _, offs := range a.All {
		slices.Sort(offs)
	}
	return a
}

// prefilterAgree fails the test when the one-pass prefilter and the oracle answer a text
// differently.
func prefilterAgree(t *testing.T, pf *prefilter, old *oldPrefilter, name string, data []byte) {
	t.Helper()
	got := answersOf(data, pf.scan, pf.holds, pf.each, pf.find)
	want := answersOf(data, old.scan, old.holds, old.each, old.find)
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("%s: the one-pass prefilter and the oracle differ (-oracle +one pass):\n%s", name, d)
	}
}

// needlePieces are the pieces the generated corpus is made of: every needle in its cases
// and cut short, what sits next to them, and the bytes the one-pass search stops at.
var needlePieces = []string{
	"zoho", "ZOHO", "ZoHo", "zOH", "zoh", "oho", "z", "Z", "zz", "ZohoCRM.modules.ALL", "accounts.zoho.eu",
	"oauth/v2", "OAUTH/V2", "OAuth/v2/auth", "oauth/", "auth/v2", "/v2", "/V", "//", "/", "oauth/v3", "oauth//v2",
	"desk.", "Desk.", "DESK.", "helpdesk.", "salesiq.", "SalesIQ.", "workdrive.", "WorkDrive.", "profile.",
	"virtualoffice.", "contracts.", "mailapps.", "aaaserver.", "AaaServer.", "server.", "esk.", "sk.", "k.",
	"1000.", "10000.", "000.", "1000", "100.", "x1000.",
	".ALL", ".all", ".READ", ".read(", ".Read", ".CREATE", ".create-update", ".CREATE-UPDATE", ".custom", ".delete",
	".update", ".write", ".wr", ".re", ".a", ".alle", ".REA", ".", "..", "...",
	"modules.", "leads.", "scope", "scopes", "SCOPE", "scope: ", "scope=", "telescope", "scoped",
	"\n", " ", "-", "_", "a", "e", "q", "s", "0", "\x0e", "\x0f", "\x01", "\x00", "\xff", "\x80", ":", "'", "\"", "(", "é",
}

// needleText builds a text of n pieces drawn by r.
func needleText(r *rand.Rand, n int) []byte {
	var b []byte
	for range n {
		b = append(b, needlePieces[r.IntN(len(needlePieces))]...)
	}
	return b
}

// TestPrefilterAgreesWithOracle: the one-pass prefilter answers as the four-pass one did on
// the repository's corpora, on texts generated from the needles and their near misses, and
// on the benchmark's texts; every suffix of a needle-dense text moves each needle across
// the one-pass search's eight-byte words and the text's end.
func TestPrefilterAgreesWithOracle(t *testing.T) {
	pf := newPrefilter(opts().Catalog)
	old := newOldPrefilter(pf, opts().Catalog)
	n := 0
	for _, c := range corpusFiles(t, 100, "testdata/*/*", "testdata/*/*/*", "../testdata/*/*", "../testdata/*/*/*", "../testdata/*/*/*/*", "../examples/*/*", "../*.md", "*.go", "../*/*.go") {
		prefilterAgree(t, pf, old, c.name, []byte(c.text))
		n++
	}
	r := rand.New(rand.NewPCG(31, 2026))
	for i := range 3000 {
		data := needleText(r, 1+i%40)
		prefilterAgree(t, pf, old, "generated "+strconvQuote(string(data)), data)
		n++
	}
	dense := needleText(r, 200)
	for i := range dense {
		prefilterAgree(t, pf, old, "suffix "+strconvQuote(string(dense[i:])), dense[i:])
		prefilterAgree(t, pf, old, "prefix "+strconvQuote(string(dense[:i])), dense[:i])
	}
	for name, data := range prefilterTexts() {
		prefilterAgree(t, pf, old, name, data)
		n++
	}
	if n < 3100 {
		t.Fatalf("only %d texts compared", n)
	}
}

// FuzzPrefilterAgrees: on any bytes, the one-pass prefilter answers as the oracle does.
func FuzzPrefilterAgrees(f *testing.F) {
	r := rand.New(rand.NewPCG(7, 31))
	for range 20 {
		f.Add(needleText(r, 30))
	}
	for _, glob := range []string{"testdata/yaml/*.yaml", "testdata/lexical/*", "testdata/json/*.json"} {
		m, _ := filepath.Glob(glob)
		for _, s := range m {
			if data, err := os.ReadFile(s); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte(strings.Repeat("ZohO", 3) + "oauth/V2.1000.desk.READ"))
	pf := newPrefilter(opts().Catalog)
	old := newOldPrefilter(pf, opts().Catalog)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		prefilterAgree(t, pf, old, strconvQuote(string(data)), data)
	})
}

// TestStopMasks: the vector stopMasks and the SWAR one mark what stopMasksGo, the
// byte-at-a-time definition, marks: on every pair of byte values, on generated needle
// texts, and with each stop and the bytes that tell it on either side of every boundary
// between blocks and words.
func TestStopMasks(t *testing.T) {
	var data []byte
	for c := range 256 {
		for d := range 256 {
			data = append(data, byte(c), byte(d), byte(c), byte(c), byte(d))
		}
	}
	for _, pair := range []string{"zo", "Zo", "zO", "ZO", "z/o", "/x2", "/2", "//2", ".a", ". ", ".\x21", ".\x20", ".\x80", "..", "zzo", "/_22"} {
		for off := range 70 {
			data = append(data, bytes.Repeat([]byte{'-'}, off)...)
			data = append(data, pair...)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for len(data)%64 != stopReadAhead || len(data) < 1<<18 {
		data = append(data, needleText(r, 1)...)
	}
	blocks := len(data) / 64
	got, want := make([]uint64, blocks), make([]uint64, blocks)
	stopMasksGo(data, want)
	for name, masks := range stopMaskImpls() {
		masks(data, got)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s and stopMasksGo differ (-Go +%s):\n%.3000s", name, name, d)
		}
	}
	marked := 0
	for _, m := range want {
		marked += bits.OnesCount64(m)
	}
	if marked < 1000 {
		t.Fatalf("only %d stops in the text: the test compares nothing", marked)
	}
	// Each kind of stop is marked only with the byte that tells it.
	for text, want := range map[string]uint64{"zo": 1, "zx": 0, "Zoho": 1, "/x2": 1, "/2": 0, "/xx2": 0, ".a": 1, ". ": 0, ".\n": 0, ".\x80": 1, "a.b.c": 0b1010} {
		block := make([]byte, 64+stopReadAhead)
		copy(block, text)
		for name, masks := range stopMaskImpls() {
			if masks(block, got[:1]); got[0] != want {
				t.Errorf("%s(%q) = %b, want %b", name, text, got[0], want)
			}
		}
	}
}

// stopMaskImpls are every way of computing the stops: the one stopMasks picks, the SWAR
// fallback, the vector routines of this architecture, and the definition itself.
func stopMaskImpls() map[string]func([]byte, []uint64) {
	m := map[string]func([]byte, []uint64){"stopMasks": stopMasks, "stopMasksSWAR": stopMasksSWAR, "stopMasksGo": stopMasksGo}
	for name, f := range archStopMasks() {
		m[name] = f
	}
	return m
}

// TestStopMasksEveryPattern: every pattern of stops and non-stops across a word's eight
// bytes, at every word of a block, gathers into the right mask bits (the multiply in
// gatherHigh must never let two bits meet).
func TestStopMasksEveryPattern(t *testing.T) {
	others := []byte("ayY-0\x00\xff\x7b\xda")
	block := make([]byte, 64+stopReadAhead)
	got, want := make([]uint64, 1), make([]uint64, 1)
	for w := range 8 {
		for pattern := range 256 {
			for i := range block {
				block[i] = others[(i+pattern)%len(others)]
			}
			// A dot is a stop before any byte above the space: a dot or one of others
			// but the zero byte, which no dot is written before.
			for i := range 8 {
				if pattern&(1<<i) != 0 {
					block[8*w+i] = '.'
					if block[8*w+i+1] == 0 {
						block[8*w+i+1] = 'y'
					}
				}
			}
			stopMasksGo(block, want)
			if bits.OnesCount64(want[0]) < bits.OnesCount8(uint8(pattern)) {
				t.Fatalf("word %d pattern %08b: the definition marks %064b", w, pattern, want[0])
			}
			for name, masks := range stopMaskImpls() {
				if masks(block, got); got[0] != want[0] {
					t.Fatalf("word %d pattern %08b: %s %064b, want %064b", w, pattern, name, got[0], want[0])
				}
			}
		}
	}
}

// TestScopeKeyReachAgrees: the scope-key look, which reads only the scope words in reach
// before an operation, answers as the look over every scope word did, with the value on
// each side of the reach's end, other operations before, between and after (more of them
// than scan keeps), and scope words that come to nothing in between.
func TestScopeKeyReachAgrees(t *testing.T) {
	pf := newPrefilter(opts().Catalog)
	old := newOldPrefilter(pf, opts().Catalog)
	filler := func(n, ops int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			if i%7 == 3 && ops > 0 {
				b.WriteString(" p.all ")
				ops--
			} else if i%11 == 5 {
				b.WriteString(" scoped ")
			} else {
				b.WriteString(" words")
			}
		}
		return b.String()[:n]
	}
	outcomes := map[bool]int{}
	for _, gap := range []int{0, 1, 500, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1030, 3000} {
		for _, ops := range []int{0, 3, 31, 32, 33, 80} {
			for _, tail := range []string{"", filler(2000, ops)} {
				text := filler(300, ops) + "scope: " + filler(gap, ops) + " modules.leads.READ" + tail
				prefilterAgree(t, pf, old, fmt.Sprintf("gap %d, %d operations, tail %d", gap, ops, len(tail)), []byte(text))
				outcomes[pf.scan([]byte(text))&hitScope != 0]++
			}
		}
	}
	if outcomes[true] == 0 || outcomes[false] == 0 {
		t.Errorf("outcomes %v: the cases do not straddle the reach", outcomes)
	}
}
