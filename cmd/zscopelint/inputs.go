package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/zscopelint/zscopelint/configcheck"
	"github.com/zscopelint/zscopelint/report"
)

// inputs is what the command-line arguments name.
type inputs struct {
	wd          workdir
	goPatterns  []string         // for go/packages; empty: no Go to load
	configFiles []string         // config and lexical files, in walk order
	unreadable  []report.Finding // paths that could not be read (ZS001)
	notes       []string
}

// skipDirs are never walked into below a walk's root. testdata is skipped as go ./...
// skips it; name a testdata directory on the command line to check it.
var skipDirs = map[string]bool{".git": true, "vendor": true, "node_modules": true, "testdata": true}

// collectInputs sorts arguments into Go package patterns and config files: "dir/..." walks
// dir for both, "dir" takes the files directly in dir, a file is checked as what it is (a
// .go file as part of its package), and anything else is a Go import path pattern.
func collectInputs(wd workdir, args []string) *inputs {
	in := &inputs{wd: wd}
	seenPattern := map[string]bool{}
	addPattern := func(p string) {
		if !seenPattern[p] {
			seenPattern[p] = true
			in.goPatterns = append(in.goPatterns, p)
		}
	}
	for _, arg := range args {
		root, recursive := strings.CutSuffix(arg, "/...")
		if root == "" {
			root = "/"
		}
		isPath := strings.HasPrefix(arg, ".") || filepath.IsAbs(arg) || strings.HasPrefix(arg, "/")
		fi, err := os.Stat(wd.path(root))
		switch {
		case err != nil && !isPath && !fileLike(root):
			addPattern(arg) // an import path such as example.com/mod/...
		case err != nil:
			in.unreadable = append(in.unreadable, in.pathFinding(root, err))
		case !fi.IsDir():
			switch {
			case strings.HasSuffix(root, ".go"):
				addPattern(dirPattern(filepath.Dir(root)))
			default:
				// Config and source files are parsed or scanned; any other file is still
				// searched for credentials.
				in.configFiles = append(in.configFiles, wd.path(root))
			}
		default:
			hasGo := in.walk(wd.path(root), recursive)
			if hasGo {
				if recursive {
					addPattern(dirPattern(root) + "/...")
				} else {
					addPattern(dirPattern(root))
				}
			}
		}
	}
	return in
}

// fileLike reports whether an argument that does not exist was meant as a file name.
func fileLike(s string) bool {
	return strings.HasSuffix(s, ".go") || configcheck.KindOf(s) != configcheck.NotConfig
}

// dirPattern writes a directory as go/packages wants it: relative ones start with "./".
func dirPattern(dir string) string {
	dir = filepath.ToSlash(filepath.Clean(dir))
	if dir == "." || strings.HasPrefix(dir, "./") || strings.HasPrefix(dir, "../") || dir == ".." || filepath.IsAbs(dir) {
		if dir == "." {
			return "."
		}
		return dir
	}
	return "./" + dir
}

// walk collects the files under root (absolute) that are not Go (config files to parse, others to
// search for credentials) and reports whether it saw Go files.
// Symbolic links to directories are not followed, so link loops cannot trap the walk; a
// link to a file is checked as that file.
func (in *inputs) walk(root string, recursive bool) (hasGo bool) {
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			in.unreadable = append(in.unreadable, in.pathFinding(path, err))
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && (!recursive || skipDirs[d.Name()]) {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") {
			hasGo = true
			return nil
		}
		if !configcheck.BinaryName(path) {
			in.configFiles = append(in.configFiles, path)
		}
		return nil
	})
	return hasGo
}

// pathFinding is the ZS001 for a path that could not be read.
func (in *inputs) pathFinding(path string, err error) report.Finding {
	if pe, ok := err.(*fs.PathError); ok {
		err = pe.Err
	}
	return report.Finding{Check: cannotCheck, Severity: cannotCheck.Severity, File: in.wd.rel(path),
		Line: 1, Col: 1, Message: "cannot check: " + err.Error()}
}
