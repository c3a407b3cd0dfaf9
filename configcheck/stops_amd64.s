//go:build !purego

#include "textflag.h"

// func stopMasksSSE2(data []byte, masks []uint64)
//
// For each 64 bytes of data, a word whose bit i is set where byte i is one find stops at
// (stopMasksGo says which), in SSE2, which every amd64 has: each 16 bytes are compared
// beside the 16 one byte on (the byte after each) and two bytes on (the one after that),
// so data holds stopReadAhead bytes past the last block.
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

// func stopMasksAVX2(data []byte, masks []uint64)
//
// stopMasksSSE2 with 32-byte compares, where the processor has AVX2 (hasAVX2).
TEXT ·stopMasksAVX2(SB), NOSPLIT, $0-48
	MOVQ data_base+0(FP), SI
	MOVQ masks_base+24(FP), DI
	MOVQ masks_len+32(FP), CX
	TESTQ CX, CX
	JZ avxdone
	VMOVDQU fold32<>(SB), Y8
	VMOVDQU zees32<>(SB), Y9
	VMOVDQU ohs32<>(SB), Y10
	VMOVDQU slashes32<>(SB), Y11
	VMOVDQU twos32<>(SB), Y12
	VMOVDQU dots32<>(SB), Y13
	VMOVDQU bangs32<>(SB), Y14

avxloop:
	// bytes 0 to 31
	VMOVDQU 0(SI), Y0
	VMOVDQU 1(SI), Y1
	VMOVDQU 2(SI), Y2
	VPOR Y8, Y0, Y3
	VPCMPEQB Y9, Y3, Y3 // z or Z
	VPOR Y8, Y1, Y4
	VPCMPEQB Y10, Y4, Y4 // before o or O
	VPAND Y4, Y3, Y3
	VPCMPEQB Y11, Y0, Y4 // a slash
	VPCMPEQB Y12, Y2, Y2 // two before a 2
	VPAND Y2, Y4, Y4
	VPOR Y4, Y3, Y3
	VPCMPEQB Y13, Y0, Y0 // a dot
	VPMAXUB Y14, Y1, Y4
	VPCMPEQB Y1, Y4, Y4 // before a byte above the space
	VPAND Y4, Y0, Y0
	VPOR Y0, Y3, Y3
	VPMOVMSKB Y3, AX
	// bytes 32 to 63
	VMOVDQU 32(SI), Y0
	VMOVDQU 33(SI), Y1
	VMOVDQU 34(SI), Y2
	VPOR Y8, Y0, Y3
	VPCMPEQB Y9, Y3, Y3 // z or Z
	VPOR Y8, Y1, Y4
	VPCMPEQB Y10, Y4, Y4 // before o or O
	VPAND Y4, Y3, Y3
	VPCMPEQB Y11, Y0, Y4 // a slash
	VPCMPEQB Y12, Y2, Y2 // two before a 2
	VPAND Y2, Y4, Y4
	VPOR Y4, Y3, Y3
	VPCMPEQB Y13, Y0, Y0 // a dot
	VPMAXUB Y14, Y1, Y4
	VPCMPEQB Y1, Y4, Y4 // before a byte above the space
	VPAND Y4, Y0, Y0
	VPOR Y0, Y3, Y3
	VPMOVMSKB Y3, BX
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

DATA fold32<>+0(SB)/8, $0x2020202020202020
DATA fold32<>+8(SB)/8, $0x2020202020202020
DATA fold32<>+16(SB)/8, $0x2020202020202020
DATA fold32<>+24(SB)/8, $0x2020202020202020
GLOBL fold32<>(SB), RODATA|NOPTR, $32
DATA zees32<>+0(SB)/8, $0x7a7a7a7a7a7a7a7a
DATA zees32<>+8(SB)/8, $0x7a7a7a7a7a7a7a7a
DATA zees32<>+16(SB)/8, $0x7a7a7a7a7a7a7a7a
DATA zees32<>+24(SB)/8, $0x7a7a7a7a7a7a7a7a
GLOBL zees32<>(SB), RODATA|NOPTR, $32
DATA ohs32<>+0(SB)/8, $0x6f6f6f6f6f6f6f6f
DATA ohs32<>+8(SB)/8, $0x6f6f6f6f6f6f6f6f
DATA ohs32<>+16(SB)/8, $0x6f6f6f6f6f6f6f6f
DATA ohs32<>+24(SB)/8, $0x6f6f6f6f6f6f6f6f
GLOBL ohs32<>(SB), RODATA|NOPTR, $32
DATA slashes32<>+0(SB)/8, $0x2f2f2f2f2f2f2f2f
DATA slashes32<>+8(SB)/8, $0x2f2f2f2f2f2f2f2f
DATA slashes32<>+16(SB)/8, $0x2f2f2f2f2f2f2f2f
DATA slashes32<>+24(SB)/8, $0x2f2f2f2f2f2f2f2f
GLOBL slashes32<>(SB), RODATA|NOPTR, $32
DATA twos32<>+0(SB)/8, $0x3232323232323232
DATA twos32<>+8(SB)/8, $0x3232323232323232
DATA twos32<>+16(SB)/8, $0x3232323232323232
DATA twos32<>+24(SB)/8, $0x3232323232323232
GLOBL twos32<>(SB), RODATA|NOPTR, $32
DATA dots32<>+0(SB)/8, $0x2e2e2e2e2e2e2e2e
DATA dots32<>+8(SB)/8, $0x2e2e2e2e2e2e2e2e
DATA dots32<>+16(SB)/8, $0x2e2e2e2e2e2e2e2e
DATA dots32<>+24(SB)/8, $0x2e2e2e2e2e2e2e2e
GLOBL dots32<>(SB), RODATA|NOPTR, $32
DATA bangs32<>+0(SB)/8, $0x2121212121212121
DATA bangs32<>+8(SB)/8, $0x2121212121212121
DATA bangs32<>+16(SB)/8, $0x2121212121212121
DATA bangs32<>+24(SB)/8, $0x2121212121212121
GLOBL bangs32<>(SB), RODATA|NOPTR, $32
