package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/zscopelint/zscopelint/internal/testuser"
)

// TestBadInputCorpus runs the command over testdata/badinput (and what git cannot hold: a
// 1 MB single line, a file with NUL bytes: no binary is committed): no panic, a positioned ZS001 for each bad file,
// exit 2, and every other file still reported.
func TestBadInputCorpus(t *testing.T) {
	t.Parallel()
	extra := t.TempDir()
	long := "zoho: " + strings.Repeat("lorem ipsum ", 83000) + "ZohoCRM.modules.ALLL\n"
	must(t, os.WriteFile(filepath.Join(extra, "longline.yaml"), []byte(long), 0o644))
	must(t, os.WriteFile(filepath.Join(extra, "binary.json"), []byte("{\"zoho\": \"ZohoCRM.users.REED\"}\n\x00\x01\x02\x03"), 0o644))

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
	if !strings.Contains(out, "binary.json:2:1: error: cannot check: binary file (NUL byte) (ZS001)") {
		t.Errorf("the binary file is not one positioned ZS001:\n%.2000s", out)
	}
	if !strings.Contains(out, "longline.yaml:1:996007:") || !strings.Contains(out, `"ZohoCRM.modules.ALLL"`) {
		t.Errorf("the scope at the end of a 1 MB line was not reported:\n%.2000s", out)
	}
}

// TestUnreadableFile runs as an unprivileged user (as root it reruns itself as nobody): a
// file the user may not read is a positioned ZS001 and exit 2, and the others are checked.
func TestUnreadableFile(t *testing.T) {
	t.Parallel()
	if testuser.RerunUnprivileged(t) {
		return
	}
	dir := writeTree(t, map[string]string{"conf/other.yaml": "scope: ZohoCRM.users.REED\n"})
	must(t, os.WriteFile(filepath.Join(dir, "conf", "unreadable.yaml"), []byte("scope: ZohoCRM.users.READ\n"), 0o000))
	out, stderr, code := zscopelintIn(t, dir, "./...")
	for _, want := range []string{"conf/unreadable.yaml:1:1: error: cannot check: open: permission denied (ZS001)", "conf/other.yaml:1:8:"} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in:\n%s%s", want, out, stderr)
		}
	}
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
}

// TestDeterministic runs every format twice, with 1 and with 8 threads, over the examples
// and the bad-input corpus: the output must be the same, byte for byte.
//
// It changes GOMAXPROCS, so it does not run in parallel (nor does TestHostileItems, which
// measures allocations).
func TestDeterministic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, format := range []string{"text", "json", "sarif"} {
		var outs, errs []string
		for _, procs := range []int{1, 8} {
			runtime.GOMAXPROCS(procs)
			out, stderr, _ := zscopelint(t, "-format", format, "-why", "../../examples/...", "../../testdata/badinput/...")
			outs, errs = append(outs, out), append(errs, stderr)
		}
		if outs[0] != outs[1] {
			t.Errorf("%s output differs between GOMAXPROCS 1 and 8", format)
		}
		// -why follows the findings in text and goes to stderr otherwise: either way it is
		// the same bytes every time.
		if errs[0] != errs[1] {
			t.Errorf("%s: stderr (-why) differs between GOMAXPROCS 1 and 8:\n%s\n---\n%s", format, errs[0], errs[1])
		}
		why := outs[0]
		if format != "text" {
			why = errs[0]
		}
		if len(outs[0]) < 100 || !strings.Contains(why, "scope set ") {
			t.Errorf("%s output is suspiciously short or has no -why report:\n%s\n%s", format, outs[0], errs[0])
		}
	}
}
