package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestRewrite(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "app.yaml")
	old, edited, fixed := []byte("scope: ZohoCRM.users.REED\n"), []byte("# saved\nscope: ZohoCRM.users.REED\n"), []byte("scope: ZohoCRM.users.READ\n")
	if err := os.WriteFile(name, edited, 0o640); err != nil {
		t.Fatal(err)
	}
	var temps Temps
	// Not the bytes the rewrite was computed from: nothing is written.
	if err := temps.Rewrite(name, old, fixed); !errors.Is(err, ErrChanged) {
		t.Errorf("rewrite of changed bytes: %v, want ErrChanged", err)
	}
	if data, _ := os.ReadFile(name); string(data) != string(edited) {
		t.Errorf("changed file written:\n%s", data)
	}
	if err := os.WriteFile(name, old, 0o640); err != nil {
		t.Fatal(err)
	}
	// With a second link the file is rewritten in place: both names see the new bytes.
	if runtime.GOOS != "windows" {
		if err := os.Link(name, filepath.Join(dir, "link.yaml")); err != nil {
			t.Fatal(err)
		}
	}
	orphan := filepath.Join(dir, TempPrefix+"2147483646-1")
	if err := os.WriteFile(orphan, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := temps.Rewrite(name, old, fixed); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		fi, _ := e.Info()
		if string(data) != string(fixed) || runtime.GOOS != "windows" && fi.Mode().Perm() != 0o640 {
			t.Errorf("%s: %v\n%s", e.Name(), fi.Mode(), data)
		}
	}
}
