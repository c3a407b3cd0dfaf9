package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// actionStep is a step of the composite action in action.yml.
type actionStep struct {
	Name             string            `yaml:"name"`
	ID               string            `yaml:"id"`
	If               string            `yaml:"if"`
	Uses             string            `yaml:"uses"`
	Run              string            `yaml:"run"`
	Shell            string            `yaml:"shell"`
	WorkingDirectory string            `yaml:"working-directory"`
	Env              map[string]string `yaml:"env"`
	With             map[string]string `yaml:"with"`
}

type actionFile struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

// actionRun is what running the action's steps locally gave.
type actionRun struct {
	ran, skipped []string // the steps run, and those whose if was false (other actions included)
	uses         []string // the other actions the runner would have run
	outputs      map[string]string
	stdout       map[string]string // of each step run, by name
	lastCode     int
	failed       string // the step that failed, with its output; "" if none but the last
}

// runAction runs the commands of action.yml's steps on this machine as the runner would,
// with their ${{ }} expressions filled in; steps that use other actions (setup-go, cache,
// upload-sarif) are recorded, not run. It stops at a step that fails, as the runner does;
// the last step, which fails the job on findings, is let fail.
func runAction(t *testing.T, action actionFile, ctx map[string]string, env []string) actionRun {
	t.Helper()
	res := actionRun{outputs: map[string]string{}, stdout: map[string]string{}}
	for i, step := range action.Runs.Steps {
		if step.If != "" && !evalIf(step.If, ctx, res.outputs) {
			res.skipped = append(res.skipped, step.Name)
			continue
		}
		if step.Uses != "" {
			res.uses = append(res.uses, step.Uses)
			continue
		}
		outFile := filepath.Join(ctx["runner.temp"], "output-"+step.ID)
		os.Remove(outFile)
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.Run)
		cmd.Dir = ctx["github.workspace"]
		if wd := expand(step.WorkingDirectory, ctx, res.outputs); wd != "" {
			cmd.Dir = filepath.Join(ctx["github.workspace"], wd) // as the runner resolves it
			if filepath.IsAbs(wd) {
				cmd.Dir = wd
			}
		}
		cmd.Env = append(append(os.Environ(), env...), "GITHUB_ACTION_PATH="+ctx["github.action_path"],
			"RUNNER_TEMP="+ctx["runner.temp"], "RUNNER_OS="+ctx["runner.os"], "RUNNER_ARCH="+ctx["runner.arch"],
			"GITHUB_OUTPUT="+outFile)
		for k, v := range step.Env {
			cmd.Env = append(cmd.Env, k+"="+expand(v, ctx, res.outputs))
		}
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		res.ran = append(res.ran, step.Name)
		res.stdout[step.Name] = out.String()
		res.lastCode = cmd.ProcessState.ExitCode()
		if b, err := os.ReadFile(outFile); err == nil {
			for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
				if k, v, ok := strings.Cut(line, "="); ok {
					res.outputs[step.ID+"."+k] = v
				}
			}
		}
		if err != nil && i != len(action.Runs.Steps)-1 {
			res.failed = fmt.Sprintf("%s: %v\n%s%s", step.Name, err, out.String(), errOut.String())
			return res
		}
	}
	return res
}

// TestAction runs action.yml's steps locally: at a branch ref it builds zscopelint from
// this checkout with the Go on the machine (no setup-go), prints annotations, writes the
// SARIF log only when upload-sarif is true (and only then uploads it), and the last step
// fails the job; at a release tag it installs the release's binary after checking it
// against checksums.txt, and refuses one that does not match.
func TestAction(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the command")
	}
	data, err := os.ReadFile("../../action.yml")
	must(t, err)
	var action actionFile
	must(t, yaml.Unmarshal(data, &action))
	if action.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q", action.Runs.Using)
	}
	for _, step := range action.Runs.Steps {
		switch {
		case strings.HasPrefix(step.Uses, "github/codeql-action/upload-sarif@") && step.Uses != "github/codeql-action/upload-sarif@v4":
			t.Errorf("%s: want github/codeql-action/upload-sarif@v4", step.Uses)
		case strings.HasPrefix(step.Uses, "actions/setup-go@") && !strings.Contains(step.If, "steps.release.outputs.go == 'missing'"):
			t.Errorf("setup-go runs with if %q: it must run only when the runner has no Go", step.If)
		}
	}
	if action.Inputs["upload-sarif"].Default != "false" {
		t.Errorf("upload-sarif defaults to %q, want false: code scanning is opt-in", action.Inputs["upload-sarif"].Default)
	}
	actionPath, err := filepath.Abs("../..")
	must(t, err)
	goEnv := func(name string) string {
		out, err := exec.Command("go", "env", name).Output()
		must(t, err)
		return strings.TrimSpace(string(out))
	}
	// The build's cache, as actions/cache would restore it: this machine's caches. The
	// module cache doubles as an offline module proxy.
	modCache, buildCache := goEnv("GOMODCACHE"), goEnv("GOCACHE")
	env := []string{"GOPROXY=file://" + filepath.ToSlash(filepath.Join(modCache, "cache", "download")), "GOFLAGS=-buildvcs=false", "GOSUMDB=off"}
	runnerOS := map[string]string{"linux": "Linux", "darwin": "macOS", "windows": "Windows"}[runtime.GOOS]
	runnerArch := map[string]string{"amd64": "X64", "arm64": "ARM64"}[runtime.GOARCH]
	newContext := func(t *testing.T, ref, upload string) map[string]string {
		temp := t.TempDir()
		for name, target := range map[string]string{"mod": modCache, "build": buildCache} {
			must(t, os.MkdirAll(filepath.Join(temp, "zscopelint-go"), 0o755))
			must(t, os.Symlink(target, filepath.Join(temp, "zscopelint-go", name)))
		}
		ctx := map[string]string{"runner.temp": temp, "runner.os": runnerOS, "runner.arch": runnerArch,
			"github.action_path": actionPath, "github.action_ref": ref, "github.server_url": "https://github.com",
			"github.action_repository": "zscopelint/zscopelint",
			"github.workspace":         writeTree(t, map[string]string{"config/zoho.yaml": "scope: ZohoCRM.users.REED\n"})}
		for name, in := range action.Inputs {
			ctx["inputs."+name] = in.Default
		}
		ctx["inputs.upload-sarif"] = upload
		return ctx
	}
	checkRun := func(t *testing.T, ctx map[string]string, res actionRun) {
		t.Helper()
		if res.failed != "" {
			t.Fatalf("step %s", res.failed)
		}
		if out := res.stdout["Run zscopelint"]; !strings.Contains(out, "::error file=config/zoho.yaml,line=1,col=8,") {
			t.Errorf("no annotation:\n%s", out)
		}
		if res.lastCode != 1 || res.outputs["run.exit-code"] != "1" {
			t.Errorf("the job's last step exits %d (zscopelint %q), want 1: the tree has an error", res.lastCode, res.outputs["run.exit-code"])
		}
		sarif, err := os.ReadFile(filepath.Join(ctx["runner.temp"], "zscopelint.sarif"))
		uploaded := strings.Contains(strings.Join(res.uses, " "), "upload-sarif")
		if ctx["inputs.upload-sarif"] == "true" {
			if err != nil || !uploaded || res.outputs["run.sarif-file"] == "" {
				t.Fatalf("upload-sarif true: log %v, uploaded %v, sarif-file %q", err, uploaded, res.outputs["run.sarif-file"])
			}
			validateSARIF(t, string(sarif))
			if !strings.Contains(string(sarif), `"uri": "config/zoho.yaml"`) {
				t.Errorf("SARIF log without the finding:\n%.600s", sarif)
			}
		} else if err == nil || uploaded {
			t.Errorf("upload-sarif false: a SARIF log was written (%v) or uploaded (%v)", err == nil, uploaded)
		}
	}

	for _, upload := range []string{"false", "true"} {
		t.Run("source/upload-sarif="+upload, func(t *testing.T) {
			ctx := newContext(t, "main", upload)
			res := runAction(t, action, ctx, env)
			checkRun(t, ctx, res)
			if res.outputs["release.mode"] != "source" || !slices.Contains(res.ran, "Build zscopelint from source") ||
				!slices.Contains(res.skipped, "Set up Go (the runner has none)") || !slices.Contains(res.uses, "actions/cache@v4") {
				t.Errorf("a branch ref: mode %q, ran %v, skipped %v, used %v; want a build from source with the machine's Go and the cache",
					res.outputs["release.mode"], res.ran, res.skipped, res.uses)
			}
		})
	}

	// A release, as the release workflow publishes it: the archive and checksums.txt.
	const tag = "v0.1.0"
	bin := buildCommand(t)
	releases := t.TempDir()
	dir := filepath.Join(releases, "zscopelint", "zscopelint", "releases", "download", tag)
	must(t, os.MkdirAll(dir, 0o755))
	archive := fmt.Sprintf("zscopelint_%s_%s_%s.tar.gz", strings.TrimPrefix(tag, "v"), runtime.GOOS, runtime.GOARCH)
	sum := writeArchive(t, filepath.Join(dir, archive), bin)
	for _, tc := range []struct {
		name, checksums, wantFail string
	}{
		{"release", sum + "  " + archive + "\n" + strings.Repeat("0", 64) + "  other.zip\n", ""},
		{"tampered", strings.Repeat("0", 64) + "  " + archive + "\n", "does not match the release's checksums.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			must(t, os.WriteFile(filepath.Join(dir, "checksums.txt"), []byte(tc.checksums), 0o644))
			ctx := newContext(t, tag, "true")
			ctx["github.server_url"] = "file://" + filepath.ToSlash(releases)
			res := runAction(t, action, ctx, env)
			if tc.wantFail != "" {
				if !strings.HasPrefix(res.failed, "Install zscopelint from the release") || !strings.Contains(res.failed, tc.wantFail) {
					t.Errorf("a tampered archive: failed %q", res.failed)
				}
				return
			}
			checkRun(t, ctx, res)
			if res.outputs["release.mode"] != "release" || slices.Contains(res.ran, "Build zscopelint from source") || slices.Contains(res.uses, "actions/setup-go@v6") {
				t.Errorf("a release tag: mode %q, ran %v, used %v; want the release binary", res.outputs["release.mode"], res.ran, res.uses)
			}
		})
	}
}

// writeArchive writes a release archive holding the binary as zscopelint, and returns its
// SHA-256 in hex.
func writeArchive(t *testing.T, name, bin string) string {
	t.Helper()
	data, err := os.ReadFile(bin)
	must(t, err)
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	must(t, tw.WriteHeader(&tar.Header{Name: "zscopelint", Mode: 0o755, Size: int64(len(data))}))
	_, err = tw.Write(data)
	must(t, err)
	must(t, tw.Close())
	must(t, gz.Close())
	must(t, os.WriteFile(name, buf.Bytes(), 0o644))
	sum := sha256.Sum256(buf.Bytes())
	return hex.EncodeToString(sum[:])
}

var expression = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// value is a context value the action reads: inputs.X, runner.X, github.X,
// steps.ID.outputs.X.
func value(name string, ctx, outputs map[string]string) string {
	if rest, ok := strings.CutPrefix(name, "steps."); ok {
		id, out, _ := strings.Cut(rest, ".outputs.")
		return outputs[id+"."+out]
	}
	return ctx[name]
}

// expand fills in a string's ${{ }} expressions.
func expand(s string, ctx, outputs map[string]string) string {
	return expression.ReplaceAllStringFunc(s, func(e string) string {
		return value(strings.TrimSpace(expression.FindStringSubmatch(e)[1]), ctx, outputs)
	})
}

var comparison = regexp.MustCompile(`^([\w.-]+) (==|!=) '([^']*)'$`)

// evalIf evaluates an if of the forms the action uses: comparisons of a value with a
// quoted string, joined by &&.
func evalIf(cond string, ctx, outputs map[string]string) bool {
	for _, part := range strings.Split(cond, "&&") {
		m := comparison.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil {
			panic("an if the test does not know: " + cond)
		}
		if (value(m[1], ctx, outputs) == m[3]) != (m[2] == "==") {
			return false
		}
	}
	return true
}
