package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
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
//
// The estimate is the limit only until the collector has measured the live heap: a
// batch also holds the types of every package it imports from export data, which its
// source size does not tell (on k8s.io/client-go, 47 of the largest batch's 156 MB live
// came from the export data of k8s.io/api, and the estimate was a third of the live heap:
// the collector ran back to back, about half of the process's CPU). After every
// collection the limit is raised, if need be, to one and a half times the live heap it
// marked, so that it is never under what the loads hold.

// liveBytesPerSourceByte is the live heap that one byte of Go source costs once parsed,
// type-checked and analysed (syntax trees, types.Info, the analyzer's result), measured on
// golang.org/x/tools (GODEBUG=gctrace=1: about 40 MB live at the largest of its batches).
const liveBytesPerSourceByte = 30

// baseHeap is what the process holds beside the batches: the listing, the catalog, the
// text scan's results.
const baseHeap = 24 << 20

// memoryLimit is the process's soft memory limit while Go loads and text scans run.
var memoryLimit struct {
	mu        sync.Mutex
	live      int64 // the live heap estimated for the loads and scans running
	observed  int64 // the largest live heap the collector marked while they ran
	watching  bool  // a cleanup runs after each collection (watchCollections)
	textScans int   // text scans running (reserveTextScan)
	gcPercent int   // GOGC's setting before the first of them
}

// limitFor is the soft limit for the loads' estimate and the live heap observed.
func limitFor(live, observed int64) int64 {
	return max(baseHeap+live*3/2, observed*3/2)
}

// reserveMemory raises the soft memory limit by what a load's largest batch is expected
// to hold live, and returns the function that gives it back when the load is done.
func reserveMemory(live int64) (release func()) {
	if userPacesCollector() {
		return func() {}
	}
	set := func(delta int64) {
		memoryLimit.mu.Lock()
		defer memoryLimit.mu.Unlock()
		memoryLimit.live += delta
		if memoryLimit.live <= 0 {
			memoryLimit.observed = 0
			debug.SetMemoryLimit(math.MaxInt64)
			return
		}
		if !memoryLimit.watching {
			memoryLimit.watching = true
			watchCollections()
		}
		debug.SetMemoryLimit(limitFor(memoryLimit.live, memoryLimit.observed))
	}
	set(live)
	return func() { set(-live) }
}

// userPacesCollector reports whether GOMEMLIMIT or GOGC is set: then the command sets
// neither.
func userPacesCollector() bool {
	return os.Getenv("GOMEMLIMIT") != "" || os.Getenv("GOGC") != ""
}

// textLivePerWorker is what one worker of the text scan holds live at most, for files
// under the size it reads whole: the file's bytes (up to 1 MiB) and what its reader makes
// of them. A larger live heap (a bundle tokenised whole) raises the limit after the
// collection that marks it, as for a load.
const textLivePerWorker = 2 << 20

// reserveTextScan paces the collector by the soft limit alone while a text scan of
// workers workers runs, and returns the function that ends it. The scan allocates
// much (every file read, every literal decoded) and holds little: under GOGC's default the
// collector would run each time the heap doubled from a few MiB, every few MiB allocated
// (a quarter of the CPU of a scan of source files with scope lists). With GOGC off and the
// limit sized from the workers (about 30 MiB with two), it runs about once every 20 MiB;
// the limit follows the live heap as for a load, so a scan that holds more is never
// collected back to back.
func reserveTextScan(workers int) (release func()) {
	if userPacesCollector() {
		return func() {}
	}
	// The limit first, then GOGC off; on release GOGC back, then the limit: the heap is
	// never without either.
	give := reserveMemory(int64(max(1, workers)) * textLivePerWorker)
	memoryLimit.mu.Lock()
	if memoryLimit.textScans == 0 {
		memoryLimit.gcPercent = debug.SetGCPercent(-1)
	}
	memoryLimit.textScans++
	memoryLimit.mu.Unlock()
	return func() {
		memoryLimit.mu.Lock()
		if memoryLimit.textScans--; memoryLimit.textScans == 0 {
			debug.SetGCPercent(memoryLimit.gcPercent)
		}
		memoryLimit.mu.Unlock()
		give()
	}
}

// watchCollections arranges for observeLiveHeap to run after the next collection, and
// again after each one while loads run: a cleanup on an object nothing references runs
// once the collector has found it unreachable.
func watchCollections() {
	runtime.AddCleanup(&struct{ _ *int }{}, func(int) { observeLiveHeap() }, 0)
}

// liveHeapMetric is the heap the last collection marked live.
const liveHeapMetric = "/gc/heap/live:bytes"

// observeLiveHeap raises the soft limit when the live heap the last collection marked
// is above two thirds of it, and watches the next collection while loads run.
func observeLiveHeap() {
	sample := []metrics.Sample{{Name: liveHeapMetric}}
	metrics.Read(sample)
	memoryLimit.mu.Lock()
	defer memoryLimit.mu.Unlock()
	if memoryLimit.live <= 0 {
		memoryLimit.watching = false
		return
	}
	if sample[0].Value.Kind() == metrics.KindUint64 {
		if live := int64(sample[0].Value.Uint64()); live > memoryLimit.observed {
			memoryLimit.observed = live
			debug.SetMemoryLimit(limitFor(memoryLimit.live, memoryLimit.observed))
		}
	}
	watchCollections()
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
