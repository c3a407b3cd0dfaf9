package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPolicyInCLI(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod": "module p\n\ngo 1.26\n",
		".zscopelint.yaml": `fail-on: error
severity:
  ZS201: info
allow:
  - scope: ZohoCRM.settings.ALL
    reason: the setup wizard
    paths: [deploy/setup.yaml]
deny: [ZohoCRM.org.ALL]
exclude: [legacy/**]
`,
		"main.go":           "package main\n\nconst s = \"ZohoCRM.modules.ALL\"\n\nfunc main() {}\n",
		"deploy/setup.yaml": "scope: ZohoCRM.settings.ALL\n",
		"deploy/app.yaml":   "scope: ZohoCRM.settings.ALL\nother: ZohoCRM.org.ALL\n",
		"legacy/old.yaml":   "scope: ZohoCRM.modules.ALLL\n",
	})
	out, stderr, code := zscopelintIn(t, dir, "-format", "json", "./...")
	for _, want := range []string{
		`"file": "main.go"`, `"severity": "info"`, // ZS201 lowered to info
		`"file": "deploy/app.yaml"`, `"check": "ZS205"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in:\n%s%s", want, out, stderr)
		}
	}
	if strings.Contains(out, "setup.yaml") || strings.Contains(out, "legacy/") {
		t.Errorf("allowed or excluded file reported:\n%s", out)
	}
	if code != 1 { // ZS205 is an error; fail-on error from the policy
		t.Errorf("exit %d", code)
	}
	// Only info and the denied scope's error: -fail-on on the command line wins.
	if _, _, code := zscopelintIn(t, dir, "-fail-on", "never", "./..."); code != 0 {
		t.Errorf("-fail-on never: exit %d", code)
	}
	// -config off ignores the policy.
	out, _, _ = zscopelintIn(t, dir, "-config", "off", "./...")
	if !strings.Contains(out, "legacy/old.yaml") {
		t.Errorf("-config off still excluded:\n%s", out)
	}
}

func TestBadPolicyExits2(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		".zscopelint.yaml": "severity:\n  ZS999: off\n",
		"a.yaml":           "scope: ZohoCRM.users.READ\n",
	})
	out, stderr, code := zscopelintIn(t, dir, "./...")
	if code != 2 || out != "" || !strings.Contains(stderr, ".zscopelint.yaml:2:3: unknown check \"ZS999\"") {
		t.Errorf("exit %d\nstdout %q\nstderr %q", code, out, stderr)
	}
	_, stderr, code = zscopelintIn(t, dir, "-config", "missing.yaml", "./...")
	if code != 2 || !strings.Contains(stderr, "missing.yaml") {
		t.Errorf("missing -config: exit %d, %q", code, stderr)
	}
}

func TestSuppressionInConfig(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"app.yaml": "# zscopelint:ignore ZS201 the admin console\nscope: ZohoCRM.modules.ALL\nother: ZohoCRM.users.READ # zscopelint:ignore ZS104 stale\n",
		".env":     "ZOHO_SCOPE=ZohoCRM.modules.ALLL # zscopelint:ignore ZS104\n",
	})
	out, _, code := zscopelintIn(t, dir, "./...")
	want := `.env:1:12: error: ZohoCRM.modules does not accept operation "ALLL" (it accepts ALL, READ, CREATE, UPDATE, DELETE) in "ZohoCRM.modules.ALLL"; did you mean ZohoCRM.modules.ALL? (ZS104)
.env:1:33: warning: directive gives no reason, so it suppresses nothing: add why after the check IDs (ZS002)
app.yaml:3:27: warning: directive suppressed nothing: no ZS104 finding on this line; remove it (ZS002)
`
	if out != want || code != 1 {
		t.Errorf("exit %d, got:\n%s\nwant:\n%s", code, out, want)
	}
}

// A baseline hides the findings it holds, even after lines are inserted above them, and
// lets new ones through.
func TestBaseline(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"json", "sarif"} {
		t.Run(format, func(t *testing.T) {
			dir := writeTree(t, map[string]string{"a.yaml": "scope: ZohoCRM.modules.ALLL\nother: ZohoCRM.users.REED\n"})
			out, _, _ := zscopelintIn(t, dir, "-format", format, "./...")
			must(t, os.WriteFile(filepath.Join(dir, "base."+format), []byte(out), 0o644))
			if out, _, code := zscopelintIn(t, dir, "-baseline", "base."+format, "./..."); out != "" || code != 0 {
				t.Errorf("unchanged tree: exit %d\n%s", code, out)
			}
			must(t, os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("# a new comment\n\nscope: ZohoCRM.modules.ALLL\nnew: ZohoCRM.org.REED\nother: ZohoCRM.users.REED\n"), 0o644))
			out, _, code := zscopelintIn(t, dir, "-baseline", "base."+format, "./...")
			if code != 1 || strings.Count(out, "\n") != 1 || !strings.Contains(out, "a.yaml:4:6:") {
				t.Errorf("after edits: exit %d\n%s", code, out)
			}
		})
	}
	// -write-baseline writes every finding.
	dir := writeTree(t, map[string]string{"a.yaml": "scope: ZohoCRM.modules.ALLL\n"})
	zscopelintIn(t, dir, "-write-baseline", "b.json", "./...")
	if out, _, code := zscopelintIn(t, dir, "-baseline", "b.json", "./..."); out != "" || code != 0 {
		t.Errorf("written baseline does not cover its findings: %d %s", code, out)
	}
	if _, stderr, code := zscopelintIn(t, dir, "-baseline", "a.yaml", "./..."); code != 2 || !strings.Contains(stderr, "-baseline") {
		t.Errorf("bad baseline: %d %s", code, stderr)
	}
}

// TestPolicyNamedRelative: a finding that cites the policy names its file relative to the
// working directory, in Go and config files alike, wherever the policy was found: never by
// an absolute path (a runner's home directory in a SARIF log, a line that differs between
// machines).
func TestPolicyNamedRelative(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		"go.mod":           "module p\n\ngo 1.26\n",
		".zscopelint.yaml": "deny: [ZohoCRM.org.ALL]\nservices: [ZohoCRM]\n",
		"svc/main.go":      "package main\n\nconst s = \"ZohoCRM.org.ALL\"\n\nfunc main() {}\n",
		"svc/zoho.yaml":    "scope: ZohoCRM.org.ALL\npeople: ZOHOPEOPLE.forms.READ\n",
	})
	for _, tt := range []struct{ wd, policy, prefix string }{
		{dir, ".zscopelint.yaml", "svc/"},
		{filepath.Join(dir, "svc"), "../.zscopelint.yaml", ""},
	} {
		out, stderr, _ := zscopelintIn(t, tt.wd, "./...")
		for _, want := range []string{
			tt.prefix + "main.go:3:12: error: ZohoCRM.org.ALL is denied by the policy (" + tt.policy + ":1:8) (ZS205)",
			tt.prefix + "zoho.yaml:1:8: error: ZohoCRM.org.ALL is denied by the policy (" + tt.policy + ":1:8) (ZS205)",
			tt.prefix + "zoho.yaml:2:9: error: ZOHOPEOPLE.forms.READ uses service ZOHOPEOPLE, which is not in the policy's services (" + tt.policy + ": ZohoCRM) (ZS205)",
		} {
			if !strings.Contains(out, want+"\n") {
				t.Errorf("in %s: missing %q in:\n%s%s", tt.wd, want, out, stderr)
			}
		}
		if strings.Contains(out+stderr, dir) {
			t.Errorf("in %s: an absolute path in the output:\n%s%s", tt.wd, out, stderr)
		}
	}
}
