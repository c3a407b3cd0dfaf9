//go:build unix

package safefile

import (
	"os"
	"syscall"
)

// openForRewrite opens a file for reading and writing, without following a symbolic link
// (the caller resolved it) and without blocking on a FIFO.
func openForRewrite(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDWR|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
}

// sameOwnerAndMode gives tmp the owner, group and mode of the file fi describes, and
// reports whether it could: only root may give a file away, and a group is one of the
// user's.
func sameOwnerAndMode(tmp *os.File, fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return false
	}
	if err := tmp.Chown(int(st.Uid), int(st.Gid)); err != nil {
		return false
	}
	// After the chown, which clears the set-id bits.
	return tmp.Chmod(fi.Mode()&(os.ModePerm|os.ModeSetuid|os.ModeSetgid|os.ModeSticky)) == nil
}

// links is the number of hard links to the file fi describes.
func links(fi os.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 0
}

// running reports whether a process of that id exists (or may: one of another user).
func running(pid int) bool {
	return syscall.Kill(pid, 0) != syscall.ESRCH
}
