package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zscopelint/zscopelint/internal/safefile"
)

// Baseline is a set of known findings, matched by check, file and scope text — not by
// line, so that edits above a finding do not make it new again. Each key is counted: a
// second finding on the same scope in the same file is new if the baseline had one.
type Baseline struct {
	counts map[string]int
	name   string
	data   []byte
	// keys are the keys of the entries in the order the file holds them: of its findings
	// (JSON), or of each run's results (SARIF), for Prune.
	keys  [][]string
	sarif bool
}

// BaselineEntry is a key of a baseline that no current finding matches: Count of its
// entries are left over.
type BaselineEntry struct {
	Check, File, Scope string
	Count              int
}

func baselineKey(check, file, scope string) string { return check + "\x00" + file + "\x00" + scope }

// ReadBaseline reads an earlier JSON (-format json, -write-baseline) or SARIF output. SARIF
// names files from the repository root (%SRCROOT%): they are read back relative to
// workDir, the directory the findings they are matched with name files from.
func ReadBaseline(name, workDir string) (*Baseline, error) {
	data, err := safefile.ReadFile(name, safefile.DefaultLimit)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", name, safefile.Describe(err))
	}
	b := &Baseline{counts: map[string]int{}, name: name, data: data}
	var probe struct {
		Findings *[]jsonFinding `json:"findings"`
		Runs     []struct {
			OriginalURIBaseIDs map[string]struct {
				URI string `json:"uri"`
			} `json:"originalUriBaseIds"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Properties struct {
					Scope string `json:"scope"`
				} `json:"properties"`
			} `json:"results"`
		} `json:"runs"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&probe); err != nil {
		return nil, fmt.Errorf("%s: not zscopelint JSON or SARIF output: %v", name, err)
	}
	switch {
	case probe.Findings != nil:
		b.keys = [][]string{nil}
		for _, f := range *probe.Findings {
			k := baselineKey(f.Check, f.File, f.Scope)
			b.counts[k]++
			b.keys[0] = append(b.keys[0], k)
		}
	case probe.Runs != nil:
		b.sarif = true
		for i, run := range probe.Runs {
			b.keys = append(b.keys, nil)
			for _, r := range run.Results {
				file := ""
				if len(r.Locations) > 0 {
					loc := r.Locations[0].PhysicalLocation.ArtifactLocation
					file = workDirName(loc.URI, run.OriginalURIBaseIDs[loc.URIBaseID].URI, workDir)
				}
				k := baselineKey(r.RuleID, file, r.Properties.Scope)
				b.counts[k]++
				b.keys[i] = append(b.keys[i], k)
			}
		}
	default:
		return nil, fmt.Errorf("%s: neither a findings list nor SARIF runs", name)
	}
	return b, nil
}

// New returns the findings the baseline does not account for, in order.
func (b *Baseline) New(fs []Finding) []Finding {
	out, _, _ := b.Match(fs)
	return out
}

// Match returns the findings the baseline does not account for, in order; how many it
// hid; and its entries that no finding matches any more (fixed, moved to another file, or
// their scope edited), sorted: a baseline that only grows hides the next finding of the
// same kind.
func (b *Baseline) Match(fs []Finding) (fresh []Finding, hidden int, stale []BaselineEntry) {
	left := make(map[string]int, len(b.counts))
	for k, v := range b.counts {
		left[k] = v
	}
	for _, f := range fs {
		k := baselineKey(f.Check.ID, f.File, f.Scope)
		if left[k] > 0 {
			left[k]--
			hidden++
			continue
		}
		fresh = append(fresh, f)
	}
	for k, n := range left {
		if n > 0 {
			parts := strings.SplitN(k, "\x00", 3)
			stale = append(stale, BaselineEntry{Check: parts[0], File: parts[1], Scope: parts[2], Count: n})
		}
	}
	sort.Slice(stale, func(i, j int) bool {
		a, b := stale[i], stale[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		return a.Scope < b.Scope
	})
	return fresh, hidden, stale
}

// Prune rewrites the baseline file without its stale entries (Match's), in the format it
// was written in, and returns how many entries it dropped. Of several entries with one
// key, the last ones go.
func (b *Baseline) Prune(stale []BaselineEntry) (int, error) {
	drop := map[string]int{}
	total := 0
	for _, e := range stale {
		drop[baselineKey(e.Check, e.File, e.Scope)] += e.Count
		total += e.Count
	}
	if total == 0 {
		return 0, nil
	}
	keep := func(keys []string) []bool {
		out := make([]bool, len(keys))
		left := maps.Clone(drop)
		for i := len(keys) - 1; i >= 0; i-- {
			if left[keys[i]] > 0 {
				left[keys[i]]--
				continue
			}
			out[i] = true
		}
		return out
	}
	dec := json.NewDecoder(bytes.NewReader(b.data))
	dec.UseNumber()
	var out any
	if b.sarif {
		var log map[string]any
		if err := dec.Decode(&log); err != nil {
			return 0, err
		}
		runs, _ := log["runs"].([]any)
		for i, run := range runs {
			r, _ := run.(map[string]any)
			results, _ := r["results"].([]any)
			if r == nil || i >= len(b.keys) || len(results) != len(b.keys[i]) {
				return 0, fmt.Errorf("%s: changed since it was read", b.name)
			}
			kept := []any{}
			for j, ok := range keep(b.keys[i]) {
				if ok {
					kept = append(kept, results[j])
				}
			}
			r["results"] = kept
		}
		out = log
	} else {
		var list struct {
			Findings []json.RawMessage `json:"findings"`
		}
		if err := dec.Decode(&list); err != nil {
			return 0, err
		}
		if len(b.keys) != 1 || len(list.Findings) != len(b.keys[0]) {
			return 0, fmt.Errorf("%s: changed since it was read", b.name)
		}
		kept := []json.RawMessage{}
		for j, ok := range keep(b.keys[0]) {
			if ok {
				kept = append(kept, list.Findings[j])
			}
		}
		list.Findings = kept
		out = list
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return 0, err
	}
	if err := os.WriteFile(b.name, buf.Bytes(), 0o644); err != nil {
		return 0, err
	}
	return total, nil
}

// WriteBaseline writes findings as JSON, the format -baseline reads, passing the text
// through redact (the command's redactor: a baseline is output too).
func WriteBaseline(name string, fs []Finding, redact func(string) string) error {
	// Writing to a FIFO would block until someone reads it; to a device, lose the baseline.
	if fi, err := os.Stat(name); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: %v", name, safefile.ErrNotRegular)
	}
	var buf bytes.Buffer
	if err := JSON(&buf, fs); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(redact(buf.String())), 0o644)
}

// workDirName turns a SARIF artifact URI, relative to the base URI (a file URI, or "" for
// none), into a file name relative to workDir, as findings name files.
func workDirName(uri, base, workDir string) string {
	name := fileFromURI(uri)
	if u, err := url.Parse(uri); err == nil && u.Scheme == "file" {
		name = u.Path // outside the root: absolute
	} else if b, err := url.Parse(base); err == nil && b.Scheme == "file" && base != "" {
		name = filepath.Join(filepath.FromSlash(b.Path), filepath.FromSlash(name))
	}
	if filepath.IsAbs(name) && workDir != "" {
		if rel, err := filepath.Rel(workDir, name); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(name)
}
