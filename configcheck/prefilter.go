package configcheck

import (
	"bytes"
	"strings"

	"github.com/zscopelint/zscopelint/catalog"
)

// prefilterNeedles returns the byte strings one of which any file holding a scope candidate
// must contain: "zoho" (ZohoCRM, ZOHOPEOPLE and their near misses), each catalogued service
// that does not contain it (AaaServer), and "scope" for scope positions. Each comes in
// lower, UPPER and Title case: bytes.Index on a few exact needles costs about what reading
// the file costs, which is the point of a prefilter.
func prefilterNeedles(c *catalog.Catalog) [][]byte {
	words := []string{"zoho", "scope"}
	for _, s := range c.Services() {
		if l := strings.ToLower(s); !strings.Contains(l, "zoho") {
			words = append(words, l)
		}
	}
	var out [][]byte
	for _, w := range words {
		out = append(out, []byte(w), []byte(strings.ToUpper(w)), []byte(strings.ToUpper(w[:1])+w[1:]))
	}
	return out
}

// mayHoldScopes reports whether data contains one of the needles.
func mayHoldScopes(data []byte, needles [][]byte) bool {
	for _, n := range needles {
		if bytes.Contains(data, n) {
			return true
		}
	}
	return false
}
