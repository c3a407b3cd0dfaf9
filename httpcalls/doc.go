// Package httpcalls finds the HTTP requests a JavaScript/TypeScript, Python or PHP file
// makes, from its token stream (package srclex), without parsing or type checking it.
//
// A request is a call that one of the recognisers (Recognisers, a table: library, callee,
// which argument holds the URL, the method, an options object) knows: fetch, axios, got,
// ky, jQuery's $.ajax; requests, httpx, aiohttp; Guzzle, Laravel's Http::, WordPress's
// wp_remote_*, curl_setopt. Its URL and method are worked out from the file alone:
//
//   - string literals, template literals, f-strings, str.format, PHP interpolation and
//     concatenation (+, PHP's .);
//   - a same-file name table: const/let/var, NAME =, this.NAME = / self.NAME = /
//     $this->NAME =, class fields and constants, default parameters; a ternary or a
//     default (a || b, a ?? b, a or b) of two values is a value set, and the request is
//     each of them;
//   - clients made in the same file: axios.create({baseURL}), got.extend({prefixUrl}),
//     requests.Session(), httpx.Client(base_url=...), new GuzzleHttp\Client(['base_uri'
//     => ...]), Http::baseUrl(...): their base URL goes before a relative path;
//   - function extents: a same-file helper that makes the request from its parameters
//     lends its method and URL to each of its call sites (one level), where the
//     arguments are known.
//
// The operations of Zoho CRM's official SDKs for API v8 (Node, Python, PHP) are requests
// too, by a table generated from the SDKs (sdk_crm.tsv, internal/gen/sdkops): the
// constructor's arguments fill the operation's path (new RecordOperations('Leads')
// .getRecords() is GET /crm/v8/Leads), when the file's imports or its program's manifest
// say the SDK's major.
//
// What is not known before run time is catalog.Unknown in the URL, and an empty method.
// Names are not scoped (a name's nearest binding before its use, in the same function
// when there is one, wins); nothing is followed into another file.
package httpcalls
