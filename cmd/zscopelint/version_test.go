package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionOf(t *testing.T) {
	t.Parallel()
	rev := "3f2a9c0d5e6b7a8f9e0d1c2b3a4f5e6d7c8b9a0f"
	for _, tt := range []struct {
		main     string
		settings map[string]string
		want     string
	}{
		{"v0.3.1", map[string]string{"vcs.revision": rev}, "v0.3.1"},
		{"(devel)", map[string]string{"vcs.revision": rev, "vcs.modified": "false"}, "devel-3f2a9c0d5e6b"},
		{"(devel)", map[string]string{"vcs.revision": rev, "vcs.modified": "true"}, "devel-3f2a9c0d5e6b-dirty"},
		{"(devel)", nil, "devel"},
		{"", map[string]string{"vcs.revision": "abc"}, "devel-abc"},
	} {
		bi := &debug.BuildInfo{Main: debug.Module{Version: tt.main}}
		for k, v := range tt.settings {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: k, Value: v})
		}
		if got := versionOf(bi); got != tt.want {
			t.Errorf("versionOf(%q, %v) = %q, want %q", tt.main, tt.settings, got, tt.want)
		}
	}
}

// TestInstalledVersion does what the README says: go install ./cmd/zscopelint from a
// checkout, then -version prints the checkout's revision.
func TestInstalledVersion(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the command")
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not a git checkout (%v): the revision is not known", err)
	}
	gobin := t.TempDir()
	install := exec.Command("go", "install", ".")
	install.Env = append(os.Environ(), "GOBIN="+gobin, "GOFLAGS=-buildvcs=true")
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("go install: %v\n%s", err, out)
	}
	out, err := exec.Command(filepath.Join(gobin, "zscopelint"), "-version").Output()
	if err != nil {
		t.Fatal(err)
	}
	// The go command stamps a checkout's build with a pseudo-version that holds the
	// revision (v0.0.0-20261202153808-bb079b19b079+dirty); without one, versionOf writes
	// devel-<revision>.
	rev := strings.TrimSpace(string(head))[:12]
	re := regexp.MustCompile(`^zscopelint (v\d+\.\d+\.\d+-\S*|devel-)` + rev + `(\+dirty|-dirty)?\n$`)
	if !re.Match(out) {
		t.Errorf("-version = %q, want the revision %s in it", out, rev)
	}
}
