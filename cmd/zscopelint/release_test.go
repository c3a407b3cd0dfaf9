package main

import (
	"os"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestReleaseConfig: .goreleaser.yaml builds the command for the six targets the README
// promises, stamps nothing of its own over the go command's version, and names its
// archives and checksum file as action.yml downloads them; the snapshot script and the
// release workflow run it.
func TestReleaseConfig(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../.goreleaser.yaml")
	must(t, err)
	var cfg struct {
		Version int `yaml:"version"`
		Builds  []struct {
			Main, Binary string
			Env          []string
			Goos, Goarch []string
			Flags        []string
			Ldflags      []string
			ModTimestamp string `yaml:"mod_timestamp"`
		}
		Archives []struct {
			NameTemplate    string   `yaml:"name_template"`
			Formats         []string `yaml:"formats"`
			FormatOverrides []struct {
				Goos    string
				Formats []string
			} `yaml:"format_overrides"`
		}
		Checksum struct {
			NameTemplate string `yaml:"name_template"`
			Algorithm    string
		}
	}
	must(t, yaml.Unmarshal(data, &cfg))
	if cfg.Version != 2 || len(cfg.Builds) != 1 || len(cfg.Archives) != 1 {
		t.Fatalf("config: %+v", cfg)
	}
	b := cfg.Builds[0]
	if b.Main != "./cmd/zscopelint" || b.Binary != "zscopelint" || !slices.Contains(b.Env, "CGO_ENABLED=0") ||
		!slices.Contains(b.Flags, "-trimpath") || b.ModTimestamp != "{{ .CommitTimestamp }}" {
		t.Errorf("build %+v: want ./cmd/zscopelint without cgo, -trimpath and files dated at the commit", b)
	}
	slices.Sort(b.Goos)
	slices.Sort(b.Goarch)
	if !slices.Equal(b.Goos, []string{"darwin", "linux", "windows"}) || !slices.Equal(b.Goarch, []string{"amd64", "arm64"}) {
		t.Errorf("targets %v × %v", b.Goos, b.Goarch)
	}
	for _, f := range b.Ldflags {
		if strings.Contains(f, "-X") {
			t.Errorf("ldflags %q: the version is the go command's stamp (Version), not an -X", f)
		}
	}
	a := cfg.Archives[0]
	action, err := os.ReadFile("../../action.yml")
	must(t, err)
	if a.NameTemplate != "{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}" ||
		!strings.Contains(string(action), `archive="zscopelint_${ZSCOPELINT_REF#v}_${os}_${arch}.tar.gz"`) {
		t.Errorf("archive name %q does not match action.yml's download", a.NameTemplate)
	}
	if !slices.Equal(a.Formats, []string{"tar.gz"}) || len(a.FormatOverrides) != 1 || a.FormatOverrides[0].Goos != "windows" ||
		!slices.Equal(a.FormatOverrides[0].Formats, []string{"zip"}) || !strings.Contains(string(action), `archive="${archive%.tar.gz}.zip"`) {
		t.Errorf("archive formats %v %+v: want tar.gz, zip on Windows, as action.yml expects", a.Formats, a.FormatOverrides)
	}
	if cfg.Checksum.NameTemplate != "checksums.txt" || cfg.Checksum.Algorithm != "sha256" ||
		!strings.Contains(string(action), "/checksums.txt\"") {
		t.Errorf("checksum %+v: action.yml verifies against checksums.txt (sha256)", cfg.Checksum)
	}
	script, err := os.Stat("../../scripts/release-snapshot.sh")
	if err != nil || script.Mode()&0o111 == 0 {
		t.Errorf("scripts/release-snapshot.sh: %v, want an executable script", err)
	}
	// The snapshot itself takes minutes and is not run here (the README says so): the script
	// runs it, offline with OFFLINE=1, and fails unless every target's binary was built.
	body, _ := os.ReadFile("../../scripts/release-snapshot.sh")
	if !strings.Contains(string(body), "release --snapshot --clean") || !strings.Contains(string(body), `GOPROXY="file://$(go env GOMODCACHE)/cache/download"`) {
		t.Error("scripts/release-snapshot.sh does not run goreleaser release --snapshot --clean, offline from the module cache when asked")
	}
	for _, goos := range b.Goos {
		for _, goarch := range b.Goarch {
			if !strings.Contains(string(body), " "+goos+"_"+goarch) {
				t.Errorf("scripts/release-snapshot.sh does not check that the %s_%s binary was built", goos, goarch)
			}
		}
	}
	readme, err := os.ReadFile("../../README.md")
	must(t, err)
	if !strings.Contains(string(readme), "OFFLINE=1 scripts/release-snapshot.sh") {
		t.Error("README.md does not say how to run the release snapshot offline")
	}
	workflow, err := os.ReadFile("../../.github/workflows/release.yml")
	must(t, err)
	var wf struct {
		On struct {
			Push struct{ Tags []string }
		}
		Jobs map[string]struct {
			Steps []struct {
				Uses string
				With map[string]string
			}
		}
	}
	must(t, yaml.Unmarshal(workflow, &wf))
	published := false
	for _, j := range wf.Jobs {
		for _, s := range j.Steps {
			published = published || strings.HasPrefix(s.Uses, "goreleaser/goreleaser-action@") && s.With["args"] == "release --clean"
		}
	}
	if len(wf.On.Push.Tags) == 0 || !published {
		t.Errorf("release workflow: tags %v, publishes %v", wf.On.Push.Tags, published)
	}
}
