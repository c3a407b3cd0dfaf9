package main

import (
	"math"
	"os"
	"runtime/debug"
	"sync"

	"golang.org/x/tools/go/packages"
)

// The command's soft memory limit is sized from the work, not fixed. Checking Go code
// loads packages batch by batch (batchFiles files a batch), so the live heap follows the
// largest batch the loads running at once hold; a soft limit at about one and a half times
// that keeps the heap from doubling between collections (GOGC's default) without making
// the collector run over a live heap that fills the limit, as a fixed limit does on a
// module whose batches are larger than it (GC was 38% of the process's CPU on x/tools and
// 55% on client-go under a fixed 64 MiB). A run without Go code sets none: the text scan's
// live heap is bounded by its workers and the largest file it reads. GOMEMLIMIT, when set,
// is left alone.

// liveBytesPerSourceByte is the live heap that one byte of Go source costs once parsed,
// type-checked and analysed (syntax trees, types.Info, the analyzer's result), measured on
// golang.org/x/tools (GODEBUG=gctrace=1: about 40 MB live at the largest of its batches).
const liveBytesPerSourceByte = 30

// baseHeap is what the process holds beside the batches: the listing, the catalog, the
// text scan's results.
const baseHeap = 24 << 20

// memoryLimit is the process's soft memory limit while Go loads run.
var memoryLimit struct {
	mu   sync.Mutex
	live int64 // the live heap estimated for the loads running
}

// reserveMemory raises the soft memory limit by what a load's largest batch is expected
// to hold live, and returns the function that gives it back when the load is done.
func reserveMemory(live int64) (release func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	set := func(delta int64) {
		memoryLimit.mu.Lock()
		defer memoryLimit.mu.Unlock()
		memoryLimit.live += delta
		if memoryLimit.live <= 0 {
			debug.SetMemoryLimit(math.MaxInt64)
			return
		}
		debug.SetMemoryLimit(baseHeap + memoryLimit.live*3/2)
	}
	set(live)
	return func() { set(-live) }
}

// largestBatchLive estimates the live heap of the largest of the batches: the bytes of
// Go source each loads (its packages and their test variants) times
// liveBytesPerSourceByte.
func largestBatchLive(listed []*packages.Package, groups [][]string) int64 {
	size := map[string]int64{} // by load path
	for _, p := range listed {
		if testMain(p) {
			continue
		}
		for _, f := range p.CompiledGoFiles {
			if fi, err := os.Stat(f); err == nil {
				size[loadPath(p)] += fi.Size()
			}
		}
	}
	var largest int64
	for _, g := range groups {
		var n int64
		for _, path := range g {
			n += size[path]
		}
		largest = max(largest, n)
	}
	return largest * liveBytesPerSourceByte
}
