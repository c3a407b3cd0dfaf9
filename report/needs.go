package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// ProgramNeeds is one program's entry in the -needs report: the least its calls need.
type ProgramNeeds struct {
	Program    string       `json:"program"`  // its directory relative to the working directory, or its Go package path
	Language   string       `json:"language"` // go, javascript, python, ...; "" for a repository without a manifest
	Scopes     []string     `json:"scopes"`   // sorted
	Calls      []NeededCall `json:"calls"`    // the calls whose endpoint is known exactly
	Unresolved []NeededCall `json:"unresolved"`
}

// NeededCall is one call of the -needs report.
type NeededCall struct {
	Position string `json:"position"` // file:line, relative to the working directory
	Method   string `json:"method"`   // "" when not known before run time
	URL      string `json:"url"`      // {…} for the parts not known before run time
	// Needs, for a resolved call, are the narrowest alternative of each clause.
	Needs []string `json:"needs,omitempty"`
	// MayNeed, for an unresolved call, is what it may need: for every endpoint it may be,
	// the narrowest alternative of each clause ("A and B"), each once; none when nothing
	// is known.
	MayNeed []string `json:"may_need,omitempty"`
	// Service, for a call to an endpoint the catalog does not hold, is the service its
	// product root names.
	Service string `json:"service,omitempty"`
	Via     string `json:"via,omitempty"` // the request wrappers it goes through, innermost last
}

// Needs writes the -needs report: in text one line a program, "program: scopes" with the
// scopes comma-joined (what the Zoho API console and the authorization request take),
// then the count of the calls whose scopes could not be named; in JSON
// {"programs":[...]}.
func Needs(w io.Writer, format string, programs []ProgramNeeds) error {
	switch format {
	case "json":
		out := struct {
			Programs []ProgramNeeds `json:"programs"`
		}{Programs: []ProgramNeeds{}}
		for _, p := range programs {
			p.Scopes = nonNil(p.Scopes)
			p.Calls = nonNil(p.Calls)
			p.Unresolved = nonNil(p.Unresolved)
			out.Programs = append(out.Programs, p)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	case "text":
		for _, p := range programs {
			var parts []string
			if len(p.Scopes) > 0 {
				parts = append(parts, strings.Join(p.Scopes, ","))
			}
			if n := len(p.Unresolved); n > 0 {
				parts = append(parts, fmt.Sprintf("(+%d unresolved calls)", n))
			}
			if len(parts) == 0 {
				parts = append(parts, "no Zoho API call found")
			}
			if _, err := fmt.Fprintf(w, "%s: %s\n", DisplayName(p.Program), strings.Join(parts, " ")); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("-needs writes text or json, not %q", format)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
