package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/mod/modfile"
	"golang.org/x/tools/go/packages"

	"github.com/zscopelint/zscopelint/analyzer"
	"github.com/zscopelint/zscopelint/internal/redact"
	"github.com/zscopelint/zscopelint/report"
	"github.com/zscopelint/zscopelint/rules"
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
	// programs gives each config file the directory of the program that judges it (its
	// nearest enclosing main package or module root), "" for none.
	programs map[string]string
}

// layout answers questions about the file tree, each directory read once.
type layout struct {
	mu      sync.Mutex
	modules map[string]string // directory: the module root it is in, "" for none
	mains   map[string]bool   // directory: it holds a main package
	goMods  map[string]bool   // directories the walk listed: whether each holds a go.mod
}

// newLayout starts from what the walk saw (inputs.goMods): the directories it listed need
// no stat for a go.mod, which was one failed stat per directory of a tree.
func newLayout(goMods map[string]bool) *layout {
	return &layout{modules: map[string]string{}, mains: map[string]bool{}, goMods: goMods}
}

// holdsGoMod reports whether dir holds a go.mod file (a link to one counts).
func (l *layout) holdsGoMod(dir string) bool {
	if has, listed := l.goMods[dir]; listed {
		return has
	}
	fi, err := os.Stat(filepath.Join(dir, "go.mod"))
	return err == nil && fi.Mode().IsRegular()
}

// moduleRoot is the nearest directory at or above dir that holds a go.mod, "" for none.
func (l *layout) moduleRoot(dir string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var walked []string
	root := ""
	for d := dir; ; {
		if r, ok := l.modules[d]; ok {
			root = r
			break
		}
		walked = append(walked, d)
		if l.holdsGoMod(d) {
			root = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for _, d := range walked {
		l.modules[d] = root
	}
	return root
}

// hasMain reports whether dir holds a main package (its first non-test Go file says so).
func (l *layout) hasMain(dir string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if m, ok := l.mains[dir]; ok {
		return m
	}
	main := false
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, name), nil, parser.PackageClauseOnly)
		if err == nil {
			main = f.Name.Name == "main"
			break
		}
	}
	l.mains[dir] = main
	return main
}

// programRoot is the directory of the program a config file belongs to: the nearest
// enclosing directory, up to its module root, that holds a main package, else the module
// root; "" outside a module, and below a directory the go command does not build
// (testdata, vendor, node_modules, names starting with '.' or '_'), which belongs to no
// program. The same answer from any working directory: one verdict per file.
func (l *layout) programRoot(file string) string {
	dir := filepath.Dir(file)
	root := l.moduleRoot(dir)
	if root == "" {
		return ""
	}
	for d := dir; ; d = filepath.Dir(d) {
		if l.hasMain(d) {
			return d
		}
		if d == root {
			return root
		}
		if name := filepath.Base(d); skipDirs[name] || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			return ""
		}
	}
}

// planGo groups the Go directories of the inputs by module, adds each config file's
// program (so that its verdict does not depend on what else the command line names), and
// decides for each module how a go.work above it applies.
func planGo(wd workdir, in *inputs, l *layout) *goPlan {
	p := &goPlan{programs: map[string]string{}}
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
	for _, dir := range in.goDirs {
		root := l.moduleRoot(dir)
		if root == "" {
			p.loose = append(p.loose, dir)
			continue
		}
		ld := loadOf(root)
		ld.reported[dir] = true
		ld.requested = append(ld.requested, dir)
		addPattern(ld, relPattern(root, dir, false))
	}
	for _, f := range in.configFiles {
		prog := l.programRoot(f)
		p.programs[f] = prog
		if prog != "" {
			addPattern(loadOf(l.moduleRoot(prog)), relPattern(l.moduleRoot(prog), prog, true))
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
	packages   []packageCalls
	mains      map[string][]rules.Call // main package directory: its program's calls
	programs   map[string]string
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
	run := &goRun{programs: plan.programs, mains: map[string][]rules.Call{}}
	var withoutTypes []string
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
		run.packages = append(run.packages, r.packages...)
		for dir, calls := range r.mains {
			run.mains[dir] = append(run.mains[dir], calls...)
		}
	}
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
		}
	}
	return run
}

// evidenceFor returns the calls that judge a config file: those of its program, so that
// one program's calls do not judge another program's configuration. A main package's
// program is it and every package it imports; a module root's, every package below it.
func (run *goRun) evidenceFor(file string) *rules.Evidence {
	prog := run.programs[file]
	if prog == "" {
		return nil
	}
	calls, isMain := run.mains[prog]
	for _, pc := range run.packages {
		if isMain {
			break
		}
		if pc.dir == prog || strings.HasPrefix(pc.dir, prog+string(filepath.Separator)) {
			calls = append(calls, pc.calls...)
		}
	}
	if len(calls) == 0 {
		return nil
	}
	sort.SliceStable(calls, func(i, j int) bool { return calls[i].Where < calls[j].Where })
	return &rules.Evidence{Calls: dedupeCalls(calls)}
}
