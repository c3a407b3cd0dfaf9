//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// fixTree is a tree of n config files with three fixes each (a typo, a duplicate, a
// misspelt sub-scope) and a Go package with fixes, and what each file is once fixed.
func fixTree(n int) (files, fixed map[string]string) {
	files, fixed = map[string]string{}, map[string]string{}
	for i := range n {
		name := fmt.Sprintf("conf/app%02d.yaml", i)
		files[name] = fmt.Sprintf("name: app%d\nscopes: [ZohoCRM.users.REED, ZohoCRM.org.READ, ZohoCRM.users.READ]\nother: ZohoCRM.modules.leeds.READ\n", i)
		fixed[name] = fmt.Sprintf("name: app%d\nscopes: [ZohoCRM.org.READ, ZohoCRM.users.READ]\nother: ZohoCRM.modules.leads.READ\n", i)
	}
	files["go.mod"], fixed["go.mod"] = "module m\n\ngo 1.22\n", "module m\n\ngo 1.22\n"
	for i := range 5 {
		name := fmt.Sprintf("scopes%d.go", i)
		files[name] = fmt.Sprintf("package m\n\nconst a%d = \"ZohoCRM.users.REED\"\n\nconst b%d = \"ZohoCRM.modules.leeds.READ\"\n", i, i)
		fixed[name] = fmt.Sprintf("package m\n\nconst a%d = \"ZohoCRM.users.READ\"\n\nconst b%d = \"ZohoCRM.modules.leads.READ\"\n", i, i)
	}
	return files, fixed
}

// checkOriginalOrFixed fails the test for each file that is neither as written nor fully
// fixed (another allowed state per file may be given in also), and for any temporary file
// left behind.
func checkOriginalOrFixed(t *testing.T, dir string, files, fixed map[string]string, also map[string][]string) (nFixed int) {
	t.Helper()
	for name, orig := range files {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		got := string(data)
		ok := got == orig || got == fixed[name]
		for _, a := range also[name] {
			ok = ok || got == a
		}
		if !ok {
			t.Errorf("%s is neither original nor fixed:\n%s", name, got)
		}
		if got == fixed[name] && got != orig {
			nFixed++
		}
	}
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".zscopelint") {
			t.Errorf("temporary file left behind: %s", path)
		}
		return nil
	})
	return nFixed
}

// Two -fix runs at once over the same tree leave every file fully fixed, never spliced
// (issue 27, item 3): on d84b3a1 both applied edits computed from the original bytes.
func TestConcurrentFixRuns(t *testing.T) {
	t.Parallel()
	bin := buildCommand(t)
	files, fixed := fixTree(60)
	for round := range 3 {
		dir := writeTree(t, files)
		var wg sync.WaitGroup
		outs := make([]string, 2)
		for i := range outs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cmd := exec.Command(bin, "-fix", "./...")
				cmd.Dir = dir
				out, _ := cmd.CombinedOutput()
				outs[i] = string(out)
			}()
		}
		wg.Wait()
		if n := checkOriginalOrFixed(t, dir, files, fixed, nil); n != len(files)-1 || t.Failed() {
			t.Fatalf("round %d: %d of %d files fixed\nrun 1:\n%s\nrun 2:\n%s", round, n, len(files)-1, outs[0], outs[1])
		}
	}
}

// testHookBeforeFix runs, in the test that sets it, between the check and the writing of
// fixes.
func setHookBeforeFix(t *testing.T, hook func(dir string)) {
	testHookBeforeFix = hook
	t.Cleanup(func() { testHookBeforeFix = nil })
}

// A file edited between the check and the fix (an editor's save) is left as the editor
// wrote it, with a note; the others are fixed (issue 27, item 3).
func TestEditDuringFix(t *testing.T) {
	files, fixed := fixTree(10)
	dir := writeTree(t, files)
	edited := map[string]string{
		"conf/app03.yaml": "# edited by the user\n" + files["conf/app03.yaml"],
		"scopes2.go":      "// edited by the user\n" + files["scopes2.go"],
	}
	setHookBeforeFix(t, func(d string) {
		if d != dir {
			return
		}
		for name, body := range edited {
			must(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
		}
		testHookBeforeFix = nil // once: the next pass checks the edited files afresh
	})
	_, stderr, _ := zscopelintIn(t, dir, "-fix", "./...")
	for name, body := range edited {
		data, err := os.ReadFile(filepath.Join(dir, name))
		must(t, err)
		// The next pass fixes the edited file as the user left it.
		want := strings.Replace(fixed[name], "name:", "# edited by the user\nname:", 1)
		if strings.HasSuffix(name, ".go") {
			want = "// edited by the user\n" + fixed[name]
		}
		if string(data) != body && string(data) != want {
			t.Errorf("%s: the edit was not kept whole:\n%s", name, data)
		}
		if !strings.Contains(stderr, name+": fixes not applied: the file changed since it was checked") {
			t.Errorf("no note for %s:\n%s", name, stderr)
		}
		delete(files, name)
	}
	if n := checkOriginalOrFixed(t, dir, files, fixed, nil); n != len(files)-1 {
		t.Errorf("%d of %d other files fixed\n%s", n, len(files)-1, stderr)
	}
}

// -fix keeps a file's mode, owner and group, and its hard links (issue 27, item 4): on
// d84b3a1 a file was replaced by a new one of the runner's, with its links broken.
func TestFixKeepsFile(t *testing.T) {
	t.Parallel()
	files, fixed := fixTree(3)
	dir := writeTree(t, files)
	name := filepath.Join(dir, "conf/app01.yaml")
	must(t, os.Chmod(name, 0o640))
	outside := filepath.Join(t.TempDir(), "linked.yaml")
	must(t, os.Link(filepath.Join(dir, "conf/app02.yaml"), outside))
	uid, gid := os.Getuid(), os.Getgid()
	if uid == 0 {
		uid, gid = 65534, 65534 // root may fix a file of another user's: it stays theirs
		must(t, os.Chown(name, uid, gid))
	}
	_, stderr, _ := zscopelintIn(t, dir, "-fix", "./...")
	if n := checkOriginalOrFixed(t, dir, files, fixed, nil); n != len(files)-1 {
		t.Fatalf("%d of %d files fixed\n%s", n, len(files)-1, stderr)
	}
	fi, err := os.Stat(name)
	must(t, err)
	st := fi.Sys().(*syscall.Stat_t)
	if fi.Mode().Perm() != 0o640 || int(st.Uid) != uid || int(st.Gid) != gid {
		t.Errorf("app01.yaml: mode %v owner %d:%d, want -rw-r----- %d:%d", fi.Mode(), st.Uid, st.Gid, uid, gid)
	}
	a, err := os.Stat(filepath.Join(dir, "conf/app02.yaml"))
	must(t, err)
	b, err := os.Stat(outside)
	must(t, err)
	data, _ := os.ReadFile(outside)
	if !os.SameFile(a, b) || string(data) != fixed["conf/app02.yaml"] {
		t.Errorf("the hard link was broken: same file %v, link holds:\n%s", os.SameFile(a, b), data)
	}
}

// -fix never writes a file the user may not write, even when its owner may and the
// directory is the user's (issue 27, item 4): on d84b3a1 only the owner-write bit was
// looked at, and the file was replaced through the directory. It runs the command as the
// user nobody, so it needs root to make the files.
func TestFixWritesOnlyWritableFiles(t *testing.T) {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("needs root on Linux, to make a file of one user in a directory of another")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Fatal("setpriv (util-linux) is needed to run the command as nobody")
	}
	t.Parallel()
	bin := buildCommand(t)
	files, fixed := fixTree(2)
	delete(files, "go.mod") // config files only: nobody has no Go cache
	for name := range files {
		if strings.HasSuffix(name, ".go") {
			delete(files, name)
		}
	}
	dir := writeTree(t, files)
	reachable(t, dir) // nobody may reach the tree and run the binary
	reachable(t, filepath.Dir(bin))
	must(t, os.Chmod(filepath.Join(dir, "conf"), 0o777))
	theirs := filepath.Join(dir, "conf/app00.yaml") // root's, 0644: nobody may not write it
	mine := filepath.Join(dir, "conf/app01.yaml")
	must(t, os.Chown(mine, 65534, 65534))
	cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", bin, "-fix", "./...")
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput()
	got, _ := os.ReadFile(theirs)
	if string(got) != files["conf/app00.yaml"] {
		t.Errorf("a file nobody may write was changed:\n%s\n%s", got, out)
	}
	if fi, err := os.Stat(theirs); err != nil || fi.Sys().(*syscall.Stat_t).Uid != 0 {
		t.Errorf("the file of root's was replaced")
	}
	if !strings.Contains(string(out), "conf/app00.yaml: fixes not applied: open: permission denied") {
		t.Errorf("no note for the file not written:\n%s", out)
	}
	got, _ = os.ReadFile(mine)
	if string(got) != fixed["conf/app01.yaml"] {
		t.Errorf("the user's own file was not fixed:\n%s\n%s", got, out)
	}
}

// reachable makes dir and the directories above it, up to the system's temporary
// directory (left as it is), readable and searchable by every user.
func reachable(t *testing.T, dir string) {
	tmp := filepath.Clean(os.TempDir())
	for d := dir; strings.HasPrefix(d, tmp+string(filepath.Separator)); d = filepath.Dir(d) {
		must(t, os.Chmod(d, 0o755))
	}
}

// An interrupted -fix leaves every file original or fixed and no temporary file; a
// temporary file an earlier run left when it was killed is removed (issue 27, item 4).
func TestFixInterrupted(t *testing.T) {
	t.Parallel()
	bin := buildCommand(t)
	files, fixed := fixTree(200)
	dir := writeTree(t, files)
	orphan := filepath.Join(dir, "conf", ".zscopelint-fix-2147483646-1234")
	must(t, os.WriteFile(orphan, []byte("left by a run killed with SIGKILL"), 0o600))
	cmd := exec.Command(bin, "-fix", "./...")
	cmd.Dir = dir
	must(t, cmd.Start())
	// Interrupt once the first file is fixed: in the middle of the writing.
	first := filepath.Join(dir, "conf/app00.yaml")
	for {
		data, err := os.ReadFile(first)
		must(t, err)
		if string(data) != files["conf/app00.yaml"] || cmd.ProcessState != nil {
			break
		}
		runtime.Gosched()
	}
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()
	checkOriginalOrFixed(t, dir, files, fixed, nil)
}

// -write-baseline refuses to replace one of the run's inputs, but replaces an earlier
// baseline (issue 27, item 4): on d84b3a1 it replaced app.yaml with the baseline.
func TestWriteBaselineRefusesAnInput(t *testing.T) {
	t.Parallel()
	app := "scope: ZohoCRM.users.REED\n"
	dir := writeTree(t, map[string]string{"app.yaml": app})
	_, stderr, code := zscopelintIn(t, dir, "-write-baseline", "app.yaml", "./...")
	data, _ := os.ReadFile(filepath.Join(dir, "app.yaml"))
	if code != 2 || string(data) != app || !strings.Contains(stderr, "-write-baseline app.yaml: that file is an input of this run") {
		t.Errorf("exit %d, app.yaml now:\n%s\nstderr:\n%s", code, data, stderr)
	}
	for range 2 { // the second time, base.json is an input and an earlier baseline
		if _, stderr, code := zscopelintIn(t, dir, "-write-baseline", "base.json", "./..."); code != 1 {
			t.Errorf("exit %d, want 1\n%s", code, stderr)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "base.json")); !strings.Contains(string(data), `"ZS104"`) {
		t.Errorf("baseline:\n%s", data)
	}
}

// -fix never applies a single did-you-mean that is itself reported (issue 27, item 10):
// on d84b3a1 ZOHO0.0.0 became ZohoPC.0.0.
func TestFixAppliesOnlySettledSuggestions(t *testing.T) {
	t.Parallel()
	app := "scope: ZOHO0.0.0\n"
	dir := writeTree(t, map[string]string{"app.yaml": app})
	zscopelintIn(t, dir, "-fix", "./...")
	if data, _ := os.ReadFile(filepath.Join(dir, "app.yaml")); string(data) != app {
		t.Errorf("app.yaml now:\n%s", data)
	}
}

// Files edited while a -fix run writes (an editor saving, with no lock of ours) end up
// as written before the run, as the editor wrote them, or either of those fully fixed:
// never spliced (issue 27, item 3). The editor starts once the run's first write shows and
// edits the files in the reverse of the order the run writes them.
func TestEditorDuringFixRun(t *testing.T) {
	t.Parallel()
	bin := buildCommand(t)
	files, fixed := fixTree(80)
	dir := writeTree(t, files)
	also := map[string][]string{}
	var names []string
	for name := range files {
		if strings.HasSuffix(name, ".yaml") {
			names = append(names, name)
			edited := "# saved by an editor\n" + files[name]
			also[name] = []string{edited, "# saved by an editor\n" + fixed[name]}
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(names)))
	cmd := exec.Command(bin, "-fix", "./...")
	cmd.Dir = dir
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	must(t, cmd.Start())
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	first := filepath.Join(dir, "conf/app00.yaml")
wait:
	for {
		select {
		case <-exited:
			break wait
		default:
		}
		if data, err := os.ReadFile(first); err == nil && string(data) != files["conf/app00.yaml"] {
			break
		}
		runtime.Gosched()
	}
	for _, name := range names {
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(also[name][0]), 0o644))
	}
	<-exited
	checkOriginalOrFixed(t, dir, files, fixed, also)
	if t.Failed() {
		t.Logf("output:\n%s", out.String())
	}
}
