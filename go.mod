module github.com/zscopelint/zscopelint

go 1.26.0

// The bench tools stay runnable by path (go run ./bench/gentree), but ./... does not match
// them: pre-commit's golang hooks run go install ./..., which must install zscopelint alone.
// .ci/run vets them by path.
ignore ./bench

require (
	github.com/golangci/plugin-module-register v0.1.2
	github.com/google/go-cmp v0.7.0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	golang.org/x/mod v0.42.0
	golang.org/x/tools v0.52.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/text v0.14.0 // indirect
)
