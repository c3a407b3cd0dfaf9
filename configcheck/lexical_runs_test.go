package configcheck

import (
	"bytes"
	"testing"

	"github.com/zscopelint/zscopelint/report"
)

// A lexical run without a needle is not decoded, but a run with one is judged whole.
func TestLexicalRuns(t *testing.T) {
	src := []byte(`const a = ["attendance.READ", "ZOHOPEOPLE.forms.READ"];` + "\n" + `const b = ["x.y.z", "attendance.READ"];` + "\n")
	fs, _ := CheckBytes("a.js", Lexical, src, opts())
	var b bytes.Buffer
	report.Text(&b, report.Sort(fs))
	if b.String() != "a.js:1:13: error: malformed scope \"attendance.READ\": missing service name: want Service.attendance.READ (ZS101)\n" {
		t.Errorf("got:\n%s", b.String())
	}
}
