// Package safefile reads the files zscopelint is given or finds without letting one stop
// the run: only regular files are read (a FIFO, device or socket is refused without
// blocking on its open), and never more than a size limit.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
)

// ErrNotRegular is a FIFO, device, socket or directory where a file was expected.
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is a file over the size limit.
type TooLargeError struct{ Size, Limit int64 }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("file is %d bytes, over the %d-byte limit", e.Size, e.Limit)
}

// DefaultLimit is the size limit of the files flags name (policy, catalogs, baselines) and
// the default of -max-file-size.
const DefaultLimit = 10 << 20

// Describe says what went wrong reading a file, without repeating its name (the caller
// positions the message): "not a regular file", "open: permission denied".
func Describe(err error) string {
	var pe *os.PathError
	var big *TooLargeError
	switch {
	case errors.As(err, &big):
		return big.Error()
	case errors.Is(err, ErrNotRegular):
		return ErrNotRegular.Error()
	case errors.As(err, &pe):
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}

// ReadFile reads a regular file of at most maxSize bytes.
func ReadFile(name string, maxSize int64) ([]byte, error) {
	var buf []byte
	return Read(name, maxSize, &buf)
}

// readAll reads r, whose size is a hint, into *buf, growing it as needed, and fails once
// it has read more than limit bytes (a file that grows while read, or one whose size the
// system does not know, as in /proc).
func readAll(r io.Reader, size, limit int64, buf *[]byte) ([]byte, error) {
	if int64(cap(*buf)) < size+1 {
		*buf = make([]byte, 0, size+512)
	}
	b := (*buf)[:0]
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		// Done at EOF, or once the size the file had when it was measured is read: one
		// system call fewer per file, which shows over thousands of small files.
		if err == io.EOF || n == 0 && err == nil || err == nil && size > 0 && int64(len(b)) == size {
			*buf = b
			return b, nil
		}
		if err != nil {
			return nil, err
		}
		if int64(len(b)) > limit {
			return nil, &TooLargeError{int64(len(b)), limit}
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
			*buf = b
		}
	}
}

// File is a regular file opened to be read in pieces (Open): a caller that looks at its
// first bytes before deciding to read the rest, or reads it through a window of fixed size.
type File struct {
	r     io.Reader
	close func() error
	// Size is the file's size when it was opened: Read stops there, so that a file that
	// grows while it is read (a log being written) does not keep the reader going. It is 0
	// when the system does not know it (as in /proc): then Read goes on to the end, and
	// the caller bounds what it reads.
	Size int64
	left int64
}

// Read reads up to len(p) bytes; at the size the file had when opened, or at its end if
// that comes first, it returns io.EOF.
func (f *File) Read(p []byte) (int, error) {
	if f.left <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > f.left {
		p = p[:f.left]
	}
	n, err := f.r.Read(p)
	f.left -= int64(n)
	if n == 0 && err == nil {
		return 0, io.EOF // the file shrank
	}
	return n, err
}

// known is how much of a file of the size the system gave is to be read.
func known(size int64) int64 {
	if size == 0 {
		return math.MaxInt64
	}
	return size
}

// Close closes the file.
func (f *File) Close() error { return f.close() }
