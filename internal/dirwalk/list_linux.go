//go:build linux && (amd64 || arm64)

package dirwalk

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"os"
	"syscall"
	"unsafe"
)

// lister reads directories with raw system calls (the package comment says why), into a
// buffer it keeps.
type lister struct {
	buf []byte
}

// atFDCWD is AT_FDCWD: a relative name is looked up from the working directory.
const atFDCWD = -100

// list reads the entries of dir, sorted by name, with the errors os.ReadDir gives.
func (l *lister) list(dir string) ([]*entry, error) {
	p, err := syscall.BytePtrFromString(dir)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	at := atFDCWD
	var fd uintptr
	for {
		var e syscall.Errno
		fd, _, e = syscall.RawSyscall6(syscall.SYS_OPENAT, uintptr(at), uintptr(unsafe.Pointer(p)),
			uintptr(syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC), 0, 0, 0)
		if e == syscall.EINTR {
			continue
		}
		if e != 0 {
			return nil, &fs.PathError{Op: "open", Path: dir, Err: e}
		}
		break
	}
	defer syscall.RawSyscall(syscall.SYS_CLOSE, fd, 0, 0)
	if l.buf == nil {
		l.buf = make([]byte, 32<<10)
	}
	var out []*entry
	for {
		n, _, e := syscall.RawSyscall(syscall.SYS_GETDENTS64, fd, uintptr(unsafe.Pointer(&l.buf[0])), uintptr(len(l.buf)))
		if e == syscall.EINTR {
			continue
		}
		if e != 0 {
			sortEntries(out)
			return out, &fs.PathError{Op: "readdirent", Path: dir, Err: e}
		}
		if n == 0 {
			break
		}
		out = parseDirents(l.buf[:n], dir, out)
	}
	sortEntries(out)
	return out, nil
}

// parseDirents appends the entries of a getdents64 buffer (struct linux_dirent64: inode,
// offset, record length, type, name ending in NUL) to out, without . and ..; an entry
// whose type the file system does not give (DT_UNKNOWN) gets it from lstat.
func parseDirents(b []byte, dir string, out []*entry) []*entry {
	for len(b) >= 19 {
		reclen := int(binary.NativeEndian.Uint16(b[16:]))
		if reclen < 19 || reclen > len(b) {
			break // not a record: nothing more to trust in this buffer
		}
		name := b[19:reclen]
		if i := bytes.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		dt := b[18]
		b = b[reclen:]
		if len(name) == 0 || string(name) == "." || string(name) == ".." {
			continue
		}
		e := &entry{name: string(name)}
		switch dt {
		case syscall.DT_REG:
		case syscall.DT_DIR:
			e.typ = fs.ModeDir
		case syscall.DT_LNK:
			e.typ = fs.ModeSymlink
		case syscall.DT_FIFO:
			e.typ = fs.ModeNamedPipe
		case syscall.DT_SOCK:
			e.typ = fs.ModeSocket
		case syscall.DT_CHR:
			e.typ = fs.ModeDevice | fs.ModeCharDevice
		case syscall.DT_BLK:
			e.typ = fs.ModeDevice
		default:
			if fi, err := os.Lstat(dir + "/" + e.name); err == nil {
				e.typ = fi.Mode().Type()
			}
		}
		out = append(out, e)
	}
	return out
}
