// Package dirwalk walks a directory tree as filepath.WalkDir does, at less cost per
// directory, and says what each directory lists before its entries are visited.
//
// The walk of a repository is a large share of a scan's CPU: filepath.WalkDir opens each
// directory through package os (an open and an fstat, a File with its finalizer), and a
// caller that must look for a file in every directory (a .gitignore) pays a failed open
// for each. On Linux (amd64, arm64) Walk reads each directory with three raw system calls
// (openat, getdents64, close) into one buffer, and hands the names listed to the caller,
// who opens only what is there. Elsewhere it reads directories with os.ReadDir.
package dirwalk

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// Walk calls fn for root and every file and directory below it, as filepath.WalkDir does:
// the same paths and entries, in lexical order, with the same handling of fs.SkipDir and
// fs.SkipAll, an error to read a directory passed to a second call of fn for it, and
// symbolic links not followed. When listed is not nil it is called with each directory's
// path and the names of its entries (sorted) once they are read, after fn has been called
// for the directory and before it is called for any entry; names is valid only during the
// call.
func Walk(root string, fn fs.WalkDirFunc, listed func(dir string, names []string)) error {
	info, err := os.Lstat(root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		w := walker{fn: fn, listed: listed}
		err = w.walk(root, fs.FileInfoToDirEntry(info), true)
	}
	if err == fs.SkipDir || err == fs.SkipAll {
		return nil
	}
	return err
}

type walker struct {
	fn     fs.WalkDirFunc
	listed func(dir string, names []string)
	lister lister // the buffer a directory is read into, reused
	names  []string
}

func (w *walker) walk(path string, d fs.DirEntry, root bool) error {
	if err := w.fn(path, d, nil); err != nil || !d.IsDir() {
		if err == fs.SkipDir && d.IsDir() {
			err = nil // a directory skips itself; a file skips the rest of its directory
		}
		return err
	}
	entries, err := w.lister.list(path)
	if err != nil {
		if err = w.fn(path, d, err); err != nil {
			if err == fs.SkipDir && d.IsDir() {
				err = nil
			}
			return err
		}
	}
	if w.listed != nil {
		w.names = w.names[:0]
		for _, e := range entries {
			w.names = append(w.names, e.name)
		}
		w.listed(path, w.names)
	}
	for _, e := range entries {
		// filepath.Join cleans the root as WalkDir does; below it the paths are clean,
		// and joining is concatenation.
		var child string
		if root {
			child = filepath.Join(path, e.name)
		} else {
			child = path + string(filepath.Separator) + e.name
		}
		e.path = child
		if err := w.walk(child, e, false); err != nil {
			if err == fs.SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

// entry is a directory entry as the walk read it: its name and type, its file info read
// on demand.
type entry struct {
	name string
	typ  fs.FileMode
	path string // set when the walk reaches it
}

func (e *entry) Name() string               { return e.name }
func (e *entry) IsDir() bool                { return e.typ.IsDir() }
func (e *entry) Type() fs.FileMode          { return e.typ }
func (e *entry) Info() (fs.FileInfo, error) { return os.Lstat(e.path) }
func (e *entry) String() string             { return fs.FormatDirEntry(e) }

// sortEntries sorts entries by name, as os.ReadDir does.
func sortEntries(es []*entry) {
	sort.Slice(es, func(i, j int) bool { return es[i].name < es[j].name })
}
