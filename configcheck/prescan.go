package configcheck

import "sync"

// Prescan reads the files sent on files while a walk is still finding them, and returns
// those CheckFiles may find something in, once files is closed: it passes over the files
// checkFile's screen settles without a finding (most often, a file without a needle).
//
// A run that checks only what Prescan keeps finds what it would find checking everything
// (TestPrescanPassesOverOnlyWhatGivesNothing). It also needs the Go programs of those
// files alone for evidence, and the reading of a tree overlaps its walk.
func Prescan(files <-chan string, opts Options) map[string]bool {
	opts = opts.withDefaults()
	pf := newPrefilter(opts.Catalog)
	var mu sync.Mutex
	kept := map[string]bool{}
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for name := range files {
				if mayGiveFindings(name, opts, pf, &buf) {
					mu.Lock()
					kept[name] = true
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return kept
}

// mayGiveFindings is false for a file checkFile gives nothing: what screen settles without
// a finding.
func mayGiveFindings(name string, opts Options, pf *prefilter, buf *[]byte) (may bool) {
	defer func() {
		if recover() != nil {
			*buf, may = nil, true // checkFile reports it, as a ZS001 if it panics again
		}
	}()
	s := screen(name, opts, pf, buf, true)
	return !s.done || len(s.fs) > 0 || s.failed
}
