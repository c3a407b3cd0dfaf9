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
		return packages.Load(cfg, patterns...)
	}
	meta := *cfg
	meta.Mode &^= packages.NeedExportFile
	listed, err := packages.Load(&meta, patterns...)
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
	exported, err := packages.Load(&exp, append(append([]string(nil), patterns...), slices.Sorted(maps.Keys(more))...)...)
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
