package httpcalls

import (
	"bytes"
	"sync"

	"github.com/zscopelint/zscopelint/catalog"
)

// productPaths are "/crm/", "/books/", ...: the product roots of the API paths.
var productPaths = sync.OnceValue(func() [][]byte {
	var out [][]byte
	for _, r := range catalog.ProductRoots() {
		out = append(out, []byte("/"+r+"/"))
	}
	return out
})

// Needle reports whether a file may make a Zoho API request: it names Zoho (a host, a
// variable) in any case, or holds an API product path. Only such files are tokenised.
func Needle(src []byte) bool {
	for i := 0; i+4 <= len(src); {
		k := bytes.IndexAny(src[i:], "zZ")
		if k < 0 {
			break
		}
		i += k
		if i+4 <= len(src) && (src[i+1]|0x20) == 'o' && (src[i+2]|0x20) == 'h' && (src[i+3]|0x20) == 'o' {
			return true
		}
		i++
	}
	for _, p := range productPaths() {
		if bytes.Contains(src, p) {
			return true
		}
	}
	return false
}
