//go:build !unix

package safefile

import "os"

// Read reads a regular file of at most maxSize bytes into *buf (see read_unix.go); here
// without the non-blocking open that Unix needs for FIFOs.
func Read(name string, maxSize int64, buf *[]byte) ([]byte, error) {
	return readGeneric(name, maxSize, buf)
}

// readGeneric is Read through package os.
func readGeneric(name string, maxSize int64, buf *[]byte) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	if fi.Size() > maxSize {
		return nil, &TooLargeError{fi.Size(), maxSize}
	}
	return readAll(f, fi.Size(), maxSize, buf)
}

// Open opens a regular file to be read in pieces (see read_unix.go).
func Open(name string) (*File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, ErrNotRegular
	}
	return &File{r: f, close: f.Close, Size: fi.Size(), left: known(fi.Size())}, nil
}
