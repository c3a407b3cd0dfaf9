//go:build !purego

#include "textflag.h"

// func stopMasks(data []byte, masks []uint64)
//
// For each 64 bytes of data, a word whose bit i is set where byte i is one find stops at
// (stopMasksGo says which): four 16-byte compares in SSE2, which every amd64 has.
TEXT ·stopMasks(SB), NOSPLIT, $0-48
	MOVQ data_base+0(FP), SI
	MOVQ masks_base+24(FP), DI
	MOVQ masks_len+32(FP), CX
	TESTQ CX, CX
	JZ done
	MOVOU fold<>(SB), X8
	MOVOU zees<>(SB), X9
	MOVOU ones<>(SB), X10
	MOVOU slashes<>(SB), X11

loop:
	MOVOU 0(SI), X0
	MOVOU 16(SI), X2
	MOVOU 32(SI), X4
	MOVOU 48(SI), X6
	POR X8, X0
	POR X8, X2
	POR X8, X4
	POR X8, X6
	MOVO X0, X1
	MOVO X2, X3
	MOVO X4, X5
	MOVO X6, X7
	PCMPEQB X9, X1
	PCMPEQB X9, X3
	PCMPEQB X9, X5
	PCMPEQB X9, X7
	POR X10, X0
	POR X10, X2
	POR X10, X4
	POR X10, X6
	PCMPEQB X11, X0
	PCMPEQB X11, X2
	PCMPEQB X11, X4
	PCMPEQB X11, X6
	POR X1, X0
	POR X3, X2
	POR X5, X4
	POR X7, X6
	PMOVMSKB X0, AX
	PMOVMSKB X2, BX
	PMOVMSKB X4, DX
	PMOVMSKB X6, R8
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

// Each byte's case bit (z and Z alike), z, its low bit (the dot and the slash alike), the
// slash.
DATA fold<>+0(SB)/8, $0x2020202020202020
DATA fold<>+8(SB)/8, $0x2020202020202020
GLOBL fold<>(SB), RODATA|NOPTR, $16
DATA zees<>+0(SB)/8, $0x7a7a7a7a7a7a7a7a
DATA zees<>+8(SB)/8, $0x7a7a7a7a7a7a7a7a
GLOBL zees<>(SB), RODATA|NOPTR, $16
DATA ones<>+0(SB)/8, $0x0101010101010101
DATA ones<>+8(SB)/8, $0x0101010101010101
GLOBL ones<>(SB), RODATA|NOPTR, $16
DATA slashes<>+0(SB)/8, $0x2f2f2f2f2f2f2f2f
DATA slashes<>+8(SB)/8, $0x2f2f2f2f2f2f2f2f
GLOBL slashes<>(SB), RODATA|NOPTR, $16
