//go:build !unix

package configcheck

func readFile(name string, maxSize int64, buf *[]byte) ([]byte, error) {
	return readFileGeneric(name, maxSize, buf)
}
