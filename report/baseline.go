package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	"github.com/zscopelint/zscopelint/internal/safefile"
)

// Baseline is a set of known findings, matched by check, file and scope text — not by
// line, so that edits above a finding do not make it new again. Each key is counted: a
// second finding on the same scope in the same file is new if the baseline had one.
type Baseline struct{ counts map[string]int }

func baselineKey(check, file, scope string) string { return check + "\x00" + file + "\x00" + scope }

// ReadBaseline reads an earlier JSON (-format json, -write-baseline) or SARIF output. SARIF
// names files from the repository root (%SRCROOT%): they are read back relative to
// workDir, the directory the findings they are matched with name files from.
func ReadBaseline(name, workDir string) (*Baseline, error) {
	data, err := safefile.ReadFile(name, safefile.DefaultLimit)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", name, safefile.Describe(err))
	}
	b := &Baseline{counts: map[string]int{}}
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
		for _, f := range *probe.Findings {
			b.counts[baselineKey(f.Check, f.File, f.Scope)]++
		}
	case probe.Runs != nil:
		for _, run := range probe.Runs {
			for _, r := range run.Results {
				file := ""
				if len(r.Locations) > 0 {
					loc := r.Locations[0].PhysicalLocation.ArtifactLocation
					file = workDirName(loc.URI, run.OriginalURIBaseIDs[loc.URIBaseID].URI, workDir)
				}
				b.counts[baselineKey(r.RuleID, file, r.Properties.Scope)]++
			}
		}
	default:
		return nil, fmt.Errorf("%s: neither a findings list nor SARIF runs", name)
	}
	return b, nil
}

// New returns the findings the baseline does not account for, in order.
func (b *Baseline) New(fs []Finding) []Finding {
	left := make(map[string]int, len(b.counts))
	for k, v := range b.counts {
		left[k] = v
	}
	var out []Finding
	for _, f := range fs {
		k := baselineKey(f.Check.ID, f.File, f.Scope)
		if left[k] > 0 {
			left[k]--
			continue
		}
		out = append(out, f)
	}
	return out
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
