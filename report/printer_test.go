package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/rules"
)

// token is token-shaped: "1000." + 32 hex + "." + 32 hex.
const token = "1000.3f2a9c0d5e6b7a8f9e0d1c2b3a4f5e6d.0123456789abcdef0123456789abcdef"

// leaky is a finding whose every field that reaches output quotes the token.
func leaky() Finding {
	f := finding("ZS301", "a.yaml", 2, token)
	f.Message = "refresh token " + token + " in source"
	return f
}

// TestPrinterRedactsEveryPath writes a token through every method of the printer, in
// every format: no output quotes it in full, and each shows its shortened form.
func TestPrinterRedactsEveryPath(t *testing.T) {
	why := []WhySet{{File: "a.yaml", Line: 1, Col: 1, Scopes: []string{token}}}
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			var out, errOut bytes.Buffer
			p := NewPrinter(&out, &errOut, &redact.Registry{})
			p.Notef("note about %s", token)
			if err := p.Findings(format, []Finding{leaky()}, why, true, Run{Version: "test"}); err != nil {
				t.Fatal(err)
			}
			if err := p.Diff("--- a/a.yaml\n+++ b/a.yaml\n@@ -1 +1 @@\n-" + token + "\n+x"); err != nil {
				t.Fatal(err)
			}
			if got := p.Redact("baseline " + token); strings.Contains(got, token) {
				t.Errorf("Redact kept the token: %q", got)
			}
			// The diff's last line has no newline: Flush writes it, redacted.
			if err := p.Flush(); err != nil {
				t.Fatal(err)
			}
			all := out.String() + errOut.String()
			if strings.Contains(all, token) {
				t.Errorf("the token is printed in full:\n%s", all)
			}
			if !strings.Contains(all, "1000.3f2a…") || !strings.HasSuffix(out.String(), "+x") {
				t.Errorf("output lost its shortened token or the unfinished last line:\n%s", all)
			}
			// -why follows text findings on stdout; with JSON or SARIF it goes to stderr so
			// that stdout stays one document.
			whyOnStdout := strings.Contains(out.String(), "a.yaml:1:1: scope set ")
			if whyOnStdout != (format == "text") || !strings.Contains(all, "a.yaml:1:1: scope set ") {
				t.Errorf("-why on stdout: %v, want %v:\n%s", whyOnStdout, format == "text", all)
			}
			if !strings.HasPrefix(errOut.String(), "zscopelint: note about ") {
				t.Errorf("a note is not one prefixed line on stderr: %q", errOut.String())
			}
		})
	}
}

func TestPrinterRejectsUnknownFormat(t *testing.T) {
	p := NewPrinter(&bytes.Buffer{}, &bytes.Buffer{}, nil)
	if err := p.Findings("xml", nil, nil, false, Run{Version: "test"}); err == nil {
		t.Error("no error for an unknown format")
	}
	for format, want := range map[string]bool{"text": true, "json": true, "sarif": true, "github": true, "xml": false, "": false} {
		if KnownFormat(format) != want {
			t.Errorf("KnownFormat(%q) = %v", format, !want)
		}
	}
	if p.Stdout() == nil || p.Stderr() == nil {
		t.Error("nil stream")
	}
}

func TestTextAndWhy(t *testing.T) {
	f := finding("ZS104", "dir/a.go", 3, "ZohoCRM.users.REED")
	f.Col = 7
	f.Message = `ZohoCRM.users does not accept operation "REED"`
	var b bytes.Buffer
	info := finding("ZS202", "c.yaml", 2, "t")
	info.Severity = rules.Info // a policy's level: the line says the finding's, not the check's
	if err := Text(&b, []Finding{f, finding("ZS202", "evil\nname.go", 1, "s"), info}); err != nil {
		t.Fatal(err)
	}
	want := "dir/a.go:3:7: error: ZohoCRM.users does not accept operation \"REED\" (ZS104)\n" +
		"\"evil\\nname.go\":1:1: warning: s (ZS202)\n" +
		"c.yaml:2:1: info: t (ZS202)\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("Text (-want +got):\n%s", diff)
	}
	call := rules.Call{Method: "GET", URL: "https://www.zohoapis.com/crm/v8/Leads", Where: "c.go:9"}
	b.Reset()
	err := Why(&b, []WhySet{
		{File: "b.yaml", Line: 4, Col: 2, Scopes: []string{"ZohoCRM.org.READ"}},
		{File: "a.yaml", Line: 1, Col: 1, Scopes: []string{"ZohoCRM.modules.ALL", "ZohoCRM.users.READ"}, Calls: []rules.Call{call}},
	})
	if err != nil {
		t.Fatal(err)
	}
	want = "a.yaml:1:1: scope set ZohoCRM.modules.ALL,ZohoCRM.users.READ\n" +
		"    GET https://www.zohoapis.com/crm/v8/Leads  (c.go:9)\n        needs " + call.Needs() + "\n" +
		"b.yaml:4:2: scope set ZohoCRM.org.READ\n    no Zoho API call found for its services\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("Why (-want +got):\n%s", diff)
	}
}

func TestNames(t *testing.T) {
	for _, tt := range []struct{ name, display, uri string }{
		{"a/b.go", "a/b.go", "a/b.go"},
		{"dir with space/a #1.yaml", "dir with space/a #1.yaml", "dir%20with%20space/a%20%231.yaml"},
		{"x:y/z.yaml", "x:y/z.yaml", "./x:y/z.yaml"},
		{"new\nline.yaml", `"new\nline.yaml"`, "new%0Aline.yaml"},
		{`back\slash.yaml`, `"back\\slash.yaml"`, `back%5Cslash.yaml`},
		{"100%.yaml", "100%.yaml", "100%25.yaml"},
	} {
		if got := DisplayName(tt.name); got != tt.display {
			t.Errorf("DisplayName(%q) = %q, want %q", tt.name, got, tt.display)
		}
		if got := fileURI(tt.name); got != tt.uri {
			t.Errorf("fileURI(%q) = %q, want %q", tt.name, got, tt.uri)
		}
		if got := fileFromURI(fileURI(tt.name)); got != tt.name {
			t.Errorf("fileFromURI(fileURI(%q)) = %q", tt.name, got)
		}
	}
}

func TestCodePointCol(t *testing.T) {
	for _, tt := range []struct {
		line    string
		byteCol int
		want    int // 0: the same as the byte column
	}{
		{"abc", 3, 0},
		{"héllo", 4, 3}, // é is two bytes
		{"日本x", 7, 3},
		{"x", 1, 0},
		{"short", 99, 0}, // past the line: no claim
	} {
		if got := CodePointCol([]byte(tt.line), tt.byteCol); got != tt.want {
			t.Errorf("CodePointCol(%q, %d) = %d, want %d", tt.line, tt.byteCol, got, tt.want)
		}
	}
}

// TestBaselineRoundTrip writes a baseline and reads it back from JSON and from SARIF: the
// findings it holds are not new, a second one on the same scope and one on another are.
func TestBaselineRoundTrip(t *testing.T) {
	dir := t.TempDir()
	old := []Finding{finding("ZS104", "a.yaml", 3, "ZohoCRM.users.REED"), finding("ZS201", "b go/c.go", 1, "ZohoCRM.modules.ALL")}
	later := []Finding{
		finding("ZS104", "a.yaml", 9, "ZohoCRM.users.REED"),  // moved down: still known
		finding("ZS104", "a.yaml", 12, "ZohoCRM.users.REED"), // a second one: new
		finding("ZS201", "b go/c.go", 1, "ZohoCRM.modules.ALL"),
		finding("ZS103", "a.yaml", 1, "ZohoCRM.nope.READ"), // new
	}
	jsonFile := filepath.Join(dir, "base.json")
	if err := WriteBaseline(jsonFile, old, func(s string) string { return s }); err != nil {
		t.Fatal(err)
	}
	var sarif bytes.Buffer
	// Written from the repository root's subdirectory "sub", read back from the root.
	if err := SARIF(&sarif, relativeTo(old), Run{Version: "test", WorkDir: filepath.Join(dir, "sub"), Root: dir}); err != nil {
		t.Fatal(err)
	}
	sarifFile := filepath.Join(dir, "base.sarif")
	if err := os.WriteFile(sarifFile, sarif.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{jsonFile, sarifFile} {
		b, err := ReadBaseline(name, dir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range b.New(later) {
			got = append(got, f.Check.ID+":"+itoa(f.Line))
		}
		if diff := cmp.Diff([]string{"ZS104:12", "ZS103:1"}, got); diff != "" {
			t.Errorf("%s: new findings (-want +got):\n%s", filepath.Base(name), diff)
		}
	}
}

func TestBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tt := range []struct{ file, want string }{
		{filepath.Join(dir, "missing.json"), "missing.json: "},
		{write("text.json", "a.go:1:1: x (ZS104)\n"), "not zscopelint JSON or SARIF output"},
		{write("other.json", `{"results": []}`), "neither a findings list nor SARIF runs"},
	} {
		if _, err := ReadBaseline(tt.file, dir); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", filepath.Base(tt.file), err, tt.want)
		}
	}
	// A baseline is never written into a device or a FIFO.
	if err := WriteBaseline(os.DevNull, nil, func(s string) string { return s }); err == nil {
		t.Error("wrote a baseline to a device")
	}
	// What it writes passes the redactor.
	name := filepath.Join(dir, "red.json")
	if err := WriteBaseline(name, []Finding{leaky()}, redact.Text); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(name)
	var doc struct{ Findings []json.RawMessage }
	if err := json.Unmarshal(data, &doc); err != nil || len(doc.Findings) != 1 || strings.Contains(string(data), token) {
		t.Errorf("baseline %s, %v", data, err)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// relativeTo names the findings' files as seen from a subdirectory of where they are.
func relativeTo(fs []Finding) []Finding {
	out := make([]Finding, len(fs))
	for i, f := range fs {
		f.File = "../" + f.File
		out[i] = f
	}
	return out
}
