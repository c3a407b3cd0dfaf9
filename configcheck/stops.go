package configcheck

import "encoding/binary"

// stopMasksSWAR sets masks[k] to the stops (stopMasksGo says which) of
// data[64*k : 64*k+64]: len(data) is at least 64*len(masks)+stopReadAhead. It is stopMasks
// where there is no vector routine (not amd64, or -tags purego).
//
// It reads eight bytes to a word (SWAR), with the words one and two bytes on beside it for
// the byte after each and the one after that: OR-ing 0x20 into every byte folds Z onto z
// and O onto o, each compare is the exact zero-byte test (no carries between bytes) done
// for eight bytes at once, and the eight high bits are gathered into eight mask bits by one
// multiply (BenchmarkPrefilter).
func stopMasksSWAR(data []byte, masks []uint64) {
	const (
		caseBit = 0x2020202020202020
		zees    = 0x7a7a7a7a7a7a7a7a // z
		ohs     = 0x6f6f6f6f6f6f6f6f // o
		slashes = 0x2f2f2f2f2f2f2f2f // /
		twos    = 0x3232323232323232 // 2
		dots    = 0x2e2e2e2e2e2e2e2e // .
	)
	for k := range masks {
		block := data[64*k : 64*k+64+stopReadAhead]
		var m uint64
		for w := range 8 {
			x := binary.LittleEndian.Uint64(block[8*w:])
			next := binary.LittleEndian.Uint64(block[8*w+1:])
			second := binary.LittleEndian.Uint64(block[8*w+2:])
			zo := zeroBytes((x|caseBit)^zees) & zeroBytes((next|caseBit)^ohs)
			v2 := zeroBytes(x^slashes) & zeroBytes(second^twos)
			dot := zeroBytes(x^dots) & aboveSpace(next)
			m |= gatherHigh(zo|v2|dot) << (8 * w)
		}
		masks[k] = m
	}
}

// aboveSpace returns x with the high bit of each byte set exactly where that byte is above
// the space (0x20), unsigned: adding 0x5f to the low seven bits reaches the high bit from
// 0x21 up and never carries into the next byte, and a byte with its high bit set is above.
func aboveSpace(x uint64) uint64 {
	const low7, high = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	return ((x & low7) + 0x5f5f5f5f5f5f5f5f | x) & high
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
