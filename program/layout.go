package program

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Kind says what makes a directory a program root.
type Kind int

const (
	NoProgram  Kind = iota // the file belongs to no program (below testdata, vendor, ...)
	GoMain                 // a Go main package
	GoModule               // a Go module root, for what belongs to the module as a whole
	Manifest               // the directory of another language's manifest
	Repository             // a repository with no manifest: one program
)

// Language is the language of a program, named as the JSON of -needs names it.
type Language string

const (
	Go         Language = "go"
	JavaScript Language = "javascript" // and TypeScript: package.json
	Python     Language = "python"
	PHP        Language = "php"
	Java       Language = "java"
	CSharp     Language = "csharp"
	Ruby       Language = "ruby"
	Unknown    Language = "" // a repository with no manifest
)

// manifests maps the file names that make a directory a program root to their language.
var manifests = map[string]Language{
	"package.json":     JavaScript,
	"pyproject.toml":   Python,
	"setup.py":         Python,
	"requirements.txt": Python,
	"composer.json":    PHP,
	"pom.xml":          Java,
	"build.gradle":     Java,
	"build.gradle.kts": Java,
	"Gemfile":          Ruby,
}

// manifestLanguage is the language a file name makes its directory a program of, "" for none.
func manifestLanguage(name string) Language {
	if strings.HasSuffix(name, ".csproj") {
		return CSharp
	}
	return manifests[name]
}

// Root is a program's root directory (absolute) and what makes it one.
type Root struct {
	Dir      string
	Kind     Kind
	Language Language
}

// IsGo reports whether the program is a Go program: its calls come from Go builds.
func (r Root) IsGo() bool { return r.Kind == GoMain || r.Kind == GoModule }

// Layout answers which program a file belongs to, each directory read once. It is safe
// for concurrent use.
type Layout struct {
	top     string // the repository root: a file below it with no manifest belongs to it
	mu      sync.Mutex
	modules map[string]string   // directory: the module root it is in, "" for none
	dirs    map[string]dirFacts // directory: what its entries make it
	listed  map[string]*Listing // directories a walk listed: what it saw of each
}

// Listing is what a walk saw of a directory's entries, for the layout to know without
// reading the directory again (a second listing, and a stat for go.mod, of each directory
// of each program root asked for was a twentieth of a scan of a tree of sources).
type Listing struct {
	GoMod     bool     // it holds a regular file named go.mod
	GoModLink bool     // its go.mod is a symbolic link: left to a stat, which follows it
	Manifest  Language // the language of its first manifest file in name order, "" for none
	Repo      bool     // it holds .git
	// GoFile is its first non-test Go file in name order, "" for none: its package clause
	// says whether the directory is a main package.
	GoFile string
}

// See adds what a walk saw of the entry name, of type typ, to the listing of the directory
// it is in: the entries in name order, as a walk visits them.
func (ls *Listing) See(name string, typ fs.FileMode) {
	switch name {
	case ".git":
		ls.Repo = true
	case "go.mod":
		// A link named go.mod is left to a stat, which follows it.
		ls.GoMod, ls.GoModLink = typ.IsRegular(), !typ.IsRegular()
	}
	if typ.IsDir() {
		return
	}
	if lang := manifestLanguage(name); lang != "" && ls.Manifest == "" {
		ls.Manifest = lang
	}
	if ls.GoFile == "" && packageFile(name) {
		ls.GoFile = name
	}
}

// dirFacts is what a directory's entries make it.
type dirFacts struct {
	main     bool     // it holds a main package (its first non-test Go file says so)
	manifest Language // the language of a manifest it holds, "" for none
	repo     bool     // it holds .git (a directory, or a worktree's file): a repository's root
}

// NewLayout returns a Layout for the repository whose root is top (the directory holding
// .git, else the module root, else the working directory). listed, when not nil, gives
// what a walk saw of the directories it listed: they are not read again.
func NewLayout(top string, listed map[string]*Listing) *Layout {
	return &Layout{top: top, modules: map[string]string{}, dirs: map[string]dirFacts{}, listed: listed}
}

// holdsGoMod reports whether dir holds a go.mod file (a link to one counts).
func (l *Layout) holdsGoMod(dir string) bool {
	if ls := l.listed[dir]; ls != nil && !ls.GoModLink {
		return ls.GoMod
	}
	fi, err := os.Stat(filepath.Join(dir, "go.mod"))
	return err == nil && fi.Mode().IsRegular()
}

// ModuleRoot is the nearest directory at or above dir that holds a go.mod, "" for none.
func (l *Layout) ModuleRoot(dir string) string {
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

// facts reads dir's entries once (what a walk listed, else the directory): whether it
// holds a main package, a manifest, a repository.
func (l *Layout) facts(dir string) dirFacts {
	l.mu.Lock()
	f, ok := l.dirs[dir]
	ls := l.listed[dir]
	l.mu.Unlock()
	if ok {
		return f
	}
	// Read outside the lock: the other workers asking for other directories do not wait
	// on this one's. Two that ask for the same directory at once both read it, alike.
	if ls != nil {
		f, ok = listedFacts(dir, *ls)
	}
	if !ok {
		f = readFacts(dir)
	}
	l.mu.Lock()
	l.dirs[dir] = f
	l.mu.Unlock()
	return f
}

// listedFacts are the facts of dir from what a walk listed of it; ok is false when its
// Go file's package clause does not read (readFacts then tries the next).
func listedFacts(dir string, ls Listing) (f dirFacts, ok bool) {
	f = dirFacts{manifest: ls.Manifest, repo: ls.Repo}
	if ls.GoFile == "" {
		return f, true
	}
	pkg, ok := packageName(filepath.Join(dir, ls.GoFile))
	f.main = pkg == "main"
	return f, ok
}

// readFacts reads the facts of dir from its entries: the package of its first Go file
// whose package clause reads.
func readFacts(dir string) dirFacts {
	entries, _ := os.ReadDir(dir)
	var ls Listing
	for _, e := range entries {
		ls.See(e.Name(), e.Type())
	}
	f := dirFacts{manifest: ls.Manifest, repo: ls.Repo}
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && packageFile(name) {
			if pkg, ok := packageName(filepath.Join(dir, name)); ok {
				f.main = pkg == "main"
				break
			}
		}
	}
	return f
}

// packageFile reports whether a file's package clause says a directory's package: a Go
// file, not a test.
func packageFile(name string) bool {
	return strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")
}

// packageName reads the package clause of a Go file.
func packageName(file string) (string, bool) {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.PackageClauseOnly)
	if err != nil {
		return "", false
	}
	return f.Name.Name, true
}

// RootOf is the root of the program file belongs to: for a Go file, its package's
// (GoRootOf); for any other, the nearest enclosing directory that is a main package (up
// to its module root), a module root, or holds a manifest; else the repository, for a
// file below the root of a repository (the nearest directory above holding .git, or the
// working directory's repository). Below a directory the go command does not build
// (testdata, vendor, node_modules, names starting with '.' or '_') a file belongs to no
// program, and so does a file in no repository that nothing above claims. The same
// answer from any working directory in a repository: one verdict per file.
func (l *Layout) RootOf(file string) Root {
	if strings.HasSuffix(file, ".go") {
		return l.GoRootOf(filepath.Dir(file))
	}
	return l.rootOf(filepath.Dir(file), false)
}

// GoRootOf is the root of the program a Go package in dir belongs to: the nearest
// enclosing main package up to its module root, else the module root. A directory
// outside any module (loose Go files) belongs where a config file there would.
func (l *Layout) GoRootOf(dir string) Root {
	return l.rootOf(dir, true)
}

func (l *Layout) rootOf(dir string, goPackage bool) Root {
	mod := l.ModuleRoot(dir)
	inModule := mod != ""
	for d := dir; ; {
		if inModule {
			if l.facts(d).main {
				return Root{Dir: d, Kind: GoMain, Language: Go}
			}
			if d == mod {
				return Root{Dir: d, Kind: GoModule, Language: Go}
			}
		}
		if !inModule || !goPackage {
			if lang := l.facts(d).manifest; lang != "" {
				return Root{Dir: d, Kind: Manifest, Language: lang}
			}
			// The working directory's repository, or the one a file outside it is in
			// (zscopelint ../other/...): the same root from any working directory.
			if d == l.top || l.facts(d).repo {
				return Root{Dir: d, Kind: Repository}
			}
		}
		if !goPackage && outsideBuild(filepath.Base(d)) {
			return Root{}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return Root{}
		}
		d = parent
	}
}

// outsideBuild reports whether files below a directory named name belong to no program:
// the go command does not build there, and what is there is data, vendored or fetched.
func outsideBuild(name string) bool {
	switch name {
	case "testdata", "vendor", "node_modules", ".git":
		return true
	}
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}
