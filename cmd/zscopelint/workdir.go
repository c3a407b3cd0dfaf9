package main

import (
	"os"
	"path/filepath"
)

// workdir is the directory the command runs in, absolute: relative arguments are read from
// it and the file names the command prints are relative to it. Nothing below main reads
// the process's working directory, so that tests run the command in many directories at
// once.
type workdir string

// path is name as the file system must see it: a relative name joined to the directory.
func (wd workdir) path(name string) string {
	if name == "" || filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(string(wd), name)
}

// rel is name as the command prints it: relative to the directory, slash-separated.
func (wd workdir) rel(name string) string {
	if !filepath.IsAbs(name) {
		return filepath.ToSlash(filepath.Clean(name))
	}
	if rel, err := filepath.Rel(string(wd), name); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(name)
}

// repositoryRoot is the directory SARIF and GitHub annotations name files from: the nearest
// directory at or above wd that holds .git, else the nearest module root, else wd itself.
func (wd workdir) repositoryRoot() string {
	if d, ok := wd.above(".git"); ok {
		return d
	}
	if d, ok := wd.above("go.mod"); ok {
		return d
	}
	return string(wd)
}

// above finds the nearest directory at or above wd that holds name.
func (wd workdir) above(name string) (string, bool) {
	for d := string(wd); ; {
		if _, err := os.Stat(filepath.Join(d, name)); err == nil {
			return d, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", false
		}
		d = parent
	}
}
