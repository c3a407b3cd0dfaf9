package configcheck

import "encoding/binary"

// stopMasksSWAR sets masks[k] to the stops (stopMasksGo says which) of
// data[64*k : 64*k+64]: len(data) is at least 64*len(masks). It is stopMasks where there is
// no vector routine (not amd64, or -tags purego).
//
// It reads eight bytes to a word (SWAR): OR-ing 0x20 into every byte folds Z onto z, and
// OR-ing 0x21 folds the dot onto the slash, so each stop is one byte compare, done for
// eight bytes at once with the exact zero-byte test (no carries between bytes), and the
// eight high bits gathered into eight mask bits by one multiply: about 0.8x the speed of
// the four vectorised bytes.IndexByte passes the one pass replaced, where a byte loop was
// 0.6x (BenchmarkPrefilter).
func stopMasksSWAR(data []byte, masks []uint64) {
	const (
		caseZ = 0x2020202020202020
		zees  = 0x7a7a7a7a7a7a7a7a // z
		dotsl = 0x2121212121212121
		slash = 0x2f2f2f2f2f2f2f2f // /
	)
	for k := range masks {
		block := data[64*k : 64*k+64]
		var m uint64
		for w := range 8 {
			x := binary.LittleEndian.Uint64(block[8*w:])
			z := (x | caseZ) ^ zees  // a zero byte where x had z or Z
			s := (x | dotsl) ^ slash // a zero byte where x had a dot or a slash
			m |= gatherHigh(zeroBytes(z)|zeroBytes(s)) << (8 * w)
		}
		masks[k] = m
	}
}

// zeroBytes returns x with the high bit of each byte set exactly where that byte of x is
// zero: adding 0x7f to the low seven bits never carries into the next byte.
func zeroBytes(x uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	t := (x&low7 + low7) | x
	return ^(t | low7)
}

// gatherHigh moves the high bit of byte i of x to bit i of the result (the other bits of
// x must be zero): the multiply adds each bit, shifted to its place, into the top byte
// without two of them meeting.
func gatherHigh(x uint64) uint64 {
	return (x >> 7) * 0x0102040810204080 >> 56
}
