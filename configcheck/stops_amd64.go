//go:build !purego

package configcheck

// stopMasks sets masks[k] to the stops (stopMasksGo) of data[64*k : 64*k+64], with SSE2:
// len(data) is at least 64*len(masks)+stopReadAhead.
//
//go:noescape
func stopMasks(data []byte, masks []uint64)
