package report

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// sarifLog is the part of a SARIF log the tests below read.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Rules []struct {
					ID   string `json:"id"`
					Help struct {
						Text     string `json:"text"`
						Markdown string `json:"markdown"`
					} `json:"help"`
					Properties struct {
						Tags             []string `json:"tags"`
						SecuritySeverity string   `json:"security-severity"`
					} `json:"properties"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful *bool `json:"executionSuccessful"`
			Notifications       []struct {
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

func sarifOf(t *testing.T, fs []Finding, run Run) sarifLog {
	t.Helper()
	var b bytes.Buffer
	if err := SARIF(&b, fs, run); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(b.Bytes(), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("%v\n%s", err, b.String())
	}
	return log
}

// TestSARIFRuleProperties: the security-relevant rules carry code scanning's
// security-severity and the security tag, the others neither; every rule's help.markdown is
// its section of docs/checks.md.
func TestSARIFRuleProperties(t *testing.T) {
	doc, err := os.ReadFile("../docs/checks.md")
	if err != nil {
		t.Fatal(err)
	}
	log := sarifOf(t, nil, Run{Version: "test"})
	seen := map[string]bool{}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		seen[r.ID] = true
		security := slices.Contains(r.Properties.Tags, "security")
		switch r.ID {
		case "ZS301":
			if r.Properties.SecuritySeverity != "9.5" || !security {
				t.Errorf("ZS301: security-severity %q, tags %v; want 9.5 (critical) and security", r.Properties.SecuritySeverity, r.Properties.Tags)
			}
		case "ZS104", "ZS001", "ZS204":
			if r.Properties.SecuritySeverity != "" || security {
				t.Errorf("%s is no security alert: security-severity %q, tags %v", r.ID, r.Properties.SecuritySeverity, r.Properties.Tags)
			}
		}
		if security != (r.Properties.SecuritySeverity != "") {
			t.Errorf("%s: tags %v with security-severity %q", r.ID, r.Properties.Tags, r.Properties.SecuritySeverity)
		}
		section, _, _ := strings.Cut(r.Help.Markdown, "\n## Suppression")
		if !strings.HasPrefix(r.Help.Markdown, "## "+r.ID+" ") || !strings.Contains(string(doc), section) {
			t.Errorf("%s: help.markdown is not its section of docs/checks.md:\n%s", r.ID, r.Help.Markdown)
		}
		if !strings.Contains(r.Help.Markdown, "zscopelint:ignore") || r.Help.Text == "" {
			t.Errorf("%s: help without the suppression text", r.ID)
		}
	}
	if !seen["ZS301"] || !seen["ZS104"] {
		t.Errorf("rules %v", seen)
	}
}

// TestSARIFInvocation: a run that checked everything says executionSuccessful true and
// notifies nothing; an exit-2 run says false, with a notification for each input that
// could not be checked, located in its file when it has one.
func TestSARIFInvocation(t *testing.T) {
	ok := sarifOf(t, []Finding{finding("ZS104", "a.go", 3, "X.y.ALLL")}, Run{Version: "test"})
	if inv := ok.Runs[0].Invocations; len(inv) != 1 || inv[0].ExecutionSuccessful == nil || !*inv[0].ExecutionSuccessful || len(inv[0].Notifications) != 0 {
		t.Errorf("complete run: invocations %+v", inv)
	}
	failed := sarifOf(t, nil, Run{Version: "test", Incomplete: true, Notifications: []Notification{
		{File: "config/bad.yaml", Line: 4, Col: 2, Message: "cannot check: yaml: did not find expected key"},
		{Level: "warning", Message: "missing/...: nothing to check here"},
	}})
	inv := failed.Runs[0].Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful == nil || *inv[0].ExecutionSuccessful || len(inv[0].Notifications) != 2 {
		t.Fatalf("incomplete run: invocations %+v", inv)
	}
	n := inv[0].Notifications
	if n[0].Level != "error" || n[0].Message.Text != "cannot check: yaml: did not find expected key" || len(n[0].Locations) != 1 ||
		n[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "config/bad.yaml" || n[0].Locations[0].PhysicalLocation.Region.StartLine != 4 {
		t.Errorf("first notification %+v", n[0])
	}
	if n[1].Level != "warning" || len(n[1].Locations) != 0 || n[1].Message.Text != "missing/...: nothing to check here" {
		t.Errorf("second notification %+v", n[1])
	}
}
