package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/zscopelint/zscopelint/internal/redact"
)

// Formats are the output formats Printer.Findings writes.
var Formats = []string{"text", "json", "sarif", "github"}

// Printer is the one writer of everything a user sees: findings in every format, the -why
// report, diffs, and notes on stderr. Every byte it writes passes one redaction function,
// the registry's String, line by line: no output path can print a credential in full.
type Printer struct {
	stdout, stderr *redact.Writer
	reg            *redact.Registry
	// color colours the severity word of text findings on stdout: set only when stdout
	// is a terminal and NO_COLOR is not set, never for an -o file.
	color bool
}

// SetColor turns the colouring of text findings' severity on or off (off by default).
func (p *Printer) SetColor(on bool) { p.color = on }

// NewPrinter returns a Printer to the two streams that also shortens what reg remembers
// (reg may be nil).
func NewPrinter(stdout, stderr io.Writer, reg *redact.Registry) *Printer {
	return &Printer{stdout: redact.NewWriter(stdout, reg), stderr: redact.NewWriter(stderr, reg), reg: reg}
}

// Redact is the redaction function every string the printer writes passes, for text that
// goes elsewhere (a baseline file).
func (p *Printer) Redact(s string) string { return p.reg.String(s) }

// Notef writes one line on stderr: "zscopelint: " and the message.
func (p *Printer) Notef(format string, args ...any) {
	fmt.Fprintf(p.stderr, "zscopelint: "+format+"\n", args...)
}

// Findings writes the findings in format (one of Formats) on stdout, then, with why, the
// -why report: after the findings in text, which is for people; on stderr otherwise, so
// that stdout stays one JSON or SARIF document.
func (p *Printer) Findings(format string, fs []Finding, why []WhySet, withWhy bool, run Run) error {
	w := bufio.NewWriter(p.stdout)
	var err error
	switch format {
	case "json":
		err = JSON(w, fs)
	case "sarif":
		err = SARIF(w, fs, run)
	case "github":
		err = GitHub(w, fs, run)
	case "text":
		err = text(w, fs, p.color)
	default:
		err = fmt.Errorf("unknown format %q", format)
	}
	if err == nil && withWhy {
		var ww io.Writer = w
		if format != "text" {
			ww = p.stderr
		}
		err = Why(ww, why)
	}
	if err == nil {
		err = w.Flush()
	}
	return err
}

// Summary writes the closing line of a text run on stderr: how many findings of each
// severity in how many files, then took (the run's duration) in parentheses unless it is
// zero. A run with no findings writes nothing.
func (p *Printer) Summary(fs []Finding, took time.Duration) {
	if len(fs) == 0 {
		return
	}
	line := SummaryLine(fs)
	if took > 0 {
		line += " (" + took.String() + ")"
	}
	fmt.Fprintln(p.stderr, line)
}

// Needs writes the -needs report in format (text or json) on stdout.
func (p *Printer) Needs(format string, programs []ProgramNeeds) error {
	w := bufio.NewWriter(p.stdout)
	if err := Needs(w, format, programs); err != nil {
		return err
	}
	return w.Flush()
}

// To returns a printer that writes what this one would print on stdout to w instead
// (an -o output file), through the same redactor.
func (p *Printer) To(w io.Writer) *Printer {
	return &Printer{stdout: redact.NewWriter(w, p.reg), stderr: p.stderr, reg: p.reg}
}

// KnownFormat reports whether Findings writes format.
func KnownFormat(format string) bool { return slices.Contains(Formats, format) }

// Diff writes a unified diff (UnifiedDiff's) on stdout.
func (p *Printer) Diff(diff string) error {
	_, err := io.WriteString(p.stdout, diff)
	return err
}

// Stdout is where the answers of -version, -list-checks and -explain go, redacted.
func (p *Printer) Stdout() io.Writer { return p.stdout }

// Stderr is where the flag package writes usage and parse errors, redacted.
func (p *Printer) Stderr() io.Writer { return p.stderr }

// Flush writes what the redactors hold back (an unfinished last line).
func (p *Printer) Flush() error {
	err := p.stdout.Flush()
	if e := p.stderr.Flush(); err == nil {
		err = e
	}
	return err
}
