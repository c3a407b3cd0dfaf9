package configcheck

import (
	"bytes"
	"strings"

	"github.com/zscopelint/zscopelint/catalog"
)

// A needle is a word any file holding a scope candidate must contain, in any case, with the
// index of its rarest letter: the prefilter jumps between occurrences of that letter with
// bytes.IndexByte (vectorised) and compares the word around each one, so a file without the
// word costs two IndexByte passes per needle, about what reading it costs.
type needle struct {
	word   string // lower case
	anchor int
	// dotted, when set, makes the needle the service names that do not contain "zoho",
	// each followed by a dot: found in one pass over the dots of the text (dots are rare
	// in data, and every scope has one after its service), not one pass per name.
	dotted []string
	last   *[256]bool // the last letters of the dotted names, to pass over most dots at once
}

// rarity orders letters from rarest to most common in English text and code.
const rarity = "zqxjkvbpygfwmucldrhsnioate"

func newNeedle(word string) needle {
	n := needle{word: strings.ToLower(word)}
	best := len(rarity)
	for i := 0; i < len(n.word); i++ {
		if r := strings.IndexByte(rarity, n.word[i]); r >= 0 && r < best {
			best, n.anchor = r, i
		}
	}
	return n
}

// prefilterNeedles returns the needles for a catalog: "zoho" in any case (ZohoCRM,
// ZOHOPEOPLE, their near misses, and most services users add), and each service a user
// catalog adds that does not contain it, as the catalog spells it (a case-insensitive scan
// for such words would cost four times the "zoho" one). What the prefilter gives up, on
// purpose: a file that never mentions Zoho — whose only scopes are AaaServer's, or belong
// to services nobody catalogued — is not parsed (every file is still searched for tokens).
// A client secret is recognised by its key only in files that mention Zoho: elsewhere
// nothing says whose secret it is.
func prefilterNeedles(c *catalog.Catalog) []needle {
	out := []needle{newNeedle("zoho")}
	var dotted []string
	for _, s := range c.KnownServices() {
		// AaaServer (Zoho Accounts' profile scope) keeps company with Zoho scopes in
		// practice; scanning for it on its own would cost more than the rest of the
		// prefilter. Services added by user catalogs are searched for as they are spelled,
		// with their dot: "Desk" or "contracts" alone are common words.
		if !strings.Contains(strings.ToLower(s), "zoho") && !strings.EqualFold(s, "AaaServer") {
			dotted = append(dotted, s)
		}
	}
	if len(dotted) > 0 {
		last := &[256]bool{}
		for _, d := range dotted {
			last[d[len(d)-1]] = true
		}
		out = append(out, needle{dotted: dotted, last: last})
	}
	return out
}

// mayHoldScopes reports whether data contains one of the needles, in any case.
func mayHoldScopes(data []byte, needles []needle) bool {
	for _, n := range needles {
		if n.in(data) {
			return true
		}
	}
	return false
}

func (n needle) in(data []byte) bool {
	if n.dotted != nil {
		for from := 0; ; {
			i := bytes.IndexByte(data[from:], '.')
			if i < 0 {
				return false
			}
			i += from
			if i > 0 && n.last[data[i-1]] {
				for _, name := range n.dotted {
					if i >= len(name) && string(data[i-len(name):i]) == name {
						return true
					}
				}
			}
			from = i + 1
		}
	}
	a := n.word[n.anchor]
	for _, c := range [2]byte{a, upper(a)} {
		for from := 0; ; {
			i := bytes.IndexByte(data[from:], c)
			if i < 0 {
				break
			}
			i += from
			if start := i - n.anchor; start >= 0 && start+len(n.word) <= len(data) && equalFold(data[start:start+len(n.word)], n.word) {
				return true
			}
			from = i + 1
		}
		if upper(a) == a {
			break
		}
	}
	return false
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// equalFold compares ASCII case-insensitively against a lower-case word.
func equalFold(b []byte, lower string) bool {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
