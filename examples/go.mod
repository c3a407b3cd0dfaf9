// The examples are a module of their own, so that the go command's ./... at the repository
// root (go install ./..., which pre-commit's golang hooks run) installs zscopelint alone.
// Run them from here: go run ./crmclient; check them from the root: zscopelint ./examples/...
module github.com/zscopelint/zscopelint/examples

go 1.26.0
