package report

import (
	"net/url"
	"path/filepath"
	"strings"
)

// Run says where a run's file names are relative to, for the formats that name files for
// another program: SARIF (code scanning) and GitHub workflow commands, which resolve them
// against the repository root whatever directory the command ran in.
type Run struct {
	Version string // the tool's version, for SARIF
	// WorkDir is the directory the findings' file names are relative to, and Root the
	// repository root SARIF and annotations name files from (both absolute). With Root
	// empty, names are written as they are.
	WorkDir, Root string
	// Incomplete says some input could not be checked (the exit-2 runs), and Notifications
	// say which and why; SARIF writes them as its invocation's executionSuccessful and
	// toolExecutionNotifications.
	Incomplete    bool
	Notifications []Notification
}

// Notification is a message about the run rather than the code: an input that could not be
// checked. File (relative to WorkDir, as findings name files) is "" when no file is meant.
type Notification struct {
	Level     string // SARIF's: error (the default), warning or note
	File      string
	Line, Col int
	Message   string
}

// rootRelative gives name (relative to WorkDir, slash-separated) relative to Root, or false
// when it lies outside Root.
func (r Run) rootRelative(name string) (string, bool) {
	if r.Root == "" {
		return name, true
	}
	abs := filepath.FromSlash(name)
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(r.WorkDir, abs)
	}
	rel, err := filepath.Rel(r.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(abs), false
	}
	return filepath.ToSlash(rel), true
}

// rootURI is Root as a file URI ending in '/', the base %SRCROOT% stands for.
func (r Run) rootURI() string {
	p := filepath.ToSlash(r.Root)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/...
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
