package httpcalls_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/httpcalls"
	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/srclex"
)

// The corpus (testdata/corpus) is call sites of our own in the shapes public code sends Zoho
// API requests in. A site's line ends in a comment:
//
//	want <shape> <request> [+ <request>...]
//
// where a request is "<method> <path> exact <scope>" (one endpoint, every part known),
// "<method> <path> partial <scopes>" (product and family known, a module or the method
// not; scopes as zscopelint would suggest, alternatives joined by " | "), or "opaque" (no
// Zoho endpoint: not recognised, its URL not known, or a path no endpoint row matches,
// then with its method and path before). A method not known is "-".

// outcome is what the analysis makes of one request.
func outcome(eng *rules.Engine, r httpcalls.Request) (text, kind string) {
	method := r.Method
	if method == "" {
		method = "-"
	}
	path, isAPI := catalog.APIPath(r.URL)
	path = strings.ReplaceAll(path, catalog.Unknown, "{…}")
	c, ok := eng.NewCall(r.Method, r.URL, "")
	switch {
	case !ok:
		return "opaque", "opaque"
	case c.Req.Unresolved != "" && isAPI:
		return method + " " + path + " opaque", "opaque"
	case r.Method != "" && c.Req.Exact():
		return method + " " + path + " exact " + strings.Join(narrowest(c.Req.Options[0]), " and "), "exact"
	}
	var alts []string
	for _, opt := range c.Req.Options {
		if a := strings.Join(narrowest(opt), " and "); !contains(alts, a) {
			alts = append(alts, a)
		}
	}
	return method + " " + path + " partial " + strings.Join(alts, " | "), "partial"
}

func narrowest(opt [][]string) []string {
	var out []string
	for _, clause := range opt {
		if len(clause) > 0 {
			out = append(out, clause[0])
		}
	}
	return out
}

func contains(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

type tally struct{ exact, partial, opaque int }

func (t tally) String() string {
	n := t.exact + t.partial + t.opaque
	pct := func(k int) string { return fmt.Sprintf("%d (%.0f%%)", k, 100*float64(k)/float64(max(n, 1))) }
	return fmt.Sprintf("%2d sites: exact %s, partial %s, opaque %s", n, pct(t.exact), pct(t.partial), pct(t.opaque))
}

func TestCorpus(t *testing.T) {
	t.Parallel()
	eng := &rules.Engine{Catalog: catalog.Default()}
	files, _ := filepath.Glob("testdata/corpus/*")
	byLang := map[string]*tally{}
	byShape := map[string]*tally{}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lang := srclex.LangOf(file)
		langName := strings.TrimPrefix(filepath.Ext(file), ".")
		reqs := map[int][]httpcalls.Request{}
		// A site file names the SDK packages its program depends on in a comment, as the
		// program's manifest would.
		for _, r := range httpcalls.Find(lang, src, httpcalls.ManifestSDKs(src)...) {
			reqs[r.Line] = append(reqs[r.Line], r)
		}
		for i, line := range strings.Split(string(src), "\n") {
			_, want, ok := strings.Cut(line, " want ")
			if !ok || strings.HasPrefix(strings.TrimSpace(line), "//") || strings.HasPrefix(strings.TrimSpace(line), "#") {
				continue
			}
			shape, _, _ := strings.Cut(want, " ")
			var texts, kinds []string
			for _, r := range reqs[i+1] {
				text, kind := outcome(eng, r)
				texts, kinds = append(texts, text), append(kinds, kind)
			}
			if len(texts) == 0 {
				texts, kinds = []string{"opaque"}, []string{"opaque"}
			}
			got := shape + " " + strings.Join(texts, " + ")
			if got != want {
				t.Errorf("%s:%d: got\n\t%s\nwant\n\t%s", file, i+1, got, want)
				for _, w := range strings.Split(strings.TrimPrefix(want, shape+" "), " + ") {
					for _, g := range texts {
						if wf, gf := strings.Fields(w), strings.Fields(g); len(wf) > 3 && len(gf) > 3 && wf[2] == "exact" && gf[2] == "exact" && wf[0] == gf[0] && wf[1] == gf[1] && strings.Join(wf[3:], " ") != strings.Join(gf[3:], " ") {
							t.Errorf("%s:%d: WRONG SCOPE for exact call %s %s: %s, want %s", file, i+1, gf[0], gf[1], strings.Join(gf[3:], " "), strings.Join(wf[3:], " "))
						}
					}
				}
			}
			k := siteKind(kinds)
			add(byLang, langName, k)
			add(byShape, shape, k)
		}
	}
	for _, lang := range []string{"js", "ts", "py", "php"} {
		if n := byLang[lang]; n == nil || n.exact+n.partial+n.opaque < 10 {
			t.Errorf("%s: fewer than 10 sites", lang)
		}
	}
	for _, group := range []map[string]*tally{byLang, byShape} {
		var keys []string
		for k := range group {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.Logf("%-16s %s", k, group[k])
		}
	}
}

// siteKind is a site's outcome: exact when every request is, opaque when every one is.
func siteKind(kinds []string) string {
	all := func(k string) bool {
		for _, x := range kinds {
			if x != k {
				return false
			}
		}
		return true
	}
	switch {
	case all("exact"):
		return "exact"
	case all("opaque"):
		return "opaque"
	}
	return "partial"
}

func add(m map[string]*tally, key, kind string) {
	t := m[key]
	if t == nil {
		t = &tally{}
		m[key] = t
	}
	switch kind {
	case "exact":
		t.exact++
	case "partial":
		t.partial++
	default:
		t.opaque++
	}
}
