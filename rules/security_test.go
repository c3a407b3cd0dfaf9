package rules

import (
	"strconv"
	"strings"
	"testing"
)

// TestSecuritySeverity: the security-relevant checks, and only they, carry a code scanning
// score, each a number GitHub accepts (0.1 to 10.0) and in the band the docs name.
func TestSecuritySeverity(t *testing.T) {
	want := map[string]string{"ZS201": "medium", "ZS203": "medium", "ZS205": "medium", "ZS301": "critical", "ZS302": "medium"}
	for _, c := range Checks() {
		if c.SecuritySeverity == "" {
			if level, ok := want[c.ID]; ok {
				t.Errorf("%s: no security-severity, want one (%s)", c.ID, level)
			}
			continue
		}
		v, err := strconv.ParseFloat(c.SecuritySeverity, 64)
		if err != nil || v < 0.1 || v > 10 {
			t.Errorf("%s: security-severity %q is not a score from 0.1 to 10.0", c.ID, c.SecuritySeverity)
		}
		if got := c.SecurityLevel(); got != want[c.ID] {
			t.Errorf("%s: security level %q, want %q", c.ID, got, want[c.ID])
		}
		if !strings.Contains(ChecksDoc(), "## "+c.Heading()+"\n\n"+c.Summary+"\n\nDefault severity: **"+c.Severity.String()+"**.\n\nSecurity severity in GitHub code scanning: **"+c.SecuritySeverity+"**") {
			t.Errorf("%s: docs/checks.md does not give its security severity", c.ID)
		}
		if !strings.Contains(c.Explain(), "Security severity in GitHub code scanning: "+c.SecuritySeverity+" ("+want[c.ID]+")") {
			t.Errorf("%s: -explain does not give its security severity:\n%s", c.ID, c.Explain())
		}
	}
}

// TestSecurityLevelBands: the bands of GitHub's security-severity scores.
func TestSecurityLevelBands(t *testing.T) {
	for score, want := range map[string]string{"9.5": "critical", "9.0": "high", "7.0": "high", "6.9": "medium", "4.0": "medium", "3.9": "low", "": "", "x": ""} {
		if got := (&Check{SecuritySeverity: score}).SecurityLevel(); got != want {
			t.Errorf("%q: %q, want %q", score, got, want)
		}
	}
}
