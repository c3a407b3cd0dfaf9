package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/zscopelint/zscopelint/rules"
)

func finding(id, file string, line int, scope string) Finding {
	c, _ := rules.CheckByID(id)
	return Finding{Check: c, Severity: c.Severity, File: file, Line: line, Col: 1, Scope: scope, Message: scope}
}

// Fingerprints must not change when lines are inserted above a finding, and must tell
// apart two findings on the same scope in one file.
func TestFingerprintsIgnoreLines(t *testing.T) {
	a := Fingerprints([]Finding{finding("ZS104", "a.go", 3, "X.y.ALLL"), finding("ZS104", "a.go", 9, "X.y.ALLL")})
	b := Fingerprints([]Finding{finding("ZS104", "a.go", 13, "X.y.ALLL"), finding("ZS104", "a.go", 19, "X.y.ALLL")})
	if a[0] != b[0] || a[1] != b[1] {
		t.Errorf("fingerprints moved with lines: %v vs %v", a, b)
	}
	if a[0] == a[1] {
		t.Error("two occurrences share a fingerprint")
	}
	c := Fingerprints([]Finding{finding("ZS104", "b.go", 3, "X.y.ALLL")})
	if c[0] == a[0] {
		t.Error("fingerprint ignores the file")
	}
}

func TestSortDedupes(t *testing.T) {
	fs := Sort([]Finding{
		finding("ZS202", "b.go", 1, "s"), finding("ZS104", "a.go", 2, "s"),
		finding("ZS104", "a.go", 2, "s"), finding("ZS101", "a.go", 2, "s"),
	})
	var got []string
	for _, f := range fs {
		got = append(got, f.File+":"+f.Check.ID)
	}
	if strings.Join(got, " ") != "a.go:ZS101 a.go:ZS104 b.go:ZS202" {
		t.Errorf("sorted = %v", got)
	}
}

func TestEmptyOutputs(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, nil); err != nil || b.String() != "{\n  \"findings\": []\n}\n" {
		t.Errorf("empty JSON = %q, %v", b.String(), err)
	}
	b.Reset()
	if err := SARIF(&b, nil, Run{Version: "test"}); err != nil || !strings.Contains(b.String(), `"results": []`) {
		t.Errorf("empty SARIF = %q, %v", b.String(), err)
	}
}
