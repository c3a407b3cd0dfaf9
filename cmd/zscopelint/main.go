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
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/zscopelint/zscopelint/analyzer"
	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/configcheck"
	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/policy"
	"github.com/zscopelint/zscopelint/program"
	"github.com/zscopelint/zscopelint/report"
	"github.com/zscopelint/zscopelint/rules"
)

func main() {
	if isVetProtocol(os.Args[1:]) {
		unitchecker.Main(analyzer.Analyzer)
		return
	}
	// The soft memory limit is sized from the Go loads and the text scans as they start
	// (reserveMemory, reserveTextScan).
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(os.Stderr, "zscopelint: %v\n", err)
		os.Exit(2)
	}
	stop := startCPUProfile(os.Getenv("ZSCOPELINT_CPUPROFILE"))
	code := runOn(os.Args[1:], wd, os.Stdout, os.Stderr, consoleOf(os.Stdout, os.Stderr, os.Getenv("NO_COLOR")))
	stop()
	os.Exit(code)
}

// startCPUProfile writes a CPU profile of the run to file when it is not empty: a hidden
// hook for measuring the command (bench/), not a flag, so that it is not part of the
// interface. It returns the function that ends the profile.
func startCPUProfile(file string) (stop func()) {
	if file == "" {
		return func() {}
	}
	f, err := os.Create(file)
	if err != nil {
		fmt.Fprintf(os.Stderr, "zscopelint: cpu profile: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "zscopelint: cpu profile: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// console is how the command's two streams are shown, which decides what is only for a
// person watching: colour, and the run's duration (output is otherwise the same byte for
// byte, wherever it goes).
type console struct {
	stdoutTTY, stderrTTY bool // the stream is a terminal
	noColor              bool // NO_COLOR is set to a non-empty value (https://no-color.org)
}

// consoleOf tells whether stdout and stderr are terminals (character devices).
func consoleOf(stdout, stderr *os.File, noColor string) console {
	tty := func(f *os.File) bool {
		fi, err := f.Stat()
		return err == nil && fi.Mode()&os.ModeCharDevice != 0
	}
	return console{stdoutTTY: tty(stdout), stderrTTY: tty(stderr), noColor: noColor != ""}
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
	needs    bool
	// baseline and writeBaseline name baseline files.
	baseline, writeBaseline string
	failOnSet               bool     // -fail-on was given: it wins over the policy's
	patterns                []string // the arguments, ./... when none

	baselinePrune bool       // rewrite -baseline without its stale entries
	outputs       outputFlag // -o FORMAT=FILE: more outputs of the same run (outputs.go)
	// includeIgnored walks git-ignored paths too (inputs.go); by default a walk skips
	// them, as build output and local secrets are not the code under review.
	includeIgnored bool
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

zscopelint checks Zoho OAuth scopes, tokens and authorization requests in Go code
and in config and source files (YAML, JSON, .env, JS/TS, Python, PHP, Java, shell,
Terraform, Dockerfiles, ...); any other text file is searched for credentials.
A directory walk skips git-ignored paths (-include-ignored walks them); files named
as arguments are always checked. It also runs under
  go vet -vettool=$(command -v zscopelint) ./...
  go fix -fixtool=$(command -v zscopelint) ./...

Exit status: 0 no finding at or above -fail-on, 1 such findings, 2 usage error or
an input that could not be checked.

Flags:
`

// run is the command, run in the directory dir (absolute). Everything it prints, on
// either stream, and every report file it writes passes one redactor (report.Printer): no
// output path can print a credential in full. Its steps: options, configuration, inputs,
// analysis, post-processing (levels, baselines, fixes), output.
func run(args []string, dir string, stdout, stderr io.Writer) int {
	return runOn(args, dir, stdout, stderr, console{})
}

// runOn is run on a console: text findings' severities are coloured when stdout is a
// terminal and NO_COLOR is unset, and the closing summary gives the run's duration only
// when stderr is a terminal.
func runOn(args []string, dir string, stdout, stderr io.Writer, con console) int {
	start := time.Now()
	reg := &redact.Registry{}
	pr := report.NewPrinter(stdout, stderr, reg)
	pr.SetColor(con.stdoutTTY && !con.noColor)
	defer pr.Flush()
	// A working directory reached through a link (cd current, current -> releases/42) is
	// its target: the go command and the walk see real paths, printed relative to it.
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	wd := workdir(dir)
	o, code, done := parseOptions(args, pr)
	if done {
		return code
	}
	if o.fix {
		defer lockFixes(pr)()
	}
	// The text scan starts on one thread and spreads later (threads.go).
	th := narrowThreads()
	defer th.widen()
	// The walk of the arguments and the loading of the catalogs and policy are independent:
	// they run side by side. Once the catalogs are loaded, the config files the walk finds
	// are read as it goes on, and only those with something to check are kept.
	walked := make(chan *inputs, 1)
	found := make(chan string, prescanQueue)
	go func() { walked <- collectInputs(wd, o.patterns, o.includeIgnored, found) }()
	c, err := configure(wd, o)
	if err != nil {
		for range found {
		}
		<-walked
		pr.Notef("%v", err)
		return 2
	}
	endScan := reserveTextScan(th.workers)
	scanOpts := c.configOptions(wd, o, nil, reg)
	scanOpts.Workers = th.workers
	mayGiveFindings := configcheck.Prescan(found, scanOpts)
	endScan()
	in := <-walked
	if err := refuseInputs(in, outputFiles(wd, o)); err != nil {
		pr.Notef("%v", err)
		return 2
	}
	in.configFiles = slices.DeleteFunc(in.configFiles, func(f string) bool { return !mayGiveFindings[f] })
	// zscopelint's own files (baselines, the policy file, catalogs) list scopes as settings
	// and earlier findings: not inputs. Those no flag names are recognised by content.
	in.configFiles = without(in.configFiles, append(o.outputs.files(wd), wd.path(o.baseline), wd.path(o.writeBaseline), wd.path(o.config))...)
	in.configFiles = without(in.configFiles, c.catalogs...)
	for _, note := range in.notes {
		pr.Notef("%s", note)
	}
	r := analyse(wd, o, c, in, reg, th)
	for _, note := range r.notes {
		pr.Notef("%s", note)
	}
	if o.needs {
		if err := pr.Needs(o.format, needsReport(wd, r.programs)); err != nil {
			pr.Notef("writing output: %v", err)
			return 2
		}
		if r.incomplete || len(in.nothing) > 0 {
			return 2
		}
		return 0
	}
	if code, ok := postProcess(wd, o, c, r, pr); !ok {
		return code
	}
	if len(in.nothing) > 0 {
		r.incomplete = true // an argument that names nothing to check is no pass
	}
	if o.fix || o.diff {
		noted := map[string]bool{} // each note about a fix once, whatever the pass
		fixed := applyFixes(wd, o, r, pr, noted)
		if o.diff {
			if !reportBaseline(o, c, r, pr) {
				return 2
			}
			return r.exit(pr, c) // the diff is the output
		}
		// What is left is what a run over the fixed files finds: not the findings of before
		// minus those fixed, which miss what the edits changed. Edits of one pass that
		// overlap (two neighbours removed from a list) are left for the next pass, so that
		// one -fix leaves nothing a second would change. The notes were printed once, and
		// the baseline was written from the first run.
		again := o
		again.writeBaseline = ""
		for pass := 1; fixed && pass <= maxFixPasses; pass++ {
			r = analyse(wd, again, c, in, reg, th)
			if code, ok := postProcess(wd, again, c, r, pr); !ok {
				return code
			}
			fixed = pass < maxFixPasses && applyFixes(wd, again, r, pr, noted)
		}
	}
	if !reportBaseline(o, c, r, pr) {
		return 2
	}
	run := report.Run{Version: Version(), WorkDir: string(wd), Root: wd.repositoryRoot(),
		Incomplete: r.incomplete, Notifications: notifications(r.findings, append(in.notes, r.notes...))}
	why := r.why
	if o.why {
		why = append(why, programsWithoutSets(wd, r.programs, r.why)...)
	}
	if err := pr.Findings(o.format, r.findings, why, o.why, run); err != nil {
		pr.Notef("writing output: %v", err)
		return 2
	}
	if !writeOutputs(wd, o.outputs, r.findings, run, pr) {
		return 2
	}
	if o.format == "text" {
		// The summary is for a person reading text; JSON, SARIF and annotations are read
		// by programs, and stderr stays quiet for them.
		var took time.Duration
		if con.stderrTTY {
			took = time.Since(start).Round(time.Millisecond)
		}
		pr.Summary(r.findings, took)
	}
	return r.exit(pr, c)
}

// parseOptions reads the command line. done says the command has nothing more to do (a
// usage error, -help, -version, -list-checks, -explain), with the exit code.
func parseOptions(args []string, pr *report.Printer) (o options, code int, done bool) {
	fs := flag.NewFlagSet("zscopelint", flag.ContinueOnError)
	fs.SetOutput(pr.Stderr())
	fs.Usage = func() {
		fmt.Fprint(pr.Stderr(), usage)
		fs.PrintDefaults()
	}
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Formats, ", ")+" (GitHub Actions annotations)")
	fs.StringVar(&o.failOn, "fail-on", "warning", "exit 1 on findings at or above: error, warning, info or never")
	fs.StringVar(&o.checks, "checks", "", "checks to run, e.g. ZS1*,-ZS105 (default all)")
	fs.StringVar(&o.config, "config", "", "policy `file` (default: .zscopelint.yaml found from the working directory up to the module root; off for none)")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings that are not in this earlier JSON or SARIF output `file`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "write all findings to this `file` (JSON) for a later -baseline")
	fs.BoolVar(&o.baselinePrune, "baseline-prune", false, "rewrite the -baseline file without the entries no finding matches any more")
	fs.Var(&o.outputs, "o", "also write the findings in `format=file`, e.g. sarif=zscopelint.sarif (repeatable; stdout keeps -format)")
	fs.Var(&o.catalogs, "catalog", "extra scope catalog `file` (repeatable)")
	fs.StringVar(&o.product, "product", "auto", "ZohoCRM product catalog: auto, crm or vertical")
	fs.BoolVar(&o.fix, "fix", false, "apply safe fixes to the files")
	fs.BoolVar(&o.diff, "diff", false, "print the fixes as a unified diff instead of applying them")
	fs.BoolVar(&o.tests, "tests", true, "also check _test.go files")
	fs.BoolVar(&o.includeIgnored, "include-ignored", false, "also walk the paths .gitignore files and .git/info/exclude ignore (files named as arguments are always checked)")
	fs.BoolVar(&o.why, "why", false, "also report, for each scope set, the Zoho API calls found and the scopes each needs")
	fs.BoolVar(&o.needs, "needs", false, "print, for each program, the least scope set its Zoho API calls need, instead of findings")
	o.maxSize = configcheck.DefaultMaxSize
	fs.Var(&o.maxSize, "max-file-size", "parse no file larger than this, e.g. 10MB (ZS001 for a config file); such files are still searched for credentials")
	listChecks := fs.Bool("list-checks", false, "list the checks and exit")
	listServices := fs.Bool("list-services", false, "list the Zoho services the catalog knows (product, completeness, scopes, endpoint rows, sources) and exit")
	explain := fs.String("explain", "", "explain a check, by `ID or name` (ZS201 or broad-scope), and exit")
	version := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return o, 0, true
		}
		return o, 2, true
	}
	switch {
	case *version:
		fmt.Fprintf(pr.Stdout(), "zscopelint %s\n", Version())
		return o, 0, true
	case *listChecks:
		return o, printChecks(pr.Stdout()), true
	case *listServices:
		return o, printServices(pr.Stdout()), true
	case *explain != "":
		return o, explainCheck(pr, *explain), true
	}
	if !report.KnownFormat(o.format) {
		pr.Notef("-format %q: want %s", o.format, strings.Join(report.Formats, ", "))
		return o, 2, true
	}
	if o.needs && (o.fix || o.diff || o.why || o.baseline != "" || o.writeBaseline != "" || len(o.outputs) > 0 || o.format != "text" && o.format != "json") {
		pr.Notef("-needs prints the scopes programs need, in text or json: not with -fix, -diff, -why, -baseline, -write-baseline, -o or -format %s", o.format)
		return o, 2, true
	}
	if o.baselinePrune && o.baseline == "" {
		pr.Notef("-baseline-prune: name the baseline with -baseline")
		return o, 2, true
	}
	fs.Visit(func(f *flag.Flag) { o.failOnSet = o.failOnSet || f.Name == "fail-on" })
	o.patterns = fs.Args()
	if slices.Contains(o.patterns, "") {
		// An unset variable in a script ("zscopelint $DIR"): not the file system's root.
		pr.Notef("an argument is empty (an unset variable?): name a package, directory or file")
		return o, 2, true
	}
	for _, p := range o.patterns {
		// "$DIR/..." with DIR unset walks the whole file system, /proc and mounts included.
		if root, recursive := strings.CutSuffix(p, "/..."); recursive && (root == "" || filepath.Clean(root) == "/") {
			pr.Notef("%s walks the whole file system (an unset variable before /...?): name the directory to check", p)
			return o, 2, true
		}
	}
	if len(o.patterns) == 0 {
		o.patterns = []string{"./..."}
	}
	return o, 0, false
}

// config is what the options and the policy in force configure.
type config struct {
	settings analyzer.Settings // for the Go analyzer
	*analyzer.Config
	catalogs []string // the -catalog files, as the file system sees them
	failOn   rules.Severity
	never    bool // -fail-on never
	baseline *report.Baseline
}

// configure loads the policy file (named, or found from wd up), the catalogs and the
// baseline, and decides what fails the run.
func configure(wd workdir, o options) (*config, error) {
	c := &config{}
	policyFile := o.config
	switch policyFile {
	case analyzer.NoPolicy:
	case "":
		if policyFile = policy.Find(string(wd)); policyFile == "" {
			policyFile = analyzer.NoPolicy
		}
	default:
		policyFile = wd.path(policyFile)
	}
	for _, f := range o.catalogs {
		c.catalogs = append(c.catalogs, wd.path(f))
	}
	c.settings = analyzer.Settings{Config: policyFile, Catalogs: strings.Join(c.catalogs, ","), Product: o.product,
		Checks: o.checks, Severity: "info", Standalone: true, WorkDir: string(wd)}
	var err error
	if c.Config, err = c.settings.ConfigFor(string(wd)); err != nil {
		return nil, err
	}
	// -fail-on on the command line wins over the policy's fail-on.
	failOn := o.failOn
	if !o.failOnSet && c.Policy != nil && c.Policy.FailOn != "" {
		failOn = c.Policy.FailOn
	}
	var ok bool
	c.never = failOn == "never"
	if c.failOn, ok = rules.ParseSeverity(failOn); !ok && !c.never {
		return nil, fmt.Errorf("-fail-on %q: want error, warning, info or never", failOn)
	}
	if o.baseline != "" {
		if c.baseline, err = report.ReadBaseline(wd.path(o.baseline), string(wd)); err != nil {
			return nil, fmt.Errorf("-baseline: %v", err)
		}
	}
	return c, nil
}

// prescanQueue is how many config files the walk may find ahead of their reading.
const prescanQueue = 1024

// configOptions are the options of the config checks.
func (c *config) configOptions(wd workdir, o options, evidenceFor func(string) *rules.Evidence, reg *redact.Registry) configcheck.Options {
	return configcheck.Options{Catalog: c.Catalog(), Product: c.FixedProduct(), Checks: c.Selection(),
		Policy: c.Policy, EvidenceFor: evidenceFor, MaxSize: int64(o.maxSize), Display: wd.rel, Registry: reg, EditBases: o.fix || o.diff}
}

// outcome is what checking the inputs found.
type outcome struct {
	findings   []report.Finding
	why        []report.WhySet
	programs   *program.Programs // the programs of the inputs and their calls
	notes      []string          // for stderr
	incomplete bool              // some input could not be checked: exit 2
	unlisted   int               // inputs that could not be checked, not listed as ZS001 is off
	// baselineHid counts the findings -baseline hid, and baselineStale are its entries no
	// finding matched.
	baselineHid   int
	baselineStale []report.BaselineEntry
}

// exit is the run's exit code, once the output is written; it first says how many inputs
// could not be checked when ZS001 is off, as they fail the run all the same.
func (r *outcome) exit(pr *report.Printer, c *config) int {
	if r.unlisted > 0 {
		pr.Notef("%d input(s) could not be checked (ZS001 is off, so they are not listed): exit status 2", r.unlisted)
	}
	return exitCode(r.findings, c.failOn, c.never, r.incomplete)
}

// analyse checks the Go packages, module by module, then the config files; every front
// end reports what it checked and the calls it found into the programs, which judge each
// config file's scope sets against the calls of its own program.
func analyse(wd workdir, o options, c *config, in *inputs, reg *redact.Registry, th threads) *outcome {
	r := &outcome{findings: append([]report.Finding(nil), in.unreadable...), incomplete: len(in.unreadable) > 0}
	r.programs = program.New(program.NewLayout(wd.repositoryRoot(), in.listings))
	plan := planGo(wd, in, r.programs.Layout(), o.needs)
	if len(plan.loads) > 0 || len(plan.loose) > 0 {
		th.widen() // the Go loads run the compiler: every processor
		g := checkGo(wd, c.settings, plan, o.tests, reg)
		r.notes = append(r.notes, g.notes...)
		r.findings = append(r.findings, g.findings...)
		r.why = g.why
		r.incomplete = r.incomplete || g.incomplete
		for _, b := range g.builds {
			r.programs.AddGo(b)
		}
	}
	if o.needs || o.why { // the programs are listed: each checked file's is
		for _, dir := range plan.loose {
			r.programs.CheckedGoDir(dir)
		}
		for _, f := range in.configFiles {
			r.programs.Checked(f)
		}
	}
	endScan := reserveTextScan(th.workers)
	reportSourceCalls(wd, in.configFiles, c.Engine(0), r.programs, int64(o.maxSize), th.workers)
	confOpts := c.configOptions(wd, o, r.programs.EvidenceFor, reg)
	confOpts.Workers = th.workers
	confOpts.SpaceJoinedIn = r.programs.SpaceJoinedIn
	conf := configcheck.CheckFiles(in.configFiles, confOpts)
	endScan()
	r.why = append(r.why, conf.Why...)
	r.findings = report.Sort(append(r.findings, conf.Findings...))
	r.incomplete = r.incomplete || conf.Incomplete
	return r
}

// postProcess applies the levels of ZS001, writes -write-baseline and drops what the
// baseline knows. ok is false when the run must stop, with the exit code.
func postProcess(wd workdir, o options, c *config, r *outcome, pr *report.Printer) (code int, ok bool) {
	// ZS001 answers to -checks and the policy like any check, but only as to what is
	// listed: an input that could not be checked fails the run (exit 2) whatever its level,
	// since exit 0 says that everything was checked. Turned off, the count is still told.
	eng := c.Engine(0)
	kept := r.findings[:0]
	hidden := 0
	for _, f := range r.findings {
		if f.Check == cannotCheck() {
			r.incomplete = true
			var on bool
			if f.Severity, on = eng.Level(f.Check, f.Severity); !on {
				hidden++
				continue
			}
		}
		kept = append(kept, f)
	}
	r.findings = kept
	r.unlisted = hidden
	if o.writeBaseline != "" {
		if err := report.WriteBaseline(wd.path(o.writeBaseline), r.findings, pr.Redact); err != nil {
			pr.Notef("-write-baseline: %v", err)
			return 2, false
		}
	}
	if c.baseline != nil {
		r.findings, r.baselineHid, r.baselineStale = c.baseline.Match(r.findings)
	}
	return 0, true
}

// maxFixPasses bounds the re-checks -fix makes: each pass applies what the one before could
// not (overlapping edits); fixes that kept undoing each other stop here.
const maxFixPasses = 4

// applyFixes applies the findings' fixes (-fix) or prints them as a diff (-diff), and
// reports whether any was applied or printed.
func applyFixes(wd workdir, o options, r *outcome, pr *report.Printer, noted map[string]bool) bool {
	fx := &fixer{wd: wd, diffOnly: o.diff, pr: pr, noted: noted, maxSize: int64(o.maxSize), roots: fixRoots(wd, o.patterns)}
	for _, applied := range fx.apply(r.findings) {
		if applied {
			return true
		}
	}
	return false
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

// Version is the module version the binary was built from (a release installed with
// go install ...@v1.2.3), else the VCS revision of the checkout it was built in, with
// "-dirty" when the tree had changes (devel-3f2a9c0d5e6b-dirty), else "devel".
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) string {
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if revision == "" {
		return "devel"
	}
	v := "devel-" + revision[:min(12, len(revision))]
	if modified == "true" {
		v += "-dirty"
	}
	return v
}

func printChecks(w io.Writer) int {
	for _, c := range rules.Checks() {
		fmt.Fprintf(w, "%s  %-22s %-8s %s\n", c.ID, c.Name, c.Severity, c.Summary)
	}
	return 0
}

func printServices(w io.Writer) int {
	for _, s := range catalog.Default().ServiceInfos() {
		fmt.Fprintf(w, "%-24s %-32s %-9s %4d scopes %4d endpoints  %s\n", s.Name, s.Product, s.Completeness, s.Entries, s.Endpoints, s.Source)
	}
	return 0
}

// explainCheck prints the explanation of the check named by its ID (ZS201, zs201) or by
// its name (broad-scope), the two columns -list-checks prints.
func explainCheck(pr *report.Printer, idOrName string) int {
	c, ok := rules.CheckByID(strings.ToUpper(idOrName))
	if !ok {
		for _, cc := range rules.Checks() {
			if strings.EqualFold(cc.Name, idOrName) {
				c, ok = cc, true
				break
			}
		}
	}
	if !ok {
		pr.Notef("no check %q (see -list-checks)", idOrName)
		return 2
	}
	fmt.Fprint(pr.Stdout(), c.Explain())
	return 0
}
