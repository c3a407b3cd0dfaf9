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

	// pre-commit's golang language runs go install ./... in this repository: the hook's
	// environment holds zscopelint and nothing else (not the examples, not the bench tools).
	bins, err := filepath.Glob(filepath.Join(home, "*", "golangenv-*", "bin", "*"))
	must(t, err)
	if len(bins) != 1 || filepath.Base(bins[0]) != "zscopelint" {
		t.Errorf("the hook installed %v, want zscopelint alone", bins)
	}

	// A token in any file the tool reads is refused, whatever its kind; a binary file is
	// passed over.
	const token = "1000.3f2a9c1d7e6b5a4f8e9d0c1b2a3f4e5d.9c1d7e6b5a4f3f2a8e9d0c1b2a3f4e5d"
	must(t, os.MkdirAll(filepath.Join(dir, "scripts"), 0o755))
	must(t, os.MkdirAll(filepath.Join(dir, "infra"), 0o755))
	for name, body := range map[string]string{
		"scripts/sync.sh": "#!/bin/sh\ncurl -H \"Authorization: Zoho-oauthtoken " + token + "\" https://www.zohoapis.com/crm/v8/Leads\n",
		"Dockerfile":      "FROM alpine\nENV ZOHO_REFRESH_TOKEN=" + token + "\n",
		"NOTES.md":        "# Notes\n\nThe refresh token for the sandbox is " + token + ".\n",
		"infra/main.tf":   "variable \"zoho_token\" {\n  default = \"" + token + "\"\n}\n",
		"env.example":     "ZOHO_REFRESH_TOKEN=" + token + "\n",
	} {
		write(name, body)
		run(true, "git", "add", name)
		out := run(false, "git", "commit", "-m", "a token in "+name)
		if !strings.Contains(out, name+":") || !strings.Contains(out, "(ZS301)") || strings.Contains(out, token) {
			t.Errorf("%s: hook output:\n%s", name, out)
		}
		run(true, "git", "rm", "-q", "--cached", name)
		must(t, os.Remove(filepath.Join(dir, name)))
	}
	// A picture the hook leaves out by its name, and a binary file of no known kind that
	// zscopelint passes over by its content, both without a word.
	must(t, os.WriteFile(filepath.Join(dir, "logo.png"), []byte("\x89PNG\r\n\x1a\n\x00\x00"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "firmware.bin"), []byte("\x7fELF\x00\x00"+token), 0o644))
	run(true, "git", "add", "logo.png", "firmware.bin")
	if out := run(true, "git", "commit", "-m", "binary files"); strings.Contains(out, "zscopelint:") || strings.Contains(out, "ZS0") {
		t.Errorf("a binary file gave a note:\n%s", out)
	}
}
