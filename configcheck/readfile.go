package configcheck

import (
	"errors"
	"fmt"
	"io"
)

// errNotRegular: a FIFO, device or directory under a config name is not read.
var errNotRegular = errors.New("not a regular file")

type tooLargeError struct{ size int64 }

func (e *tooLargeError) Error() string { return fmt.Sprintf("file is %d bytes", e.size) }

// readAll reads r, whose size is a hint, into *buf, growing it as needed.
func readAll(r io.Reader, size int64, buf *[]byte) ([]byte, error) {
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
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
			*buf = b
		}
	}
}
