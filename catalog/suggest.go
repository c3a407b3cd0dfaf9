package catalog

import "strings"

// maxDistance is how many edits a word may be from a catalogued name and still be taken
// for a misspelling of it. Short words get one edit: two edits turn "ALL" into almost any
// three-letter word.
func maxDistance(word string) int {
	switch n := len(word); {
	case n <= 4:
		return 1
	case n <= 12:
		return 2
	default:
		return 3
	}
}

// fold lowercases ASCII letters and drops underscores, so that Price_Books and
// pricebooks, or SALESORDERS and salesorders, compare equal.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// nearest returns every name at the smallest distance from word, if that distance is
// within maxDistance. Distances are computed on folded text (case and underscores ignored).
func nearest(word string, names []string) ([]string, bool) {
	return nearestWithin(word, names, maxDistance(fold(word)))
}

// nearestOperation is nearest for operation words, which are short and few: one edit
// (ALLL, REED, RAED, CREAT), so that words like "leads" are never taken for READ.
func nearestOperation(word string, ops []string) ([]string, bool) {
	return nearestWithin(word, ops, 1)
}

func nearestWithin(word string, names []string, limit int) ([]string, bool) {
	fw := fold(word)
	bestDist := limit + 1
	var best []string
	for _, name := range names {
		d := Distance(fw, fold(name), limit)
		switch {
		case d < bestDist:
			bestDist, best = d, append(best[:0], name)
		case d == bestDist && d <= limit:
			best = append(best, name)
		}
	}
	return best, len(best) > 0
}

// Distance is the optimal string alignment distance (Levenshtein plus adjacent
// transpositions: ZohoCMR is one edit from ZohoCRM). It gives up early, returning
// limit+1, once the distance must exceed limit.
func Distance(a, b string, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	// Three rows suffice for transpositions.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
