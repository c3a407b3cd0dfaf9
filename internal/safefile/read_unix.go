//go:build unix

package safefile

import (
	"io"
	"os"
	"syscall"
)

// Read reads a whole regular file of at most maxSize bytes into *buf. On Unix it uses
// the system calls directly: os.Open also tries to register every file with the runtime's
// poller, a wasted system call per file that shows in a scan of thousands of small files.
// O_NONBLOCK keeps a FIFO under a config name from blocking the open.
func Read(name string, maxSize int64, buf *[]byte) ([]byte, error) {
	fd, size, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	defer sysClose(fd)
	if size > maxSize {
		return nil, &TooLargeError{size, maxSize}
	}
	data, err := readAll(fdReader(fd), size, maxSize, buf)
	if err != nil {
		return nil, &os.PathError{Op: "read", Path: name, Err: err}
	}
	return data, nil
}

// Open opens a regular file to be read in pieces, as Read opens it: a FIFO, device or
// socket is refused without blocking.
func Open(name string) (*File, error) {
	fd, size, err := openRegular(name)
	if err != nil {
		return nil, err
	}
	return &File{r: readErrors{fdReader(fd), name}, close: func() error { return sysClose(fd) }, Size: size, left: known(size)}, nil
}

// openRegular opens name read-only and returns its descriptor and size, or an error (the
// descriptor closed) when it cannot be opened or is not a regular file. O_NONBLOCK keeps a
// FIFO under a config name from blocking the open.
func openRegular(name string) (fd int, size int64, err error) {
	for {
		fd, err = sysOpen(name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return -1, 0, &os.PathError{Op: "open", Path: name, Err: err}
	}
	var st syscall.Stat_t
	if err := sysFstat(fd, &st); err != nil {
		sysClose(fd)
		return -1, 0, &os.PathError{Op: "stat", Path: name, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		sysClose(fd)
		return -1, 0, ErrNotRegular
	}
	return fd, st.Size, nil
}

// readErrors names the file and the operation in a read error, as os.File does.
type readErrors struct {
	r    io.Reader
	name string
}

func (r readErrors) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		err = &os.PathError{Op: "read", Path: r.name, Err: err}
	}
	return n, err
}

type fdReader int

func (r fdReader) Read(p []byte) (int, error) {
	for {
		n, err := sysRead(int(r), p)
		if err == syscall.EINTR {
			continue
		}
		if n < 0 {
			n = 0
		}
		return n, err
	}
}
