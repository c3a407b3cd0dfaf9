package configcheck

import (
	"runtime"
	"sync"

	"github.com/zscopelint/zscopelint/internal/safefile"
)

// Prescan reads the files sent on files while a walk is still finding them, and returns
// those CheckFiles may find something in, once files is closed. It passes over a file only
// when CheckFiles would give it nothing: read, in UTF-8 (no byte order mark, no NUL byte
// near its start), and without a needle of the prefilter, so nothing to parse and no
// credential to look for.
//
// A run that checks only what Prescan keeps finds what it would find checking everything
// (TestPrescanPassesOverOnlyWhatGivesNothing). It also needs the Go programs of those
// files alone for evidence, and the reading of a tree overlaps its walk.
func Prescan(files <-chan string, opts Options) map[string]bool {
	if opts.MaxSize == 0 {
		opts.MaxSize = DefaultMaxSize
	}
	pf := newPrefilter(opts.Catalog)
	var mu sync.Mutex
	kept := map[string]bool{}
	var wg sync.WaitGroup
	for range max(1, runtime.GOMAXPROCS(0)) {
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

// mayGiveFindings is false for a file checkFile gives nothing: excluded by the policy, or
// read whole, in UTF-8, and without a needle. A file it cannot read is kept, for checkFile
// to report (or pass over) as it does.
func mayGiveFindings(name string, opts Options, pf *prefilter, buf *[]byte) bool {
	if opts.Policy.Excluded(name) {
		return false
	}
	data, err := safefile.Read(name, opts.MaxSize, buf)
	if err != nil || unicodeBOM(data) != "" || binaryAt(data) >= 0 {
		return true
	}
	return pf.scan(data) != 0
}
