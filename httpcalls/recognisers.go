package httpcalls

import "github.com/zscopelint/zscopelint/srclex"

// A Recogniser says how one library's call carries its request: which argument is the URL,
// which the method, which an options object (whose url, method and base keys count).
// Argument positions are 0-based; -1 for none.
type Recogniser struct {
	Lang srclex.Lang
	// Lib is the library or client kind the call belongs to: a module name (axios,
	// requests), the instances of a constructor (Constructors), or "" for a plain function
	// (fetch, wp_remote_get).
	Lib string
	// Member is the function or method called: "get" for axios.get and for a client's
	// .get; "" for calling the library or client itself (axios(config), got(url)).
	Member    string
	Method    string // the HTTP method when the callee says it; "" when an argument does
	URL       int
	MethodArg int
	Config    int
}

// A Constructor makes a client of a library, with a base URL for its relative paths.
type Constructor struct {
	Lang   srclex.Lang
	Callee string // as written, without new: axios.create, requests.Session, GuzzleHttp\Client
	Lib    string
	Base   int // argument holding the base URL; -1 none
	Config int // argument holding an options object (a base key); -1 none
}

// Modules are the names that stand for a library without a constructor: axios.get(...).
var Modules = map[srclex.Lang]map[string]string{
	srclex.JS: {"axios": "axios", "got": "got", "ky": "ky", "$": "jquery", "jQuery": "jquery", "superagent": "superagent",
		"https": "node", "http": "node"},
	srclex.Python: {"requests": "requests", "httpx": "requests", "aiohttp": "aiohttp"},
	srclex.PHP:    {"Http": "laravel", "\\Http": "laravel", "Illuminate\\Support\\Facades\\Http": "laravel"},
}

// BaseKeys are the options-object keys that hold a client's base URL.
var BaseKeys = []string{"baseURL", "prefixUrl", "base_url", "base_uri", "baseUrl"}

// URLKeys and MethodKeys are the options-object keys that hold a request's URL and method;
// HostKeys and PathKeys a host and a path that make one (Node's https.request options).
var (
	URLKeys    = []string{"url", "uri"}
	MethodKeys = []string{"method", "type"}
	HostKeys   = []string{"hostname", "host"}
	PathKeys   = []string{"path"}
)

// Constructors are the calls that make clients.
var Constructors = []Constructor{
	{srclex.JS, "axios.create", "axios", -1, 0},
	{srclex.JS, "got.extend", "got", -1, 0},
	{srclex.JS, "ky.create", "ky", -1, 0},
	{srclex.JS, "ky.extend", "ky", -1, 0},
	{srclex.Python, "requests.Session", "requests", -1, -1},
	{srclex.Python, "requests.session", "requests", -1, -1},
	{srclex.Python, "httpx.Client", "requests", -1, -1},
	{srclex.Python, "httpx.AsyncClient", "requests", -1, -1},
	{srclex.Python, "aiohttp.ClientSession", "aiohttp", 0, -1},
	{srclex.PHP, "Client", "guzzle", -1, 0},
	{srclex.PHP, "GuzzleHttp\\Client", "guzzle", -1, 0},
	{srclex.PHP, "\\GuzzleHttp\\Client", "guzzle", -1, 0},
}

// Recognisers are the calls that make requests.
var Recognisers = concat(
	[]Recogniser{
		{srclex.JS, "", "fetch", "GET", 0, -1, 1},
		{srclex.JS, "", "$fetch", "GET", 0, -1, 1}, // Nuxt's ofetch
		{srclex.JS, "axios", "", "GET", 0, -1, 1},
		{srclex.JS, "axios", "request", "GET", -1, -1, 0},
		{srclex.JS, "got", "", "GET", 0, -1, 1},
		{srclex.JS, "ky", "", "GET", 0, -1, 1},
		{srclex.JS, "jquery", "ajax", "GET", 0, -1, 1},
		{srclex.JS, "jquery", "get", "GET", 0, -1, -1},
		{srclex.JS, "jquery", "getJSON", "GET", 0, -1, -1},
		{srclex.JS, "jquery", "post", "POST", 0, -1, -1},
		// Node's https.request(url or options, ...): options give hostname and path.
		{srclex.JS, "node", "request", "GET", 0, -1, 1},
		{srclex.JS, "node", "get", "GET", 0, -1, 1},
		{srclex.Python, "requests", "request", "", 1, 0, -1},
		{srclex.Python, "aiohttp", "request", "", 1, 0, -1},
		{srclex.PHP, "guzzle", "request", "", 1, 0, -1},
		{srclex.PHP, "guzzle", "requestAsync", "", 1, 0, -1},
		{srclex.PHP, "", "wp_remote_get", "GET", 0, -1, 1},
		{srclex.PHP, "", "wp_safe_remote_get", "GET", 0, -1, 1},
		{srclex.PHP, "", "wp_remote_post", "POST", 0, -1, 1},
		{srclex.PHP, "", "wp_safe_remote_post", "POST", 0, -1, 1},
		{srclex.PHP, "", "wp_remote_head", "HEAD", 0, -1, 1},
		{srclex.PHP, "", "wp_remote_request", "GET", 0, -1, 1},
		{srclex.PHP, "", "wp_safe_remote_request", "GET", 0, -1, 1},
	},
	// axios: get/delete/head/options(url, config), post/put/patch(url, data, config).
	verbs(srclex.JS, "axios", "", []string{"get", "delete", "head", "options"}, 1),
	verbs(srclex.JS, "axios", "", []string{"post", "put", "patch"}, 2),
	verbs(srclex.JS, "got", "", []string{"get", "post", "put", "patch", "delete", "head"}, 1),
	verbs(srclex.JS, "ky", "", []string{"get", "post", "put", "patch", "delete", "head"}, 1),
	verbs(srclex.JS, "superagent", "", []string{"get", "post", "put", "patch", "delete", "head"}, -1),
	verbs(srclex.Python, "requests", "", []string{"get", "post", "put", "patch", "delete", "head", "options"}, -1),
	verbs(srclex.Python, "aiohttp", "", []string{"get", "post", "put", "patch", "delete", "head", "options"}, -1),
	verbs(srclex.PHP, "guzzle", "", []string{"get", "post", "put", "patch", "delete", "head", "options"}, -1),
	verbs(srclex.PHP, "guzzle", "Async", []string{"get", "post", "put", "patch", "delete", "head", "options"}, -1),
	verbs(srclex.PHP, "laravel", "", []string{"get", "post", "put", "patch", "delete", "head"}, -1),
)

// verbs are a library's methods named for their HTTP method, the URL first.
func verbs(lang srclex.Lang, lib, suffix string, names []string, config int) []Recogniser {
	var out []Recogniser
	for _, n := range names {
		out = append(out, Recogniser{lang, lib, n + suffix, upper(n), 0, -1, config})
	}
	return out
}

func concat(parts ...[]Recogniser) []Recogniser {
	var out []Recogniser
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
