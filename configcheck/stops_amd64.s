//go:build !purego

#include "textflag.h"

// func stopMasks(data []byte, masks []uint64)
//
// For each 64 bytes of data, a word whose bit i is set where byte i is one find stops at
// (stopMasksGo says which), in SSE2, which every amd64 has: each 16 bytes are compared
// beside the 16 one byte on (the byte after each) and two bytes on (the one after that),
// so data holds stopReadAhead bytes past the last block.
TEXT ·stopMasks(SB), NOSPLIT, $0-48
	MOVQ data_base+0(FP), SI
	MOVQ masks_base+24(FP), DI
	MOVQ masks_len+32(FP), CX
	TESTQ CX, CX
	JZ done
	MOVOU fold<>(SB), X8
	MOVOU zees<>(SB), X9
	MOVOU ohs<>(SB), X10
	MOVOU slashes<>(SB), X11
	MOVOU twos<>(SB), X12
	MOVOU dots<>(SB), X13
	MOVOU bangs<>(SB), X14

loop:
	// bytes 0 to 15
	MOVOU 0(SI), X0
	MOVOU 1(SI), X1
	MOVOU 2(SI), X2
	MOVO X0, X3
	POR X8, X3
	PCMPEQB X9, X3 // z or Z
	MOVO X1, X4
	POR X8, X4
	PCMPEQB X10, X4 // before o or O
	PAND X4, X3
	MOVO X0, X4
	PCMPEQB X11, X4 // a slash
	PCMPEQB X12, X2 // two before a 2
	PAND X2, X4
	POR X4, X3
	PCMPEQB X13, X0 // a dot
	MOVO X1, X4
	PMAXUB X14, X4
	PCMPEQB X1, X4 // before a byte above the space: max(next, 0x21) is next
	PAND X4, X0
	POR X0, X3
	PMOVMSKB X3, AX
	// bytes 16 to 31
	MOVOU 16(SI), X0
	MOVOU 17(SI), X1
	MOVOU 18(SI), X2
	MOVO X0, X3
	POR X8, X3
	PCMPEQB X9, X3 // z or Z
	MOVO X1, X4
	POR X8, X4
	PCMPEQB X10, X4 // before o or O
	PAND X4, X3
	MOVO X0, X4
	PCMPEQB X11, X4 // a slash
	PCMPEQB X12, X2 // two before a 2
	PAND X2, X4
	POR X4, X3
	PCMPEQB X13, X0 // a dot
	MOVO X1, X4
	PMAXUB X14, X4
	PCMPEQB X1, X4 // before a byte above the space: max(next, 0x21) is next
	PAND X4, X0
	POR X0, X3
	PMOVMSKB X3, BX
	// bytes 32 to 47
	MOVOU 32(SI), X0
	MOVOU 33(SI), X1
	MOVOU 34(SI), X2
	MOVO X0, X3
	POR X8, X3
	PCMPEQB X9, X3 // z or Z
	MOVO X1, X4
	POR X8, X4
	PCMPEQB X10, X4 // before o or O
	PAND X4, X3
	MOVO X0, X4
	PCMPEQB X11, X4 // a slash
	PCMPEQB X12, X2 // two before a 2
	PAND X2, X4
	POR X4, X3
	PCMPEQB X13, X0 // a dot
	MOVO X1, X4
	PMAXUB X14, X4
	PCMPEQB X1, X4 // before a byte above the space: max(next, 0x21) is next
	PAND X4, X0
	POR X0, X3
	PMOVMSKB X3, DX
	// bytes 48 to 63
	MOVOU 48(SI), X0
	MOVOU 49(SI), X1
	MOVOU 50(SI), X2
	MOVO X0, X3
	POR X8, X3
	PCMPEQB X9, X3 // z or Z
	MOVO X1, X4
	POR X8, X4
	PCMPEQB X10, X4 // before o or O
	PAND X4, X3
	MOVO X0, X4
	PCMPEQB X11, X4 // a slash
	PCMPEQB X12, X2 // two before a 2
	PAND X2, X4
	POR X4, X3
	PCMPEQB X13, X0 // a dot
	MOVO X1, X4
	PMAXUB X14, X4
	PCMPEQB X1, X4 // before a byte above the space: max(next, 0x21) is next
	PAND X4, X0
	POR X0, X3
	PMOVMSKB X3, R8
	SHLQ $16, BX
	SHLQ $32, DX
	SHLQ $48, R8
	ORQ BX, AX
	ORQ DX, AX
	ORQ R8, AX
	MOVQ AX, 0(DI)
	ADDQ $64, SI
	ADDQ $8, DI
	DECQ CX
	JNZ loop

done:
	RET

// Each byte's case bit (z and Z alike, o and O alike), z, o, the slash, 2, the dot, and
// the byte after the space.
DATA fold<>+0(SB)/8, $0x2020202020202020
DATA fold<>+8(SB)/8, $0x2020202020202020
GLOBL fold<>(SB), RODATA|NOPTR, $16
DATA zees<>+0(SB)/8, $0x7a7a7a7a7a7a7a7a
DATA zees<>+8(SB)/8, $0x7a7a7a7a7a7a7a7a
GLOBL zees<>(SB), RODATA|NOPTR, $16
DATA ohs<>+0(SB)/8, $0x6f6f6f6f6f6f6f6f
DATA ohs<>+8(SB)/8, $0x6f6f6f6f6f6f6f6f
GLOBL ohs<>(SB), RODATA|NOPTR, $16
DATA slashes<>+0(SB)/8, $0x2f2f2f2f2f2f2f2f
DATA slashes<>+8(SB)/8, $0x2f2f2f2f2f2f2f2f
GLOBL slashes<>(SB), RODATA|NOPTR, $16
DATA twos<>+0(SB)/8, $0x3232323232323232
DATA twos<>+8(SB)/8, $0x3232323232323232
GLOBL twos<>(SB), RODATA|NOPTR, $16
DATA dots<>+0(SB)/8, $0x2e2e2e2e2e2e2e2e
DATA dots<>+8(SB)/8, $0x2e2e2e2e2e2e2e2e
GLOBL dots<>(SB), RODATA|NOPTR, $16
DATA bangs<>+0(SB)/8, $0x2121212121212121
DATA bangs<>+8(SB)/8, $0x2121212121212121
GLOBL bangs<>(SB), RODATA|NOPTR, $16
