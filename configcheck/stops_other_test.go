//go:build !amd64 || purego

package configcheck

// archStopMasks are the vector routines of this architecture: none.
func archStopMasks() map[string]func([]byte, []uint64) { return nil }
