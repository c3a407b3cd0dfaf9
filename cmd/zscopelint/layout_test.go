package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSARIFFromSubdirectory: SARIF and GitHub annotations name files from the repository
// root (the directory holding .git), whatever directory the command runs in, and a SARIF
// log written from a subdirectory is a baseline for a run from the root.
func TestSARIFFromSubdirectory(t *testing.T) {
	t.Parallel()
	dir := writeTree(t, map[string]string{
		".git/HEAD":          "ref: refs/heads/main\n",
		"svc/zoho.yaml":      "scope: ZohoCRM.users.REED\n",
		"config/shared.yaml": "scope: ZohoCRM.org.REED\n",
	})
	sub := filepath.Join(dir, "svc")
	sarif, stderr, code := zscopelintIn(t, sub, "-format", "sarif", ".", "../config")
	if code != 1 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	validateSARIF(t, sarif)
	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
			Results            []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	must(t, json.Unmarshal([]byte(sarif), &log))
	wantRoot := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
	if got := log.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI; got != wantRoot {
		t.Errorf("%%SRCROOT%% = %q, want %q", got, wantRoot)
	}
	var uris []string
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation.ArtifactLocation
		uris = append(uris, loc.URIBaseID+" "+loc.URI)
	}
	if strings.Join(uris, "|") != "%SRCROOT% config/shared.yaml|%SRCROOT% svc/zoho.yaml" {
		t.Errorf("uris %v, want them relative to the repository root", uris)
	}
	gh, _, _ := zscopelintIn(t, sub, "-format", "github", ".", "../config")
	if !strings.Contains(gh, "::error file=svc/zoho.yaml,line=1,col=8,") || !strings.Contains(gh, "file=config/shared.yaml,") {
		t.Errorf("annotations not relative to the repository root:\n%s", gh)
	}
	// The log is a baseline for a run from the root: nothing is new.
	must(t, os.WriteFile(filepath.Join(dir, "baseline.sarif"), []byte(sarif), 0o644))
	out, stderr, code := zscopelintIn(t, dir, "-baseline", "baseline.sarif", "./svc", "./config")
	if code != 0 || out != "" {
		t.Errorf("with the baseline from svc/: exit %d\n%s%s", code, out, stderr)
	}
}
