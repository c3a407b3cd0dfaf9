package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestBadInputCorpus runs the command over testdata/badinput (and what git cannot hold: a
// 1 MB single line and an unreadable file): no panic, a positioned ZS001 for each bad file,
// exit 2, and every other file still reported.
func TestBadInputCorpus(t *testing.T) {
	t.Parallel()
	extra := t.TempDir()
	long := "zoho: " + strings.Repeat("lorem ipsum ", 83000) + "ZohoCRM.modules.ALLL\n"
	must(t, os.WriteFile(filepath.Join(extra, "longline.yaml"), []byte(long), 0o644))
	must(t, os.WriteFile(filepath.Join(extra, "unreadable.yaml"), []byte("scope: ZohoCRM.users.READ\n"), 0o000))

	out, stderr, code := zscopelint(t, "../../testdata/badinput/...", extra+"/...")
	if code != 2 {
		t.Errorf("exit %d, want 2\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var corpus []string
	for _, l := range lines {
		if strings.HasPrefix(l, "../../testdata/badinput/") {
			corpus = append(corpus, strings.TrimPrefix(l, "../../testdata/badinput/"))
		}
	}
	golden(t, "badinput.golden", strings.Join(corpus, "\n")+"\n")
	if !strings.Contains(out, "longline.yaml:1:996007:") || !strings.Contains(out, `"ZohoCRM.modules.ALLL"`) {
		t.Errorf("the scope at the end of a 1 MB line was not reported:\n%.2000s", out)
	}
	if os.Getuid() != 0 && !strings.Contains(out, "unreadable.yaml:1:1: cannot check: open: permission denied (ZS001)") {
		t.Errorf("unreadable file:\n%s", out)
	}
}

// TestDeterministic runs every format twice, with 1 and with 8 threads, over the examples
// and the bad-input corpus: the output must be the same, byte for byte.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, format := range []string{"text", "json", "sarif"} {
		var outs []string
		for _, procs := range []int{1, 8} {
			runtime.GOMAXPROCS(procs)
			out, _, _ := zscopelint(t, "-format", format, "-why", "../../examples/...", "../../testdata/badinput/...")
			outs = append(outs, out)
		}
		if outs[0] != outs[1] {
			t.Errorf("%s output differs between GOMAXPROCS 1 and 8", format)
		}
		if len(outs[0]) < 100 {
			t.Errorf("%s output is suspiciously short:\n%s", format, outs[0])
		}
	}
}
