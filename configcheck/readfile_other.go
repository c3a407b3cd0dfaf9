//go:build !unix

package configcheck

import "os"

func readFile(name string, maxSize int64, buf *[]byte) ([]byte, error) {
	return readFileGeneric(name, maxSize, buf)
}

// readFileGeneric is readFile through package os.
func readFileGeneric(name string, maxSize int64, buf *[]byte) ([]byte, error) {
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
		return nil, errNotRegular
	}
	if fi.Size() > maxSize {
		return nil, &tooLargeError{fi.Size()}
	}
	return readAll(f, fi.Size(), buf)
}
