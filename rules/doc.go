// Package rules is zscopelint's rules engine: it decides what is wrong with a scope set,
// a text or a credential block, knowing nothing of where they come from.
//
// Front ends (the Go analyzer, the config checker) extract scope sets, texts and blocks
// with their positions; package judge hands them to an Engine and turns its findings into
// positioned findings and fixes. Each check is one function, listed by ID in the tables of
// table.go; its properties (what it reads, whether it needs the program's calls, whether
// it judges only sets that grant scopes, whether the policy's allow list accepts what it
// reports, its default severity) live in checks.yaml, with its documentation, so that
// -explain, SARIF rule help and the README's check table come from one place. checksgen.go
// holds checks.yaml parsed, so that a run reads no YAML for its checks: after editing the
// file, write it again with go test ./rules -run TestChecksGenerated -update (the test
// fails until then).
//
// The checks by family:
//
//	ZS0xx  inputs and directives: unreadable input (ZS001), bad or unused
//	       suppression directives (ZS002)
//	ZS1xx  validity against the catalog: malformed, unknown service, unknown scope,
//	       unsupported operation, non-canonical case, deprecated
//	ZS2xx  least privilege: too broad (ZS201), redundant (ZS202), unused (ZS203) and
//	       missing (ZS204) against the program's calls; denied by the policy (ZS205)
//	ZS3xx  OAuth practice: credentials in source (ZS301), bad authorization requests
//	       (ZS302), one credential across environments or data centres (ZS303)
package rules
