// Booksendpoints writes catalog/endpoints_books.yaml, the Zoho Books rows of the endpoint
// catalog, and catalog/testdata/books-sources.tsv, the extract it derives them from.
//
// It is run by hand, never at lint time, from the repository root, with each source
// fetched into a git directory (bare or not; HEAD is read):
//
//	go run ./internal/gen/cmd/booksendpoints \
//		-java   DIR  # github.com/zoho/books-java-wrappers
//		-dotnet DIR  # github.com/zoho/books-dotnet-wrappers
//		-oas    DIR  # Zoho's Books OpenAPI files (-oas-repo, -oas-dir name the copy read)
//
// What it reads:
//
//   - Zoho's Books wrappers (Java and C#), for the method and path of every request they
//     make: each API class builds its URL from the base (https://books.zoho.com/api/v3, the
//     older host of the API now served at https://www.zohoapis.com/books/v3) by string
//     concatenation and passes it to ZohoHTTPClient (ZohoHttpClient in C#). Literals are
//     kept; every other part is an identifier, written {id}.
//   - Zoho's Books OpenAPI files, one per API page, where each operation names the scope
//     its page prints ("OAuth Scope : ZohoBooks.invoices.CREATE") under security:
//     Zoho_Auth. They give the scope of every operation they list, and the operations the
//     2014 wrappers lack (retainer invoices, fixed assets, locations, ...).
//   - scopes.tsv, a hand table from path prefix to the scope name the resource's page
//     prints, with the page: for the operations of the wrappers the OpenAPI files lack,
//     whose scope is that name and the operation word of the pages' pattern (GET READ,
//     POST CREATE, PUT UPDATE, DELETE DELETE). The generator prints every operation where
//     the OpenAPI files differ from that pattern (a few actions are UPDATE).
//
// What it leaves out, listed with the reason in the extract: operations no page gives a
// scope for (the wrappers' old settings endpoints), paths the wrappers spell wrongly
// (comments{id}), and custom modules, whose first segment is the module's name.
//
// The wrappers are read by package internal/gen/wrappers, shared with the other
// generators. The extract (package internal/gen/extract) holds, per row, the wrapper files, method,
// path, scope, page and OpenAPI file; the endpoint file is rendered from the extract alone,
// and a catalog test renders it again and compares.
package booksendpoints
