package program

import (
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/zscopelint/zscopelint/rules"
)

// Call is one Zoho API call a front end reported, with where it is.
type Call struct {
	rules.Call
	File string // the file that holds the call (absolute), "" when not known
	Line int    // its line, 0 when not known
	Via  string // the request wrappers the call goes through, innermost last; "" for none
}

// Program is one program and the calls it makes.
type Program struct {
	Root
	Path  string // the Go import path of its root directory's package, "" when none
	Calls []Call // sorted by place, each once
}

// Programs is where the front ends report what they checked and the calls they found,
// and where the scope sets' evidence comes from. Report everything before asking for
// evidence; asking is safe for concurrent use.
type Programs struct {
	layout *Layout

	mu       sync.Mutex
	packages []goPackageCalls  // every package with calls, of every Go build
	mains    map[string][]Call // main package directory: the calls of it and its imports
	paths    map[string]string // Go directory: its package's import path
	dirs     map[string]string // Go import path (a test variant's too): its directory
	reported map[Root][]Call   // calls reported by the front ends of other languages
	checked  map[Root]bool     // programs that hold a checked input
	calls    map[Root][]Call   // the programs' calls, worked out once
	evidence map[Root]*rules.Evidence
	anyCalls bool // some front end reported a call: without one no file has evidence
	// spaceJoined are, per program, the names of lists that one of its files takes from
	// another and joins with a space (ReportSpaceJoined).
	spaceJoined map[Root]map[string]bool
}

// goPackageCalls is a Go package's directory and the calls it makes itself.
type goPackageCalls struct {
	dir   string
	calls []Call
}

// New returns an empty Programs whose files belong where layout says.
func New(layout *Layout) *Programs {
	return &Programs{layout: layout, mains: map[string][]Call{}, paths: map[string]string{}, dirs: map[string]string{},
		reported: map[Root][]Call{}, checked: map[Root]bool{}}
}

// Layout is the layout the programs' files belong by.
func (ps *Programs) Layout() *Layout { return ps.layout }

// Checked records that a front end checked file: its program is listed (List) even when
// it makes no call.
func (ps *Programs) Checked(file string) { ps.checkedRoot(ps.layout.RootOf(file)) }

// CheckedGoDir records that the Go files of dir were checked.
func (ps *Programs) CheckedGoDir(dir string) { ps.checkedRoot(ps.layout.GoRootOf(dir)) }

func (ps *Programs) checkedRoot(root Root) {
	if root.Kind == NoProgram {
		return
	}
	ps.mu.Lock()
	defer ps.mu.Unlock()
	ps.checked[root] = true
}

// Report records calls a front end found in file (its own program's calls).
func (ps *Programs) Report(file string, calls ...rules.Call) {
	root := ps.layout.RootOf(file)
	if root.Kind == NoProgram {
		return
	}
	ps.mu.Lock()
	defer ps.mu.Unlock()
	for _, c := range calls {
		pc := Call{Call: c, File: file}
		pc.Line, pc.Via = placeOf(c.Where)
		ps.reported[root] = append(ps.reported[root], pc)
		ps.anyCalls = true
	}
	ps.calls = nil
}

// ReportSpaceJoined records the names of lists that file joins with a space into one
// string and takes from another file of its program (" ".join(settings.ZOHO_SCOPES), an
// imported SCOPES.join(' ')): a list of that name defined elsewhere in the program is a
// set of space-joined scopes.
func (ps *Programs) ReportSpaceJoined(file string, names ...string) {
	root := ps.layout.RootOf(file)
	if root.Kind == NoProgram || len(names) == 0 {
		return
	}
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.spaceJoined == nil {
		ps.spaceJoined = map[Root]map[string]bool{}
	}
	if ps.spaceJoined[root] == nil {
		ps.spaceJoined[root] = map[string]bool{}
	}
	for _, n := range names {
		ps.spaceJoined[root][n] = true
	}
}

// SpaceJoinedIn returns the names of lists that the files of file's program join with a
// space (ReportSpaceJoined); nil for none. The map is not to be changed.
func (ps *Programs) SpaceJoinedIn(file string) map[string]bool {
	ps.mu.Lock()
	none := len(ps.spaceJoined) == 0
	ps.mu.Unlock()
	if none {
		return nil // and no directory is read to place the file
	}
	root := ps.layout.RootOf(file)
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return ps.spaceJoined[root]
}

// AddGo records a Go build: the calls of every package, the program of every main
// package (it and everything it imports), and the packages the arguments named.
func (ps *Programs) AddGo(b *GoBuild) {
	closures := b.Closures()
	var checkedDirs []string
	ps.mu.Lock()
	for _, p := range b.Packages {
		if p.Dir == "" {
			continue
		}
		if p.ID == p.Path {
			ps.paths[p.Dir] = p.Path
		}
		if _, ok := ps.dirs[p.Path]; !ok {
			ps.dirs[p.Path] = p.Dir
		}
	}
	counted := map[string]bool{} // a package and its test variant share a path
	for _, p := range b.Packages {
		if p.Dir == "" {
			continue
		}
		if p.Checked {
			checkedDirs = append(checkedDirs, p.Dir)
		}
		if len(b.Calls[p.Path]) > 0 && !counted[p.Path] {
			counted[p.Path] = true
			ps.anyCalls = true
			ps.packages = append(ps.packages, goPackageCalls{p.Dir, ps.goCalls(b.Calls[p.Path])})
		}
		if p.Main {
			ps.mains[p.Dir] = dedupe(append(ps.mains[p.Dir], ps.goCalls(closures[p.Path])...), Call.rulesCall)
		}
	}
	ps.calls = nil
	ps.mu.Unlock()
	for _, d := range checkedDirs {
		ps.CheckedGoDir(d)
	}
}

// goCalls places Go calls: their Where is "import/path/file.go:line", then " (via ...)"
// for a call through request wrappers.
func (ps *Programs) goCalls(calls []rules.Call) []Call {
	out := make([]Call, len(calls))
	for i, c := range calls {
		out[i] = Call{Call: c}
		out[i].Line, out[i].Via = placeOf(c.Where)
		pos, _, _ := strings.Cut(c.Where, " (via ")
		file, _, _ := strings.Cut(pos, ":")
		if dir, ok := ps.dirs[path.Dir(file)]; ok {
			out[i].File = filepath.Join(dir, path.Base(file))
		}
	}
	return out
}

// placeOf reads the line and the wrappers of a call's Where: "file:line", then
// " (via wrappers)" when the call goes through request wrappers.
func placeOf(where string) (line int, via string) {
	pos, rest, hasVia := strings.Cut(where, " (via ")
	if hasVia {
		via = strings.TrimSuffix(rest, ")")
	}
	if i := strings.LastIndex(pos, ":"); i >= 0 {
		line, _ = strconv.Atoi(pos[i+1:])
	}
	return line, via
}

// callsOf works out a program's calls: a main package's are its own and those of every
// package it imports; a module root's, those of every package below it; any other
// program's, those its front ends reported. Callers hold ps.mu.
func (ps *Programs) callsOf(root Root) []Call {
	if ps.calls == nil {
		ps.calls = map[Root][]Call{}
		ps.evidence = map[Root]*rules.Evidence{}
	}
	if calls, ok := ps.calls[root]; ok {
		return calls
	}
	var calls []Call
	if root.IsGo() {
		var isMain bool
		calls, isMain = ps.mains[root.Dir]
		calls = append([]Call(nil), calls...)
		for _, pc := range ps.packages {
			if isMain {
				break
			}
			if pc.dir == root.Dir || strings.HasPrefix(pc.dir, root.Dir+string(filepath.Separator)) {
				calls = append(calls, pc.calls...)
			}
		}
	}
	calls = append(calls, ps.reported[root]...)
	sort.SliceStable(calls, func(i, j int) bool { return calls[i].Where < calls[j].Where })
	calls = dedupe(calls, Call.rulesCall)
	ps.calls[root] = calls
	return calls
}

// EvidenceFor returns the calls that judge the scope sets of a file (not a Go file: the Go
// front end judges those itself, against Closures): those of its program, so that one
// program's calls never judge another program's scopes. nil when the program makes none.
func (ps *Programs) EvidenceFor(file string) *rules.Evidence {
	ps.mu.Lock()
	anyCalls := ps.anyCalls
	ps.mu.Unlock()
	if !anyCalls {
		return nil // and no directory is read to place the file
	}
	root := ps.layout.RootOf(file)
	if root.Kind == NoProgram {
		return nil
	}
	ps.mu.Lock()
	defer ps.mu.Unlock()
	calls := ps.callsOf(root)
	if len(calls) == 0 {
		return nil
	}
	if ev, ok := ps.evidence[root]; ok {
		return ev
	}
	ev := &rules.Evidence{Calls: make([]rules.Call, len(calls))}
	for i, c := range calls {
		ev.Calls[i] = c.Call
	}
	ps.evidence[root] = ev
	return ev
}

// Of returns the program a file belongs to, with its calls; nil for none.
func (ps *Programs) Of(file string) *Program {
	root := ps.layout.RootOf(file)
	if root.Kind == NoProgram {
		return nil
	}
	ps.mu.Lock()
	defer ps.mu.Unlock()
	return ps.program(root)
}

func (ps *Programs) program(root Root) *Program {
	return &Program{Root: root, Path: ps.paths[root.Dir], Calls: ps.callsOf(root)}
}

// List returns the programs that hold a checked input or whose front ends reported calls,
// sorted by directory.
func (ps *Programs) List() []*Program {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	roots := map[Root]bool{}
	for r := range ps.checked {
		roots[r] = true
	}
	for r := range ps.reported {
		roots[r] = true
	}
	var out []*Program
	for r := range roots {
		out = append(out, ps.program(r))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Dir < out[j].Dir })
	return out
}

func (c Call) rulesCall() rules.Call { return c.Call }
