package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
}

// TestAction runs the commands of action.yml's steps on this machine as the runner would,
// with its expressions filled in (the setup-go and upload steps aside: they are other
// actions): it installs zscopelint from this checkout, writes a SARIF log of a tree with
// a finding, and the last step fails the job; with upload-sarif false it prints
// annotations instead.
func TestAction(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("installs the command")
	}
	data, err := os.ReadFile("../../action.yml")
	must(t, err)
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Using string       `yaml:"using"`
			Steps []actionStep `yaml:"steps"`
		} `yaml:"runs"`
	}
	must(t, yaml.Unmarshal(data, &action))
	if action.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q", action.Runs.Using)
	}
	actionPath, err := filepath.Abs("../..")
	must(t, err)
	gobin := t.TempDir() // go install writes here, not into the user's GOPATH
	for _, upload := range []string{"true", "false"} {
		t.Run("upload-sarif="+upload, func(t *testing.T) {
			work := writeTree(t, map[string]string{"config/zoho.yaml": "scope: ZohoCRM.users.REED\n"})
			temp := t.TempDir()
			inputs := map[string]string{}
			for name, in := range action.Inputs {
				inputs[name] = in.Default
			}
			inputs["working-directory"] = work
			inputs["upload-sarif"] = upload
			outputs := map[string]string{}
			var lastCode int
			var stdout string
			for _, step := range action.Runs.Steps {
				if step.Uses != "" {
					continue // setup-go, upload-sarif: other actions
				}
				if step.If != "" && expand(step.If, inputs, outputs, temp) != "true" {
					continue
				}
				outFile := filepath.Join(temp, "output-"+step.ID)
				cmd := exec.Command("bash", "-e", "-c", step.Run)
				cmd.Dir = actionPath
				if step.WorkingDirectory != "" {
					cmd.Dir = expand(step.WorkingDirectory, inputs, outputs, temp)
				}
				cmd.Env = append(os.Environ(), "GOBIN="+gobin, "GITHUB_ACTION_PATH="+actionPath,
					"RUNNER_TEMP="+temp, "GITHUB_OUTPUT="+outFile, "GOFLAGS=-buildvcs=false")
				for k, v := range step.Env {
					cmd.Env = append(cmd.Env, k+"="+expand(v, inputs, outputs, temp))
				}
				var out, errOut bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &errOut
				err := cmd.Run()
				lastCode = cmd.ProcessState.ExitCode()
				stdout = out.String()
				if err != nil && step.Name != "Fail on findings" {
					t.Fatalf("step %q: %v\n%s%s", step.Name, err, out.String(), errOut.String())
				}
				if b, err := os.ReadFile(outFile); err == nil {
					for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
						if k, v, ok := strings.Cut(line, "="); ok {
							outputs[step.ID+"."+k] = v
						}
					}
				}
				if step.Name == "Run zscopelint" && upload == "false" && !strings.Contains(stdout, "::error file=config/zoho.yaml,line=1,col=8,") {
					t.Errorf("no annotation:\n%s", stdout)
				}
			}
			if lastCode != 1 || outputs["run.exit-code"] != "1" {
				t.Errorf("the job's last step exits %d (zscopelint %q), want 1: the tree has an error", lastCode, outputs["run.exit-code"])
			}
			sarif, err := os.ReadFile(filepath.Join(temp, "zscopelint.sarif"))
			if upload == "true" {
				if err != nil {
					t.Fatal(err)
				}
				validateSARIF(t, string(sarif))
				if !strings.Contains(string(sarif), `"uri": "config/zoho.yaml"`) {
					t.Errorf("SARIF log without the finding:\n%.600s", sarif)
				}
			} else if err == nil {
				t.Error("a SARIF log was written with upload-sarif false")
			}
		})
	}
}

var expression = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// expand fills in a step's ${{ }} expressions, the few the action uses: inputs.X,
// runner.temp, steps.ID.outputs.X, and an if of the form inputs.X == 'v'.
func expand(s string, inputs, outputs map[string]string, temp string) string {
	if m := regexp.MustCompile(`^inputs\.([\w-]+) == '([^']*)'$`).FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		if inputs[m[1]] == m[2] {
			return "true"
		}
		return "false"
	}
	return expression.ReplaceAllStringFunc(s, func(e string) string {
		name := strings.TrimSpace(expression.FindStringSubmatch(e)[1])
		switch {
		case strings.HasPrefix(name, "inputs."):
			return inputs[strings.TrimPrefix(name, "inputs.")]
		case name == "runner.temp":
			return temp
		case strings.HasPrefix(name, "steps."):
			id, out, _ := strings.Cut(strings.TrimPrefix(name, "steps."), ".outputs.")
			return outputs[id+"."+out]
		}
		return e
	})
}
