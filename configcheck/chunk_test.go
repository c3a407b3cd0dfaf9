package configcheck

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/report"
)

// filler is top-level YAML that mentions no scope, to push a file past chunkedYAMLMin.
func filler() string {
	var b strings.Builder
	for i := 0; b.Len() < chunkedYAMLMin; i++ {
		b.WriteString("service_" + itoa(i) + ":\n  replicas: 3\n  image: nginx\n")
	}
	return b.String()
}

func textOf(t *testing.T, name string, data []byte) string {
	t.Helper()
	fs, _ := CheckBytes(name, YAML, data, opts())
	var b bytes.Buffer
	report.Text(&b, report.Sort(fs))
	return b.String()
}

// Parsing a large file entry by entry finds exactly what parsing it whole finds.
func TestChunkedYAMLMatchesWhole(t *testing.T) {
	files, _ := filepath.Glob("testdata/yaml/*.yaml")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		padded := append(append([]byte(nil), data...), filler()...)
		if _, ok := yamlChunks(padded, prefilterNeedles(opts().Catalog)); !ok && !strings.Contains(string(data), "---") {
			t.Errorf("%s: not cut into entries", f)
		}
		if got, want := textOf(t, "x.yaml", padded), textOf(t, "x.yaml", data); got != want {
			t.Errorf("%s: padded file reports differently:\n%s", f, cmp.Diff(want, got))
		}
	}
}

func TestChunkedYAMLCases(t *testing.T) {
	pad := filler()
	tests := []struct{ name, body, want string }{
		{"scopes-at-end", pad + "auth:\n  scopes:\n    - ZohoCRM.users.READ\n    - ZohoCRM.users.REED\n", "ZohoCRM.users.REED"},
		{"top-level-sequence", "- ZohoCRM.users.READ\n- ZohoCRM.users.READ\n" + strings.ReplaceAll(pad, "service_", "- service_"), "listed twice"},
		// An alias to an anchor in another entry: the entry does not parse alone, so the
		// whole file is parsed.
		{"alias-across-entries", "base: &b ZohoCRM\n" + pad + "scope: [*b, ZohoCRM.modules.leeds.READ]\n", "leeds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := textOf(t, "c.yaml", []byte(tt.body))
			if !strings.Contains(got, tt.want) {
				t.Errorf("want %q in:\n%s", tt.want, got)
			}
			if strings.Contains(got, "ZS001") {
				t.Errorf("a chunk error leaked:\n%s", got)
			}
		})
	}
}

// A lexical run without a needle is not decoded, but a run with one is judged whole.
func TestLexicalRuns(t *testing.T) {
	src := []byte(`const a = ["attendance.READ", "ZOHOPEOPLE.forms.READ"];` + "\n" + `const b = ["x.y.z", "attendance.READ"];` + "\n")
	fs, _ := CheckBytes("a.js", Lexical, src, opts())
	var b bytes.Buffer
	report.Text(&b, report.Sort(fs))
	if b.String() != "a.js:1:13: malformed scope \"attendance.READ\": missing service name: want Service.attendance.READ (ZS101)\n" {
		t.Errorf("got:\n%s", b.String())
	}
}
