//go:build !amd64 || purego

package configcheck

// stopMasks sets masks[k] to the stops of data[64*k : 64*k+64]: len(data) is at least
// 64*len(masks)+stopReadAhead.
func stopMasks(data []byte, masks []uint64) { stopMasksSWAR(data, masks) }
