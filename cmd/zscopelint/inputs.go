package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/zscopelint/zscopelint/configcheck"
	"github.com/zscopelint/zscopelint/internal/dirwalk"
	"github.com/zscopelint/zscopelint/internal/gitignore"
	"github.com/zscopelint/zscopelint/program"
	"github.com/zscopelint/zscopelint/report"
)

// inputs is what the command-line arguments name.
type inputs struct {
	wd workdir
	// goDirs are the directories (absolute) whose Go packages are checked, sorted.
	goDirs []string
	// importPatterns are arguments that name no file or directory: Go import path
	// patterns such as example.com/mod/..., loaded from the working directory.
	importPatterns []string
	configFiles    []string      // config and lexical files (absolute), in walk order
	found          chan<- string // where each config file is also sent, or nil
	// listings are the directories the walk listed, each with what it saw of their
	// entries (a go.mod, a manifest, .git, a Go file), for the program layout.
	listings   map[string]*program.Listing
	unreadable []report.Finding // paths that could not be read (ZS001)
	notes      []string
	// nothing lists the arguments that named nothing to check: a run that checks nothing
	// must not pass a CI gate in silence.
	nothing []string
	// includeIgnored walks git-ignored paths too; skippedIgnored counts the paths a walk
	// left out as ignored.
	includeIgnored bool
	skippedIgnored int
}

// skipDirs are never walked into below a walk's root. testdata is skipped as go ./...
// skips it; name a testdata directory on the command line to check it.
var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true, "testdata": true}

// collectInputs sorts arguments into Go package directories, import path patterns and
// config files: "dir/..." walks dir for both, "dir" takes the files directly in dir, a file
// is checked as what it is (a .go file as part of its package), and anything else is a Go
// import path pattern.
//
// Each config file is also sent on found (when not nil) as soon as it is found; found is
// closed when collectInputs returns.
func collectInputs(wd workdir, args []string, includeIgnored bool, found chan<- string) *inputs {
	in := &inputs{wd: wd, listings: map[string]*program.Listing{}, found: found, includeIgnored: includeIgnored}
	if found != nil {
		defer close(found)
	}
	goDirs := map[string]bool{}
	for _, arg := range args {
		root, recursive := strings.CutSuffix(arg, "/...")
		if root == "" {
			root = "/"
		}
		isPath := strings.HasPrefix(arg, ".") || filepath.IsAbs(arg) || strings.HasPrefix(arg, "/")
		before := len(goDirs) + len(in.configFiles) + len(in.unreadable)
		ignoredBefore := in.skippedIgnored
		fi, err := os.Stat(wd.path(root))
		switch {
		case err != nil && !isPath && !fileLike(root):
			in.importPatterns = append(in.importPatterns, arg) // an import path such as example.com/mod/...
			continue
		case err != nil:
			in.unreadable = append(in.unreadable, in.pathFinding(root, err))
		case !fi.IsDir():
			switch {
			case strings.HasSuffix(root, ".go"):
				goDirs[filepath.Dir(wd.path(root))] = true
			default:
				// Config and source files are parsed or scanned; any other file is still
				// searched for credentials.
				in.addConfigFile(wd.path(root))
			}
		default:
			in.walk(wd.path(root), recursive, goDirs)
		}
		if len(goDirs)+len(in.configFiles)+len(in.unreadable) == before {
			hint := ""
			switch {
			case in.skippedIgnored > ignoredBefore:
				hint = "; its paths are git-ignored (-include-ignored walks them)"
			case !recursive:
				hint = "; did you mean " + strings.TrimSuffix(arg, "/") + "/...?"
			}
			in.nothing = append(in.nothing, arg)
			in.notes = append(in.notes, arg+": nothing to check here"+hint)
		}
	}
	for d := range goDirs {
		in.goDirs = append(in.goDirs, d)
	}
	sort.Strings(in.goDirs)
	return in
}

func (in *inputs) addConfigFile(path string) {
	in.configFiles = append(in.configFiles, path)
	if in.found != nil {
		in.found <- path
	}
}

// fileLike reports whether an argument that does not exist was meant as a file name.
func fileLike(s string) bool {
	return strings.HasSuffix(s, ".go") || configcheck.KindOf(s) != configcheck.NotConfig
}

// walk collects the files under root (absolute) that are not Go (config files to parse,
// others to search for credentials) and the directories that hold Go files. As go ./...
// does, Go files in directories whose name starts with '.' or '_' below root are not
// packages; their config files are checked.
// Symbolic links to directories below root are not followed, so link loops cannot trap
// the walk: one whose target lies in the tree walked is checked there, one to a directory
// outside it is named in a note. root itself may be a link: its target is walked. A link
// to a file is checked as that file.
//
// Unless -include-ignored, paths below root that .gitignore files or .git/info/exclude
// ignore are not walked (see ignoreMatcher): neither their config files nor their Go
// packages are checked. root itself is walked even when ignored, as it was named.
func (in *inputs) walk(root string, recursive bool, goDirs map[string]bool) {
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		realRoot = root
	}
	if fi, err := os.Lstat(root); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		// A link named as an argument (current -> releases/42) is followed, once: the walk
		// goes on in its target, and its files are reported by their real names.
		root = realRoot
	}
	var ignore *gitignore.Matcher
	if !in.includeIgnored {
		ignore = ignoreMatcher(root)
	}
	// A directory's .gitignore is read when the directory lists one: most do not, and a
	// failed open in each directory was a tenth of the walk's cost.
	listed := func(dir string, names []string) {
		if ignore != nil && slices.Contains(names, ".gitignore") {
			// One that cannot be read is reported when the walk checks it as a file;
			// until then it ignores nothing.
			ps, _ := gitignore.ReadFile(filepath.Join(dir, ".gitignore"))
			ignore.Push(dir, ps)
		}
	}
	dirwalk.Walk(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			in.unreadable = append(in.unreadable, in.pathFinding(path, err))
			if d != nil && d.IsDir() {
				delete(in.listings, path) // not listed after all
				return fs.SkipDir
			}
			return nil
		}
		if path != root {
			in.see(path, d)
		}
		if d.IsDir() {
			if path != root && (!recursive || skipDirs[d.Name()]) {
				return fs.SkipDir
			}
			if ignore != nil && path != root && ignore.Ignored(path, true) {
				in.skippedIgnored++
				return fs.SkipDir
			}
			if _, seen := in.listings[path]; !seen {
				in.listings[path] = &program.Listing{}
			}
			return nil
		}
		// git matches a symbolic link as a file, whatever it points to.
		if ignore != nil && ignore.Ignored(path, false) {
			in.skippedIgnored++
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if fi, err := os.Stat(path); err == nil && fi.IsDir() {
				if recursive && !within(realRoot, path) {
					in.notes = append(in.notes, in.wd.rel(path)+": a symbolic link to a directory outside the tree, not followed; name its target to check it")
				}
				return nil
			}
		}
		if strings.HasSuffix(path, ".go") {
			if dir := filepath.Dir(path); !ignoredByGo(root, dir) {
				goDirs[dir] = true
			}
			return nil
		}
		if !configcheck.BinaryName(path) {
			in.addConfigFile(path)
		}
		return nil
	}, listed)
}

// see records the entry d at path in the listing of its directory, when the walk lists
// that (not the parent of the walk's root).
func (in *inputs) see(path string, d fs.DirEntry) {
	ls := in.listings[filepath.Dir(path)]
	if ls == nil {
		return
	}
	ls.See(d.Name(), d.Type())
}

// ignoreMatcher holds the ignore patterns in force at root, a directory: those of the
// repository's .git/info/exclude and of the .gitignore files in the directories from the
// repository's root down to root's parent (the walk reads root's own and those below as
// it enters each directory). The repository is the nearest directory at or above root
// that holds .git; outside one, the .gitignore files of the walked tree still apply, as
// in an exported source tree. git itself is never run.
func ignoreMatcher(root string) *gitignore.Matcher {
	m := &gitignore.Matcher{}
	var above []string // root's ancestors, nearest first
	repo := ""
	for d := root; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			repo = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		above = append(above, parent)
		d = parent
	}
	if repo == "" {
		return m
	}
	if f := gitignore.ExcludeFile(repo); f != "" {
		ps, _ := gitignore.ReadFile(f)
		m.Push(repo, ps)
	}
	for i := len(above) - 1; i >= 0; i-- {
		ps, _ := gitignore.ReadFile(filepath.Join(above[i], ".gitignore"))
		m.Push(above[i], ps)
	}
	return m
}

// within reports whether the symbolic link at path resolves to a directory in root (links
// resolved).
func within(root, path string) bool {
	target, err := filepath.EvalSymlinks(path)
	return err == nil && (target == root || strings.HasPrefix(target, root+string(filepath.Separator)))
}

// ignoredByGo reports whether the go command's ./... skips dir below root: a path element
// that starts with '.' or '_'.
func ignoredByGo(root, dir string) bool {
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == "." {
		return false
	}
	for _, el := range strings.Split(rel, string(filepath.Separator)) {
		if strings.HasPrefix(el, ".") || strings.HasPrefix(el, "_") {
			return true
		}
	}
	return false
}

// pathFinding is the ZS001 for a path that could not be read.
func (in *inputs) pathFinding(path string, err error) report.Finding {
	if pe, ok := err.(*fs.PathError); ok {
		err = pe.Err
	}
	return report.Finding{Check: cannotCheck(), Severity: cannotCheck().Severity, File: in.wd.rel(path),
		Line: 1, Col: 1, Message: "cannot check: " + err.Error()}
}
