package main

import (
	"path/filepath"
	"strconv"

	"github.com/zscopelint/zscopelint/httpcalls"
	"github.com/zscopelint/zscopelint/internal/safefile"
	"github.com/zscopelint/zscopelint/program"
	"github.com/zscopelint/zscopelint/rules"
	"github.com/zscopelint/zscopelint/srclex"
)

// reportSourceCalls finds the Zoho API requests that the JavaScript/TypeScript, Python and
// PHP files among the inputs make, and reports them into their programs: the scope sets
// of a program are judged against them as against a Go program's calls. Only files that
// hold a needle are tokenised; a file that cannot be read is left to the config checks,
// which report it.
//
// The official SDKs a program depends on (by its manifests) make their operations'
// requests known too.
func reportSourceCalls(wd workdir, files []string, eng *rules.Engine, programs *program.Programs, maxSize int64) {
	sdks := map[string][]httpcalls.SDK{} // program directory: the SDKs its manifests name
	for _, file := range files {
		lang := srclex.LangOf(file)
		if lang == srclex.NoLang {
			continue
		}
		src, err := safefile.ReadFile(file, maxSize)
		if err != nil || !httpcalls.Needle(src) {
			continue
		}
		var calls []rules.Call
		dir := programs.Layout().RootOf(file).Dir
		if _, ok := sdks[dir]; !ok && dir != "" {
			sdks[dir] = manifestSDKs(dir, maxSize)
		}
		for _, r := range httpcalls.Find(lang, src, sdks[dir]...) {
			where := wd.rel(file) + ":" + strconv.Itoa(r.Line)
			if r.Via != "" {
				where += " (via " + r.Via + ")"
			}
			if c, ok := eng.NewCall(r.Method, r.URL, where); ok {
				calls = append(calls, c)
			}
		}
		if len(calls) > 0 {
			programs.Report(file, calls...)
		}
	}
}

// manifests are the files that name a program's dependencies.
var manifests = []string{"package.json", "requirements.txt", "pyproject.toml", "setup.py", "Pipfile", "composer.json"}

// manifestSDKs lists the official Zoho SDKs the manifests in dir depend on.
func manifestSDKs(dir string, maxSize int64) []httpcalls.SDK {
	out := []httpcalls.SDK{}
	for _, m := range manifests {
		if b, err := safefile.ReadFile(filepath.Join(dir, m), maxSize); err == nil {
			out = append(out, httpcalls.ManifestSDKs(b)...)
		}
	}
	return out
}
