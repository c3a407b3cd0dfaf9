package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/packages"

	"github.com/zscopelint/zscopelint/analyzer"
	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/internal/resultcache"
	"github.com/zscopelint/zscopelint/policy"
	"github.com/zscopelint/zscopelint/report"
	"github.com/zscopelint/zscopelint/rules"
)

// The result cache (internal/resultcache) lets a run over unchanged Go packages read what
// an earlier run found in them instead of parsing, type-checking and analysing them
// again, as go vet answers unchanged packages from its cache. The unit is a load path
// (a package with its test variants, analysed together). Its key hashes everything that
// decides its findings and the summaries it hands to its importers:
//
//   - the tool itself (the executable's bytes), the working directory findings are named
//     from, the settings (-config, -catalog and the files it names, -product, -checks,
//     -severity), -tests, the load's directory and environment;
//   - each variant's ID, name, module and Go version, the files of every kind go list
//     names with the SHA-256 of their bytes, its export data file (a build cache name: a
//     hash of the compiled package), its listing errors, whether the load reports it, and
//     the policy file in force for its directory with the catalogs that policy names;
//   - the keys of everything it imports: another analysed package by its own key, any
//     other package by its export data file and what it imports, so that a change to a
//     dependency's summaries, types or calls changes the key of every package above it.
//
// Packages whose imports loop back to them through test variants (p's external test
// imports q, which imports p) are keyed together and never stored: the command analyses
// them in rounds until their summaries settle. A package whose files hold a credential is
// never stored either, nor one whose stored form the redactor would shorten: an entry
// holds nothing that is not printed as it stands. Loose files (checked without types) are
// not cached.

// goFilesParsed counts the Go files parsed for analysis: a test's proof that a run over
// unchanged code read results, not sources.
var goFilesParsed atomic.Int64

// toolVersionForTest, when set, stands for the executable's hash in keys.
var toolVersionForTest string

// toolVersion is the SHA-256 of the running executable: any rebuild of the tool, whatever
// its version stamp says, keys new entries.
var toolVersion = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return fmt.Sprintf("%x", h.Sum(nil))
})

// openResultCache opens the cache the environment asks for, nil when it is off or the
// tool's version cannot be known.
func openResultCache() *resultcache.Cache {
	if toolVersionForTest == "" && toolVersion() == "" {
		return nil
	}
	return resultcache.Open(resultcache.Dir())
}

// cachedPath is what the cache holds for one load path: the results of its variants after
// the first pass (calls, summaries: what its importers and the programs need) and as
// printed (after the pass that judges scope sets against the program's calls), and the
// errors of its loading.
type cachedPath struct {
	First, Final []wireResult
	Load         wireLoad
}

type wireResult struct {
	ID, PkgPath string
	Calls       []rules.Call
	Scoped      bool
	Wrappers    map[string]analyzer.WrapperFact
	Builders    map[string]analyzer.BuilderFact
	Findings    []wireFinding
	Why         []report.WhySet
	Notes       []string
	Incomplete  bool
}

type wireLoad struct {
	Findings   []wireFinding
	Notes      []string
	Incomplete bool
}

// wireFinding is a report.Finding with its check named by ID: the shallower Check field
// hides the embedded one from encoding/json.
type wireFinding struct {
	report.Finding
	Check string
}

func toWire(fs []report.Finding) []wireFinding {
	var out []wireFinding
	for _, f := range fs {
		w := wireFinding{Finding: f}
		w.Finding.Check = nil
		if f.Check != nil {
			w.Check = f.Check.ID
		}
		out = append(out, w)
	}
	return out
}

func fromWire(ws []wireFinding) ([]report.Finding, bool) {
	var out []report.Finding
	for _, w := range ws {
		c, ok := rules.CheckByID(w.Check)
		if !ok {
			return nil, false
		}
		f := w.Finding
		f.Check = c
		out = append(out, f)
	}
	return out, true
}

func resultToWire(pr packageResult) wireResult {
	return wireResult{ID: pr.id, PkgPath: pr.pkgPath, Calls: pr.calls, Scoped: pr.scoped, Wrappers: pr.wrappers, Builders: pr.builders,
		Findings: toWire(pr.findings), Why: pr.why, Notes: pr.notes, Incomplete: pr.incomplete}
}

func resultFromWire(path string, w wireResult) (packageResult, bool) {
	fs, ok := fromWire(w.Findings)
	return packageResult{path: path, id: w.ID, pkgPath: w.PkgPath, calls: w.Calls, scoped: w.Scoped, wrappers: w.Wrappers, builders: w.Builders,
		findings: fs, why: w.Why, notes: w.Notes, incomplete: w.Incomplete}, ok
}

// decodeCached reads an entry; false for one that does not decode (a corrupt entry, or
// one naming a check this build does not have).
func decodeCached(path string, data []byte) (first, final []packageResult, load *goResult, ok bool) {
	var c cachedPath
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, nil, nil, false
	}
	for _, w := range c.First {
		pr, ok := resultFromWire(path, w)
		if !ok {
			return nil, nil, nil, false
		}
		first = append(first, pr)
	}
	for _, w := range c.Final {
		pr, ok := resultFromWire(path, w)
		if !ok {
			return nil, nil, nil, false
		}
		final = append(final, pr)
	}
	fs, ok := fromWire(c.Load.Findings)
	if !ok {
		return nil, nil, nil, false
	}
	return first, final, &goResult{findings: fs, notes: c.Load.Notes, incomplete: c.Load.Incomplete}, true
}

// encodeCached is the entry of a load path, or nil when it must not be stored: the
// redactor would shorten something in it.
func encodeCached(first, final []packageResult, load *goResult, reg *redact.Registry) []byte {
	c := cachedPath{}
	for _, pr := range first {
		c.First = append(c.First, resultToWire(pr))
	}
	for _, pr := range final {
		c.Final = append(c.Final, resultToWire(pr))
	}
	if load != nil {
		c.Load = wireLoad{Findings: toWire(load.findings), Notes: load.notes, Incomplete: load.incomplete}
	}
	data, err := json.Marshal(c)
	if err != nil || reg.String(string(data)) != string(data) {
		return nil
	}
	return data
}

// loadCache is the result cache as one load uses it: the key of every load path, and
// what the load's parsing learns about the files (those that hold a credential, those
// whose bytes are not the ones keyed).
type loadCache struct {
	c    *resultcache.Cache
	keys map[string]string // load path: key; absent when the path is not to be stored
	// fileSums are the SHA-256 of the files as keyed.
	fileSums map[string][sha256.Size]byte

	hits map[string]*cacheHit // set by lookup

	mu    sync.Mutex
	taint map[string]bool // files that hold a credential or changed since they were keyed
}

// parsed records what the loader parsed of a file: whether its bytes hold a credential
// and whether they are those keyed.
func (lc *loadCache) parsed(name string, src []byte, credential bool) {
	if lc == nil {
		return
	}
	if !credential {
		if sum, ok := lc.fileSums[name]; ok && sum == sha256.Sum256(src) {
			return
		}
	}
	lc.mu.Lock()
	lc.taint[name] = true
	lc.mu.Unlock()
}

// storable reports whether a load path's results may be stored: it has a key and none of
// its files held a credential or changed while it was checked.
func (lc *loadCache) storable(path string, variants []*packages.Package) bool {
	if lc == nil || lc.keys[path] == "" {
		return false
	}
	lc.mu.Lock()
	defer lc.mu.Unlock()
	for _, v := range variants {
		for _, f := range v.CompiledGoFiles {
			if lc.taint[f] {
				return false
			}
		}
	}
	return true
}

// rememberCredentials is redact.Registry.Remember, reporting whether data held any
// credential.
func rememberCredentials(reg *redact.Registry, data []byte) bool {
	f := redact.Find(data, true)
	reg.Add(data, f)
	held := len(f.Tokens) > 0 || len(f.Assignments) > 0
	for _, d := range redact.Decoded(string(data)) {
		for _, t := range redact.Tokens(d, false) {
			reg.AddSecret(d[t.Start:t.End])
			held = true
		}
	}
	return held
}

// resultKeyer keys the load paths of a load (see the comment at the top of this file).
// Each package (by ID: a test variant is a package of its own) is keyed from its own
// inputs and the keys of what it imports; the graph of packages has no loop, where that
// of load paths has one whenever p's external test imports q, which imports p. A load
// path's key is that of its variants.
type resultKeyer struct {
	load     *goLoad
	base     []byte
	settings analyzer.Settings
	analysed map[*packages.Package]bool   // the listed packages whose load path is checked
	rootOf   map[string]*packages.Package // load path: the package itself (ID = path)
	fileSums map[string][sha256.Size]byte
	policies map[string]string // policy file: key of it and its catalogs
	failed   bool              // a file could not be read: nothing is keyed

	// Tarjan's strongly connected components over the packages, to find a loop (none is
	// expected) and key each package after what it imports.
	pkgOf   map[string]*packages.Package
	index   map[string]int
	low     map[string]int
	onStack map[string]bool
	stack   []string
	key     map[string]string // package ID: its key, for a package in no loop
}

// edges are the packages a package's key depends on: those it imports and, for a test
// variant of a checked package that is not itself analysed ("q [p.test]"), the package
// it is a variant of, whose summaries its importers use.
func (k *resultKeyer) edges(p *packages.Package) []*packages.Package {
	var out []*packages.Package
	for _, ip := range sortedKeys(p.Imports) {
		out = append(out, p.Imports[ip])
	}
	if !k.analysed[p] && p.ID != p.PkgPath {
		if r := k.rootOf[loadPath(p)]; r != nil && r != p {
			out = append(out, r)
		}
	}
	return out
}

func (k *resultKeyer) fileSum(name string) [sha256.Size]byte {
	if s, ok := k.fileSums[name]; ok {
		return s
	}
	data, err := os.ReadFile(name)
	if err != nil {
		k.failed = true
	}
	s := sha256.Sum256(data)
	k.fileSums[name] = s
	return s
}

// policyKey is the key of the policy in force for code in dir and the catalogs it names.
func (k *resultKeyer) policyKey(dir string) string {
	var file string
	switch k.settings.Config {
	case analyzer.NoPolicy:
		return ""
	case "":
		file = policy.Find(dir)
	default:
		file = k.settings.Config
	}
	if file == "" {
		return ""
	}
	if v, ok := k.policies[file]; ok {
		return v
	}
	parts := [][]byte{[]byte(file)}
	data, err := os.ReadFile(file)
	parts = append(parts, data)
	if err == nil {
		if p, err := policy.Load(file, checkIDs()); err == nil {
			for _, c := range p.Catalogs {
				cd, _ := os.ReadFile(c)
				parts = append(parts, []byte(c), cd)
			}
		}
	}
	v := resultcache.Key(parts...)
	k.policies[file] = v
	return v
}

func checkIDs() []string {
	var ids []string
	for _, c := range rules.Checks() {
		ids = append(ids, c.ID)
	}
	return ids
}

// own is what a package's own inputs contribute to its key.
func (k *resultKeyer) own(p *packages.Package) []byte {
	var b bytes.Buffer
	analysed := k.analysed[p]
	fmt.Fprintf(&b, "id %q name %q analysed %v export %q errors %d\n", p.ID, p.Name, analysed, p.ExportFile, len(p.Errors))
	if !analysed && p.ExportFile != "" {
		return b.Bytes() // the export data file is named by a hash of the compiled package
	}
	if p.Module != nil {
		fmt.Fprintf(&b, "module %q %q %v %q\n", p.Module.Path, p.Module.Version, p.Module.Main, p.Module.GoVersion)
	}
	fmt.Fprintf(&b, "sizes %v\n", p.TypesSizes)
	for _, e := range p.Errors {
		fmt.Fprintf(&b, "error %q %q %d\n", e.Pos, e.Msg, e.Kind)
	}
	for _, list := range [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.IgnoredFiles, p.EmbedFiles} {
		for _, f := range list {
			fmt.Fprintf(&b, "file %q %x\n", f, k.fileSum(f))
		}
		b.WriteString("--\n")
	}
	if analysed {
		fmt.Fprintf(&b, "reported %v\n", k.load.reports(p))
		dirs := []string{packageDir(p)}
		if len(p.CompiledGoFiles) > 0 {
			dirs = append(dirs, filepath.Dir(p.CompiledGoFiles[0])) // where the analyzer looks from
		}
		for _, d := range dirs {
			if d != "" {
				fmt.Fprintf(&b, "policy %q %s\n", d, k.policyKey(d))
			}
		}
	}
	return b.Bytes()
}

func (k *resultKeyer) strongConnect(p *packages.Package) {
	n := p.ID
	k.pkgOf[n] = p
	k.index[n] = len(k.index)
	k.low[n] = k.index[n]
	k.stack = append(k.stack, n)
	k.onStack[n] = true
	for _, q := range k.edges(p) {
		if _, seen := k.index[q.ID]; !seen {
			k.strongConnect(q)
			k.low[n] = min(k.low[n], k.low[q.ID])
		} else if k.onStack[q.ID] {
			k.low[n] = min(k.low[n], k.index[q.ID])
		}
	}
	if k.low[n] != k.index[n] {
		return
	}
	var members []string
	for {
		m := k.stack[len(k.stack)-1]
		k.stack = k.stack[:len(k.stack)-1]
		k.onStack[m] = false
		members = append(members, m)
		if m == n {
			break
		}
	}
	if len(members) > 1 {
		return // a loop: these packages and all above them go unkeyed
	}
	parts := [][]byte{k.base, k.own(p)}
	for _, q := range k.edges(p) {
		qk, ok := k.key[q.ID]
		if !ok {
			return
		}
		parts = append(parts, []byte(qk))
	}
	k.key[n] = resultcache.Key(parts...)
}

// newLoadCache keys the load paths of a load; nil when the cache is off.
func newLoadCache(c *resultcache.Cache, wd workdir, settings analyzer.Settings, load *goLoad, tests bool, listed []*packages.Package, paths []string) *loadCache {
	if c == nil {
		return nil
	}
	version := toolVersionForTest
	if version == "" {
		version = toolVersion()
	}
	var base bytes.Buffer
	fmt.Fprintf(&base, "tool %s\nwd %q\nload %q %q\ntests %v\n", version, string(wd), load.dir, load.env, tests)
	s := settings
	fmt.Fprintf(&base, "settings %q %q %q %q %q %v %q\n", s.Config, s.Catalogs, s.Product, s.Checks, s.Severity, s.Standalone, s.WorkDir)
	for _, f := range strings.Split(s.Catalogs, ",") {
		if f = strings.TrimSpace(f); f != "" {
			data, _ := os.ReadFile(f)
			fmt.Fprintf(&base, "catalog %q %x\n", f, sha256.Sum256(data))
		}
	}
	if s.Config != "" && s.Config != analyzer.NoPolicy {
		data, _ := os.ReadFile(s.Config)
		fmt.Fprintf(&base, "policy %q %x\n", s.Config, sha256.Sum256(data))
	}
	k := &resultKeyer{load: load, base: base.Bytes(), settings: settings, analysed: map[*packages.Package]bool{},
		rootOf: map[string]*packages.Package{}, fileSums: map[string][sha256.Size]byte{}, policies: map[string]string{},
		pkgOf: map[string]*packages.Package{}, index: map[string]int{}, low: map[string]int{}, onStack: map[string]bool{},
		key: map[string]string{}}
	in := map[string]bool{}
	for _, p := range paths {
		in[p] = true
	}
	variants := map[string][]*packages.Package{}
	for _, p := range listed {
		if in[loadPath(p)] {
			variants[loadPath(p)] = append(variants[loadPath(p)], p)
			k.analysed[p] = true
			if p.ID == loadPath(p) {
				k.rootOf[p.ID] = p
			}
		}
	}
	for _, p := range listed {
		if _, seen := k.index[p.ID]; k.analysed[p] && !seen {
			k.strongConnect(p)
		}
	}
	lc := &loadCache{c: c, keys: map[string]string{}, fileSums: k.fileSums, taint: map[string]bool{}}
	if k.failed {
		return lc
	}
	for _, path := range paths {
		var parts [][]byte
		for _, v := range variants[path] {
			vk, ok := k.key[v.ID]
			if !ok {
				parts = nil
				break
			}
			parts = append(parts, []byte(vk))
		}
		if len(parts) > 0 {
			lc.keys[path] = resultcache.Key(parts...)
		}
	}
	return lc
}

// cacheHit is what the cache held for a load path.
type cacheHit struct {
	first, final []packageResult
	load         *goResult
}

// lookup reads the entries of the load paths; the map holds the hits.
func (lc *loadCache) lookup(paths []string) map[string]*cacheHit {
	hits := map[string]*cacheHit{}
	if lc == nil {
		return hits
	}
	for _, path := range paths {
		key := lc.keys[path]
		if key == "" {
			continue
		}
		data, ok := lc.c.Get(key)
		if !ok {
			continue
		}
		first, final, load, ok := decodeCached(path, data)
		if !ok || len(first) == 0 {
			continue
		}
		hits[path] = &cacheHit{first: first, final: final, load: load}
	}
	lc.hits = hits
	return hits
}

// store writes the entries of the load paths checked in this run that may be stored.
func (lc *loadCache) store(paths []string, listed []*packages.Package, first, final []packageResult, loadErrs map[string]*goResult, reg *redact.Registry) {
	if lc == nil {
		return
	}
	variants := map[string][]*packages.Package{}
	for _, p := range listed {
		variants[loadPath(p)] = append(variants[loadPath(p)], p)
	}
	byPath := func(prs []packageResult) map[string][]packageResult {
		m := map[string][]packageResult{}
		for _, pr := range prs {
			m[pr.path] = append(m[pr.path], pr)
		}
		return m
	}
	firsts, finals := byPath(first), byPath(final)
	for _, path := range paths {
		if lc.hits[path] != nil || len(firsts[path]) == 0 || !lc.storable(path, variants[path]) {
			continue
		}
		if data := encodeCached(firsts[path], finals[path], loadErrs[path], reg); data != nil {
			lc.c.Put(lc.keys[path], data)
		}
	}
}

// inPathOrder sorts results by their load path's place in paths, keeping the order of
// each path's own.
func inPathOrder(prs []packageResult, paths []string) []packageResult {
	at := make(map[string]int, len(paths))
	for i, p := range paths {
		at[p] = i
	}
	place := func(path string) int {
		if i, ok := at[path]; ok {
			return i
		}
		return len(paths)
	}
	sort.SliceStable(prs, func(i, j int) bool { return place(prs[i].path) < place(prs[j].path) })
	return prs
}
