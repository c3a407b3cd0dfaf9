package gitignore

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMatch is written from gitignore(5). Every probe agrees with git 2.39
// check-ignore --no-index, but for foo/bar/hello.c, which check-ignore reports as
// ignored because its directory foo/bar is: a walk never gets there.
func TestMatch(t *testing.T) {
	t.Parallel()
	for _, tc := range matchCases {
		ps := Parse([]byte(tc.file))
		for _, p := range tc.probes {
			ignored, decided := Match(ps, p.path, p.dir)
			if ignored != p.want || decided != p.match {
				t.Errorf("patterns %q, path %q (dir %v): ignored %v decided %v, want %v %v",
					tc.file, p.path, p.dir, ignored, decided, p.want, p.match)
			}
		}
	}
}

type probe struct {
	path  string
	dir   bool
	want  bool // ignored
	match bool // some pattern decides (a ! pattern decides for not ignored)
}

func ign(path string) probe        { return probe{path: path, want: true, match: true} }
func ignDir(path string) probe     { return probe{path: path, dir: true, want: true, match: true} }
func kept(path string) probe       { return probe{path: path} }
func keptDir(path string) probe    { return probe{path: path, dir: true} }
func reincluded(path string) probe { return probe{path: path, match: true} }

// matchCases are .gitignore files and paths relative to their directory.
var matchCases = []struct {
	file   string
	probes []probe
}{
	{"", []probe{kept("a")}},
	{"# comment\n\n   \n", []probe{kept("# comment"), kept("a")}},
	{`\#notes`, []probe{ign("#notes"), kept("notes")}},
	{`\!important`, []probe{ign("!important"), kept("important")}},
	// A name without a slash matches at any depth, files and directories.
	{"dist", []probe{ignDir("dist"), ign("dist"), ignDir("web/dist"), ign("a/b/dist"), kept("dist2"), kept("distx/a")}},
	// A trailing slash: directories only.
	{"build/", []probe{ignDir("build"), ignDir("a/build"), kept("build"), kept("a/build")}},
	// A leading slash anchors to the file's directory.
	{"/.env.local", []probe{ign(".env.local"), kept("app/.env.local")}},
	// So does a slash in the middle.
	{"doc/frotz", []probe{ign("doc/frotz"), ignDir("doc/frotz"), kept("a/doc/frotz")}},
	{"doc/frotz/", []probe{ignDir("doc/frotz"), kept("doc/frotz"), keptDir("a/doc/frotz")}},
	// * and ? do not match a slash.
	{"*.log", []probe{ign("a.log"), ign("x/y/a.log"), ign(".log"), kept("a.log.txt")}},
	{"foo/*", []probe{ign("foo/test.json"), ignDir("foo/bar"), kept("foo/bar/hello.c"), keptDir("foo")}},
	{"debug?.log", []probe{ign("debug0.log"), ign("debugx.log"), kept("debug10.log"), kept("debug/.log")}},
	{"a/*.c", []probe{ign("a/x.c"), kept("a/b/x.c")}},
	// Brackets: sets, ranges, negation, classes, never a slash.
	{"debug[0-9].log", []probe{ign("debug1.log"), kept("debuga.log")}},
	{"file[!ab].txt", []probe{ign("filec.txt"), kept("filea.txt"), kept("fileb.txt")}},
	{"file[^ab].txt", []probe{ign("filec.txt"), kept("filea.txt")}},
	{"[]]x", []probe{ign("]x"), kept("ax")}},
	{"a[[:digit:]]b", []probe{ign("a7b"), kept("axb")}},
	{"a[!x]b", []probe{kept("a/b"), ign("ayb")}},
	{"[ab", []probe{kept("[ab"), kept("a")}}, // unterminated: git matches nothing
	// Leading **/: in every directory.
	{"**/foo", []probe{ign("foo"), ignDir("a/foo"), ign("a/b/foo"), kept("foox")}},
	{"**/foo/bar", []probe{ign("foo/bar"), ign("x/foo/bar"), ign("x/y/foo/bar"), kept("foo/x/bar")}},
	// Trailing /**: everything inside, not the directory itself.
	{"abc/**", []probe{ign("abc/x"), ign("abc/x/y"), ignDir("abc/d"), keptDir("abc"), kept("x/abc/y")}},
	{"**/cache/**", []probe{ign("cache/x"), ign("a/cache/b/c"), keptDir("cache"), kept("cachex/y"), kept("a/xcache/y")}},
	// Middle /**/: zero or more directories.
	{"a/**/b", []probe{ign("a/b"), ign("a/x/b"), ign("a/x/y/b"), kept("a/xb"), kept("x/a/b")}},
	// Other consecutive asterisks are plain asterisks.
	{"foo**bar", []probe{ign("foobar"), ign("fooxbar"), kept("foo/bar")}},
	{"**", []probe{ign("a"), ign("a/b")}},
	// Negation: the last matching pattern wins.
	{"*.env\n!example.env", []probe{ign("prod.env"), reincluded("example.env"), reincluded("a/example.env")}},
	{"!keep.txt\n*.txt", []probe{ign("keep.txt")}}, // an earlier ! is overridden
	{"/*\n!/src/\n!/README.md", []probe{ignDir("build"), ign("x.txt"), reincluded("README.md"), probe{path: "src", dir: true, match: true}, kept("src/x.go")}},
	{"logs/\n!logs/", []probe{probe{path: "logs", dir: true, match: true}}},
	// Trailing spaces are dropped unless escaped.
	{"trail   ", []probe{ign("trail"), kept("trail   ")}},
	{`space\ `, []probe{ign("space "), kept("space")}},
	{`a\ \ `, []probe{ign("a  ")}},
	// An escaped star is literal.
	{`\*.md`, []probe{ign("*.md"), kept("x.md")}},
	// A trailing backslash: git matches nothing.
	{`oops\`, []probe{kept("oops"), kept(`oops\`)}},
	// Windows line ends and a byte order mark.
	{"\xef\xbb\xbfcoverage\r\n*.tmp\r\n", []probe{ign("coverage"), ign("x.tmp")}},
}

// TestMatcherPrecedence: a deeper .gitignore wins over one above it, and every .gitignore
// over info/exclude; a directory's patterns stop applying when the walk leaves it.
func TestMatcherPrecedence(t *testing.T) {
	t.Parallel()
	root := filepath.FromSlash("/repo")
	j := func(s string) string { return filepath.Join(root, filepath.FromSlash(s)) }
	var m Matcher
	m.Push(root, Parse([]byte("*.secret\nkeep.me\n")))         // info/exclude
	m.Push(root, Parse([]byte("*.log\n!keep.secret\n/top\n"))) // .gitignore
	for _, c := range []struct {
		push string // a directory entered, whose .gitignore is given
		file string
		path string
		dir  bool
		want bool
	}{
		{path: "a.secret", want: true},
		{path: "keep.secret", want: false}, // .gitignore re-includes what exclude ignored
		{path: "keep.me", want: true},
		{path: "top", dir: true, want: true},
		{push: "web", file: "!debug.log\n/out/\n", path: "web/debug.log", want: false},
		{path: "web/other.log", want: true},
		{path: "web/out", dir: true, want: true},
		{path: "web/sub/out", dir: true, want: false}, // anchored to web/
		{path: "web/sub/top", dir: true, want: false}, // /top is anchored to the root
		{path: "api/debug.log", want: true},           // web's patterns no longer apply
		{path: "api/out", dir: true, want: false},
	} {
		if c.push != "" {
			m.Push(j(c.push), Parse([]byte(c.file)))
		}
		if got := m.Ignored(j(c.path), c.dir); got != c.want {
			t.Errorf("%s: ignored %v, want %v", c.path, got, c.want)
		}
	}
}

func TestExcludeFile(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	if got := ExcludeFile(root); got != "" {
		t.Errorf("no .git: %q", got)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(root, ".git", "info"), 0o755))
	if got, want := ExcludeFile(root), filepath.Join(root, ".git", "info", "exclude"); got != want {
		t.Errorf("repository: %q, want %q", got, want)
	}
	// A linked worktree: .git is a file naming .git/worktrees/wt, whose commondir is ../..
	wt := filepath.Join(root, "wt")
	gitDir := filepath.Join(root, ".git", "worktrees", "wt")
	must(os.MkdirAll(gitDir, 0o755))
	must(os.MkdirAll(wt, 0o755))
	must(os.WriteFile(filepath.Join(wt, ".git"), []byte("gitdir: "+gitDir+"\n"), 0o644))
	must(os.WriteFile(filepath.Join(gitDir, "commondir"), []byte("../..\n"), 0o644))
	if got, want := ExcludeFile(wt), filepath.Join(root, ".git", "info", "exclude"); got != want {
		t.Errorf("worktree: %q, want %q", got, want)
	}
	if ps, err := ReadFile(filepath.Join(root, "absent")); err != nil || ps != nil {
		t.Errorf("absent file: %v %v", ps, err)
	}
}

// TestLongestLiteral: the string tried before a pattern's expression is one every path
// the pattern matches holds.
func TestLongestLiteral(t *testing.T) {
	t.Parallel()
	for pat, want := range map[string]string{
		"**/cache/**":    "cache",
		"a/**/bb":        "bb",
		"debug[0-9].log": "debug",
		"a[[:digit:]]bc": "bc",
		"x[]]yz":         "yz",
		`\*.md`:          "*.md",
		"*":              "",
		"[ab":            "",
	} {
		if got := longestLiteral(pat); got != want {
			t.Errorf("longestLiteral(%q) = %q, want %q", pat, got, want)
		}
	}
}
