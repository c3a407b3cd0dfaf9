// Package analyzer defines zscopelint's go/analysis Analyzer, which checks the Zoho OAuth
// scopes written in a package's string constants.
//
// # Analyzer zscopelint
//
// zscopelint: check Zoho OAuth scopes in Go string constants.
//
// It extracts scope sets (SPEC §2) from string literals and constant concatenations
// (reported once, at the declaration of a named constant, not at each use), []string
// literals (one set, including strings.Join of such a literal), comma- or space-joined
// strings, and the URL-decoded scope= parameter of authorization URLs. The rules engine
// (package rules) judges each set against the catalog (package catalog).
//
// Diagnostics are positioned at the scope itself inside the literal; their Category is the
// check ID, which the message also names. Suggested fixes replace a scope by its unique
// did-you-mean or canonical spelling, and remove a redundant scope from its list.
//
// Flags: -catalog (extra catalog files), -product (auto, crm, vertical; auto picks Zoho
// Vertical Solutions for a package holding a /clientoauth/v2/ URL), -checks, and -severity
// (the least severity reported as a diagnostic, warning by default, so that info findings
// do not fail go vet; the Result carries every finding).
//
// Generated files (ast.IsGenerated) are skipped.
package analyzer
