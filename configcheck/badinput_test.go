package configcheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zscopelint/zscopelint/internal/testuser"
	"github.com/zscopelint/zscopelint/report"
)

// Each bad input gives one positioned ZS001 (or its limit error), never a panic, and the
// good file beside it is still reported.
// aliasBomb is the billion laughs in YAML: nine levels of nine aliases to the level
// above, 9^9 nodes once expanded. With aliases false, every alias is a plain scalar of
// the same length instead: the same text with nothing to expand.
func aliasBomb(aliases bool) string {
	var b strings.Builder
	b.WriteString(`a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n")
	prev := "a"
	for _, c := range "bcdefghi" {
		name := string(c)
		ref := "*" + prev
		if !aliases {
			ref = "x" + prev
		}
		b.WriteString(name + ": &" + name + " [" + strings.Repeat(ref+",", 8) + ref + "]\n")
		prev = name
	}
	b.WriteString("scope: ZohoCRM.modules.leads.READ\n")
	return b.String()
}

// TestAliasBombBoundedWork bounds the work an alias bomb costs: its allocations stay
// within a small multiple of those of the same text without aliases, where expanding them
// would multiply them by millions.
func TestAliasBombBoundedWork(t *testing.T) {
	bomb, flat := []byte(aliasBomb(true)), []byte(aliasBomb(false))
	var bombErr *parseError
	bombAllocs := testing.AllocsPerRun(3, func() { _, bombErr = yamlParse(bomb) })
	flatAllocs := testing.AllocsPerRun(3, func() { yamlParse(flat) })
	if bombErr == nil || !strings.Contains(bombErr.msg, "excessive aliasing") {
		t.Errorf("the bomb is not reported: %v", bombErr)
	}
	t.Logf("allocations: alias bomb %.0f, the same text without aliases %.0f", bombAllocs, flatAllocs)
	if bombAllocs > 3*flatAllocs {
		t.Errorf("the alias bomb costs %.0f allocations, the same text without aliases %.0f: aliases are being expanded", bombAllocs, flatAllocs)
	}
}

func TestBadInputs(t *testing.T) {
	tests := []struct {
		name, file string
		body       func() string
		want       string // the ZS001 line, as text output
	}{
		{"broken-yaml", "broken.yaml", func() string { return "scopes:\n  - ZohoCRM.users.READ\n bad: [\n" },
			"broken.yaml:2:1: error: cannot check: YAML: did not find expected key (ZS001)"},
		{"truncated-json", "truncated.json", func() string { return `{"scopes": ["ZohoCRM.users.READ", "ZohoCRM.org.RE` },
			`truncated.json:1:35: error: cannot check: JSON: unterminated string (truncated JSON?) (ZS001)`},
		{"truncated-json-eof", "eof.json", func() string { return `{"scopes": ["ZohoCRM.users.READ",` },
			`eof.json:1:34: error: cannot check: JSON: unexpected end of file (truncated JSON?) (ZS001)`},
		{"binary", "blob.json", func() string { return "{\"zoho\": 1}\n\x00\x01\x02ZohoCRM.users.READ" },
			"blob.json:2:1: error: cannot check: binary file (NUL byte) (ZS001)"},
		{"huge", "huge.yaml", func() string { return "scope: ZohoCRM.modules.ALL\n" + strings.Repeat("# padding\n", 2<<20) },
			"huge.yaml:1:1: error: cannot check: file is 20971547 bytes, over the 10485760-byte limit (-max-file-size): not parsed, searched for credentials only (ZS001)"},
		{"deep-json", "deep.json", func() string { return strings.Repeat("[", 10000) + `"ZohoCRM.users.READ"` + strings.Repeat("]", 10000) },
			"deep.json:1:1002: error: cannot check: JSON: nesting deeper than 1000 levels (ZS001)"},
		{"deep-yaml", "deep.yaml", func() string { return strings.Repeat("[", 10000) + "ZohoCRM.users.READ" + strings.Repeat("]", 10000) },
			"deep.yaml:1:1001: error: cannot check: YAML: nesting deeper than 1000 levels (ZS001)"},
		{"alias-bomb", "bomb.yaml", func() string { return aliasBomb(true) },
			"bomb.yaml:1:1: error: cannot check: YAML: excessive aliasing: the document expands to over 1000000 nodes through its aliases (alias bomb?) (ZS001)"},
		{"invalid-utf8", "latin1.yaml", func() string { return "scope: \"ZohoCRM.modules.ALLL caf\xe9\"\n" },
			"latin1.yaml:1:33: error: cannot check: YAML: invalid trailing UTF-8 octet (ZS001)"}, // at the bad byte
		{"control-character", "ctl.yaml", func() string { return "a: b\nscope: \"ZohoCRM.users.READ\x01\"\n" },
			"ctl.yaml:2:27: error: cannot check: YAML: control characters are not allowed (ZS001)"},
		{"unknown-anchor", "anchor.yaml", func() string { return "scope: ZohoCRM.users.READ\nother: *nowhere\n" },
			"anchor.yaml:2:8: error: cannot check: YAML: unknown anchor 'nowhere' referenced (ZS001)"},
		{"utf-16", "wide.yaml", func() string { return "\xff\xfes\x00c\x00o\x00p\x00e\x00:\x00 \x00Z\x00o\x00h\x00o\x00" },
			"wide.yaml:1:1: error: cannot check: UTF-16LE text (byte order mark): zscopelint reads UTF-8 only; convert the file to have it checked (ZS001)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			must(t, os.WriteFile("good.yaml", []byte("scope: ZohoCRM.users.REED\n"), 0o644))
			must(t, os.WriteFile(tt.file, []byte(tt.body()), 0o644))
			res := CheckFiles([]string{tt.file, "good.yaml"}, opts())
			text := render(report.Sort(res.Findings))
			if !strings.Contains(text, tt.want+"\n") {
				t.Errorf("want %q in:\n%s", tt.want, text)
			}
			if !strings.Contains(text, "good.yaml:1:8: ") {
				t.Errorf("the good file was not reported:\n%s", text)
			}
			if !res.Incomplete {
				t.Error("Incomplete not set")
			}
			if n := strings.Count(text, "(ZS001)"); n != 1 {
				t.Errorf("%d ZS001 findings, want one:\n%s", n, text)
			}
		})
	}
}

func TestUnreadablePaths(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	must(t, os.Symlink("loop.yaml", "loop.yaml"))
	res := CheckFiles([]string{"loop.yaml", "missing.json"}, opts())
	text := render(report.Sort(res.Findings))
	for _, want := range []string{
		"loop.yaml:1:1: error: cannot check: open: too many levels of symbolic links (ZS001)",
		"missing.json:1:1: error: cannot check: open: no such file or directory (ZS001)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("want %q in:\n%s", want, text)
		}
	}
	if !res.Incomplete {
		t.Error("Incomplete not set")
	}
}

// TestPermissionDenied runs as an unprivileged user (as root it reruns itself as nobody):
// a file nobody may read is one positioned ZS001, and the other files are still checked.
func TestPermissionDenied(t *testing.T) {
	if testuser.RerunUnprivileged(t) {
		return
	}
	dir := t.TempDir()
	secret, other := filepath.Join(dir, "secret.yaml"), filepath.Join(dir, "other.yaml")
	must(t, os.WriteFile(secret, []byte("scope: ZohoCRM.users.READ\n"), 0o000))
	must(t, os.WriteFile(other, []byte("scope: ZohoCRM.users.REED\n"), 0o644))
	res := CheckFiles([]string{secret, other}, opts())
	text := render(report.Sort(res.Findings))
	for _, want := range []string{"secret.yaml:1:1: error: cannot check: open: permission denied (ZS001)", "other.yaml:1:8:"} {
		if !strings.Contains(text, want) {
			t.Errorf("want %q in:\n%s", want, text)
		}
	}
	if !res.Incomplete {
		t.Error("Incomplete not set")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

var _ = filepath.Join

// A NUL byte makes a file binary in its first 8000 bytes only, as git has it: past them,
// a text file is still checked, and YAML reports the NUL where it is.
func TestNULPastTheProbe(t *testing.T) {
	pad := strings.Repeat("# a comment line of padding\n", binaryProbe/28+1)
	dir := t.TempDir()
	for _, tt := range []struct{ name, body, want string }{
		{"late.txt", pad + "scope=ZohoCRM.users.REED\n\x00", "ZohoCRM.users does not accept operation"},
		{"late.yaml", "scopes: [ZohoCRM.users.REED]\n" + pad + "x: \"\x00\"\n", "cannot check"},
		{"early.yaml", "a: \x00\n" + pad + "scopes: [ZohoCRM.users.REED]\n", "binary file (NUL byte)"},
	} {
		path := filepath.Join(dir, tt.name)
		if err := os.WriteFile(path, []byte(tt.body), 0o644); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, f := range CheckFiles([]string{path}, opts()).Findings {
			b.WriteString(f.Message + "\n")
		}
		if !strings.Contains(b.String(), tt.want) {
			t.Errorf("%s: findings\n%swant one with %q", tt.name, b.String(), tt.want)
		}
	}
}

// A panic while checking one file is a ZS001 for it, and the other files are still checked
// (issue 27, item 5): the hook injects one.
func TestPanicIsZS001(t *testing.T) {
	dir := t.TempDir()
	boom, other := filepath.Join(dir, "boom.yaml"), filepath.Join(dir, "other.yaml")
	must(t, os.WriteFile(boom, []byte("scope: ZohoCRM.users.REED\n"), 0o644))
	must(t, os.WriteFile(other, []byte("scope: ZohoCRM.users.REED\n"), 0o644))
	testHookFile = func(name string) {
		if name == boom {
			panic("injected")
		}
	}
	t.Cleanup(func() { testHookFile = nil })
	res := CheckFiles([]string{boom, other}, opts())
	text := render(report.Sort(res.Findings))
	for _, want := range []string{"boom.yaml:1:1: error: cannot check: zscopelint failed on this file (injected); please report it (ZS001)", "other.yaml:1:8:"} {
		if !strings.Contains(text, want) {
			t.Errorf("want %q in:\n%s", want, text)
		}
	}
	if !res.Incomplete {
		t.Error("Incomplete not set")
	}
}
