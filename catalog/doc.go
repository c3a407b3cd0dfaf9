// Package catalog is zscopelint's knowledge of Zoho OAuth scopes: the grammar
// Service.scope[.sub...].OPERATION, the embedded per-service catalogs, and the queries the
// rules engine asks of them.
//
// # Data
//
// Each embedded file under data/ describes one service, every entry with its source (a seed
// page or a Zoho documentation page). A user catalog file has the same format and is passed
// to Load (the -catalog flag, or catalogs: in the policy file):
//
//	service: Desk                     # service name as it appears in scopes
//	product: Zoho Desk                # for -list-services
//	source: https://desk.zoho.com/DeskAPIDocument#OauthTokens
//	completeness: partial             # complete (default) or partial: Zoho's list known in part
//	case: any                         # canonical (default) or any: Zoho's pages mix cases, no ZS105
//	operation_case: lower             # upper (default), lower, or "upper or lower": how Zoho spells operations
//	write: alias                      # own (default) or alias: WRITE stands for CREATE, UPDATE and DELETE
//	replace: false                    # true: drop what earlier files said about this service
//	scopes:
//	  - name: tickets                 # or names: [a, b, c] for several with one definition
//	    operations: [ALL, READ, CREATE, UPDATE, DELETE, WRITE]
//	    source: ...                   # optional; defaults to the file's source
//	  - name: settings
//	    group: [ALL]                  # settings.ALL grants ALL on every sub-scope below
//	    scopes:
//	      - name: profiles
//	        operations: [READ]
//	    deprecated: why it is retired # optional
//	    products: [crm]               # optional: crm or vertical (ZohoCRM only)
//	  - name: fullaccess
//	    operations: [ALL]
//	    grants: service               # the scope grants every scope of the service
//
// Keys beginning with "x-" are ignored, so they can hold YAML anchors. A later file that
// names an existing service adds scopes to it, and for a scope it names again, replaces
// the fields it gives. Errors in a file are reported as file:line:col.
//
// The embedded files are parsed ahead: embeddedspecs.go holds each as parseFile makes it,
// so that no run reads YAML for them. After editing a file under data/, write it again
// with go test ./catalog -run TestEmbeddedSpecsGenerated -update (the test fails until
// then). A service is built the first time a query needs its scopes (a user file, and the
// services it speaks of, at Load, so that its errors are Load's). Most runs meet one
// service or none. The rows of endpoints*.yaml are read by a row reader in the one-line
// shape the generators write (yaml.v3 for any other line), a product's rows when a call
// first reaches it.
//
// # Semantics (SPEC §1)
//
// Lookup is case-insensitive and returns the catalog's canonical spelling. Operation ALL
// covers every operation of its resource, WRITE covers CREATE, UPDATE and DELETE in a
// service whose file says write: alias (CRM, whose pages document it so; elsewhere WRITE is
// undocumented and covers only itself), and
// CREATE-UPDATE (Campaigns, Marketing Automation) covers CREATE and UPDATE. A group
// operation (modules.ALL, modules.READ, settings.ALL) covers the same operation on every
// sub-scope. Zoho CRM and Zoho Vertical Solutions share the service name ZohoCRM; entries
// marked products: [crm] do not exist in Vertical Solutions.
//
// A partial list holds what Zoho's pages show: a scope it lacks may exist (the rules engine
// reports it as info, a one-edit slip from a name it has as a warning), and an operation
// word it does not show is info. services.yaml names the Zoho services known by name only
// and the wrong names seen in code, each with Zoho's. endpoints.yaml maps each product's
// REST endpoints to the scopes that authorise them; products on their own hosts (Mail,
// Analytics, Cliq, ...) are matched as "/@name" + path.
//
// # Generated endpoint files
//
// endpoints_crm.yaml is written by internal/gen/crmendpoints from Zoho's CRM OpenAPI files
// (zoho/crm-oas) and the Node and Python SDKs 8.0 (zoho/zohocrm-nodejs-sdk-8.0,
// zoho/zohocrm-python-sdk-8.0), read from git directories on disk, never at lint time;
// testdata/crm-sources.tsv is what it read. From the repository root, with the three
// repositories cloned (bare clones do):
//
//	go run ./internal/gen/cmd/crmendpoints -oas /tmp/crm-oas -sdk /tmp/crm-node -sdk-python /tmp/crm-python
//
// There is no go:generate line: the sources are not in the repository. A test re-derives
// endpoints_crm.yaml from the extract, so a change to the catalog that moves a derived
// scope (a narrow scope added, an operation dropped) asks for a regeneration.
package catalog
