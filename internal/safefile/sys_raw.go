//go:build linux && (amd64 || arm64)

package safefile

import (
	"syscall"
	"unsafe"
)

// The four system calls a file is read with (open, fstat, read, close) are made raw here,
// without telling the runtime a goroutine is in a system call. Told, the runtime's monitor
// finds a processor in a call at nearly every look while a scan opens and reads thousands
// of files a second, hands it to another thread, and wakes every 20 microseconds to look
// again: on a 16,000-file tree, 18,000 wake-ups and 3,400 thread hand-offs, about a tenth
// of the run's CPU (bench/configscan.sh). Each of these calls on a regular file returns
// within the time of a disk read; what is given up is the use of the processor by other
// goroutines during that time, which the scan's other workers do not need. A FIFO or a
// device never gets here: the open does not block (O_NONBLOCK) and fstat refuses it
// before any read. Only where the system call numbers and Stat_t are those of fstat(2)
// itself; elsewhere sys_other.go makes the usual calls.

// atFDCWD is AT_FDCWD: a relative name is looked up from the working directory.
const atFDCWD = -100

func sysOpen(name string, flags int) (int, error) {
	p, err := syscall.BytePtrFromString(name)
	if err != nil {
		return -1, err
	}
	dir := atFDCWD
	fd, _, e := syscall.RawSyscall6(syscall.SYS_OPENAT, uintptr(dir), uintptr(unsafe.Pointer(p)), uintptr(flags), 0, 0, 0)
	if e != 0 {
		return -1, e
	}
	return int(fd), nil
}

func sysFstat(fd int, st *syscall.Stat_t) error {
	if _, _, e := syscall.RawSyscall(syscall.SYS_FSTAT, uintptr(fd), uintptr(unsafe.Pointer(st)), 0); e != 0 {
		return e
	}
	return nil
}

func sysRead(fd int, p []byte) (int, error) {
	var buf unsafe.Pointer
	if len(p) > 0 {
		buf = unsafe.Pointer(&p[0])
	}
	n, _, e := syscall.RawSyscall(syscall.SYS_READ, uintptr(fd), uintptr(buf), uintptr(len(p)))
	if e != 0 {
		return -1, e
	}
	return int(n), nil
}

func sysClose(fd int) error {
	if _, _, e := syscall.RawSyscall(syscall.SYS_CLOSE, uintptr(fd), 0, 0); e != 0 {
		return e
	}
	return nil
}
