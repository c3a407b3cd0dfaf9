package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// consoleRun runs the command in dir on a console whose terminals are faked.
func consoleRun(t *testing.T, dir string, con console, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = runOn(args, dir, &out, &errOut, con)
	return out.String(), errOut.String(), code
}

func consoleTree(t *testing.T) string {
	return writeTree(t, map[string]string{
		"a.yaml": "scope: ZohoCRM.users.REED\n",                     // ZS104, an error
		"b.yaml": "scope: ZohoCRM.org.READ,ZohoCRM.org.READ\n",      // ZS202, a warning
		"c.yaml": "scope: ZohoCRM.modules.ALL,ZohoCRM.users.READ\n", // ZS201, a warning
	})
}

// TestSummary: a text run with findings closes with one line on stderr that counts them by
// severity and file, and without a terminal it is the same byte for byte on every run (no
// duration); other formats, and a clean run, print none.
func TestSummary(t *testing.T) {
	t.Parallel()
	dir := consoleTree(t)
	out, stderr, code := consoleRun(t, dir, console{}, "./...")
	if code != 1 {
		t.Fatalf("exit %d:\n%s%s", code, out, stderr)
	}
	errors, warnings := strings.Count(out, ": error: "), strings.Count(out, ": warning: ")
	if errors == 0 || warnings == 0 {
		t.Fatalf("want errors and warnings:\n%s", out)
	}
	want := regexp.MustCompile(`^\d+ errors?, \d+ warnings?, 0 infos in 3 files\n$`)
	if !want.MatchString(stderr) {
		t.Errorf("stderr %q, want %s", stderr, want)
	}
	if !strings.HasPrefix(stderr, plural(errors, "error")+", "+plural(warnings, "warning")+", ") {
		t.Errorf("stderr %q does not count the %d errors and %d warnings printed", stderr, errors, warnings)
	}
	for _, format := range []string{"json", "sarif", "github"} {
		if _, stderr, _ := consoleRun(t, dir, console{stderrTTY: true}, "-format", format, "./..."); stderr != "" {
			t.Errorf("-format %s: stderr %q, want none", format, stderr)
		}
	}
	clean := writeTree(t, map[string]string{"a.yaml": "scope: ZohoCRM.users.READ\n"})
	if out, stderr, code := consoleRun(t, clean, console{stderrTTY: true}, "./..."); code != 0 || out != "" || stderr != "" {
		t.Errorf("clean run: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	// On a terminal the person watching also gets the run's duration.
	_, stderr, _ = consoleRun(t, dir, console{stderrTTY: true}, "./...")
	if !regexp.MustCompile(`^\d+ errors?, \d+ warnings?, 0 infos in 3 files \([0-9.]+[µnm]?s\)\n$`).MatchString(stderr) {
		t.Errorf("on a terminal: stderr %q, want the summary with a duration", stderr)
	}
}

// TestColor: the severity word is coloured only when stdout is a terminal and NO_COLOR is
// not set; an -o file is never coloured.
func TestColor(t *testing.T) {
	t.Parallel()
	dir := consoleTree(t)
	const red, yellow = "\x1b[1;31merror\x1b[0m: ", "\x1b[1;33mwarning\x1b[0m: "
	for _, tt := range []struct {
		name  string
		con   console
		color bool
	}{
		{"not a terminal", console{}, false},
		{"stderr only a terminal", console{stderrTTY: true}, false},
		{"terminal", console{stdoutTTY: true, stderrTTY: true}, true},
		{"terminal, NO_COLOR", console{stdoutTTY: true, stderrTTY: true, noColor: true}, false},
	} {
		out, _, _ := consoleRun(t, dir, tt.con, "-o", "text=out.txt", "./...")
		colored := strings.Contains(out, red) && strings.Contains(out, yellow)
		if colored != tt.color || !tt.color && strings.Contains(out, "\x1b") {
			t.Errorf("%s: coloured %v, want %v:\n%q", tt.name, colored, tt.color, out)
		}
		data, err := os.ReadFile(filepath.Join(dir, "out.txt"))
		must(t, err)
		file := string(data)
		if strings.Contains(file, "\x1b") || !strings.Contains(file, ": error: ") {
			t.Errorf("%s: -o text file:\n%q", tt.name, file)
		}
		if tt.color && colorEscapes.ReplaceAllString(out, "") != file {
			t.Errorf("%s: the coloured lines say more than the colour:\n%q\n%q", tt.name, out, file)
		}
	}
}

var colorEscapes = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestConsoleOf: NO_COLOR counts when set to anything but the empty string.
func TestConsoleOf(t *testing.T) {
	t.Parallel()
	if c := consoleOf(nil, nil, "1"); !c.noColor || c.stdoutTTY || c.stderrTTY {
		t.Errorf("consoleOf(nil, nil, \"1\") = %+v", c)
	}
	if c := consoleOf(nil, nil, ""); c.noColor {
		t.Errorf("NO_COLOR empty: %+v", c)
	}
}
