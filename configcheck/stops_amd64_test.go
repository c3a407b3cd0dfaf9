//go:build !purego

package configcheck

// archStopMasks are the vector routines of this architecture, each held to stopMasksGo by
// TestStopMasks whichever stopMasks picks: AVX2 only where the processor has it.
func archStopMasks() map[string]func([]byte, []uint64) {
	m := map[string]func([]byte, []uint64){"stopMasksSSE2": stopMasksSSE2}
	if hasAVX2() {
		m["stopMasksAVX2"] = stopMasksAVX2
	}
	return m
}
