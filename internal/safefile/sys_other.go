//go:build unix && !(linux && (amd64 || arm64))

package safefile

import "syscall"

// The system calls a file is read with, made as usual (sys_raw.go says why Linux on amd64
// and arm64 makes them raw).

func sysOpen(name string, flags int) (int, error) { return syscall.Open(name, flags, 0) }

func sysFstat(fd int, st *syscall.Stat_t) error { return syscall.Fstat(fd, st) }

func sysRead(fd int, p []byte) (int, error) { return syscall.Read(fd, p) }

func sysClose(fd int) error { return syscall.Close(fd) }
