package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/internal/resultcache"
)

// TestMain keeps the tests off the user's result cache: every run of the command in this
// process (and every command a test starts) uses a cache directory of the test's own,
// fresh for the process. Tests that look at the cache itself set their own.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "zscopelint-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv(resultcache.EnvVar, dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// cachedRun runs the command in dir with the result cache in cacheDir ("off" for none)
// and returns its output (stdout, then the notes on stderr) and the Go files it parsed.
func cachedRun(t *testing.T, cacheDir, dir string, args ...string) (string, int64) {
	t.Helper()
	t.Setenv(resultcache.EnvVar, cacheDir)
	before := goFilesParsed.Load()
	out, stderr, code := zscopelintIn(t, dir, args...)
	return fmt.Sprintf("exit %d\n%s--- stderr\n%s", code, out, notes(stderr)), goFilesParsed.Load() - before
}

// cacheEntries lists the entry files of a cache directory.
func cacheEntries(t *testing.T, cacheDir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(cacheDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Base(path) != "trim.txt" {
			out = append(out, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// poison rewrites every entry of the cache so that a run that reads one says so in its
// findings: ZS201's "is broader than" becomes "POISONED". A run whose key changed reads
// none of them.
func poison(t *testing.T, cacheDir string) {
	t.Helper()
	c := resultcache.Open(cacheDir)
	n := 0
	for _, name := range cacheEntries(t, cacheDir) {
		key := filepath.Base(name)
		data, ok := c.Get(key)
		if !ok {
			t.Fatalf("entry %s does not read", name)
		}
		if bytes.Contains(data, []byte("is broader than")) {
			n++
		}
		c.Put(key, bytes.ReplaceAll(data, []byte("is broader than"), []byte("POISONED")))
	}
	if n == 0 {
		t.Fatal("no cache entry holds a ZS201 finding to poison")
	}
}

// acmeCatalog is a user catalog of one service.
const acmeCatalog = "service: ZohoAcme\nsource: our own docs\nscopes:\n  - name: widgets\n    operations: [ALL, READ]\n    source: our own docs\n"

// TestResultCacheKeys: each input the key covers, changed, makes the run compute the
// package again (its findings are those of a run without the cache, not those of the
// poisoned entry), and a run with nothing changed reads the entries and parses nothing.
func TestResultCacheKeys(t *testing.T) {
	defer func(v string) { toolVersionForTest = v }(toolVersionForTest)
	write := func(dir, name, text string) {
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	edit := func(dir, name, old, new string) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		must(t, err)
		if !bytes.Contains(data, []byte(old)) {
			t.Fatalf("%s holds no %q", name, old)
		}
		write(dir, name, strings.Replace(string(data), old, new, 1))
	}
	for _, tc := range []struct {
		name string
		flip func(dir string) // changes one input; args are the run's arguments after it
		args []string
	}{
		{name: "nothing changed"},
		{name: "a file's bytes", flip: func(dir string) {
			edit(dir, "main.go", `"ZohoCRM.modules.ALL"`, `"ZohoCRM.modules.ALL", "ZohoCRM.users.READ"`)
		}},
		{name: "a dependency's summary", flip: func(dir string) {
			// p0's wrapper now always POSTs: main's call needs leads.CREATE, though
			// main's own files are unchanged.
			edit(dir, "p0/p0.go", "http.NewRequest(method,", `http.NewRequest("POST",`)
		}},
		{name: "the policy", flip: func(dir string) {
			write(dir, ".zscopelint.yaml", "severity:\n  ZS201: error\n")
		}},
		{name: "a catalog file", flip: func(dir string) {
			write(dir, "extra.yaml", strings.Replace(acmeCatalog, "[ALL, READ]", "[ALL]", 1))
		}, args: []string{"-catalog", "extra.yaml"}},
		{name: "a flag", args: []string{"-checks", "ZS1*"}},
		{name: "the tool", flip: func(string) { toolVersionForTest = "another build" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			toolVersionForTest = "this build"
			dir, cacheDir := chainModule(t, 3), t.TempDir()
			if tc.name == "a catalog file" {
				write(dir, "extra.yaml", acmeCatalog)
				write(dir, "acme.go", "package main\n\nvar acmeScopes = []string{\"ZohoAcme.widgets.READ\"}\n")
			}
			args := append(append([]string(nil), tc.args...), "./...")
			if tc.name == "a flag" {
				args = []string{"./..."}
			}
			cold, parsed := cachedRun(t, cacheDir, dir, args...)
			if parsed == 0 || !strings.Contains(cold, "is broader than") {
				t.Fatalf("cold run parsed %d files and found:\n%s", parsed, cold)
			}
			poison(t, cacheDir)
			warm, parsed := cachedRun(t, cacheDir, dir, args...)
			if parsed != 0 || warm != strings.ReplaceAll(cold, "is broader than", "POISONED") {
				t.Fatalf("warm run over unchanged code parsed %d files and found:\n%s", parsed, warm)
			}
			if tc.flip == nil && tc.args == nil {
				return
			}
			if tc.flip != nil {
				tc.flip(dir)
			}
			args = append(append([]string(nil), tc.args...), "./...")
			want, _ := cachedRun(t, resultcache.Off, dir, args...)
			got, parsed := cachedRun(t, cacheDir, dir, args...)
			if parsed == 0 {
				t.Errorf("after the change the run parsed nothing")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("after the change the cached run differs from a run without the cache (-want +got):\n%s", diff)
			}
			if want == cold && tc.name != "the tool" { // another build may well find the same
				t.Errorf("the change changed no finding:\n%s", want)
			}
		})
	}
}

// TestResultCacheChangesNoAnswer: over the command's test modules, a run without the
// cache, a cold one and a warm one print the same, in every output the cache feeds
// (findings, -why, JSON, -needs); the warm one parses no Go file where no file holds a
// credential.
func TestResultCacheChangesNoAnswer(t *testing.T) {
	wd, err := os.Getwd()
	must(t, err)
	for _, tc := range []struct {
		name, dir string
		args      []string
		parses    bool // the warm run parses files: some hold credentials, never stored
	}{
		{name: "leastpriv", dir: leastPrivModule(t), args: []string{"./..."}},
		{name: "chain5", dir: chainModule(t, 5), args: []string{"./..."}},
		{name: "golden", dir: wd, args: []string{"./testdata/golden"}, parses: true},
		{name: "polyglot", dir: wd, args: []string{"./testdata/polyglot/..."}},
		{name: "typeerr", dir: wd, args: []string{"./testdata/typeerr"}},
	} {
		for _, mode := range [][]string{nil, {"-why"}, {"-format", "json"}, {"-needs"}} {
			if mode != nil && mode[0] == "-needs" && tc.dir == wd {
				continue // the program of a testdata directory is this repository: a long load
			}
			if mode != nil && mode[0] == "-format" && tc.dir != wd {
				continue // JSON prints what text does, and the modules are slow to load
			}
			t.Run(tc.name+strings.Join(mode, ""), func(t *testing.T) {
				args := append(append([]string(nil), mode...), tc.args...)
				cacheDir := t.TempDir()
				want, _ := cachedRun(t, resultcache.Off, tc.dir, args...)
				cold, _ := cachedRun(t, cacheDir, tc.dir, args...)
				warm, parsed := cachedRun(t, cacheDir, tc.dir, args...)
				if diff := cmp.Diff(want, cold); diff != "" {
					t.Errorf("cold run differs from a run without the cache (-want +got):\n%s", diff)
				}
				if diff := cmp.Diff(want, warm); diff != "" {
					t.Errorf("warm run differs from a run without the cache (-want +got):\n%s", diff)
				}
				if !tc.parses && parsed != 0 {
					t.Errorf("warm run parsed %d Go files", parsed)
				}
			})
		}
	}
}

// TestResultCacheCorruptEntries: truncated, garbled and empty entries read as misses: the
// run computes the packages again, prints what it would without them, and writes whole
// entries back.
func TestResultCacheCorruptEntries(t *testing.T) {
	dir, cacheDir := leastPrivModule(t), t.TempDir()
	want, _ := cachedRun(t, resultcache.Off, dir, "./...")
	cold, _ := cachedRun(t, cacheDir, dir, "./...")
	if cold != want {
		t.Fatalf("cold run differs:\n%s", cmp.Diff(want, cold))
	}
	entries := cacheEntries(t, cacheDir)
	if len(entries) < 3 {
		t.Fatalf("only %d entries", len(entries))
	}
	for i, name := range entries {
		data, err := os.ReadFile(name)
		must(t, err)
		switch i % 3 {
		case 0:
			data = data[:len(data)/2]
		case 1:
			data[len(data)-2] ^= 0x20
		case 2:
			data = nil
		}
		must(t, os.WriteFile(name, data, 0o644))
	}
	got, parsed := cachedRun(t, cacheDir, dir, "./...")
	if got != want {
		t.Errorf("run over corrupt entries differs (-want +got):\n%s", cmp.Diff(want, got))
	}
	if parsed == 0 {
		t.Errorf("run over corrupt entries parsed nothing")
	}
	got, parsed = cachedRun(t, cacheDir, dir, "./...")
	if got != want || parsed != 0 {
		t.Errorf("the entries were not written back whole: parsed %d files, output:\n%s", parsed, cmp.Diff(want, got))
	}
}

// TestResultCacheConcurrentRuns: runs at once over one cache directory, cold, each print
// what a run without the cache prints, and leave whole entries behind.
func TestResultCacheConcurrentRuns(t *testing.T) {
	dir, cacheDir := leastPrivModule(t), t.TempDir()
	want, _ := cachedRun(t, resultcache.Off, dir, "./...")
	t.Setenv(resultcache.EnvVar, cacheDir)
	const runs = 4
	outs := make([]string, runs)
	var wg sync.WaitGroup
	for i := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out, errOut bytes.Buffer
			code := run([]string{"./..."}, dir, &out, &errOut)
			outs[i] = fmt.Sprintf("exit %d\n%s--- stderr\n%s", code, out.String(), notes(errOut.String()))
		}()
	}
	wg.Wait()
	for i, got := range outs {
		if got != want {
			t.Errorf("run %d differs (-want +got):\n%s", i, cmp.Diff(want, got))
		}
	}
	got, parsed := cachedRun(t, cacheDir, dir, "./...")
	if got != want || parsed != 0 {
		t.Errorf("warm run after the concurrent ones parsed %d files; output:\n%s", parsed, cmp.Diff(want, got))
	}
}

// TestResultCacheHoldsNoCredential: a package whose files hold a token is never stored
// (no piece of the token is in the cache) and is checked again on every run; the
// packages beside it are stored.
func TestResultCacheHoldsNoCredential(t *testing.T) {
	const token = "1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210"
	dir := writeTree(t, map[string]string{
		"go.mod":         "module cred\n\ngo 1.26\n",
		"main.go":        "package main\n\nimport _ \"cred/tok\"\n\nvar scopes = []string{\"ZohoCRM.modules.ALL\"}\n\nfunc main() { _ = scopes }\n",
		"tok/tok.go":     "package tok\n\n// Token is pasted here by mistake.\nconst Token = \"" + token + "\"\n",
		"clean/clean.go": "package clean\n\nconst Scope = \"ZohoCRM.users.READ\"\n",
	})
	cacheDir := t.TempDir()
	want, _ := cachedRun(t, resultcache.Off, dir, "./...")
	if !strings.Contains(want, "tok/tok.go") {
		t.Fatalf("the token is not reported:\n%s", want)
	}
	cold, _ := cachedRun(t, cacheDir, dir, "./...")
	warm, parsed := cachedRun(t, cacheDir, dir, "./...")
	if cold != want || warm != want {
		t.Errorf("cached runs differ: cold %s\nwarm %s", cmp.Diff(want, cold), cmp.Diff(want, warm))
	}
	if parsed != 1 {
		t.Errorf("warm run parsed %d Go files, want 1 (tok.go)", parsed)
	}
	entries := cacheEntries(t, cacheDir)
	if len(entries) != 3 {
		t.Errorf("%d entries, want 3 (main, clean and the load's listing note)", len(entries))
	}
	for _, name := range entries {
		data, err := os.ReadFile(name)
		must(t, err)
		for i := 0; i+16 <= len(token); i++ {
			if bytes.Contains(bytes.ToLower(data), []byte(token[i:i+16])) {
				t.Fatalf("%s holds %q, a piece of the token", name, token[i:i+16])
			}
		}
	}
}
