//go:build !purego

#include "textflag.h"

// The stops of 16 bytes at OFF(SI) into the low 16 bits of REG, in SSE2: each byte is
// compared beside the byte after it (OFF+1) and the one after that (OFF+2); X8 to X14 hold
// the constants below. X3 gathers z or Z before o or O, then a slash two before a 2, then a
// dot before a byte above the space (max(next, 0x21) is next).
#define STOPS16(OFF, REG) \
	MOVOU OFF(SI), X0 \
	MOVOU OFF+1(SI), X1 \
	MOVOU OFF+2(SI), X2 \
	MOVO X0, X3 \
	POR X8, X3 \
	PCMPEQB X9, X3 \
	MOVO X1, X4 \
	POR X8, X4 \
	PCMPEQB X10, X4 \
	PAND X4, X3 \
	MOVO X0, X4 \
	PCMPEQB X11, X4 \
	PCMPEQB X12, X2 \
	PAND X2, X4 \
	POR X4, X3 \
	PCMPEQB X13, X0 \
	MOVO X1, X4 \
	PMAXUB X14, X4 \
	PCMPEQB X1, X4 \
	PAND X4, X0 \
	POR X0, X3 \
	PMOVMSKB X3, REG

// STOPS16 for 32 bytes in AVX2, into the low 32 bits of REG, Y8 to Y14 holding the
// constants.
#define STOPS32(OFF, REG) \
	VMOVDQU OFF(SI), Y0 \
	VMOVDQU OFF+1(SI), Y1 \
	VMOVDQU OFF+2(SI), Y2 \
	VPOR Y8, Y0, Y3 \
	VPCMPEQB Y9, Y3, Y3 \
	VPOR Y8, Y1, Y4 \
	VPCMPEQB Y10, Y4, Y4 \
	VPAND Y4, Y3, Y3 \
	VPCMPEQB Y11, Y0, Y4 \
	VPCMPEQB Y12, Y2, Y2 \
	VPAND Y2, Y4, Y4 \
	VPOR Y4, Y3, Y3 \
	VPCMPEQB Y13, Y0, Y0 \
	VPMAXUB Y14, Y1, Y4 \
	VPCMPEQB Y1, Y4, Y4 \
	VPAND Y4, Y0, Y0 \
	VPOR Y0, Y3, Y3 \
	VPMOVMSKB Y3, REG

// func stopMasksSSE2(data []byte, masks []uint64)
//
// For each 64 bytes of data, a word whose bit i is set where byte i is one find stops at
// (stopMasksGo says which), in SSE2, which every amd64 has; data holds stopReadAhead bytes
// past the last block.
TEXT ·stopMasksSSE2(SB), NOSPLIT, $0-48
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
	STOPS16(0, AX)
	STOPS16(16, BX)
	STOPS16(32, DX)
	STOPS16(48, R8)
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

// func stopMasksAVX2(data []byte, masks []uint64)
//
// stopMasksSSE2 with 32-byte compares, where the processor has AVX2 (hasAVX2).
TEXT ·stopMasksAVX2(SB), NOSPLIT, $0-48
	MOVQ data_base+0(FP), SI
	MOVQ masks_base+24(FP), DI
	MOVQ masks_len+32(FP), CX
	TESTQ CX, CX
	JZ avxdone
	VMOVDQU fold<>(SB), Y8
	VMOVDQU zees<>(SB), Y9
	VMOVDQU ohs<>(SB), Y10
	VMOVDQU slashes<>(SB), Y11
	VMOVDQU twos<>(SB), Y12
	VMOVDQU dots<>(SB), Y13
	VMOVDQU bangs<>(SB), Y14

avxloop:
	STOPS32(0, AX)
	STOPS32(32, BX)
	SHLQ $32, BX
	ORQ BX, AX
	MOVQ AX, 0(DI)
	ADDQ $64, SI
	ADDQ $8, DI
	DECQ CX
	JNZ avxloop
	VZEROUPPER

avxdone:
	RET

// func hasAVX2() bool
//
// CPUID says the processor has AVX2 and XGETBV that the system saves the YMM registers.
TEXT ·hasAVX2(SB), NOSPLIT, $0-1
	XORL AX, AX
	XORL CX, CX
	CPUID
	CMPL AX, $7
	JLT no
	MOVL $1, AX
	XORL CX, CX
	CPUID
	ANDL $0x18000000, CX // OSXSAVE and AVX
	CMPL CX, $0x18000000
	JNE no
	XORL CX, CX
	XGETBV
	ANDL $6, AX // the XMM and YMM state
	CMPL AX, $6
	JNE no
	MOVL $7, AX
	XORL CX, CX
	CPUID
	BTL $5, BX // AVX2
	JCC no
	MOVB $1, ret+0(FP)
	RET

no:
	MOVB $0, ret+0(FP)
	RET

// 32 copies each (SSE2 reads the first 16): each byte's case bit (z and Z alike, o and O
// alike), z, o, the slash, 2, the dot, and the byte after the space.
#define SPLAT(NAME, WORD) \
	DATA NAME<>+0(SB)/8, WORD \
	DATA NAME<>+8(SB)/8, WORD \
	DATA NAME<>+16(SB)/8, WORD \
	DATA NAME<>+24(SB)/8, WORD \
	GLOBL NAME<>(SB), RODATA|NOPTR, $32

SPLAT(fold, $0x2020202020202020)
SPLAT(zees, $0x7a7a7a7a7a7a7a7a)
SPLAT(ohs, $0x6f6f6f6f6f6f6f6f)
SPLAT(slashes, $0x2f2f2f2f2f2f2f2f)
SPLAT(twos, $0x3232323232323232)
SPLAT(dots, $0x2e2e2e2e2e2e2e2e)
SPLAT(bangs, $0x2121212121212121)
