package catalog

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"gopkg.in/yaml.v3"
)

// yamlRow is a row line read by yaml.v3, the reader readRow stands in for.
func yamlRow(line []byte) (*Endpoint, error) {
	var es []*Endpoint
	if err := yaml.Unmarshal(line, &es); err != nil {
		return nil, err
	}
	if len(es) != 1 {
		return nil, nil
	}
	return es[0], nil
}

// readAsYAML fails the test unless yaml.v3 reads line as got.
func readAsYAML(t *testing.T, line []byte, got *Endpoint) {
	t.Helper()
	want, err := yamlRow(line)
	if err != nil {
		t.Fatalf("readRow reads %q, which yaml.v3 refuses: %v", line, err)
	}
	if d := cmp.Diff(want, got, cmpopts.IgnoreUnexported(Endpoint{})); d != "" {
		t.Fatalf("%q: readRow differs from yaml.v3 (-yaml +readRow):\n%s", line, d)
	}
}

// TestRowReaderAgreesWithYAML: every row of every embedded endpoint file is read by
// readRow (none is left to yaml.v3), and as yaml.v3 reads it.
func TestRowReaderAgreesWithYAML(t *testing.T) {
	n := 0
	for _, f := range endpointFiles() {
		_, rows, _ := bytes.Cut(f, []byte("\nendpoints:"))
		for _, line := range bytes.Split(rows, []byte("\n")) {
			if !bytes.HasPrefix(line, []byte("  - {")) {
				continue
			}
			n++
			got, ok := readRow(line)
			if !ok {
				t.Errorf("readRow does not read %s", line)
				continue
			}
			readAsYAML(t, line, got)
		}
	}
	if n < 1000 {
		t.Fatalf("only %d rows read", n)
	}
}

// TestRowReaderDeclines: lines in other shapes are left to yaml.v3, which reads them as YAML
// says (readRows).
func TestRowReaderDeclines(t *testing.T) {
	for _, line := range []string{
		`  - {method: GET, path: "/a\nb", requires: [["X.y.READ"]], source: "s"}`,
		`  - {method: GET, path: "/a", requires: [["X.y.READ"]], source: "s\u0041"}`,
		`  - {method: GET, path: "/a", requires: [[true]], source: "s"}`,
		`  - {method: GET, path: "/a", requires: [[X.y.READ]], source: "s"} # c`,
		`  - {path: "/a", method: GET, requires: [["X.y.READ"]], source: "s"}`,
		`  - {method: GET, path: "/a", requires: [["X.y.READ"],["Z.w.READ"]], source: "s"}`,
		`  - {method: get, path: "/a", requires: [], source: "s"}`,
		`  - {method: NULL, path: "/a", requires: [], source: "s"}`,
		`  - {method: GET, path: "/a", requires: [[.inf]], source: "s"}`,
	} {
		if _, ok := readRow([]byte(line)); ok {
			t.Errorf("readRow reads %s", line)
		}
		want, err := yamlRow([]byte(line))
		if err != nil {
			continue
		}
		got := readRows([][]byte{[]byte(line)})
		if len(got) != 1 || !cmp.Equal(want, got[0], cmpopts.IgnoreUnexported(Endpoint{})) {
			t.Errorf("readRows(%s) = %v, want %v", line, got, want)
		}
	}
}

// FuzzRowReader: a line readRow reads, yaml.v3 reads the same.
func FuzzRowReader(f *testing.F) {
	f.Add([]byte(`  - {method: GET, path: "/crm/{v}/{module}", requires: [["ZohoCRM.modules.{module}.READ"], [ZOHOPEOPLE.forms.READ]], source: "x"}`))
	f.Add([]byte(`  - {method: POST, path: "", requires: [], source: ""}`))
	f.Add([]byte(`  - {method: TRUE, path: "/a", requires: [[NULL.x]], source: ""}`))
	f.Add([]byte(`  - {method: GET, path: "/a", requires: [[], ["a b"]], source: "# not a comment"}  `))
	f.Add([]byte(`  - {method: "*", path: "/a\\\"b", requires: [["x"]], source: "say \"a\\b\""}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		if got, ok := readRow(line); ok {
			readAsYAML(t, line, got)
		}
	})
}
