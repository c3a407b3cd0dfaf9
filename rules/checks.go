package rules

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Severity orders findings; -fail-on compares against it.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = [...]string{"info", "warning", "error"}

func (s Severity) String() string { return severityNames[s] }

// ParseSeverity reads info, warning or error.
func ParseSeverity(s string) (Severity, bool) {
	for i, n := range severityNames {
		if s == n {
			return Severity(i), true
		}
	}
	return 0, false
}

// MarshalText writes the severity's name (JSON output).
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, ok := ParseSeverity(string(b))
	if !ok {
		return fmt.Errorf("unknown severity %q (want info, warning or error)", b)
	}
	*s = v
	return nil
}

// Check is one of zscopelint's checks, with its documentation.
type Check struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Severity Severity `yaml:"severity"`
	Summary  string   `yaml:"summary"`
	What     string   `yaml:"what"`
	Why      string   `yaml:"why"`
	Bad      string   `yaml:"bad"`
	Good     string   `yaml:"good"`
	Fix      string   `yaml:"fix"`
	// Reads says what the check looks at: input (the front ends), directive, set,
	// text or block. Checks that read sets, texts and blocks are engine functions
	// (table.go).
	Reads []string `yaml:"reads"`
	// Grants: only sets that grant scopes are judged (not the scopes an API declares,
	// not scopes named in prose).
	Grants bool `yaml:"grants"`
	// Evidence: the check needs the program's API calls, and says nothing without them.
	Evidence bool `yaml:"evidence"`
	// Allow: the policy's allow list accepts what the check reports.
	Allow bool `yaml:"allow"`
	// SecuritySeverity is GitHub code scanning's security-severity score ("9.5"), set on the
	// security-relevant checks only; "" for the others.
	SecuritySeverity string `yaml:"security-severity"`
}

// SecurityLevel names the code scanning severity SecuritySeverity stands for: critical
// (over 9.0), high (7.0 to 8.9), medium (4.0 to 6.9) or low; "" when the check has none.
func (c *Check) SecurityLevel() string {
	v, err := strconv.ParseFloat(c.SecuritySeverity, 64)
	switch {
	case err != nil:
		return ""
	case v > 9.0:
		return "critical"
	case v >= 7.0:
		return "high"
	case v >= 4.0:
		return "medium"
	}
	return "low"
}

// Suppression is how any check is silenced; -explain and SARIF help end with it.
const Suppression = `Suppress one finding with a comment on its line or the line above, giving a reason:
  //zscopelint:ignore ID reason          (Go, JavaScript, ...)
  # zscopelint:ignore ID reason          (YAML, .env, Python, ...)
or a whole file with zscopelint:file-ignore ID reason, or accept a broad scope for the
team under allow in .zscopelint.yaml, or change the check's severity (or turn it off) under
severity there.`

// Explain renders a check's documentation: what, why, examples, fix and suppression.
func (c *Check) Explain() string {
	security := ""
	if level := c.SecurityLevel(); level != "" {
		security = fmt.Sprintf("Security severity in GitHub code scanning: %s (%s).\n\n", c.SecuritySeverity, level)
	}
	return fmt.Sprintf("%s %s (default severity: %s)\n\n%s\n\n%sWhat: %s\n\nWhy: %s\n\nBad:  %s\nGood: %s\n\nFix: %s\n\n%s\n",
		c.ID, c.Name, c.Severity, c.Summary, security, c.What, c.Why, c.Bad, c.Good, c.Fix, Suppression)
}

// Checks lists every check, in ID order: checks.yaml as parsed ahead into checksgen.go
// (TestChecksGenerated holds it to the file and writes it with -update), since yaml.v3
// took 1.4 ms for it, a tenth of a run's CPU over a file with one scope.
func Checks() []*Check { return parsedChecks }

// CheckByID returns the check with that ID.
func CheckByID(id string) (*Check, bool) {
	for _, c := range Checks() {
		if c.ID == id {
			return c, true
		}
	}
	return nil, false
}

// checkOf is the check id, looked up on first use; TestCheckOfIDs holds every id so
// named to checks.yaml.
func checkOf(id string) func() *Check {
	namedChecks = append(namedChecks, id)
	return sync.OnceValue(func() *Check { return mustCheck(id) })
}

// namedChecks are the IDs given to checkOf.
var namedChecks []string

func mustCheck(id string) *Check {
	c, ok := CheckByID(id)
	if !ok {
		panic("zscopelint: no check " + id)
	}
	return c
}

var (
	checkUnreadable  = checkOf("ZS001")
	checkDenied      = checkOf("ZS205")
	checkMalformed   = checkOf("ZS101")
	checkUnknownSvc  = checkOf("ZS102")
	checkUnknown     = checkOf("ZS103")
	checkUnsupported = checkOf("ZS104")
	checkCase        = checkOf("ZS105")
	checkDeprecated  = checkOf("ZS106")
	checkBroad       = checkOf("ZS201")
	checkRedundant   = checkOf("ZS202")
)

// Unreadable is ZS001, the finding front ends make for an input they could not check.
func Unreadable() *Check { return checkUnreadable() }

// Selection is a set of enabled checks, from a list such as "ZS1*,-ZS105": patterns are
// IDs or globs, applied in order; a leading '-' disables. A list that starts with a
// disabling pattern starts from all checks.
type Selection map[string]bool

// ParseSelection reads a -checks list. An empty list enables every check.
func ParseSelection(list string) (Selection, error) {
	items := strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == ' ' })
	if len(items) == 0 {
		return nil, nil // every check, without listing them
	}
	sel := Selection{}
	if strings.HasPrefix(items[0], "-") {
		for _, c := range Checks() {
			sel[c.ID] = true
		}
	}
	for _, it := range items {
		on := !strings.HasPrefix(it, "-")
		pat := strings.ToUpper(strings.TrimPrefix(it, "-"))
		matched := false
		for _, c := range Checks() {
			if ok, err := path.Match(pat, c.ID); err != nil {
				return nil, fmt.Errorf("bad check pattern %q: %v", it, err)
			} else if ok {
				sel[c.ID] = on
				matched = true
			}
		}
		if !matched {
			return nil, fmt.Errorf("check pattern %q matches no check (see -list-checks)", it)
		}
	}
	for _, on := range sel {
		if on {
			return sel, nil
		}
	}
	// A run that checks nothing would pass every input: a mistake, not a choice.
	return nil, fmt.Errorf("check list %q selects no check (see -list-checks)", list)
}

// Enabled reports whether the check is selected; a nil selection enables everything.
func (s Selection) Enabled(id string) bool { return s == nil || s[id] }

// docsURL is where the checks' documentation is published: docs/checks.md, written by
// ChecksDoc.
const docsURL = "https://github.com/zscopelint/zscopelint/blob/main/docs/checks.md"

// Heading is the check's heading in docs/checks.md.
func (c *Check) Heading() string { return c.ID + " " + c.Name }

// URL links to the check's documentation (SARIF helpUri, go vet diagnostics).
func (c *Check) URL() string { return docsURL + "#" + Anchor(c.Heading()) }

// Anchor is the anchor GitHub gives a Markdown heading: lower case, with punctuation other
// than '-' and '_' dropped and spaces written as '-'.
func Anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ChecksDoc renders docs/checks.md: the table, then one section per check with what
// -explain prints, so that every check's URL has a heading to land on.
func ChecksDoc() string {
	var b strings.Builder
	b.WriteString("# zscopelint checks\n\n")
	b.WriteString("<!-- Generated from rules/checks.yaml by `go test ./rules -update`; do not edit. -->\n\n")
	b.WriteString("`zscopelint -list-checks` lists them and `zscopelint -explain ID` (or the name, `-explain broad-scope`) prints one of these sections.\n\n")
	b.WriteString(markdownTable("#"))
	for _, c := range Checks() {
		fmt.Fprintf(&b, "\n## %s\n\n%s", c.Heading(), c.Markdown())
	}
	fmt.Fprintf(&b, "\n%s", suppressionMarkdown)
	return b.String()
}

// suppressionMarkdown is the closing section of docs/checks.md.
var suppressionMarkdown = "## Suppression\n\n```\n" + Suppression + "\n```\n"

// Markdown is the check's section of docs/checks.md below its heading: summary, default
// severity, what, why, examples and fix. SARIF's help.markdown is this text and the
// suppression section.
func (c *Check) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\nDefault severity: **%s**.\n\n", c.Summary, c.Severity)
	if level := c.SecurityLevel(); level != "" {
		fmt.Fprintf(&b, "Security severity in GitHub code scanning: **%s** (%s).\n\n", c.SecuritySeverity, level)
	}
	fmt.Fprintf(&b, "**What.** %s\n\n**Why.** %s\n\n", strings.TrimSpace(c.What), strings.TrimSpace(c.Why))
	fmt.Fprintf(&b, "Bad:\n\n```\n%s\n```\n\nGood:\n\n```\n%s\n```\n\n", strings.TrimSpace(c.Bad), strings.TrimSpace(c.Good))
	fmt.Fprintf(&b, "**Fix.** %s\n", strings.TrimSpace(c.Fix))
	return b.String()
}

// HelpMarkdown is the check's help in Markdown, for SARIF: its section of docs/checks.md
// and the suppression section.
func (c *Check) HelpMarkdown() string {
	return "## " + c.Heading() + "\n\n" + c.Markdown() + "\n" + suppressionMarkdown
}

// MarkdownTable renders the checks as the README's table, each ID linked to its section of
// docs/checks.md, so that a test can keep the README in step with this file.
func MarkdownTable() string { return markdownTable("docs/checks.md#") }

func markdownTable(link string) string {
	var b strings.Builder
	b.WriteString("| ID | name | default severity | what it reports |\n|---|---|---|---|\n")
	for _, c := range Checks() {
		fmt.Fprintf(&b, "| [%s](%s%s) | %s | %s | %s |\n", c.ID, link, Anchor(c.Heading()), c.Name, c.Severity, c.Summary)
	}
	return b.String()
}
