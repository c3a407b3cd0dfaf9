//go:build !purego

package configcheck

// stopMasks sets masks[k] to the stops (stopMasksGo) of data[64*k : 64*k+64], with AVX2
// where the processor has it and SSE2 (which every amd64 has) elsewhere: len(data) is at
// least 64*len(masks)+stopReadAhead.
func stopMasks(data []byte, masks []uint64) {
	if useAVX2 {
		stopMasksAVX2(data, masks)
	} else {
		stopMasksSSE2(data, masks)
	}
}

// useAVX2 says whether stopMasks uses its AVX2 routine: about twice the bytes a step.
var useAVX2 = hasAVX2()

//go:noescape
func stopMasksSSE2(data []byte, masks []uint64)

//go:noescape
func stopMasksAVX2(data []byte, masks []uint64)

func hasAVX2() bool
