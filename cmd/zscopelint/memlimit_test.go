package main

import (
	"math"
	"runtime/metrics"
	"testing"
)

// pacing reads GOGC and the soft memory limit as the runtime has them, without setting
// either.
func pacing() (gogc, limit int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
}

// TestTextScanPacing: while a text scan runs, the collector is paced by a soft limit sized
// from its workers (GOGC off); nested scans keep it so until the last ends; then GOGC and
// the limit are as before. Not a parallel test: the settings are the process's.
func TestTextScanPacing(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	gogc, limit := pacing()
	if limit != math.MaxInt64 {
		t.Fatalf("a soft limit of %d before any scan", limit)
	}
	endOuter := reserveTextScan(2)
	if g, l := pacing(); g != -1 || l != limitFor(2*textLivePerWorker, 0) {
		t.Errorf("during a scan of two workers: GOGC %d, limit %d; want off (-1) and %d", g, l, limitFor(2*textLivePerWorker, 0))
	}
	endInner := reserveTextScan(1)
	endInner()
	if g, l := pacing(); g != -1 || l != limitFor(2*textLivePerWorker, 0) {
		t.Errorf("after a nested scan ended: GOGC %d, limit %d; want off (-1) and %d", g, l, limitFor(2*textLivePerWorker, 0))
	}
	endOuter()
	if g, l := pacing(); g != gogc || l != limit {
		t.Errorf("after the scans: GOGC %d, limit %d; want %d and %d as before", g, l, gogc, limit)
	}

	// A user who sets GOGC or GOMEMLIMIT paces the collector: the scan changes nothing.
	t.Setenv("GOGC", "400")
	end := reserveTextScan(2)
	if g, l := pacing(); g != gogc || l != limit {
		t.Errorf("with GOGC set: GOGC %d, limit %d; want %d and %d unchanged", g, l, gogc, limit)
	}
	end()
}
