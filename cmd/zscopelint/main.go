// Command zscopelint checks Zoho OAuth scopes in Go packages.
//
//	zscopelint [flags] [packages | dirs | files]     (default ./...)
//
// It also speaks the go vet tool protocol, so that
//
//	go vet -vettool=$(command -v zscopelint) ./...
//	go fix -fixtool=$(command -v zscopelint) ./...
//
// run its analyzer under the go command. Exit status: 0 no finding at or above -fail-on,
// 1 such findings, 2 a usage error or an input that could not be checked.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/zscopelint/zscopelint/analyzer"
	"github.com/zscopelint/zscopelint/configcheck"
	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/policy"
	"github.com/zscopelint/zscopelint/report"
	"github.com/zscopelint/zscopelint/rules"
)

func main() {
	if isVetProtocol(os.Args[1:]) {
		unitchecker.Main(analyzer.Analyzer)
		return
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// isVetProtocol reports whether the go command is driving us: go vet -vettool and
// go fix -fixtool first ask for -flags and -V=full, then pass one *.cfg file.
func isVetProtocol(args []string) bool {
	for _, a := range args {
		if a == "-flags" || a == "--flags" || strings.HasPrefix(a, "-V=") || strings.HasPrefix(a, "--V=") {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

type options struct {
	format   string
	failOn   string
	checks   string
	catalogs listFlag
	product  string
	fix      bool
	diff     bool
	tests    bool
	maxSize  sizeFlag
	config   string
	why      bool
	// baseline and writeBaseline name baseline files.
	baseline, writeBaseline string
}

// sizeFlag is a byte count written as 10485760, 10MB or 512KB.
type sizeFlag int64

func (s *sizeFlag) String() string { return strconv.FormatInt(int64(*s), 10) }

func (s *sizeFlag) Set(v string) error {
	mult := int64(1)
	upper := strings.ToUpper(strings.TrimSpace(v))
	for suffix, m := range map[string]int64{"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30} {
		if num, ok := strings.CutSuffix(upper, suffix); ok {
			upper, mult = strings.TrimSpace(num), m
		}
	}
	n, err := strconv.ParseInt(upper, 10, 64)
	if err != nil || n <= 0 {
		return fmt.Errorf("want a positive size such as 10MB")
	}
	*s = sizeFlag(n * mult)
	return nil
}

const usage = `usage: zscopelint [flags] [packages | dirs | files]   (default ./...)

zscopelint checks Zoho OAuth scopes in Go code. It also runs under
  go vet -vettool=$(command -v zscopelint) ./...
  go fix -fixtool=$(command -v zscopelint) ./...

Exit status: 0 no finding at or above -fail-on, 1 such findings, 2 usage error or
an input that could not be checked.

Flags:
`

// run is the command. Everything it prints, on either stream, and every report file it
// writes passes one redactor: no output path can print a credential in full.
func run(args []string, stdout, stderr io.Writer) int {
	reg := &redact.Registry{}
	out, errOut := redact.NewWriter(stdout, reg), redact.NewWriter(stderr, reg)
	defer errOut.Flush()
	defer out.Flush()
	return runRedacted(args, out, errOut, reg)
}

func runRedacted(args []string, stdout, stderr io.Writer, reg *redact.Registry) int {
	var o options
	fs := flag.NewFlagSet("zscopelint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	fs.StringVar(&o.format, "format", "text", "output format: text, json or sarif")
	fs.StringVar(&o.failOn, "fail-on", "warning", "exit 1 on findings at or above: error, warning, info or never")
	fs.StringVar(&o.checks, "checks", "", "checks to run, e.g. ZS1*,-ZS105 (default all)")
	fs.StringVar(&o.config, "config", "", "policy `file` (default: .zscopelint.yaml found from the working directory up to the module root; off for none)")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings that are not in this earlier JSON or SARIF output `file`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "write all findings to this `file` (JSON) for a later -baseline")
	fs.Var(&o.catalogs, "catalog", "extra scope catalog `file` (repeatable)")
	fs.StringVar(&o.product, "product", "auto", "ZohoCRM product catalog: auto, crm or vertical")
	fs.BoolVar(&o.fix, "fix", false, "apply safe fixes to the files")
	fs.BoolVar(&o.diff, "diff", false, "print the fixes as a unified diff instead of applying them")
	fs.BoolVar(&o.tests, "tests", true, "also check _test.go files")
	fs.BoolVar(&o.why, "why", false, "also report, for each scope set, the Zoho API calls found and the scopes each needs")
	o.maxSize = configcheck.DefaultMaxSize
	fs.Var(&o.maxSize, "max-file-size", "skip (and report, ZS001) config files larger than this, e.g. 10MB")
	listChecks := fs.Bool("list-checks", false, "list the checks and exit")
	explain := fs.String("explain", "", "explain a check `ID` and exit")
	version := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	switch {
	case *version:
		fmt.Fprintf(stdout, "zscopelint %s\n", Version())
		return 0
	case *listChecks:
		return printChecks(stdout)
	case *explain != "":
		return explainCheck(stdout, stderr, *explain)
	}
	if o.format != "text" && o.format != "json" && o.format != "sarif" {
		fmt.Fprintf(stderr, "zscopelint: -format %q: want text, json or sarif\n", o.format)
		return 2
	}
	policyFile := o.config
	if policyFile == "" {
		if wd, err := os.Getwd(); err == nil {
			policyFile = policy.Find(wd)
		}
		if policyFile == "" {
			policyFile = analyzer.NoPolicy
		}
	}
	settings := analyzer.Settings{Config: policyFile, Catalogs: strings.Join(o.catalogs, ","), Product: o.product,
		Checks: o.checks, Severity: "info", Standalone: true}
	cfg, err := settings.ConfigFor(".")
	if err != nil {
		fmt.Fprintf(stderr, "zscopelint: %v\n", err)
		return 2
	}
	// -fail-on on the command line wins over the policy's fail-on.
	failOnSet := false
	fs.Visit(func(f *flag.Flag) { failOnSet = failOnSet || f.Name == "fail-on" })
	if !failOnSet && cfg.Policy != nil && cfg.Policy.FailOn != "" {
		o.failOn = cfg.Policy.FailOn
	}
	failOn, ok := rules.ParseSeverity(o.failOn)
	if !ok && o.failOn != "never" {
		fmt.Fprintf(stderr, "zscopelint: -fail-on %q: want error, warning, info or never\n", o.failOn)
		return 2
	}
	var base *report.Baseline
	if o.baseline != "" {
		if base, err = report.ReadBaseline(o.baseline); err != nil {
			fmt.Fprintf(stderr, "zscopelint: -baseline: %v\n", err)
			return 2
		}
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	in := collectInputs(patterns)
	// zscopelint's own files (baselines, the policy file, catalogs) list scopes as settings
	// and earlier findings: not inputs. Those no flag names are recognised by content.
	in.configFiles = without(in.configFiles, append([]string{o.baseline, o.writeBaseline, o.config}, o.catalogs...)...)
	for _, note := range in.notes {
		fmt.Fprintf(stderr, "zscopelint: %s\n", note)
	}
	findings := append([]report.Finding(nil), in.unreadable...)
	incomplete := len(in.unreadable) > 0
	var evidenceFor func(string) *rules.Evidence
	var why []report.WhySet
	if len(in.goPatterns) > 0 {
		res, err := checkGo(settings, in.goPatterns, o.tests, reg)
		if err != nil {
			// The Go code cannot be loaded (a broken go.mod, say): say where, and check the
			// config files all the same.
			f, positioned := loadFailure(err)
			if positioned {
				findings = append(findings, f)
			} else {
				fmt.Fprintf(stderr, "zscopelint: %v\n", err)
			}
			incomplete = true
			if found, err := checkGoWithoutTypes(settings, in.goPatterns, o.tests, reg); err == nil && len(found) > 0 {
				fmt.Fprintf(stderr, "zscopelint: Go packages could not be loaded: their files were checked without type information (no least-privilege findings)\n")
				findings = append(findings, found...)
			}
		} else {
			for _, note := range res.notes {
				fmt.Fprintf(stderr, "zscopelint: %s\n", note)
			}
			findings = append(findings, res.findings...)
			incomplete = incomplete || res.incomplete
			why = res.why
			evidenceFor = res.evidenceFor
		}
	}
	conf := configcheck.CheckFiles(in.configFiles, configcheck.Options{Catalog: cfg.Catalog(),
		Product: cfg.FixedProduct(), Checks: cfg.Selection(), Policy: cfg.Policy, EvidenceFor: evidenceFor,
		MaxSize: int64(o.maxSize), Display: relPath, Registry: reg})
	why = append(why, conf.Why...)
	findings = report.Sort(append(findings, conf.Findings...))
	incomplete = incomplete || conf.Incomplete
	// ZS001 answers to -checks and the policy like any check; turned off, an input that
	// could not be checked no longer fails the run.
	eng := cfg.Engine(0)
	kept := findings[:0]
	for _, f := range findings {
		if f.Check.ID == "ZS001" {
			var on bool
			if f.Severity, on = eng.Level(f.Check, f.Severity); !on {
				incomplete = false
				continue
			}
		}
		kept = append(kept, f)
	}
	findings = kept
	if o.writeBaseline != "" {
		if err := report.WriteBaseline(o.writeBaseline, findings, reg.String); err != nil {
			fmt.Fprintf(stderr, "zscopelint: -write-baseline: %v\n", err)
			return 2
		}
	}
	if base != nil {
		findings = base.New(findings)
	}
	if len(in.goPatterns) == 0 && len(in.configFiles) == 0 && !incomplete {
		fmt.Fprintf(stderr, "zscopelint: no Go packages or config files in %s\n", strings.Join(patterns, " "))
	}

	if o.fix || o.diff {
		fx := &fixer{diffOnly: o.diff, out: stdout, notes: stderr, maxSize: int64(o.maxSize), roots: fixRoots(patterns)}
		applied := fx.apply(findings)
		if o.diff {
			return exitCode(findings, failOn, o.failOn == "never", incomplete)
		}
		// What was fixed is no longer a finding.
		var rest []report.Finding
		for i, f := range findings {
			if !applied[i] {
				rest = append(rest, f)
			}
		}
		findings = rest
	}

	w := bufio.NewWriter(stdout)
	switch o.format {
	case "json":
		err = report.JSON(w, findings)
	case "sarif":
		err = report.SARIF(w, findings, Version())
	default:
		err = report.Text(w, findings)
	}
	if err == nil && o.why {
		// The report is for people: after the findings in text, on stderr otherwise.
		var ww io.Writer = w
		if o.format != "text" {
			ww = stderr
		}
		err = report.Why(ww, why)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "zscopelint: writing output: %v\n", err)
		return 2
	}
	return exitCode(findings, failOn, o.failOn == "never", incomplete)
}

// without drops the files that name the same file as any of skip.
func without(files []string, skip ...string) []string {
	var skipInfo []os.FileInfo
	for _, s := range skip {
		if fi, err := os.Stat(s); s != "" && err == nil {
			skipInfo = append(skipInfo, fi)
		}
	}
	if len(skipInfo) == 0 {
		return files
	}
	out := files[:0]
	for _, f := range files {
		fi, err := os.Stat(f)
		keep := true
		for _, s := range skipInfo {
			keep = keep && (err != nil || !os.SameFile(fi, s))
		}
		if keep {
			out = append(out, f)
		}
	}
	return out
}

func exitCode(fs []report.Finding, failOn rules.Severity, never, incomplete bool) int {
	if incomplete {
		return 2
	}
	if never {
		return 0
	}
	for _, f := range fs {
		if f.Severity >= failOn {
			return 1
		}
	}
	return 0
}

// Version is the module version the binary was built from, or "devel".
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

func printChecks(w io.Writer) int {
	for _, c := range rules.Checks {
		fmt.Fprintf(w, "%s  %-22s %-8s %s\n", c.ID, c.Name, c.Severity, c.Summary)
	}
	return 0
}

func explainCheck(stdout, stderr io.Writer, id string) int {
	c, ok := rules.CheckByID(strings.ToUpper(id))
	if !ok {
		fmt.Fprintf(stderr, "zscopelint: no check %q (see -list-checks)\n", id)
		return 2
	}
	fmt.Fprint(stdout, c.Explain())
	return 0
}

// relPath makes a file name relative to the working directory, slash-separated.
func relPath(name string) string {
	if !filepath.IsAbs(name) {
		return filepath.ToSlash(filepath.Clean(name))
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, name); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(name)
}
