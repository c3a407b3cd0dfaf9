package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
)

// heapProfile is a hidden hook for measuring the command's memory (bench/), beside
// ZSCOPELINT_CPUPROFILE: with ZSCOPELINT_HEAPPROFILE=file, the heap profile is written to
// file after each batch of Go packages is analysed, while the batch is still live, whenever
// the live heap is the largest seen so far. It collects the garbage first (to measure what
// is live), which costs CPU: for measuring only.
var heapProfile = struct {
	once sync.Once
	file string
	mu   sync.Mutex
	max  uint64
}{}

// snapshotHeap writes the heap profile when the hook is set and the live heap is the
// largest yet.
func snapshotHeap() {
	heapProfile.once.Do(func() { heapProfile.file = os.Getenv("ZSCOPELINT_HEAPPROFILE") })
	if heapProfile.file == "" {
		return
	}
	heapProfile.mu.Lock()
	defer heapProfile.mu.Unlock()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	if ms.HeapAlloc <= heapProfile.max {
		return
	}
	heapProfile.max = ms.HeapAlloc
	f, err := os.Create(heapProfile.file)
	if err != nil {
		fmt.Fprintf(os.Stderr, "zscopelint: heap profile: %v\n", err)
		return
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		fmt.Fprintf(os.Stderr, "zscopelint: heap profile: %v\n", err)
	}
	fmt.Fprintf(os.Stderr, "zscopelint: heap profile: %d MiB live (%d MiB from the system)\n", ms.HeapAlloc>>20, ms.Sys>>20)
}
