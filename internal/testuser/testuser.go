// Package testuser runs a test again as an unprivileged user, for tests of permission
// bits: root reads a file of mode 000 and writes one of mode 444, so that under a CI that
// runs as root such a test would prove nothing, or skip.
package testuser

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// envRerun marks the run of a test binary that RerunUnprivileged started.
const envRerun = "ZSCOPELINT_TEST_UNPRIVILEGED"

// nobody is the user and group id of nobody/nogroup on Debian and most Linux systems.
const nobody = "65534"

// RerunUnprivileged, called first in a top-level test that checks permission bits,
// reports whether it ran the test again as the user nobody: when the tests run as root,
// it runs the test binary with setpriv as nobody, fails the test with that run's output if
// it fails, and returns true (the caller returns). Otherwise it returns false and the test
// goes on as it is. Without setpriv, as root, the test fails: it never skips in silence.
func RerunUnprivileged(t *testing.T) bool {
	t.Helper()
	if os.Getenv(envRerun) != "" || os.Geteuid() != 0 {
		return false
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Fatalf("the tests run as root and setpriv (util-linux) is not installed: cannot check permissions as an unprivileged user")
	}
	// The test binary sits in the go command's private build directory: copy it where
	// nobody may run it.
	dir := t.TempDir()
	for d := dir; d != filepath.Dir(d) && strings.HasPrefix(d, os.TempDir()) && d != filepath.Clean(os.TempDir()); d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "unprivileged.test")
	if err := copyExecutable(os.Args[0], bin); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(setpriv, "--reuid="+nobody, "--regid="+nobody, "--clear-groups",
		bin, "-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.count=1", "-test.v")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), envRerun+"=1", "HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Errorf("as the user nobody: %v\n%s", err, out)
	} else {
		t.Logf("ran as the user nobody (uid %s): passed", nobody)
	}
	return true
}

func copyExecutable(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}
