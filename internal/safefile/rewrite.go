package safefile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// ErrChanged is a file whose bytes are no longer those a rewrite was computed from: someone
// wrote it in the meantime, and applying edits by offset would splice their text.
var ErrChanged = errors.New("the file changed since it was checked")

// TempPrefix starts the names of the temporary files Rewrite makes beside the file it
// rewrites; the process id follows, so that a later run can tell an orphan (its process
// is gone, killed before it could remove it) from another run's file in use.
const TempPrefix = ".zscopelint-fix-"

// Temps is the set of temporary files a process has made and not yet removed, so that a
// signal handler can remove them. The zero value is ready to use. Rewrite holds its lock
// while it writes: Clean, which takes it, waits for a rewrite under way to finish, so that
// a signal never leaves a file half rewritten.
type Temps struct {
	mu    sync.Mutex
	names map[string]bool
}

// Clean removes every temporary file still listed and keeps the lock, so that no rewrite
// starts after it: the caller exits.
func (t *Temps) Clean() {
	t.mu.Lock()
	for name := range t.names {
		os.Remove(name)
	}
	t.names = nil
}

func (t *Temps) add(name string) {
	if t.names == nil {
		t.names = map[string]bool{}
	}
	t.names[name] = true
}

// Rewrite replaces the content of the regular file name with data, provided it still holds
// old, compared byte for byte just before it is written. The data is first written in full
// to a temporary file beside it, so that the file is never left holding part of it.
//
// The file itself is kept: where it has one link and the temporary file can be given its
// owner, group and mode, the temporary file is renamed over it (atomic); otherwise (hard
// links, another owner) its content is rewritten in place from the temporary file, which
// keeps the inode and with it every link, the owner, group, mode and ACLs. Either way the
// file is first opened for writing, so that the system, not a guess from the mode bits,
// decides whether the user may write it (permissions, ACLs, read-only mounts).
func (t *Temps) Rewrite(name string, old, data []byte) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	f, err := openForRewrite(name)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return ErrNotRegular
	}
	if err := stillHolds(f, old); err != nil {
		return err
	}
	dir := filepath.Dir(name)
	removeOrphans(dir)
	tmp, err := os.CreateTemp(dir, TempPrefix+strconv.Itoa(os.Getpid())+"-*")
	if err != nil {
		return err
	}
	t.add(tmp.Name())
	defer func() {
		os.Remove(tmp.Name()) // after a rename, nothing of that name is left to remove
		delete(t.names, tmp.Name())
	}()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if sameOwnerAndMode(tmp, fi) && links(fi) == 1 {
		if err := tmp.Close(); err != nil {
			return err
		}
		if err := stillHolds(f, old); err != nil {
			return err
		}
		f.Close() // Windows renames over no open file
		return os.Rename(tmp.Name(), name)
	}
	tmp.Close()
	if err := stillHolds(f, old); err != nil {
		return err
	}
	if _, err := f.WriteAt(data, 0); err != nil {
		return err
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		return err
	}
	return f.Sync()
}

// stillHolds reports ErrChanged unless f holds exactly old.
func stillHolds(f *os.File, old []byte) error {
	cur, err := io.ReadAll(io.NewSectionReader(f, 0, int64(len(old))+1))
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, old) {
		return ErrChanged
	}
	return nil
}

// removeOrphans removes the temporary files in dir that a Rewrite of a process no longer
// running left behind (one killed with SIGKILL, or at a power cut).
func removeOrphans(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, TempPrefix+"*"))
	for _, name := range names {
		rest := strings.TrimPrefix(filepath.Base(name), TempPrefix)
		pid, _, ok := strings.Cut(rest, "-")
		if n, err := strconv.Atoi(pid); ok && err == nil && n != os.Getpid() && !running(n) {
			os.Remove(name)
		}
	}
}
