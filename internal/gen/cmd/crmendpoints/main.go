// Command crmendpoints runs the generator of package crmendpoints (its doc says what it reads and
// writes). It lives under internal/gen/cmd, which go.mod keeps out of ./..., so that
// go install ./... (pre-commit's golang hooks) installs zscopelint alone.
package main

import "github.com/zscopelint/zscopelint/internal/gen/crmendpoints"

func main() { crmendpoints.Main() }
