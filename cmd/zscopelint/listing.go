package main

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/zscopelint/zscopelint/internal/resultcache"
)

// A load's listing is one go list -deps -export -compiled, with -test when tests are
// checked. With -test, -export compiles every test variant too ("p [p.test]", p_test,
// the p.test main, "q [p.test]"): on golang.org/x/tools with every package changed that
// was 18 of the listing's 53 s of CPU, and nothing reads that export data — a test
// variant is type-checked from source, as the batch it belongs to or as one that imports
// a package of the batch (batchload.go). go vet compiles none of them either, except
// "p [p.test]" when p has an external test. So when most packages are expected to be
// checked again, the listing is split in two: the packages and their test variants
// without export data, and the packages and what their tests import alone with it
// (compiled as go vet compiles them). Where nothing changed both lists answer from the build cache, and one costs
// less than two (about 1.1 s of CPU against 1.7 s on x/tools): the load then lists once.
// Which is expected is what the previous run of the same load found (a note in the result
// cache); without one, or without the cache, the listing is split. The findings are the
// same either way: only where export data comes from differs.

// listPackages lists patterns for a load, split or not as described above.
func listPackages(cfg *packages.Config, split bool, patterns []string) ([]*packages.Package, error) {
	if !split || !cfg.Tests {
		return loadInTurn(cfg, patterns)
	}
	meta := *cfg
	meta.Mode &^= packages.NeedExportFile
	listed, err := loadInTurn(&meta, patterns)
	if err != nil {
		return nil, err
	}
	// The packages that only tests import (testing and its imports, say) are compiled for
	// the tests: they are listed with export data too.
	more := map[string]bool{}
	packages.Visit(listed, nil, func(p *packages.Package) {
		if p.ID == p.PkgPath && !(p.Name == "main" && strings.HasSuffix(p.PkgPath, ".test")) {
			return // not a test variant nor a test's main package
		}
		for _, ip := range p.Imports {
			if ip.ID == ip.PkgPath && ip.PkgPath != "unsafe" {
				more[ip.PkgPath] = true
			}
		}
	})
	exp := *cfg
	exp.Tests = false
	exported, err := loadInTurn(&exp, append(append([]string(nil), patterns...), slices.Sorted(maps.Keys(more))...))
	if err != nil {
		return nil, err
	}
	byID := map[string]*packages.Package{}
	packages.Visit(exported, nil, func(p *packages.Package) { byID[p.ID] = p })
	packages.Visit(listed, nil, func(p *packages.Package) {
		if e := byID[p.ID]; e != nil {
			p.ExportFile = e.ExportFile
			p.Errors = e.Errors // with the compiler's, as one listing has them
		}
	})
	return listed, nil
}

// A command line has a bounded length, so go/packages splits a long list of patterns into
// chunks of at most patternChunkBytes (its safeArgMax) and runs one go list per chunk, all
// at once. With -deps -export every chunk builds what its packages import, and the
// chunks' imports overlap: on k8s.io/client-go with every package changed, the export
// listing (its 388 directories and the 398 packages its tests import, 26 KB of patterns)
// ran as two go lists that each compiled the whole module at the same time (2 x 152 s of
// CPU, where go vet's whole run took 270 s). loadInTurn lists the chunks one after
// another instead, so that each compiles only what the ones before did not (the build
// cache answers the rest), and joins their graphs into one.
const patternChunkBytes = 32767 - 16384

// loadInTurn is packages.Load of patterns, one chunk of patterns after another: the same
// packages and import graph (one *packages.Package an ID), the roots in the order the
// chunks give them.
func loadInTurn(cfg *packages.Config, patterns []string) ([]*packages.Package, error) {
	chunks := patternChunks(patterns, patternChunkBytes)
	if len(chunks) <= 1 {
		return packages.Load(cfg, patterns...)
	}
	byID := map[string]*packages.Package{}
	var roots []*packages.Package
	isRoot := map[string]bool{}
	for _, chunk := range chunks {
		pkgs, err := packages.Load(cfg, chunk...)
		if err != nil {
			return nil, err
		}
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			if byID[p.ID] == nil {
				byID[p.ID] = p
			}
		})
		for _, p := range pkgs {
			if !isRoot[p.ID] {
				isRoot[p.ID] = true
				roots = append(roots, byID[p.ID])
			}
		}
	}
	for _, p := range byID {
		for path, ip := range p.Imports {
			p.Imports[path] = byID[ip.ID]
		}
	}
	return roots, nil
}

// patternChunks splits patterns, in order, into chunks whose length on a command line
// (each pattern and a space) is at most max: never more than go/packages' own split.
func patternChunks(patterns []string, max int) [][]string {
	var chunks [][]string
	n := 0
	for _, p := range patterns {
		if len(chunks) == 0 || n+len(p)+1 > max && len(chunks[len(chunks)-1]) > 0 {
			chunks = append(chunks, nil)
			n = 0
		}
		chunks[len(chunks)-1] = append(chunks[len(chunks)-1], p)
		n += len(p) + 1
	}
	return chunks
}

// listingNote is where the result cache keeps, for one load, whether its last run
// checked most of its packages again ("most") or few ("few").
func listingNote(wd workdir, load *goLoad, tests bool) string {
	version := toolVersionForTest
	if version == "" {
		version = toolVersion()
	}
	return resultcache.Key([]byte("listing"), []byte(version), []byte(wd), []byte(load.dir),
		[]byte(strings.Join(load.env, "\x00")), []byte(strings.Join(load.patterns, "\x00")), []byte(strconv.FormatBool(tests)))
}

// splitListing reads the note: split unless the last run checked few packages again.
func splitListing(c *resultcache.Cache, note string) bool {
	if c == nil {
		return true
	}
	v, ok := c.Get(note)
	return !ok || string(v) != "few"
}

// noteListing writes the note for the next run.
func noteListing(c *resultcache.Cache, note string, misses, paths int) {
	if c == nil {
		return
	}
	v := "few"
	if 2*misses > paths {
		v = "most"
	}
	c.Put(note, []byte(v))
}
