package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/zscopelint/zscopelint/configcheck"
	"github.com/zscopelint/zscopelint/internal/safefile"
	"github.com/zscopelint/zscopelint/report"
)

// outputFlag is -o FORMAT=FILE, repeatable: one more output of the same run, written to a
// file, beside the -format output on stdout. The Action prints annotations on stdout
// (-format github) and writes the SARIF log for code scanning with -o sarif=FILE, from one
// run.
type outputFlag []output

type output struct{ format, file string }

func (o *outputFlag) String() string {
	var parts []string
	for _, out := range *o {
		parts = append(parts, out.format+"="+out.file)
	}
	return strings.Join(parts, ",")
}

func (o *outputFlag) Set(s string) error {
	format, file, ok := strings.Cut(s, "=")
	if !ok || file == "" {
		return fmt.Errorf("want FORMAT=FILE, e.g. sarif=zscopelint.sarif")
	}
	if !report.KnownFormat(format) {
		return fmt.Errorf("format %q: want %s", format, strings.Join(report.Formats, ", "))
	}
	*o = append(*o, output{format, file})
	return nil
}

// files are the files the outputs write, as the file system sees them.
func (o outputFlag) files(wd workdir) []string {
	var fs []string
	for _, out := range o {
		fs = append(fs, wd.path(out.file))
	}
	return fs
}

// writeOutputs writes the -o outputs: each through a printer of its own that shares the
// run's redactor, so that a file holds no more of a credential than stdout would.
func writeOutputs(wd workdir, outs outputFlag, fs []report.Finding, run report.Run, pr *report.Printer) bool {
	ok := true
	for _, out := range outs {
		name := wd.path(out.file)
		if fi, err := os.Stat(name); err == nil && !fi.Mode().IsRegular() {
			pr.Notef("-o %s: %v", out.file, safefile.ErrNotRegular)
			ok = false
			continue
		}
		var buf bytes.Buffer
		to := pr.To(&buf)
		err := to.Findings(out.format, fs, nil, false, run)
		if err == nil {
			err = to.Flush()
		}
		if err != nil {
			pr.Notef("-o %s: %v", out.file, err)
			ok = false
			continue
		}
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			pr.Notef("-o %v", err)
			ok = false
		}
	}
	return ok
}

// outputFiles are the files the run writes, by flag, as the file system sees them.
func outputFiles(wd workdir, o options) map[string][]string {
	files := map[string][]string{"-o": o.outputs.files(wd)}
	if o.writeBaseline != "" {
		files["-write-baseline"] = []string{wd.path(o.writeBaseline)}
	}
	return files
}

// refuseInputs reports an output file (-write-baseline, -o) that is one of the inputs the
// run checks: writing it would replace the user's code or configuration with our output.
// An earlier output of ours found by the walk (a baseline rewritten in place) is no input.
func refuseInputs(in *inputs, flags map[string][]string) error {
	for _, flagName := range slices.Sorted(maps.Keys(flags)) {
		files := flags[flagName]
		for _, name := range files {
			fi, err := os.Stat(name)
			if err != nil {
				continue // a new file
			}
			input := strings.HasSuffix(name, ".go") && in.hasGoDir(filepath.Dir(name))
			for _, f := range in.configFiles {
				// Only a file of the same name is stat'ed: a large tree costs no stat a file.
				if filepath.Base(f) != filepath.Base(name) {
					continue
				}
				if g, err := os.Stat(f); err == nil && os.SameFile(fi, g) {
					input = true
				}
			}
			if !input {
				continue
			}
			if data, err := safefile.ReadFile(name, safefile.DefaultLimit); err == nil && ownOutput(name, data) {
				continue
			}
			return fmt.Errorf("%s %s: that file is an input of this run, not an earlier output of zscopelint; name another file", flagName, in.wd.rel(name))
		}
	}
	return nil
}

// ownOutput reports whether a file holds an earlier output of zscopelint, whatever its
// name: a baseline or SARIF log (recognised as configcheck.OwnFile recognises a .json
// one), or lines of text or GitHub annotations, each a finding.
func ownOutput(name string, data []byte) bool {
	if configcheck.OwnFile(name, data) || configcheck.OwnFile("output.json", data) {
		return true
	}
	text := strings.TrimSpace(string(data))
	if text == "" {
		return true // nothing to lose
	}
	lines := strings.Split(text, "\n")
	for _, line := range lines {
		if !findingLine.MatchString(line) {
			return false
		}
	}
	return true
}

// findingLine is a line of -format text or -format github output.
var findingLine = regexp.MustCompile(`^(::(error|warning|notice) .*|.*\(ZS\d{3}\))$`)

func (in *inputs) hasGoDir(dir string) bool { return slices.Contains(in.goDirs, dir) }

// maxStaleListed bounds the stale baseline entries listed one by one on stderr.
const maxStaleListed = 20

// reportBaseline says on stderr what -baseline hid and which of its entries match no
// finding any more, and with -baseline-prune rewrites it without those. ok is false when
// the rewrite failed.
func reportBaseline(o options, c *config, r *outcome, pr *report.Printer) (ok bool) {
	if c.baseline == nil {
		return true
	}
	stale := 0
	for _, e := range r.baselineStale {
		stale += e.Count
	}
	verb := "match"
	if stale == 1 {
		verb = "matches"
	}
	pr.Notef("-baseline %s hid %s; %s no longer %s", o.baseline, plural(r.baselineHid, "finding"), plural(stale, "entry"), verb)
	if o.baselinePrune {
		n, err := c.baseline.Prune(r.baselineStale)
		if err != nil {
			pr.Notef("-baseline-prune: %v", err)
			return false
		}
		if n > 0 {
			pr.Notef("-baseline-prune: removed %s from %s", plural(n, "entry"), o.baseline)
		}
		return true
	}
	for i, e := range r.baselineStale {
		if i == maxStaleListed {
			pr.Notef("    and %d more", len(r.baselineStale)-i)
			break
		}
		times := ""
		if e.Count > 1 {
			times = fmt.Sprintf(" (%d entries)", e.Count)
		}
		pr.Notef("    no longer found: %s %s %q%s", e.Check, report.DisplayName(e.File), e.Scope, times)
	}
	if stale > 0 {
		pr.Notef("    -baseline-prune rewrites %s without them", o.baseline)
	}
	return true
}

// plural writes n and the noun, with an s when n is not 1 ("entry" becomes "entries").
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// notifications are what a SARIF log says of the inputs that could not be checked: each
// ZS001 finding (an error, at its place) and each note the run printed on stderr.
func notifications(fs []report.Finding, notes []string) []report.Notification {
	var out []report.Notification
	for _, f := range fs {
		if f.Check == cannotCheck() {
			out = append(out, report.Notification{File: f.File, Line: f.Line, Col: f.Col, Message: f.Message})
		}
	}
	for _, n := range notes {
		out = append(out, report.Notification{Level: "warning", Message: n})
	}
	return out
}
