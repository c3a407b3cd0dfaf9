// Package extract reads and writes the committed extracts from which the generated
// endpoint files (catalog/endpoints_<product>.yaml) are derived, and does that derivation.
//
// A generator (internal/gen/booksendpoints, run by hand) reads Zoho's sources, writes a
// small tab-separated extract of what it read (catalog/testdata/<product>-sources.tsv) and
// renders the endpoint file from that extract alone with Render. A catalog test renders the
// extract again and compares, so a reviewer can check the endpoint rows against a table
// that names, for every row, the file it came from and the page that prints its scope.
package extract

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Columns names the extract's columns, in order.
var Columns = []string{"wrapper", "method", "path", "scope", "page", "oas"}

// Op is one operation: an HTTP method and path template, the scope Zoho's page prints for
// it, the page, and where the generator saw it.
type Op struct {
	// Wrapper lists the wrapper source files that call the operation ("-" for none), space
	// separated, each as repository:file.
	Wrapper string
	Method  string
	Path    string // a template: /books/v3/invoices/{id}/status/sent
	Scope   string // ZohoBooks.invoices.CREATE
	Page    string // the API page that prints "OAuth Scope : <Scope>" for it
	// OAS names the OpenAPI file that lists the operation with this scope ("-" for none).
	OAS string
}

// Extract is a parsed extract: its comment lines (without "# "), which become the
// endpoint file's header, its operations, and the operations the sources name that it
// leaves out, each with the reason (lines "# left out: GET /books/v3/x (why)").
type Extract struct {
	Header  []string
	Ops     []Op
	LeftOut []string
}

const leftOutPrefix = "left out: "

// Read parses an extract.
func Read(r io.Reader) (*Extract, error) {
	x := &Extract{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "# "+leftOutPrefix):
			x.LeftOut = append(x.LeftOut, strings.TrimPrefix(line, "# "+leftOutPrefix))
			continue
		case strings.HasPrefix(line, "#"):
			x.Header = append(x.Header, strings.TrimPrefix(strings.TrimPrefix(line, "#"), " "))
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != len(Columns) {
			return nil, fmt.Errorf("line %d: %d columns, want %d (%s)", n, len(f), len(Columns), strings.Join(Columns, ", "))
		}
		if f[0] == "wrapper" {
			continue // the column names
		}
		op := Op{Wrapper: f[0], Method: f[1], Path: f[2], Scope: f[3], Page: f[4], OAS: f[5]}
		if op.Method == "" || !strings.HasPrefix(op.Path, "/") || op.Scope == "" || op.Page == "" {
			return nil, fmt.Errorf("line %d: incomplete operation %q", n, line)
		}
		x.Ops = append(x.Ops, op)
	}
	return x, sc.Err()
}

// Write writes an extract, its operations sorted by path and method.
func Write(w io.Writer, x *Extract) error {
	ops := sorted(x.Ops)
	var b bytes.Buffer
	for _, h := range x.Header {
		b.WriteString(strings.TrimRight("# "+h, " ") + "\n")
	}
	for _, l := range x.LeftOut {
		b.WriteString("# " + leftOutPrefix + l + "\n")
	}
	b.WriteString(strings.Join(Columns, "\t") + "\n")
	for _, op := range ops {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\n", op.Wrapper, op.Method, op.Path, op.Scope, op.Page, op.OAS)
	}
	_, err := w.Write(b.Bytes())
	return err
}

func sorted(ops []Op) []Op {
	out := append([]Op(nil), ops...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return methodRank(out[i].Method) < methodRank(out[j].Method)
	})
	return out
}

func methodRank(m string) int {
	switch m {
	case "GET":
		return 0
	case "POST":
		return 1
	case "PUT":
		return 2
	case "PATCH":
		return 3
	case "DELETE":
		return 4
	}
	return 5
}

// Render derives the endpoint file from an extract: its header as comments, then one row
// per operation in catalog/endpoints.yaml's row shape. Two operations with the same method
// and path are an error: the catalog could not tell them apart.
func Render(x *Extract) ([]byte, error) {
	var b bytes.Buffer
	for _, h := range x.Header {
		b.WriteString(strings.TrimRight("# "+h, " ") + "\n")
	}
	if len(x.LeftOut) > 0 {
		fmt.Fprintf(&b, "# Left out: %d operations the sources name, listed with the reason in the extract.\n", len(x.LeftOut))
	}
	b.WriteString("endpoints:\n")
	seen := map[string]bool{}
	for _, op := range sorted(x.Ops) {
		key := op.Method + " " + op.Path
		if seen[key] {
			return nil, fmt.Errorf("two operations %s", key)
		}
		seen[key] = true
		fmt.Fprintf(&b, "  - {method: %s, path: %q, requires: [[%q]], source: %q}\n", op.Method, op.Path, op.Scope, Source(op))
	}
	return b.Bytes(), nil
}

// Source is a row's source text: the wrapper file that spells the call (or the OpenAPI
// file, when no wrapper does) and the page that prints the scope.
func Source(op Op) string {
	var where string
	switch {
	case op.Wrapper != "-" && op.Wrapper != "":
		first, _, _ := strings.Cut(op.Wrapper, " ")
		repo, file, _ := strings.Cut(first, ":")
		where = "github.com/zoho/" + repo + " " + file
	case op.OAS != "-" && op.OAS != "":
		where = "Zoho OpenAPI file " + op.OAS
	}
	return where + "; scope as printed on " + op.Page
}

// WriteFiles writes an extract and the endpoint rows it implies, the rows rendered from the
// extract as read back, so that the endpoint file is exactly what a test derives from the
// committed extract.
func WriteFiles(x *Extract, extractPath, endpointsPath string) error {
	var eb bytes.Buffer
	if err := Write(&eb, x); err != nil {
		return err
	}
	back, err := Read(bytes.NewReader(eb.Bytes()))
	if err != nil {
		return err
	}
	yb, err := Render(back)
	if err != nil {
		return err
	}
	if err := os.WriteFile(extractPath, eb.Bytes(), 0o644); err != nil {
		return err
	}
	return os.WriteFile(endpointsPath, yb, 0o644)
}
