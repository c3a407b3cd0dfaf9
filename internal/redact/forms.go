package redact

import (
	"encoding/base64"
	"strings"
)

// dotEscapes are the ways a dot is written in a quoted or encoded token: \x2e and \u002e
// in a string literal, %2E in a URL. Unescaped, they give back the token's shape.
var dotEscapes = strings.NewReplacer(`\x2e`, ".", `\x2E`, ".", `\u002e`, ".", `\u002E`, ".",
	`\\u002e`, ".", "%2E", ".", "%2e", ".", "%252E", ".", "%252e", ".")

// Decoded gives the forms of s a credential may hide in: s with escaped and URL-encoded
// dots unescaped, and the decoding of every base64 run of s long enough to hold a token.
// s itself is not among them.
//
// Every caller looks for tokens in them, so only forms that may hold one are made: the
// escapes are undone in a text that holds "1000", and a base64 run is decoded when it
// holds the encoding of "1000." (base64Prefixes).
func Decoded(s string) []string {
	var out []string
	if escapesMayHideToken(s) {
		if u := dotEscapes.Replace(s); u != s {
			out = append(out, u)
		}
	}
	if !holdsBase64Prefix(s) {
		return out
	}
	for _, run := range base64Runs(s) {
		if !holdsBase64Prefix(run) {
			continue
		}
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
			if b, err := enc.DecodeString(run); err == nil {
				out = append(out, string(b))
				break
			}
		}
	}
	return out
}

// minBase64 is the length of the base64 of a token's prefix and first half: a shorter run
// cannot hide one.
const minBase64 = 48

// base64Prefixes are the base64 characters that "1000." fixes, one string for each of the
// three alignments it can have in an encoded text (the characters that also encode the
// bytes around it left out), in the standard and URL alphabets: a base64 run that decodes
// to a text holding a token holds one of them.
var base64Prefixes = func() []string {
	var out []string
	for shift := range 3 {
		enc := base64.StdEncoding.EncodeToString([]byte(strings.Repeat(" ", shift) + tokenPrefix))
		// Character j encodes bits [6j, 6j+6) of the input; the prefix's are [8 shift, 8 shift + 40).
		first, last := (8*shift+5)/6, (8*shift+8*len(tokenPrefix))/6
		fixed := enc[first:last]
		out = append(out, fixed)
		if url := strings.NewReplacer("+", "-", "/", "_").Replace(fixed); url != fixed {
			out = append(out, url)
		}
	}
	return out
}()

// mayDecode reports whether Decoded can give any form of s: what its two searches need.
func mayDecode[T text](s T) bool { return escapesMayHideToken(s) || holdsBase64Prefix(s) }

// escapesMayHideToken reports whether s may write a token's dot escaped or URL-encoded: it
// holds a backslash or a % and the token's "1000".
func escapesMayHideToken[T text](s T) bool {
	return (indexByte(s, '\\') >= 0 || indexByte(s, '%') >= 0) && index(s, tokenPrefix[:4]) >= 0
}

// mayHoldLooseSecret reports whether looseSecret can find anything in s: a "secret" in
// some case, or a backslash (a key whose letters are escaped).
func mayHoldLooseSecret[T text](s T) bool {
	return indexByte(s, '\\') >= 0 || indexFold(s, 0, "secret") >= 0
}

// holdsBase64Prefix reports whether s holds one of base64Prefixes.
func holdsBase64Prefix[T text](s T) bool {
	for _, p := range base64Prefixes {
		if index(s, p) >= 0 {
			return true
		}
	}
	return false
}

// base64Runs finds the runs of base64 characters of s that could encode a token.
func base64Runs(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isBase64(s[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start >= minBase64 {
			out = append(out, s[start:i])
		}
		start = -1
	}
	return out
}

func isBase64(c byte) bool {
	return isAlnum(c) || c == '+' || c == '/' || c == '=' || c == '-' || c == '_'
}

// Encoded gives the forms a credential is written in besides its own: with escaped and
// URL-encoded dots, and in base64, alone and in an Authorization header.
func Encoded(secret string) []string {
	out := []string{
		strings.ReplaceAll(secret, ".", `\x2e`), strings.ReplaceAll(secret, ".", `\u002e`),
		strings.ReplaceAll(secret, ".", "%2E"), strings.ReplaceAll(secret, ".", "%2e"),
	}
	for _, plain := range []string{secret, "Zoho-oauthtoken " + secret} {
		// Each of the three alignments a credential can have inside a longer base64 text.
		for shift := 0; shift < 3; shift++ {
			enc := base64.StdEncoding.EncodeToString([]byte(strings.Repeat(" ", shift) + plain))
			skip := (shift*4 + 2) / 3 // the characters that encode the padding's bytes
			enc = strings.TrimRight(enc[skip:], "=")
			out = append(out, enc[:max(0, len(enc)-3)], strings.NewReplacer("+", "-", "/", "_").Replace(enc[:max(0, len(enc)-3)]))
		}
	}
	return out
}

// keyEscapes spell out the letters of "secret" that JSON and string escapes hide.
var keyEscapes = strings.NewReplacer(`\u0073`, "s", `\u0053`, "S", `\u0065`, "e", `\u0063`, "c",
	`\u0072`, "r", `\u0074`, "t", `\x73`, "s", `\x65`, "e")

// looseSecret finds a value after a client-secret key however it is written between
// them: a line break (a JSON or YAML value on the next line), a comma (an argument list,
// os.Setenv("ZOHO_CLIENT_SECRET", "…")), $' (a shell ANSI-C string), escapes in the key.
// It is for withholding fixes only, where a false alarm costs a fix and a miss prints a
// secret; it returns the offset of the value in s, or -1.
func looseSecret(s string) int {
	if !mayHoldLooseSecret(s) {
		return -1
	}
	if strings.Contains(s, `\`) {
		if u := keyEscapes.Replace(s); u != s {
			if i := looseSecret(u); i >= 0 {
				return min(i, len(s)-1)
			}
		}
	}
	for from := 0; ; {
		e := indexFold(s, from, "secret")
		if e < 0 {
			return -1
		}
		from = e + 1
		keyStart, keyEnd := wordAround(s, e, e+len("secret"))
		if !secretKey(s[keyStart:keyEnd]) {
			continue
		}
		v := keyEnd
		for v < len(s) && v-keyEnd < 40 && strings.IndexByte(" \t\r\n\"'`:=,>$(|", s[v]) >= 0 {
			v++
		}
		if v < len(s) && s[v] == '*' {
			// A YAML alias: the value is where the anchor of that name is.
			name := v + 1
			for name < len(s) && isKeyChar(s[name]) {
				name++
			}
			if a := strings.Index(s, "&"+s[v+1:name]+" "); name > v+1 && a >= 0 {
				v = a + name - v + 1
			}
		}
		end := v
		for end < len(s) && isAlnum(s[end]) {
			end++
		}
		if end-v >= 30 && distinct(s[v:end]) >= 8 {
			return v
		}
	}
}

// indexFold is the offset of the first word at or after from in s in any ASCII case, -1
// for none; word is lower-case letters. (Lowering s instead costs a copy of the text, and offsets
// in the copy are not those of s where a rune's lower case is longer, as Ⱥ's is.)
func indexFold[T text](s T, from int, word string) int {
	// next finds c at or after from; each case's next place is kept until passed, so
	// that the text is searched once for each, however many times the other occurs.
	next := func(c byte, at int) int {
		if k := indexByte(s[at:], c); k >= 0 {
			return at + k
		}
		return len(s)
	}
	lo, up := next(word[0], from), next(word[0]-'a'+'A', from)
	for {
		i := min(lo, up)
		if i > len(s)-len(word) {
			return -1
		}
		if foldEqual(s[i+1:i+len(word)], word[1:]) {
			return i
		}
		if i == lo {
			lo = next(word[0], i+1)
		} else {
			up = next(word[0]-'a'+'A', i+1)
		}
	}
}

// foldEqual reports whether s is word (lower-case letters) in any ASCII case.
func foldEqual[T text](s T, word string) bool {
	for k := range len(word) {
		if s[k]|0x20 != word[k] {
			return false
		}
	}
	return true
}
