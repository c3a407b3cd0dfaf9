//go:build !unix

package safefile

import "errors"

// Lock is not available on this system (see lock_unix.go).
func Lock(name string, waiting func()) (unlock func(), err error) {
	return nil, errors.New("advisory file locks are not supported on this system")
}

// LockSupported reports whether Lock locks on this system.
const LockSupported = false
