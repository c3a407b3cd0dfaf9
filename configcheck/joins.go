package configcheck

import "bytes"

// joinedNames returns the names joinedNameRE captures in data, as its FindAllSubmatch over
// the whole of data does, reading with the regexp only the stretches of data around each
// "join(" and "implode(". Go's regexp has no literal to start from in joinedNameRE and reads
// a file at a few MB/s: over a bundle of several MB (typescript.js) it was most of a scan's
// CPU.
//
// It gives the same names because a match is made of joinCharset bytes only, and the regexp
// has no assertion that looks past them: a match lies within one maximal run of those
// bytes, the matches FindAll finds in a run are those it finds searching the run alone, and
// a run without "join(" or "implode(" holds none (TestJoinedNamesAgreesWithRegexp,
// FuzzJoinedNames).
func joinedNames(data []byte) map[string]bool {
	names := map[string]bool{}
	eachJoinedName(data, func(m []int) {
		for g := 2; g < len(m); g += 2 {
			if m[g] >= 0 && m[g+1] > m[g] {
				names[string(data[m[g]:m[g+1]])] = true
			}
		}
	})
	return names
}

// eachJoinedName calls at with each match of joinedNameRE in data, as FindAllSubmatchIndex
// over the whole of data gives them (indexes into data), reading only the runs of
// joinCharset bytes around each "join(" and "implode(".
func eachJoinedName(data []byte, at func(m []int)) {
	done := map[int]bool{} // the runs read, by their start
	for _, lit := range [2][]byte{[]byte("join("), []byte("implode(")} {
		for from := 0; ; {
			i := bytes.Index(data[from:], lit)
			if i < 0 {
				break
			}
			i += from
			start, end := i, i+len(lit)
			for start > 0 && joinCharset[data[start-1]] {
				start--
			}
			for end < len(data) && joinCharset[data[end]] {
				end++
			}
			from = end
			if done[start] {
				continue
			}
			done[start] = true
			for _, m := range joinedNameRE().FindAllSubmatchIndex(data[start:end], -1) {
				for k := range m {
					if m[k] >= 0 {
						m[k] += start
					}
				}
				at(m)
			}
		}
	}
}

// joinCharset holds every byte a match of joinedNameRE may hold: \w, $, \s, the quotes,
// and . ( ) , - > of .join(, implode(' ', and $this->.
var joinCharset = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for _, c := range "_$ \t\n\f\r'\"`.(),->" {
		t[c] = true
	}
	return t
}()
