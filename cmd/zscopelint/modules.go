package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"

	"github.com/zscopelint/zscopelint/analyzer"
	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/program"
	"github.com/zscopelint/zscopelint/report"
)

// goLoad is one go/packages load: packages of one module, loaded from its root, or import
// path patterns, loaded from the working directory.
type goLoad struct {
	dir      string   // where the go command runs: the module root, or the working directory
	patterns []string // relative to dir
	// reported are the package directories whose findings are reported; the other
	// packages are loaded for their calls only (the program a config file belongs to).
	// nil reports every package.
	reported map[string]bool
	env      []string // GOWORK=off when a go.work above the module does not list it
	// requested are the directories the arguments named, for the check without types
	// when the go command cannot load the module.
	requested []string
}

// reports says whether the load reports the findings of a package.
func (l *goLoad) reports(p *packages.Package) bool {
	return l.reported == nil || l.reported[packageDir(p)]
}

// goPlan is what the Go side of a run loads.
type goPlan struct {
	loads []*goLoad
	loose []string // directories of Go files outside any module: checked without types
}

// planGo groups the Go directories of the inputs by module, adds each config file's Go
// program (so that its verdict does not depend on what else the command line names), and
// with wholePrograms each Go package's program too (-needs: every program's calls), and
// decides for each module how a go.work above it applies.
func planGo(wd workdir, in *inputs, l *program.Layout, wholePrograms bool) *goPlan {
	p := &goPlan{}
	byRoot := map[string]*goLoad{}
	loadOf := func(root string) *goLoad {
		if ld := byRoot[root]; ld != nil {
			return ld
		}
		ld := &goLoad{dir: root, reported: map[string]bool{}, env: workspaceEnv(root)}
		byRoot[root] = ld
		return ld
	}
	seen := map[*goLoad]map[string]bool{}
	addPattern := func(ld *goLoad, pat string) {
		if seen[ld] == nil {
			seen[ld] = map[string]bool{}
		}
		if !seen[ld][pat] {
			seen[ld][pat] = true
			ld.patterns = append(ld.patterns, pat)
		}
	}
	addProgram := func(prog program.Root) {
		if prog.IsGo() {
			mod := l.ModuleRoot(prog.Dir)
			addPattern(loadOf(mod), relPattern(mod, prog.Dir, true))
		}
	}
	for _, dir := range in.goDirs {
		root := l.ModuleRoot(dir)
		if root == "" {
			p.loose = append(p.loose, dir)
			continue
		}
		ld := loadOf(root)
		ld.reported[dir] = true
		ld.requested = append(ld.requested, dir)
		addPattern(ld, relPattern(root, dir, false))
		if wholePrograms {
			addProgram(l.GoRootOf(dir))
		}
	}
	for _, f := range in.configFiles {
		if l.ModuleRoot(filepath.Dir(f)) != "" { // outside a module no Go program claims it
			addProgram(l.RootOf(f))
		}
	}
	roots := make([]string, 0, len(byRoot))
	for r := range byRoot {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	for _, r := range roots {
		p.loads = append(p.loads, byRoot[r])
	}
	if len(in.importPatterns) > 0 {
		p.loads = append(p.loads, &goLoad{dir: string(wd), patterns: in.importPatterns})
	}
	return p
}

// relPattern writes dir, in the module at root, as a go/packages pattern relative to root:
// ".", "./sub", or with recursive "./..." and "./sub/...".
func relPattern(root, dir string, recursive bool) string {
	pat := "."
	if rel, err := filepath.Rel(root, dir); err == nil && rel != "." {
		pat = "./" + filepath.ToSlash(rel)
	}
	if recursive {
		return strings.TrimSuffix(pat, "/.") + "/..."
	}
	return pat
}

// workspaceEnv honours a go.work above a module: the go command uses it when it lists
// the module (its modules then resolve each other's imports); a go.work that does not
// list the module is turned off for its load, where the go command would refuse to load.
// GOWORK set by the user is left alone.
func workspaceEnv(root string) []string {
	if os.Getenv("GOWORK") != "" {
		return nil
	}
	for d := root; ; {
		work := filepath.Join(d, "go.work")
		if data, err := os.ReadFile(work); err == nil {
			wf, err := modfile.ParseWork(work, data, nil)
			if err != nil {
				return nil // the go command reports the error, positioned
			}
			for _, u := range wf.Use {
				if filepath.Clean(filepath.Join(d, filepath.FromSlash(u.Path))) == root {
					return nil
				}
			}
			return []string{"GOWORK=off"}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return nil
		}
		d = parent
	}
}

// goRun is what checking the Go side of the inputs found, every load merged.
type goRun struct {
	findings   []report.Finding
	why        []report.WhySet
	notes      []string
	incomplete bool
	builds     []*program.GoBuild // every load's packages and calls, for the programs
}

// checkGo runs the plan's loads, two at a time (the machine budget: go list and the type
// checker use the cores too), and checks loose files and modules the go command cannot
// load without type information.
func checkGo(wd workdir, settings analyzer.Settings, plan *goPlan, tests bool, reg *redact.Registry) *goRun {
	results := make([]*goResult, len(plan.loads))
	errs := make([]error, len(plan.loads))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for i, ld := range plan.loads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i], errs[i] = checkLoad(wd, settings, ld, tests, reg)
		}()
	}
	wg.Wait()
	run := &goRun{}
	var withoutTypes []string
	var unbuilt []*unbuiltFiles
	for i, ld := range plan.loads {
		if errs[i] != nil {
			// The go command cannot load the module (a broken go.mod, say): say where, and
			// check its files without types.
			if f, positioned := wd.loadFailure(errs[i]); positioned {
				run.findings = append(run.findings, f)
			} else {
				run.notes = append(run.notes, errs[i].Error())
			}
			run.incomplete = true
			withoutTypes = append(withoutTypes, ld.requested...) // not the packages loaded for calls only
			continue
		}
		r := results[i]
		run.findings = append(run.findings, r.findings...)
		run.why = append(run.why, r.why...)
		run.notes = append(run.notes, r.notes...)
		run.incomplete = run.incomplete || r.incomplete
		run.builds = append(run.builds, r.build)
		if r.unbuilt != nil {
			unbuilt = append(unbuilt, r.unbuilt)
		}
	}
	found := checkUnbuilt(wd, settings, unbuilt, reg)
	run.findings = append(run.findings, found...)
	run.incomplete = run.incomplete || anyUnchecked(found)
	if len(withoutTypes) > 0 {
		if found, err := checkGoWithoutTypes(wd, settings, withoutTypes, tests, reg); err == nil && len(found) > 0 {
			run.notes = append(run.notes, "Go packages could not be loaded: their files were checked without type information (no least-privilege findings)")
			run.findings = append(run.findings, found...)
		}
	}
	if len(plan.loose) > 0 {
		// Files outside any module have no build to load them with: their constants and
		// literals are still read, each directory a package of its own.
		if found, err := checkGoWithoutTypes(wd, settings, plan.loose, tests, reg); err == nil {
			run.findings = append(run.findings, found...)
			run.incomplete = run.incomplete || anyUnchecked(found)
		}
	}
	return run
}
