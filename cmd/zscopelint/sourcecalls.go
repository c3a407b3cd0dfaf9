package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/zscopelint/zscopelint/catalog"
	"github.com/zscopelint/zscopelint/configcheck"
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
// which report it. The official SDKs a program depends on (by its manifests) make their
// operations' requests known too.
//
// Files are read in parallel; the programs sort their calls, so the order they are
// reported in does not show.
func reportSourceCalls(wd workdir, files []string, eng *rules.Engine, programs *program.Programs, maxSize int64, workers int) {
	var sources []string
	for _, f := range files {
		if srclex.LangOf(f) != srclex.NoLang {
			sources = append(sources, f)
		}
	}
	m := &manifestCache{maxSize: maxSize, sdks: map[string][]httpcalls.SDK{}}
	work := make(chan string)
	var wg sync.WaitGroup
	for range min(workers, len(sources)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte // the worker's: nothing keeps a file's bytes past its report
			for file := range work {
				reportFileCalls(wd, file, eng, programs, m, &buf)
			}
		}()
	}
	for _, f := range sources {
		work <- f
	}
	close(work)
	wg.Wait()
}

func reportFileCalls(wd workdir, file string, eng *rules.Engine, programs *program.Programs, m *manifestCache, buf *[]byte) {
	src, err := safefile.Read(file, m.maxSize, buf)
	if err != nil {
		return
	}
	if lang := srclex.LangOf(file); lang == srclex.JS || lang == srclex.Python {
		// Lists taken from another file and joined with a space here are space-joined
		// where they are defined.
		programs.ReportSpaceJoined(file, configcheck.SpaceJoinedNames(src)...)
	}
	if !httpcalls.Needle(src) {
		return
	}
	var calls []rules.Call
	for _, r := range httpcalls.Find(srclex.LangOf(file), src, m.of(programs.Layout().RootOf(file).Dir)...) {
		where := wd.rel(file) + ":" + strconv.Itoa(r.Line)
		if r.Via != "" {
			where += " (via " + r.Via + ")"
		}
		if c, ok := eng.NewCall(r.Method, r.URL, where); ok {
			calls = append(calls, c)
		} else if opaqueZohoCall(r) {
			calls = append(calls, rules.Call{Method: r.Method, URL: r.URL, Where: where,
				Req: catalog.Requirement{Unresolved: catalog.UnknownProduct}})
		}
	}
	if len(calls) > 0 {
		programs.Report(file, calls...)
	}
}

// manifests are the files that name a program's dependencies.
var manifests = []string{"package.json", "requirements.txt", "pyproject.toml", "setup.py", "Pipfile", "composer.json"}

// manifestCache holds, per program directory, the official Zoho SDKs its manifests
// depend on.
type manifestCache struct {
	maxSize int64
	mu      sync.Mutex
	sdks    map[string][]httpcalls.SDK
}

func (m *manifestCache) of(dir string) []httpcalls.SDK {
	if dir == "" {
		return nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if s, ok := m.sdks[dir]; ok {
		return s
	}
	out := []httpcalls.SDK{}
	for _, name := range manifests {
		if b, err := safefile.ReadFile(filepath.Join(dir, name), m.maxSize); err == nil {
			out = append(out, httpcalls.ManifestSDKs(b)...)
		}
	}
	m.sdks[dir] = out
	return out
}

// opaqueZohoCall reports whether a request the catalog does not place is a Zoho API call
// whose product is not known: its URL names Zoho (ZOHO_API_URL, a Zoho host) and the part
// that would say the product is not known before run time. Such a call may need any
// scope: its program gets no ZS203. A URL whose host is known and is no API host, or
// whose path is OAuth's, is not one.
func opaqueZohoCall(r httpcalls.Request) bool {
	if !r.Zoho || !strings.Contains(r.URL, catalog.Unknown) || strings.Contains(r.URL, "/oauth/") {
		return false
	}
	if strings.HasPrefix(r.URL, catalog.Unknown) {
		return true
	}
	_, rest, ok := strings.Cut(r.URL, "://")
	if !ok {
		return false
	}
	host, _, _ := strings.Cut(rest, "/")
	return strings.Contains(strings.ToLower(host), "zohoapis.")
}
