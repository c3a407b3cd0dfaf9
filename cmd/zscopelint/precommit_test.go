package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommitBlocksBadCommit installs the hook of this repository's
// .pre-commit-hooks.yaml (at its HEAD commit) in a scratch repository with the real
// pre-commit, as a user would, and checks that a commit adding a bad scope is refused and
// the corrected one goes through.
func TestPreCommitBlocksBadCommit(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the hook environment")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (Debian: apt-get install pre-commit)")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	head, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skip("not in a git checkout")
	}
	// pre-commit builds the hook with its own GOPATH, which would move the module cache
	// and send the go command to the network: keep the cache this test was built from and
	// forbid the network, so that the test gives the same answer offline.
	modCache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	goEnv := []string{"GOMODCACHE=" + strings.TrimSpace(string(modCache)), "GOPROXY=off", "GOTOOLCHAIN=local",
		"GOFLAGS=" + strings.TrimSpace(os.Getenv("GOFLAGS")+" -mod=mod")}
	dir := t.TempDir()
	home := t.TempDir()
	run := func(wantOK bool, name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(append(os.Environ(), goEnv...), "PRE_COMMIT_HOME="+home, "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.CombinedOutput()
		if (err == nil) != wantOK {
			t.Fatalf("%s %v: err %v, want ok=%v\n%s", name, args, err, wantOK, out)
		}
		return string(out)
	}
	write := func(name, body string) {
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	run(true, "git", "init", "-q")
	write("go.mod", "module scratch\n\ngo 1.26\n")
	write("main.go", "package main\n\nconst scope = \"ZohoCRM.modules.leads.READ\"\n\nfunc main() {}\n")
	write(".pre-commit-config.yaml", "repos:\n  - repo: "+root+"\n    rev: "+strings.TrimSpace(string(head))+"\n    hooks:\n      - id: zscopelint\n")
	run(true, "git", "add", "-A")
	run(true, "git", "commit", "-q", "-m", "init")
	run(true, "pre-commit", "install")

	write("zoho.yaml", "scope: ZohoCRM.modules.ALLL\n")
	run(true, "git", "add", "zoho.yaml")
	out := run(false, "git", "commit", "-m", "bad scope")
	if !strings.Contains(out, "zoho.yaml:1:8:") || !strings.Contains(out, "(ZS104)") {
		t.Errorf("hook output:\n%s", out)
	}
	write("zoho.yaml", "scope: ZohoCRM.modules.leads.READ\n")
	run(true, "git", "add", "zoho.yaml")
	run(true, "git", "commit", "-q", "-m", "good scope")
}
