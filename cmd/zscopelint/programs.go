package main

import (
	"slices"
	"strconv"
	"strings"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/program"
	"github.com/zscopelint/zscopelint/report"
)

// programName is how the command names a program: its directory relative to the working
// directory, or its Go package path when that directory is outside it.
func programName(wd workdir, p *program.Program) string {
	name := wd.rel(p.Dir)
	if (name == ".." || strings.HasPrefix(name, "../")) && p.Path != "" {
		return p.Path
	}
	return name
}

// needsReport is the -needs report of the programs.
func needsReport(wd workdir, programs *program.Programs) []report.ProgramNeeds {
	var out []report.ProgramNeeds
	for _, p := range programs.List() {
		n := p.Needs()
		pn := report.ProgramNeeds{Program: programName(wd, p), Language: string(p.Language), Scopes: n.Scopes}
		for _, c := range n.Resolved {
			nc := neededCall(wd, c)
			nc.Needs = c.Narrowest()[0]
			pn.Calls = append(pn.Calls, nc)
		}
		for _, c := range n.Unresolved {
			nc := neededCall(wd, c)
			nc.Service = c.Req.Unresolved
			for _, scopes := range c.Narrowest() {
				if need := strings.Join(scopes, " and "); !slices.Contains(nc.MayNeed, need) {
					nc.MayNeed = append(nc.MayNeed, need)
				}
			}
			pn.Unresolved = append(pn.Unresolved, nc)
		}
		out = append(out, pn)
	}
	return out
}

func neededCall(wd workdir, c program.Call) report.NeededCall {
	pos, _, _ := strings.Cut(c.Where, " (via ")
	if c.File != "" {
		pos = wd.rel(c.File)
		if c.Line > 0 {
			pos += ":" + strconv.Itoa(c.Line)
		}
	}
	return report.NeededCall{Position: pos, Method: c.Method, URL: strings.ReplaceAll(c.URL, catalog.Unknown, "{…}"), Via: c.Via}
}

// programsWithoutSets are, for -why, the programs that make Zoho API calls but declare no
// scope set that was judged against them: their calls, which no set lists.
func programsWithoutSets(wd workdir, programs *program.Programs, sets []report.WhySet) []report.WhySet {
	declared := map[string]bool{}
	for _, s := range sets {
		if p := programs.Of(wd.path(s.File)); p != nil {
			declared[p.Dir] = true
		}
	}
	var out []report.WhySet
	for _, p := range programs.List() {
		if declared[p.Dir] || len(p.Calls) == 0 {
			continue
		}
		ws := report.WhySet{File: programName(wd, p), Program: true}
		for _, c := range p.Calls {
			ws.Calls = append(ws.Calls, c.Call)
		}
		out = append(out, ws)
	}
	return out
}
