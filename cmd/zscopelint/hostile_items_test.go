//go:build unix

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHostileItems reproduces each numbered item of the credentials and hostile-input
// issue and asserts that it holds.
//
// It does not run in parallel: two of its items bound the bytes a run allocates, which the
// process-wide allocation counter measures only while no other test runs.
func TestHostileItems(t *testing.T) {
	t0, t1, s0 := hostileSecrets[0], hostileSecrets[1], hostileSecrets[3]
	goMod := "module m\n\ngo 1.26\n"
	usersCall := "package main\n\nimport \"net/http\"\n\nfunc main() { _, _ = http.Get(\"https://www.zohoapis.com/crm/v8/users\") }\n"

	t.Run("01-why", func(t *testing.T) {
		dir := writeTree(t, map[string]string{"go.mod": goMod, "main.go": usersCall, "scopes.yaml": "scopes: [" + t0 + ", ZohoCRM.users.READ]\n"})
		for _, format := range []string{"text", "json"} {
			out, stderr, _ := zscopelintIn(t, dir, "-why", "-format", format, "./...")
			assertNoSecret(t, "-why "+format, out+stderr)
			if !strings.Contains(out+stderr, "scope set 1000.3f2a…,ZohoCRM.users.READ") {
				t.Errorf("-why %s: the set is not reported, shortened:\n%s%s", format, out, stderr)
			}
		}
	})
	t.Run("02-diff-suppressed-or-off", func(t *testing.T) {
		dir := writeTree(t, map[string]string{
			"a.yaml": "token: " + t0 + " # zscopelint:ignore ZS301 a test fixture\nscope: ZohoCRM.users.REED\n",
			"b.go":   "package b\n\nconst tok = \"" + t1 + "\" //zscopelint:ignore ZS301 a test fixture\n\nconst s = \"ZohoCRM.users.REED\"\n",
			"go.mod": goMod,
		})
		for _, args := range [][]string{{"-diff", "./..."}, {"-diff", "-checks=-ZS301", "./..."}} {
			out, stderr, _ := zscopelintIn(t, dir, args...)
			assertNoSecret(t, strings.Join(args, " "), out+stderr)
			if strings.Contains(out, "@@") || strings.Count(stderr, "fix withheld") != 2 {
				t.Errorf("%v: want both fixes withheld and named:\n%s\n%s", args, out, stderr)
			}
		}
	})
	t.Run("03-diff-comment", func(t *testing.T) {
		dir := writeTree(t, map[string]string{
			"go.mod":  goMod,
			"a.go":    "package a\n\n// " + t0 + "\nconst s = \"ZohoCRM.users.REED\"\n",
			"a.yaml":  "# " + t0 + "\nscope: ZohoCRM.users.REED\n",
			"a.js":    "/* " + t1 + " */\nconst scope = 'ZohoCRM.users.REED';\n",
			"ok.yaml": "scope: ZohoCRM.users.REED\n", // no credential: its fix is shown
		})
		out, stderr, _ := zscopelintIn(t, dir, "-diff", "./...")
		assertNoSecret(t, "-diff", out+stderr)
		if strings.Count(out, "+++ ") != 1 || !strings.Contains(out, "+++ b/ok.yaml") || strings.Count(stderr, "fix withheld") != 3 {
			t.Errorf("want only ok.yaml diffed, three withheld:\n%s\n%s", out, stderr)
		}
	})
	t.Run("04-secret-under-unknown-key", func(t *testing.T) {
		dir := writeTree(t, map[string]string{
			".env":           "ZOHO_CLIENT_SECRET_PROD=" + s0 + "\nZOHO_SCOPE=ZohoCRM.users.REED\n",
			"app.properties": "zoho.client_secret=" + s0 + "\nzoho.scope=ZohoCRM.users.REED\n",
		})
		out, stderr, _ := zscopelintIn(t, dir, "./...")
		if strings.Count(out, "(ZS301)") != 2 {
			t.Errorf("want both secrets found:\n%s", out)
		}
		out2, stderr2, _ := zscopelintIn(t, dir, "-diff", "./...")
		assertNoSecret(t, "output", out+stderr+out2+stderr2)
		if strings.Contains(out2, "@@") {
			t.Errorf("diff of a file with a secret:\n%s", out2)
		}
	})
	t.Run("05-directive-quoting-a-token", func(t *testing.T) {
		baseDir := t.TempDir()
		dir := writeTree(t, map[string]string{"a.yaml": "# zscopelint:ignore " + t0 + "\nscope: ZohoCRM.users.READ\n"})
		for _, format := range []string{"text", "json", "sarif"} {
			base := filepath.Join(baseDir, format+".json")
			out, stderr, _ := zscopelintIn(t, dir, "-format", format, "-write-baseline", base, "./...")
			data, err := os.ReadFile(base)
			must(t, err)
			assertNoSecret(t, format, out+stderr+string(data))
			if !strings.Contains(out, "ZS002") {
				t.Errorf("%s: no ZS002:\n%s", format, out)
			}
		}
	})
	t.Run("06-parser-and-type-errors", func(t *testing.T) {
		dir := writeTree(t, map[string]string{"go.mod": goMod,
			"bad/bad.go": "package bad\n\nvar x = " + t0 + "\n",
			"typ/typ.go": "package typ\n\nvar x int = \"" + t1 + "\"\n"})
		out, stderr, _ := zscopelintIn(t, dir, "./...")
		assertNoSecret(t, "errors", out+stderr)
		if !strings.Contains(out, "bad/bad.go:3:") || !strings.Contains(stderr, "typ/typ.go:3:") {
			t.Errorf("errors not reported:\n%s\n%s", out, stderr)
		}
	})
	t.Run("07-policy-error", func(t *testing.T) {
		dir := writeTree(t, map[string]string{"pol.yaml": "product: " + t0 + "\n", "a.yaml": "scope: ZohoCRM.users.READ\n"})
		out, stderr, code := zscopelintIn(t, dir, "-config", "pol.yaml", "./...")
		assertNoSecret(t, "policy error", out+stderr)
		if code != 2 || !strings.Contains(stderr, "pol.yaml:1:10:") {
			t.Errorf("exit %d:\n%s", code, stderr)
		}
	})
	t.Run("08-tokens-everywhere", func(t *testing.T) {
		files := map[string]string{
			"plain.yaml": "refresh_token: " + t0 + "\n", "plain.json": `{"refresh_token": "` + t0 + `"}`,
			"a.js": "const refresh = '" + t0 + "';\n", "a.py": "refresh_token = \"" + t0 + "\"\n",
			"Dockerfile": "ENV ZOHO_ACCESS_TOKEN=" + t0 + "\n", "README.md": "`" + t0 + "`\n",
			"env.example": "TOKEN=" + t0 + "\n", "prod.env.example": "TOKEN=" + t0 + "\n", ".env.staging": "TOKEN=" + t0 + "\n",
			"run.sh": "curl -H 'Authorization: Zoho-oauthtoken " + t0 + "'\n", "c.yaml": "# " + t0 + "\na: b\n",
			"d.php": "<?php // " + t0 + "\n",
		}
		dir := writeTree(t, files)
		out, _, _ := zscopelintIn(t, dir, "./...")
		for name := range files {
			if !strings.Contains(out, name+":") {
				t.Errorf("no ZS301 in %s:\n%s", name, out)
			}
		}
	})
	t.Run("09-fifo-dev-zero-huge-in-every-format", func(t *testing.T) {
		dir := writeTree(t, map[string]string{"a.yaml": "scope: ZohoCRM.users.REED\n"})
		must(t, syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644))
		must(t, syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644))
		must(t, os.Symlink("/dev/zero", filepath.Join(dir, "zero.json")))
		huge, err := os.Create(filepath.Join(dir, "huge.yaml"))
		must(t, err)
		must(t, huge.Truncate(200<<20)) // sparse: 200 MB that takes no disk
		huge.Close()
		for _, format := range []string{"text", "json", "sarif"} {
			var out, stderr string
			var code int
			alloc := allocated(func() {
				finished(t, func() { out, stderr, code = zscopelintIn(t, dir, "-format", format, "./...") })
			})
			want := 3
			if format == "sarif" {
				want = 6 // each a result and a toolExecutionNotification
			}
			if code != 2 || strings.Count(out, "not a regular file") != want || !strings.Contains(out, "over the 10485760-byte limit") {
				t.Errorf("%s: exit %d\n%s\n%s", format, code, out, stderr)
			}
			if alloc > 64<<20 {
				t.Errorf("%s: allocated %d MB: a 200 MB file was read", format, alloc>>20)
			}
		}
	})
	t.Run("10-diff-linear", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("scopes:\n  - ZohoCRM.users.REED\n")
		for i := range 60000 {
			b.WriteString("  # padding line " + string(rune('a'+i%26)) + "\n")
		}
		b.WriteString("other:\n  - ZohoCRM.org.REED\n")
		dir := writeTree(t, map[string]string{"big.yaml": b.String()})
		var out string
		alloc := allocated(func() { out, _, _ = zscopelintIn(t, dir, "-diff", "-max-file-size", "20MB", "big.yaml") })
		if strings.Count(out, "@@ ") != 2 || len(out) > 2000 {
			t.Errorf("want two small hunks, got %d bytes:\n%.2000s", len(out), out)
		}
		if alloc > 64<<20 {
			t.Errorf("-diff on a 1.5 MB file allocated %d MB", alloc>>20)
		}
	})
	t.Run("11-flag-files", func(t *testing.T) {
		dir := writeTree(t, map[string]string{"a.yaml": "scope: ZohoCRM.users.READ\n"})
		fifo := filepath.Join(dir, "..", "fifo")
		must(t, syscall.Mkfifo(fifo, 0o644))
		for _, args := range [][]string{{"-baseline", "/dev/zero"}, {"-baseline", fifo}, {"-catalog", "/dev/zero"},
			{"-catalog", fifo}, {"-config", "/dev/zero"}, {"-config", fifo}, {"-write-baseline", fifo}} {
			var stderr string
			var code int
			finished(t, func() { _, stderr, code = zscopelintIn(t, dir, append(args, "./...")...) })
			if code != 2 || !strings.Contains(stderr, "not a regular file") {
				t.Errorf("%v: exit %d, %s", args, code, stderr)
			}
		}
	})
	t.Run("12-broken-go-mod", func(t *testing.T) {
		dir := writeTree(t, map[string]string{"go.mod": "module m\n\ngo 1.26\nrequire (\n", "main.go": "package main\n",
			"conf/a.yaml": "scope: ZohoCRM.users.REED\n"})
		out, _, code := zscopelintIn(t, dir, "./...")
		if code != 2 || !strings.Contains(out, "go.mod:5:1: error: cannot check the Go code") || !strings.Contains(out, "conf/a.yaml:1:8:") {
			t.Errorf("exit %d:\n%s", code, out)
		}
	})
	t.Run("13-names-links-modes", func(t *testing.T) {
		outside := t.TempDir()
		must(t, os.WriteFile(filepath.Join(outside, "shared.yaml"), []byte("scope: ZohoCRM.users.REED\n"), 0o644))
		dir := writeTree(t, map[string]string{
			"evil\nx.yaml:1:1: forged (ZS104)\n.yaml": "scope: ZohoCRM.users.REED\n",
			"dir with space/a #1.yaml":                "scope: ZohoCRM.users.REED\n",
			"real/target.yaml":                        "scope: ZohoCRM.users.REED\n",
			"ro.yaml":                                 "scope: ZohoCRM.users.REED\n",
		})
		out, _, _ := zscopelintIn(t, dir, "./...")
		if strings.Contains(out, "\nx.yaml:1:1: forged") || !strings.Contains(out, `"evil\nx.yaml:1:1: forged (ZS104)\n.yaml":1:8:`) {
			t.Errorf("a file name forged a line:\n%s", out)
		}
		// A colon in the first segment would read as a URI scheme: "./" goes before it.
		sarif, _, _ := zscopelintIn(t, dir, "-format", "sarif", "./...")
		var log struct {
			Runs []struct {
				Results []struct {
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"results"`
			} `json:"runs"`
		}
		must(t, json.Unmarshal([]byte(sarif), &log))
		uris := map[string]bool{}
		for _, r := range log.Runs[0].Results {
			uris[r.Locations[0].PhysicalLocation.ArtifactLocation.URI] = true
		}
		if !uris["dir%20with%20space/a%20%231.yaml"] || !uris["./evil%0Ax.yaml:1:1:%20forged%20%28ZS104%29%0A.yaml"] {
			t.Errorf("uris not percent-encoded: %v", uris)
		}
		must(t, os.Symlink(filepath.Join(outside, "shared.yaml"), filepath.Join(dir, "out.yaml")))
		must(t, os.Symlink("real/target.yaml", filepath.Join(dir, "in.yaml")))
		must(t, os.Chmod(filepath.Join(dir, "ro.yaml"), 0o444))
		_, stderr, _ := zscopelintIn(t, dir, "-fix", "out.yaml", "in.yaml", "ro.yaml")
		if data, _ := os.ReadFile(filepath.Join(outside, "shared.yaml")); !strings.Contains(string(data), "REED") {
			t.Errorf("-fix wrote through a link to outside the tree")
		}
		if fi, err := os.Lstat(filepath.Join(dir, "in.yaml")); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("-fix replaced a symbolic link: %v", err)
		}
		if data, _ := os.ReadFile(filepath.Join(dir, "real/target.yaml")); !strings.Contains(string(data), "ZohoCRM.users.READ") {
			t.Errorf("-fix did not fix the link's target inside the tree: %s", data)
		}
		if data, _ := os.ReadFile(filepath.Join(dir, "ro.yaml")); !strings.Contains(string(data), "REED") {
			t.Errorf("-fix rewrote a read-only file") // by its mode, which binds root too
		}
		if !strings.Contains(stderr, "out.yaml: fixes not applied: a symbolic link to a file outside the checked tree") ||
			!strings.Contains(stderr, "ro.yaml: fixes not applied: the file is read-only") {
			t.Errorf("-fix does not say what it left:\n%s", stderr)
		}
	})
}

// finished runs f and fails the test if it has not returned within a minute: a hang, not a
// measure of speed (a normal run takes well under a second).
func finished(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("the run hangs")
	}
}

// allocated reports the bytes f allocates.
// allocated is what the process allocates while f runs: a bound on work only in a test that
// runs alone (not in parallel).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
