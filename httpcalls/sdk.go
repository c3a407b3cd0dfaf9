package httpcalls

import (
	_ "embed"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/zscopelint/zscopelint/srclex"
)

// An SDK is an official Zoho SDK a program uses, and its major version: the operations
// table of that major names the requests its operations make.
type SDK struct {
	Lang  srclex.Lang
	Major int
}

//go:embed sdk_crm.tsv
var sdkTable string

// sdkOp is one operation of an SDK: its request, and the constructor parameters that fill
// the path's variables of the same name.
type sdkOp struct {
	method string
	path   string // /crm/v8/{moduleAPIName}/{id}
	ctor   []string
}

type sdkKey struct {
	lang  srclex.Lang
	major int
	class string
	op    string
}

var sdkOps = sync.OnceValue(func() map[sdkKey]sdkOp {
	out := map[sdkKey]sdkOp{}
	for _, line := range strings.Split(sdkTable, "\n") {
		cols := strings.Split(line, "\t")
		if strings.HasPrefix(line, "#") || len(cols) < 7 {
			continue
		}
		lang := map[string]srclex.Lang{"js": srclex.JS, "python": srclex.Python, "php": srclex.PHP}[cols[0]]
		major, _ := strconv.Atoi(cols[1])
		var ctor []string
		if cols[6] != "" {
			ctor = strings.Split(cols[6], ",")
		}
		out[sdkKey{lang, major, cols[2], cols[3]}] = sdkOp{method: cols[4], path: cols[5], ctor: ctor}
	}
	return out
})

// sdkHost is the API host an SDK's paths are sent to (the data centre is a setting of the
// SDK; it does not change the scopes).
const sdkHost = "https://www.zohoapis.com"

var (
	nodeSDK     = regexp.MustCompile(`@zohocrm/nodejs-sdk-(\d+)\.0`)
	pythonSDK   = regexp.MustCompile(`zohocrmsdk(\d+)[_-]0`)
	phpSDK      = regexp.MustCompile(`zohocrm/php-sdk-(\d+)\.0`)
	sdkPatterns = map[srclex.Lang]*regexp.Regexp{srclex.JS: nodeSDK, srclex.Python: pythonSDK, srclex.PHP: phpSDK}
)

// ManifestSDKs lists the official SDKs a manifest (package.json, requirements.txt,
// pyproject.toml, setup.py, composer.json) depends on.
func ManifestSDKs(manifest []byte) []SDK {
	var out []SDK
	for _, lang := range []srclex.Lang{srclex.JS, srclex.Python, srclex.PHP} {
		for _, m := range sdkPatterns[lang].FindAllSubmatch(manifest, -1) {
			major, _ := strconv.Atoi(string(m[1]))
			out = append(out, SDK{lang, major})
		}
	}
	return out
}

// sdkMajor is the major of the official SDK a file uses: from its imports (Node's package
// name holds it), else from the program's manifests; 0 for none.
func sdkMajor(lang srclex.Lang, src []byte, sdks []SDK) int {
	if lang == srclex.JS {
		if m := nodeSDK.FindSubmatch(src); m != nil {
			major, _ := strconv.Atoi(string(m[1]))
			return major
		}
		return 0
	}
	if lang == srclex.Python && !strings.Contains(string(src), "zohocrmsdk") ||
		lang == srclex.PHP && !strings.Contains(string(src), `com\zoho\crm\api`) {
		return 0 // the file does not use the SDK
	}
	for _, s := range sdks {
		if s.Lang == lang {
			return s.Major
		}
	}
	return 0
}

// sdkSite recognises an SDK operation called on an instance: new Class(args).op(...),
// or x.op(...) where x = new Class(args) in the same file.
func (f *file) sdkSite(segs []segment, start, mi int, e *env) (site, bool) {
	if f.sdk == 0 || len(segs) < 2 {
		return site{}, false
	}
	op := segs[len(segs)-1].name
	var class string
	var args span
	var argEnv *env
	switch recv := segs[len(segs)-2]; {
	case recv.call >= 0 && len(segs) == 2:
		class, args, argEnv = lastSegment(recv.name), span{f.toks, recv.call + 1, f.toks[recv.call].Match}, e
	case recv.call < 0 && isRef(span{f.toks, start, mi - 1}):
		b, ok := f.binding(refKey(span{f.toks, start, mi - 1}), f.toks[start].Off, e.fn)
		if !ok && strings.HasPrefix(refKey(span{f.toks, start, mi - 1}), "this.") {
			b, ok = f.binding(strings.TrimPrefix(refKey(span{f.toks, start, mi - 1}), "this."), f.toks[start].Off, e.fn)
		}
		if !ok {
			return site{}, false
		}
		s := b.expr
		for !s.empty() && (s.ts[s.from].Is("new") || s.ts[s.from].Is("await")) {
			s.from++
		}
		if s.to-s.from < 3 || s.ts[s.from].Kind != srclex.Ident || !s.ts[s.from+1].Is("(") || s.ts[s.from+1].Match != s.to-1 {
			return site{}, false
		}
		class, args = lastSegment(s.ts[s.from].Text), span{s.ts, s.from + 2, s.to - 1}
		argEnv = &env{fn: b.fn}
		if b.fn == e.fn {
			argEnv = e
		}
	default:
		return site{}, false
	}
	return f.sdkOperation(class, op, args, argEnv, f.toks[start].Line, e)
}

// sdkParenSite recognises PHP's (new Class(args))->op(...), whose ( is at p.
func (f *file) sdkParenSite(p int, e *env) (site, bool) {
	ts := f.toks
	if f.sdk == 0 || p < 3 || ts[p-1].Kind != srclex.Ident || !f.punct(p-2, "->") && !f.punct(p-2, ".") || !f.punct(p-3, ")") {
		return site{}, false
	}
	open := ts[p-3].Match
	if open < 0 || !f.ident(open+1, "new") || open+3 >= len(ts) || ts[open+2].Kind != srclex.Ident || !f.punct(open+3, "(") || ts[open+3].Match != p-4 {
		return site{}, false
	}
	return f.sdkOperation(lastSegment(ts[open+2].Text), ts[p-1].Text, span{ts, open + 4, p - 4}, e, ts[open].Line, e)
}

// lastSegment is a class's name without its namespace (\com\zoho\...\RecordOperations).
func lastSegment(name string) string {
	if i := strings.LastIndexByte(name, '\\'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// sdkOperation is the site of operation op of an SDK class constructed with args.
func (f *file) sdkOperation(class, op string, args span, argEnv *env, line int, e *env) (site, bool) {
	o, ok := sdkOps()[sdkKey{f.lang, f.sdk, class, op}]
	if !ok {
		return site{}, false
	}
	s := site{line: line, fn: e.fn, method: o.method, sdkPath: o.path, sdkArgs: map[string]span{}}
	pos, kw := f.arguments(args)
	for k, name := range o.ctor {
		if k < len(pos) {
			s.sdkArgs[name] = pos[k]
		}
		if v, ok := kw[name]; ok {
			s.sdkArgs[name] = v
		}
	}
	s.sdkEnv = argEnv
	return s, true
}

// sdkURLs fills an SDK path's variables with the constructor's arguments.
func (f *file) sdkURLs(s site, e *env) []string {
	argEnv := s.sdkEnv
	if argEnv == nil || argEnv.fn == e.fn {
		argEnv = e
	}
	out := []string{sdkHost}
	if strings.Contains(s.sdkPath, "://") { // an operation on another host: content.zohoapis.com
		out = []string{""}
	}
	rest := s.sdkPath
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			return product(out, []string{rest})
		}
		closeAt := strings.IndexByte(rest[open:], '}')
		if closeAt < 0 {
			return product(out, []string{rest})
		}
		out = product(out, []string{rest[:open]})
		val := unknown
		if a, ok := s.sdkArgs[rest[open+1:open+closeAt]]; ok {
			val = f.eval(a, argEnv, 1)
			if argEnv != e {
				e.used = e.used || argEnv.used
			}
		}
		out = product(out, val)
		rest = rest[open+closeAt+1:]
	}
}
