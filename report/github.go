package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/zscopelint/zscopelint/rules"
)

// GitHub writes the findings as GitHub Actions workflow commands, one a line, which the
// runner shows as annotations on the pull request's files without code scanning:
//
//	::error file=config/zoho.yaml,line=4,col=7,endLine=4,endColumn=27,title=ZS104 unsupported-operation::message
//
// File names are relative to run.Root, the repository root the runner resolves them
// against. Errors are error, warnings warning, infos notice.
func GitHub(w io.Writer, fs []Finding, run Run) error {
	for _, f := range fs {
		name, _ := run.rootRelative(f.File)
		props := []string{"file=" + escapeProperty(name), fmt.Sprintf("line=%d", f.Line), fmt.Sprintf("col=%d", f.Col)}
		if f.EndLine > 0 {
			props = append(props, fmt.Sprintf("endLine=%d", f.EndLine), fmt.Sprintf("endColumn=%d", f.EndCol))
		}
		props = append(props, "title="+escapeProperty(f.Check.Heading()))
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", githubLevel(f.Severity), strings.Join(props, ","),
			escapeData(f.Message+" ("+f.Check.ID+")")); err != nil {
			return err
		}
	}
	return nil
}

func githubLevel(s rules.Severity) string { return levelName(s, "notice") }

// escapeData escapes a workflow command's message the way the runner unescapes it: a
// newline in a message must not start a command of its own.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value, where ':' and ',' also delimit.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
