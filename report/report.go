// Package report formats findings as text, JSON and SARIF 2.1.0. Findings from Go packages
// and from config files meet here, in one sorted, deterministic list.
package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zscopelint/zscopelint/rules"
)

// Finding is one positioned finding, ready to print.
type Finding struct {
	Check     *rules.Check
	Severity  rules.Severity
	File      string // relative to the working directory, slash-separated
	Line, Col int    // 1-based; Col counts bytes, as go/token does
	EndLine   int
	EndCol    int
	// CPCol and CPEndCol are Col and EndCol counted in Unicode code points, as SARIF
	// counts them; 0 when they equal the byte columns.
	CPCol, CPEndCol int
	Scope           string
	Message         string // without the check ID
	Suggestions     []string
	Fix             *Fix
	Withheld        string // why the finding's fix is not offered (a credential in the file), "" if none is withheld
}

// Fix is a set of byte edits in the finding's file.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces bytes [Start, End) of a file with New. Line/column forms are for SARIF.
type Edit struct {
	File                string
	Start, End          int
	New                 string
	StartLine, StartCol int
	EndLine, EndCol     int
	// Code-point forms of StartCol and EndCol, 0 when they equal the byte columns.
	CPStartCol, CPEndCol int
	// Base is the Sum of the file's bytes the edit was computed from: -fix applies it only
	// to a file that still holds them. "" (not known) is never applied.
	Base string
}

// Sum is the SHA-256 of a file's bytes, in hex: an Edit's Base.
func Sum(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:])
}

// CodePointCol converts a 1-based byte column of line (the line's bytes from its start) to
// a 1-based code point column, or 0 when the two are the same.
func CodePointCol(line []byte, byteCol int) int {
	if byteCol-1 > len(line) || byteCol < 1 {
		return 0
	}
	cp := utf8.RuneCount(line[:byteCol-1]) + 1
	if cp == byteCol {
		return 0
	}
	return cp
}

// WhySet is a scope set and the calls it answers for, for the -why report; or, with
// Program set, a program whose calls no scope set is judged against, and those calls.
type WhySet struct {
	File      string // for a program, its name (ProgramNeeds.Program)
	Line, Col int
	Scopes    []string
	Calls     []rules.Call
	Program   bool
}

// Why writes the -why report: for each scope set, the calls found and what each needs.
func Why(w io.Writer, sets []WhySet) error {
	sort.SliceStable(sets, func(i, j int) bool {
		if sets[i].File != sets[j].File {
			return sets[i].File < sets[j].File
		}
		return sets[i].Line < sets[j].Line
	})
	for _, s := range sets {
		var err error
		if s.Program {
			_, err = fmt.Fprintf(w, "%s: the program's calls (no scope set is judged against them)\n", DisplayName(s.File))
		} else {
			_, err = fmt.Fprintf(w, "%s:%d:%d: scope set %s\n", DisplayName(s.File), s.Line, s.Col, strings.Join(s.Scopes, ","))
		}
		if err != nil {
			return err
		}
		if s.Program && len(s.Calls) == 0 {
			fmt.Fprintf(w, "    no Zoho API call found\n")
		} else if len(s.Calls) == 0 {
			fmt.Fprintf(w, "    no Zoho API call found for its services\n")
		}
		for _, c := range s.Calls {
			verb := "needs"
			if c.Req.Unresolved != "" {
				verb = "unresolved:"
			}
			fmt.Fprintf(w, "    %s  (%s)\n        %s %s\n", c.Display(), c.Where, verb, c.Needs())
		}
	}
	return nil
}

// Sort orders findings by file, line, column, check and message, and drops exact
// duplicates (a package and its test variant share files).
func Sort(fs []Finding) []Finding {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Col != b.Col:
			return a.Col < b.Col
		case a.Check.ID != b.Check.ID:
			return a.Check.ID < b.Check.ID
		}
		return a.Message < b.Message
	})
	out := fs[:0]
	for i, f := range fs {
		if i > 0 {
			p := fs[i-1]
			if p.File == f.File && p.Line == f.Line && p.Col == f.Col && p.Check == f.Check && p.Message == f.Message {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}

// Text writes path:line:col: severity: message (ZSnnn), one finding a line, the severity
// being error, warning or info as the compilers and linters people read daily write it.
func Text(w io.Writer, fs []Finding) error { return text(w, fs, false) }

// severityColor is the ANSI colour of each severity word on a terminal: red, yellow and
// cyan, as compilers and linters colour theirs.
var severityColor = map[rules.Severity]string{rules.Error: "\x1b[1;31m", rules.Warning: "\x1b[1;33m", rules.Info: "\x1b[1;36m"}

const colorReset = "\x1b[0m"

// text is Text, with the severity word coloured when color is set.
func text(w io.Writer, fs []Finding, color bool) error {
	for _, f := range fs {
		sev := f.Severity.String()
		if color {
			sev = severityColor[f.Severity] + sev + colorReset
		}
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s (%s)\n", DisplayName(f.File), f.Line, f.Col, sev, f.Message, f.Check.ID); err != nil {
			return err
		}
	}
	return nil
}

// SummaryLine counts findings by severity and the files they are in:
// "2 errors, 1 warning, 0 infos in 2 files".
func SummaryLine(fs []Finding) string {
	var n [3]int
	files := map[string]bool{}
	for _, f := range fs {
		if int(f.Severity) < len(n) {
			n[f.Severity]++
		}
		files[f.File] = true
	}
	count := func(k int, noun string) string {
		if k == 1 {
			return "1 " + noun
		}
		return fmt.Sprintf("%d %ss", k, noun)
	}
	return fmt.Sprintf("%s, %s, %s in %s", count(n[rules.Error], "error"), count(n[rules.Warning], "warning"),
		count(n[rules.Info], "info"), count(len(files), "file"))
}

type jsonFinding struct {
	Check       string   `json:"check"`
	Name        string   `json:"name"`
	Severity    string   `json:"severity"`
	File        string   `json:"file"`
	Line        int      `json:"line"`
	Column      int      `json:"column"`
	Scope       string   `json:"scope"`
	Message     string   `json:"message"`
	Suggestions []string `json:"suggestions"`
}

// JSON writes {"findings":[...]} as SPEC §4 gives it.
func JSON(w io.Writer, fs []Finding) error {
	out := struct {
		Findings []jsonFinding `json:"findings"`
	}{Findings: []jsonFinding{}}
	for _, f := range fs {
		sug := f.Suggestions
		if sug == nil {
			sug = []string{}
		}
		out.Findings = append(out.Findings, jsonFinding{Check: f.Check.ID, Name: f.Check.Name,
			Severity: f.Severity.String(), File: f.File, Line: f.Line, Column: f.Col,
			Scope: f.Scope, Message: f.Message, Suggestions: sug})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// Fingerprints identify findings across edits that move them: each its check, file and scope
// text, and which occurrence of that triple it is. Line numbers are left out on purpose.
func Fingerprints(fs []Finding) []string {
	seen := map[string]int{}
	out := make([]string, len(fs))
	for i, f := range fs {
		key := f.Check.ID + "\x00" + f.File + "\x00" + f.Scope
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", key, n)))
		out[i] = hex.EncodeToString(sum[:16])
	}
	return out
}

// levelName names a severity as SARIF and GitHub annotations do: error and warning, and
// info in the format's own word (SARIF note, GitHub notice).
func levelName(s rules.Severity, info string) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	}
	return info
}

func sarifLevel(s rules.Severity) string { return levelName(s, "note") }

// SARIF writes a SARIF 2.1.0 log that GitHub code scanning accepts. Columns in SARIF are
// counted in Unicode code points (columnKind): findings carry both forms, so no input is
// read again here.
//
// File names are written relative to run.Root, the repository root, with %SRCROOT%
// standing for it in originalUriBaseIds, so that code scanning maps them whatever
// directory the command ran in; a file outside the root is written as an absolute file URI.
func SARIF(w io.Writer, fs []Finding, run Run) error {
	type text struct {
		Text string `json:"text"`
	}
	type region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	type artifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	artifactOf := func(name string) artifact {
		rel, inside := run.rootRelative(name)
		if !inside {
			return artifact{URI: (&url.URL{Scheme: "file", Path: rel}).String()}
		}
		return artifact{URI: fileURI(rel), URIBaseID: "%SRCROOT%"}
	}
	type physical struct {
		ArtifactLocation artifact `json:"artifactLocation"`
		Region           region   `json:"region"`
	}
	type location struct {
		PhysicalLocation physical `json:"physicalLocation"`
	}
	type replacement struct {
		DeletedRegion   region `json:"deletedRegion"`
		InsertedContent text   `json:"insertedContent"`
	}
	type change struct {
		ArtifactLocation artifact      `json:"artifactLocation"`
		Replacements     []replacement `json:"replacements"`
	}
	type fix struct {
		Description     text     `json:"description"`
		ArtifactChanges []change `json:"artifactChanges"`
	}
	type result struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             text              `json:"message"`
		Locations           []location        `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Fixes               []fix             `json:"fixes,omitempty"`
		Properties          map[string]string `json:"properties,omitempty"`
	}
	type help struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	type rule struct {
		ID                   string            `json:"id"`
		Name                 string            `json:"name"`
		ShortDescription     text              `json:"shortDescription"`
		FullDescription      text              `json:"fullDescription"`
		Help                 help              `json:"help"`
		HelpURI              string            `json:"helpUri"`
		DefaultConfiguration map[string]string `json:"defaultConfiguration"`
		Properties           map[string]any    `json:"properties"`
	}
	col := func(byteCol, cpCol int) int {
		if cpCol > 0 {
			return cpCol
		}
		return byteCol
	}
	reg := func(l1, c1, cp1, l2, c2, cp2 int) region {
		r := region{StartLine: l1, StartColumn: col(c1, cp1)}
		if l2 > 0 {
			r.EndLine, r.EndColumn = l2, col(c2, cp2)
		}
		return r
	}

	var rulesOut []rule
	index := map[string]int{}
	for i, c := range rules.Checks() {
		index[c.ID] = i
		// Code scanning files a rule tagged security, with a security-severity, as a security
		// alert (critical, high, medium, low); the others as error, warning or note.
		props := map[string]any{"tags": []string{"correctness", "oauth", "zoho"}}
		if c.SecuritySeverity != "" {
			props = map[string]any{"tags": []string{"security", "oauth", "zoho"}, "security-severity": c.SecuritySeverity}
		}
		rulesOut = append(rulesOut, rule{ID: c.ID, Name: c.Name,
			ShortDescription: text{c.Summary}, FullDescription: text{c.What + " " + c.Why},
			Help:                 help{Text: c.Explain(), Markdown: c.HelpMarkdown()},
			HelpURI:              c.URL(),
			DefaultConfiguration: map[string]string{"level": sarifLevel(c.Severity)},
			Properties:           props})
	}
	fps := Fingerprints(fs)
	results := []result{}
	for i, f := range fs {
		r := result{RuleID: f.Check.ID, RuleIndex: index[f.Check.ID], Level: sarifLevel(f.Severity),
			Message: text{f.Message + " (" + f.Check.ID + ")"},
			Locations: []location{{physical{artifactOf(f.File),
				reg(f.Line, f.Col, f.CPCol, f.EndLine, f.EndCol, f.CPEndCol)}}},
			PartialFingerprints: map[string]string{"zscopelint/v1": fps[i]}}
		if f.Scope != "" {
			r.Properties = map[string]string{"scope": f.Scope} // read back by -baseline
		}
		if f.Fix != nil {
			byFile := map[string]*change{}
			var order []string
			for _, e := range f.Fix.Edits {
				ch := byFile[e.File]
				if ch == nil {
					ch = &change{ArtifactLocation: artifactOf(e.File)}
					byFile[e.File] = ch
					order = append(order, e.File)
				}
				ch.Replacements = append(ch.Replacements, replacement{
					DeletedRegion:   reg(e.StartLine, e.StartCol, e.CPStartCol, e.EndLine, e.EndCol, e.CPEndCol),
					InsertedContent: text{e.New}})
			}
			fx := fix{Description: text{f.Fix.Message}}
			for _, file := range order {
				fx.ArtifactChanges = append(fx.ArtifactChanges, *byFile[file])
			}
			r.Fixes = []fix{fx}
		}
		results = append(results, r)
	}
	runOut := map[string]any{
		"tool": map[string]any{"driver": map[string]any{
			"name":           "zscopelint",
			"informationUri": "https://github.com/zscopelint/zscopelint",
			"version":        run.Version,
			"rules":          rulesOut,
		}},
		"columnKind":  "unicodeCodePoints",
		"results":     results,
		"invocations": []any{run.invocation(func(name string) any { return artifactOf(name) })},
	}
	if run.Root != "" {
		runOut["originalUriBaseIds"] = map[string]any{"%SRCROOT%": map[string]string{"uri": run.rootURI()}}
	}
	log := map[string]any{
		"version": "2.1.0",
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"runs":    []any{runOut},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// invocation is the SARIF invocation of the run: whether every input was checked (an
// exit-2 run was not: executionSuccessful false) and a notification for each input that
// could not be, so that a log without results is not read as a clean tree.
func (r Run) invocation(artifactOf func(string) any) map[string]any {
	type notification struct {
		Level     string            `json:"level"`
		Message   map[string]string `json:"message"`
		Locations []any             `json:"locations,omitempty"`
	}
	notes := []notification{}
	for _, n := range r.Notifications {
		out := notification{Level: n.Level, Message: map[string]string{"text": n.Message}}
		if out.Level == "" {
			out.Level = "error"
		}
		if n.File != "" {
			out.Locations = []any{map[string]any{"physicalLocation": map[string]any{
				"artifactLocation": artifactOf(n.File),
				"region":           map[string]int{"startLine": max(n.Line, 1), "startColumn": max(n.Col, 1)}}}}
		}
		notes = append(notes, out)
	}
	inv := map[string]any{"executionSuccessful": !r.Incomplete}
	if len(notes) > 0 {
		inv["toolExecutionNotifications"] = notes
	}
	return inv
}

// fileURI writes a slash-separated relative file name as a relative URI reference:
// percent-encoded, so that spaces, '%', '#', '?' and control characters survive.
func fileURI(name string) string {
	uri := (&url.URL{Path: name}).EscapedPath()
	if first, _, _ := strings.Cut(uri, "/"); strings.Contains(first, ":") {
		uri = "./" + uri // a colon in the first segment would read as a scheme
	}
	return uri
}

// fileFromURI reverses fileURI.
func fileFromURI(uri string) string {
	if p, err := url.PathUnescape(uri); err == nil {
		uri = p
	}
	return strings.TrimPrefix(uri, "./")
}

// DisplayName writes a file name for a line of text output: as it is, unless it holds
// control characters, a quote or a backslash (a newline in a name would forge a finding
// line, an escape sequence would reach the terminal); then Go-quoted.
func DisplayName(name string) string {
	for _, r := range name {
		if r < 0x20 || r == 0x7f || r == '"' || r == '\\' || r >= 0x80 && r < 0xa0 || r == utf8.RuneError {
			return strconv.Quote(name)
		}
	}
	return name
}
