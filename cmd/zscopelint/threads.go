package main

import (
	"os"
	"runtime"
	"sync"
	"time"
)

// A text scan starts on one thread and spreads over every processor once it has run for
// wideAfter: a scan that ends sooner (a commit's files, a tree of a few thousand) gains a
// few milliseconds of wall time from a second thread and paid for them in CPU. Measured on
// the 2-core development machine (bench/RESULTS.md, 2026-12-08): with one thread the
// Kubernetes-like and mixed trees of 2,000 files took 7-11% less CPU and about 15 ms more
// wall time, the threads' work being slower per byte when both run; a 221 MB tree widens
// after wideAfter and keeps most of the second thread's gain. The Go packages, whose loads
// run the compiler, are always checked on every processor: the scan widens before them.
//
// The workers are started as if every processor were there (threads.workers), one thread
// running them in turn until the scan widens. GOMAXPROCS set in the environment is left
// alone, as GOGC is by the collector's pacing (memlimit.go).

// wideAfter is how long a scan runs on one thread.
const wideAfter = 60 * time.Millisecond

// textThreads is the process's narrowing: runs may overlap (the tests run the command in
// parallel), and the last one to widen gives the runtime back its default.
var textThreads struct {
	mu      sync.Mutex
	narrow  int // runs narrowed and not yet widened
	workers int // the processors there were before the first of them narrowed
}

// threads is one run's share of the narrowing.
type threads struct {
	workers int    // how many workers a scan starts
	widen   func() // spreads the scan over every processor (once; later calls do nothing)
}

// narrowThreads narrows the process to one thread for a run's text scan, until wideAfter
// has passed or widen is called.
func narrowThreads() threads {
	if os.Getenv("GOMAXPROCS") != "" {
		return threads{workers: runtime.GOMAXPROCS(0), widen: func() {}}
	}
	textThreads.mu.Lock()
	if textThreads.narrow == 0 {
		textThreads.workers = runtime.GOMAXPROCS(1)
	}
	textThreads.narrow++
	workers := textThreads.workers
	textThreads.mu.Unlock()
	var once sync.Once
	widen := func() {
		once.Do(func() {
			textThreads.mu.Lock()
			defer textThreads.mu.Unlock()
			if textThreads.narrow--; textThreads.narrow == 0 {
				runtime.SetDefaultGOMAXPROCS()
			}
		})
	}
	timer := time.AfterFunc(wideAfter, widen)
	return threads{workers: workers, widen: func() { timer.Stop(); widen() }}
}
