// Command sdkops runs the generator of package sdkops (its doc says what it reads and
// writes). It lives under internal/gen/cmd, which go.mod keeps out of ./..., so that
// go install ./... (pre-commit's golang hooks) installs zscopelint alone.
package main

import "github.com/zscopelint/zscopelint/internal/gen/sdkops"

func main() { sdkops.Main() }
