package configcheck

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/report"
)

// testToken is a token of the shape Zoho issues, different for each n.
func testToken(n int) string {
	sum := sha256.Sum256([]byte(fmt.Sprint("token", n)))
	h := hex.EncodeToString(sum[:])
	return "1000." + h[:32] + "." + h[32:]
}

// bigText builds a text of about size bytes of log lines, with each token placed so that
// it starts at the offset given (moved to the start of its line's text, which is kept).
type placed struct {
	at    int
	token string
}

func bigText(size int, places []placed) []byte {
	var b bytes.Buffer
	line := 0
	for _, p := range places {
		for b.Len()+80 < p.at {
			fmt.Fprintf(&b, "2026-12-07T18:00:00Z INFO request %08d served in 3 ms, nothing of note\n", line)
			line++
		}
		b.WriteString(strings.Repeat("x", max(0, p.at-b.Len()-1)) + " ")
		b.WriteString(p.token + " issued\n")
	}
	for b.Len() < size {
		fmt.Fprintf(&b, "2026-12-07T18:00:00Z INFO request %08d served in 3 ms, nothing of note\n", line)
		line++
	}
	return b.Bytes()
}

// wantTokens is where each strict token of data is, as text output positions.
func wantTokens(name string, data []byte) []string {
	var out []string
	for _, t := range redact.TokensIn(data, true) {
		line, col := lineCol(data, t.Start)
		out = append(out, fmt.Sprintf("%s:%d:%d", name, line, col))
	}
	return out
}

func gotTokens(fs []report.Finding) []string {
	var out []string
	for _, f := range fs {
		if f.Check.ID == "ZS301" {
			out = append(out, fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col))
		}
	}
	return out
}

// TestTokensInFilesOverTheLimit: a file over -max-file-size is not parsed, but a token in it
// is reported where it is (a log, whose kind is never parsed, and a config file, which
// also gets its ZS001 note), and the token is never printed whole.
func TestTokensInFilesOverTheLimit(t *testing.T) {
	// Tokens across every boundary the window makes: where a window's own part ends,
	// where a read ends, and within the overlap.
	var places []placed
	for i, at := range []int{5000, sweepWindow + sweepOverlap - 30, windowSize - 20, 2*sweepWindow + sweepOverlap - 1,
		2*sweepWindow + 2*sweepOverlap - 69, 3 * sweepWindow} {
		places = append(places, placed{at, testToken(i)})
	}
	data := bigText(3*sweepWindow+5000, places)
	for _, name := range []string{"app.log", "settings.yaml", "notes.txt"} {
		t.Run(name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			must(t, os.WriteFile(name, data, 0o644))
			o := opts()
			o.MaxSize = 64 << 10
			res := CheckFiles([]string{name}, o)
			want := wantTokens(name, data)
			if len(want) != len(places) {
				t.Fatalf("the test's text holds %d tokens, want %d", len(want), len(places))
			}
			if got := gotTokens(res.Findings); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("tokens found at\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			text := render(report.Sort(res.Findings))
			for _, p := range places {
				if strings.Contains(text, p.token) || strings.Contains(text, p.token[5:]) {
					t.Errorf("output holds token %s… in full:\n%s", p.token[:9], text)
				}
			}
			note := strings.Contains(text, name+":1:1: error: cannot check: file is ")
			if config := KindOf(name) == YAML; note != config || res.Incomplete != config {
				t.Errorf("size note %v, incomplete %v; want both %v:\n%s", note, res.Incomplete, config, text)
			}
		})
	}
}

// TestSweepMatchesWholeRead: a file read through the window gives the findings of the same
// text read whole, token for token, wherever the tokens fall, with their columns in code
// points too; a directive in it suppresses as in a small file.
func TestSweepMatchesWholeRead(t *testing.T) {
	var b bytes.Buffer
	for i := 0; b.Len() < 3*sweepWindow; i++ {
		switch {
		case i%997 == 0:
			fmt.Fprintf(&b, "café %s ünïcode %s\n", testToken(i), testToken(i+1))
		case i%1499 == 0:
			fmt.Fprintf(&b, "# zscopelint:ignore ZS301 a fixture\nfixture %s\n", testToken(i))
		case i%2003 == 0:
			// A directive after a token on its line, misspelt: a ZS002 at its column.
			fmt.Fprintf(&b, "ünï %s ünï # zscopelint:ignroe ZS301 a typo\n", testToken(i))
		case i%50000 == 7:
			b.WriteString(strings.Repeat("long line ", 3000) + testToken(i) + "\n")
		default:
			fmt.Fprintf(&b, "line %d of the log, with a dot. and 1000 items\n", i)
		}
	}
	data := b.Bytes()
	t.Chdir(t.TempDir())
	must(t, os.WriteFile("big.log", data, 0o644))
	o := opts()
	o.MaxSize = 64 << 10
	big := CheckFiles([]string{"big.log"}, o)
	whole, _ := CheckBytes("big.log", NotConfig, data, opts())
	if diff := cmp.Diff(report.Sort(whole), report.Sort(big.Findings)); diff != "" {
		t.Errorf("read through the window, against read whole (-whole +window):\n%.3000s", diff)
	}
	cp := 0
	for _, f := range big.Findings {
		if f.CPCol != 0 {
			cp++
		}
	}
	if cp == 0 {
		t.Errorf("no finding after a multibyte character")
	}
	if !strings.Contains(render(big.Findings), "unknown directive zscopelint:ignroe") {
		t.Errorf("the misspelt directives are not reported")
	}
	if n := len(gotTokens(big.Findings)); n < 10 {
		t.Errorf("only %d tokens found", n)
	}
}

// TestBinaryProbeOnly: a binary file is settled on its first bytes; the rest is never read.
func TestBinaryProbeOnly(t *testing.T) {
	t.Chdir(t.TempDir())
	blob := append([]byte("scope: ZohoCRM.users.READ\n\x00\x01"), bytes.Repeat([]byte("ZohoCRM.users.READ\n"), 1<<18)...)
	for _, name := range []string{"blob.yaml", "blob.log"} {
		must(t, os.WriteFile(name, blob, 0o644))
	}
	var mu sync.Mutex
	read := map[string]int{}
	testHookRead = func(name string, n int) { mu.Lock(); read[name] += n; mu.Unlock() }
	defer func() { testHookRead = nil }()
	o := opts()
	o.MaxSize = 64 << 20
	res := CheckFiles([]string{"blob.yaml", "blob.log"}, o)
	if text := render(res.Findings); text != "blob.yaml:2:1: error: cannot check: binary file (NUL byte) (ZS001)\n" {
		t.Errorf("findings:\n%s", text)
	}
	for _, name := range []string{"blob.yaml", "blob.log"} {
		if read[name] == 0 {
			t.Errorf("%s: no read seen", name)
		}
		if read[name] > binaryProbe {
			t.Errorf("%s: %d bytes read, want at most the %d-byte probe", name, read[name], binaryProbe)
		}
	}
}

// TestLargeFileMemory: checking a file many windows long allocates about a window, not the
// file: one that gives nothing, one holding a token under a raised limit, and one over the
// limit.
func TestLargeFileMemory(t *testing.T) {
	const size = 24 << 20
	quiet := bigText(size, nil)
	token := bigText(size, []placed{{size - 1000, testToken(1)}})
	dir := t.TempDir()
	t.Chdir(dir)
	must(t, os.WriteFile("quiet.log", quiet, 0o644))
	must(t, os.WriteFile("token.log", token, 0o644))
	must(t, os.WriteFile("types.d.ts", quiet, 0o644))
	quiet, token = nil, nil
	tests := []struct {
		name    string
		maxSize int64
		tokens  int
	}{
		{"quiet.log", 64 << 20, 0},
		{"types.d.ts", 64 << 20, 0},
		{"token.log", 64 << 20, 1},
		{"token.log", 0, 1}, // over the default limit
	}
	for _, tt := range tests {
		o := opts()
		o.MaxSize = tt.maxSize
		CheckFiles([]string{"small.log"}, o) // whatever is made once
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		res := CheckFiles([]string{tt.name}, o)
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s (limit %d): %d KiB allocated for a %d KiB file", tt.name, tt.maxSize, alloc>>10, size>>10)
		if alloc > 2*wholeRead {
			t.Errorf("%s (limit %d): %d KiB allocated for a %d KiB file: it is held whole", tt.name, tt.maxSize, alloc>>10, size>>10)
		}
		if n := len(gotTokens(res.Findings)); n != tt.tokens {
			t.Errorf("%s (limit %d): %d tokens found, want %d", tt.name, tt.maxSize, n, tt.tokens)
		}
	}
}

// TestLargeFileToParse: a file over a window that is to be parsed is handed over whole once a
// window shows it: its scope sets are judged as in the same bytes read whole, and a token
// after the window that decided it is found too.
func TestLargeFileToParse(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("scopes:\n  - ZohoCRM.users.REED\n")
	for b.Len() < 2*wholeRead {
		b.WriteString("# padding that names nothing at all, line after line\n")
	}
	fmt.Fprintf(&b, "token: %s\nother:\n  - ZohoCRM.org.REED\n", testToken(3))
	data := b.Bytes()
	t.Chdir(t.TempDir())
	must(t, os.WriteFile("big.yaml", data, 0o644))
	var mu sync.Mutex
	read := 0
	testHookRead = func(_ string, n int) { mu.Lock(); read += n; mu.Unlock() }
	defer func() { testHookRead = nil }()
	res := CheckFiles([]string{"big.yaml"}, opts())
	whole, _ := CheckBytes("big.yaml", YAML, data, opts())
	if diff := cmp.Diff(report.Sort(whole), report.Sort(res.Findings)); diff != "" {
		t.Errorf("read through the window, against read whole (-whole +window):\n%s", diff)
	}
	if got := render(report.Sort(res.Findings)); strings.Count(got, "(ZS104)") != 2 || strings.Count(got, "(ZS301)") != 1 {
		t.Errorf("findings:\n%s", got)
	}
	// Swept no further than the window that saw the scope (the whole read that follows
	// is not through the hook): not a sweep of it all first.
	if read == 0 || read > windowSize {
		t.Errorf("%d bytes swept of a %d-byte file, want one window", read, len(data))
	}
}

// TestPrescanStopsAtACredential: the prescan keeps a large file as soon as a window shows a
// token in it; it does not sweep the rest, which CheckFiles will.
func TestPrescanStopsAtACredential(t *testing.T) {
	data := bigText(4*sweepWindow, []placed{{1000, testToken(5)}})
	t.Chdir(t.TempDir())
	must(t, os.WriteFile("app.log", data, 0o644))
	must(t, os.WriteFile("quiet.log", bigText(4*sweepWindow, nil), 0o644))
	var mu sync.Mutex
	read := map[string]int{}
	testHookRead = func(name string, n int) { mu.Lock(); read[name] += n; mu.Unlock() }
	defer func() { testHookRead = nil }()
	files := make(chan string, 2)
	files <- "app.log"
	files <- "quiet.log"
	close(files)
	o := opts()
	o.MaxSize = 64 << 10
	kept := Prescan(files, o)
	if !kept["app.log"] || kept["quiet.log"] {
		t.Errorf("kept %v, want app.log alone", kept)
	}
	if read["app.log"] == 0 || read["app.log"] > windowSize {
		t.Errorf("app.log: %d bytes of %d read, want one window", read["app.log"], len(data))
	}
}

// TestLargeFileSweptFromTheStart: a large file whose first needle is past its first window
// is swept from its start, so that a client secret and a directive before the window that
// names Zoho are found as in the file read whole; a large file without a needle is read
// once, by the prefilter alone.
func TestLargeFileSweptFromTheStart(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("client_secret = \"3f8a9c0d1e2b4a6c8e0f1a3b5c7d9e1f2a4b6c8d0e\"\n")
	b.WriteString("# zscopelint:ignroe ZS301 a typo before any needle\n")
	quiet := bigText(wholeRead+3*sweepWindow, nil)
	b.Write(quiet)
	fmt.Fprintf(&b, "token for https://accounts.zoho.com: %s\n", testToken(7))
	data := b.Bytes()
	t.Chdir(t.TempDir())
	must(t, os.WriteFile("app.log", data, 0o644))
	must(t, os.WriteFile("quiet.log", quiet, 0o644))
	var mu sync.Mutex
	read := map[string]int{}
	testHookRead = func(name string, n int) { mu.Lock(); read[name] += n; mu.Unlock() }
	defer func() { testHookRead = nil }()
	res := CheckFiles([]string{"app.log", "quiet.log"}, opts())
	whole, _ := CheckBytes("app.log", NotConfig, data, opts())
	if diff := cmp.Diff(report.Sort(whole), report.Sort(res.Findings)); diff != "" {
		t.Errorf("read through the windows, against read whole (-whole +windows):\n%s", diff)
	}
	got := render(report.Sort(res.Findings))
	for _, want := range []string{"app.log:1:", "unknown directive zscopelint:ignroe", "(ZS301)"} {
		if !strings.Contains(got, want) {
			t.Errorf("findings lack %q:\n%s", want, got)
		}
	}
	if read["quiet.log"] != len(quiet) {
		t.Errorf("quiet.log: %d bytes read of %d, want each byte once", read["quiet.log"], len(quiet))
	}
}
