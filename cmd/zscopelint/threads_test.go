package main

import (
	"runtime"
	"testing"
	"time"
)

// TestThreadsNarrowThenWiden: a text scan runs on one thread, its workers counted as the
// processors there were; overlapping runs widen when the last one does, the timer widens
// a run that goes on past wideAfter, and a run of the command leaves the runtime's default
// behind. Not parallel: GOMAXPROCS is the process's.
func TestThreadsNarrowThenWiden(t *testing.T) {
	t.Setenv("GOMAXPROCS", "") // set, it is left alone
	runtime.SetDefaultGOMAXPROCS()
	all := runtime.GOMAXPROCS(0) // on one processor narrow and wide are alike, and only the counting is tested
	a := narrowThreads()
	if got := runtime.GOMAXPROCS(0); got != 1 || a.workers != all {
		t.Fatalf("narrowed: GOMAXPROCS %d and %d workers, want 1 and %d", got, a.workers, all)
	}
	b := narrowThreads() // a run that overlaps
	a.widen()
	if got := runtime.GOMAXPROCS(0); got != 1 || b.workers != all {
		t.Errorf("one of two runs widened: GOMAXPROCS %d and %d workers, want 1 and %d", got, b.workers, all)
	}
	b.widen()
	b.widen() // once only
	if got := runtime.GOMAXPROCS(0); got != all {
		t.Errorf("both widened: GOMAXPROCS %d, want %d", got, all)
	}
	c := narrowThreads()
	for deadline := time.Now().Add(wideAfter + 5*time.Second); runtime.GOMAXPROCS(0) != all; {
		if time.Now().After(deadline) {
			t.Fatalf("GOMAXPROCS still %d long after wideAfter", runtime.GOMAXPROCS(0))
		}
		time.Sleep(wideAfter / 4)
	}
	c.widen()
	if got := runtime.GOMAXPROCS(0); got != all {
		t.Errorf("widened by its timer, then by the run: GOMAXPROCS %d, want %d", got, all)
	}
	dir := writeTree(t, map[string]string{"config/zoho.yaml": "scopes: [ZohoCRM.users.REED]\n"})
	if _, _, code := zscopelintIn(t, dir, "./..."); code != 1 {
		t.Errorf("exit %d, want 1 (the typo)", code)
	}
	if got := runtime.GOMAXPROCS(0); got != all {
		t.Errorf("after a run: GOMAXPROCS %d, want %d", got, all)
	}
}
