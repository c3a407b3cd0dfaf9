package dirwalk

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// visit is one call of a WalkDirFunc, as both walks are compared by.
type visit struct {
	Path, Name string
	Dir        bool
	Type       fs.FileMode
	Err        string
	InfoMode   fs.FileMode
}

// record walks root with walk, returning fn's calls, fn answering as answer does.
func record(walk func(string, fs.WalkDirFunc) error, root string, answer func(path string, d fs.DirEntry) error) ([]visit, error) {
	var out []visit
	err := walk(root, func(path string, d fs.DirEntry, err error) error {
		v := visit{Path: path}
		if err != nil {
			v.Err = err.Error()
		}
		if d != nil {
			v.Name, v.Dir, v.Type = d.Name(), d.IsDir(), d.Type()
			if fi, err := d.Info(); err == nil {
				v.InfoMode = fi.Mode().Type()
			}
		}
		out = append(out, v)
		if d == nil || err != nil {
			return nil
		}
		return answer(path, d)
	})
	return out, err
}

// tree makes a tree of files, directories and links whose names sort in every way byte
// order can: dots, dashes, capitals, digits, an underscore, UTF-8.
func tree(t *testing.T) string {
	root := t.TempDir()
	for _, f := range []string{
		"a", "a.b", "a-b", "A", "_x", ".hidden/f", "é/f.yaml", "0/1/2/3/deep.json",
		"dir/skipme/inside.txt", "dir/after.txt", "stop/a.txt", "stop/stop", "stop/z.txt",
		"empty/", "many/" + strings.Repeat("n", 200), "halt/x", "z/last",
	} {
		p := filepath.Join(root, filepath.FromSlash(f))
		if strings.HasSuffix(f, "/") {
			must(t, os.MkdirAll(p, 0o755))
			continue
		}
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, []byte(f), 0o644))
	}
	for i := range 300 { // more names than one small read of a directory holds
		must(t, os.WriteFile(filepath.Join(root, "many", fmt.Sprintf("file-%03d-%s.txt", i, strings.Repeat("x", i%40))), nil, 0o644))
	}
	if runtime.GOOS != "windows" {
		must(t, os.Symlink("a.b", filepath.Join(root, "link-to-file")))
		must(t, os.Symlink("dir", filepath.Join(root, "link-to-dir")))
		must(t, os.Symlink("missing", filepath.Join(root, "dangling")))
	}
	return root
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func ours(root string, fn fs.WalkDirFunc) error { return Walk(root, fn, nil) }

// TestWalkAsWalkDir: Walk calls its function as filepath.WalkDir does, in the same order
// with the same entries, for every way the function can answer and every form of root.
func TestWalkAsWalkDir(t *testing.T) {
	root := tree(t)
	answers := map[string]func(string, fs.DirEntry) error{
		"all": func(string, fs.DirEntry) error { return nil },
		"skip a directory": func(_ string, d fs.DirEntry) error {
			if d.Name() == "skipme" {
				return fs.SkipDir
			}
			return nil
		},
		"skip from a file": func(_ string, d fs.DirEntry) error {
			if d.Name() == "stop" && !d.IsDir() {
				return fs.SkipDir
			}
			return nil
		},
		"skip all": func(_ string, d fs.DirEntry) error {
			if d.Name() == "halt" {
				return fs.SkipAll
			}
			return nil
		},
		"fail": func(_ string, d fs.DirEntry) error {
			if d.Name() == "deep.json" {
				return errors.New("stop here")
			}
			return nil
		},
		"skip the root": func(path string, d fs.DirEntry) error {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		},
	}
	t.Chdir(filepath.Dir(root))
	base := filepath.Base(root)
	roots := []string{root, root + string(filepath.Separator), base, "." + string(filepath.Separator) + base,
		filepath.Join(root, "a.b"), filepath.Join(root, "missing"), filepath.Join(root, "dir", "..", "stop"), filepath.Join(root, "empty")}
	if runtime.GOOS != "windows" {
		roots = append(roots, filepath.Join(root, "link-to-dir"), filepath.Join(root, "dangling"))
	}
	for name, answer := range answers {
		for _, r := range roots {
			want, wantErr := record(filepath.WalkDir, r, answer)
			got, gotErr := record(ours, r, answer)
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("%s, root %s: (-filepath.WalkDir +Walk):\n%s", name, r, d)
			}
			if fmt.Sprint(wantErr) != fmt.Sprint(gotErr) {
				t.Errorf("%s, root %s: Walk returned %v, WalkDir %v", name, r, gotErr, wantErr)
			}
		}
	}
}

// TestListed: listed is told each directory's names, sorted, after the directory's own
// call and before any of its entries'.
func TestListed(t *testing.T) {
	root := tree(t)
	var events []string
	err := Walk(root, func(path string, d fs.DirEntry, err error) error {
		events = append(events, "visit "+path)
		return nil
	}, func(dir string, names []string) {
		des, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, d := range des {
			want = append(want, d.Name())
		}
		if !slices.Equal(names, want) {
			t.Errorf("%s: listed %q, want %q", dir, names, want)
		}
		events = append(events, "listed "+dir)
	})
	must(t, err)
	for i, e := range events {
		dir, ok := strings.CutPrefix(e, "listed ")
		if !ok {
			continue
		}
		if i == 0 || events[i-1] != "visit "+dir {
			t.Errorf("listed %s not right after its visit: %q", dir, events[max(0, i-1):i+1])
		}
	}
	if n := strings.Count(strings.Join(events, "\n"), "listed "); n < 10 {
		t.Errorf("only %d directories listed", n)
	}
}
