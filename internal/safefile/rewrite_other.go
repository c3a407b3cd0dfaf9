//go:build !unix

package safefile

import (
	"os"
)

// openForRewrite opens a file for reading and writing.
func openForRewrite(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDWR, 0)
}

// sameOwnerAndMode gives tmp the mode of the file fi describes: ownership is no concern
// of this system's rename.
func sameOwnerAndMode(tmp *os.File, fi os.FileInfo) bool {
	return tmp.Chmod(fi.Mode().Perm()) == nil
}

// links is not known here: 1, for the rename.
func links(os.FileInfo) uint64 { return 1 }

// running cannot be told here: a temporary file is never taken for an orphan.
func running(int) bool { return true }
