//go:build unix

package safefile

import (
	"errors"
	"os"
	"syscall"
)

// Lock takes an exclusive advisory lock (flock) on the file name, creating it, and waits
// for it while another process holds it, calling waiting first. The lock lasts until
// unlock is called or the process ends, however it ends: the system releases it.
func Lock(name string, waiting func()) (unlock func(), err error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW, 0o600)
	if err != nil {
		return nil, err
	}
	// In a shared directory another user could make the file first and hold its lock.
	var st syscall.Stat_t
	if err := syscall.Fstat(int(f.Fd()), &st); err != nil || int(st.Uid) != os.Geteuid() {
		f.Close()
		return nil, &os.PathError{Op: "lock", Path: name, Err: errors.New("the file belongs to another user")}
	}
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil {
		return func() { f.Close() }, nil
	}
	waiting()
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, &os.PathError{Op: "flock", Path: name, Err: err}
	}
	return func() { f.Close() }, nil
}

// LockSupported reports whether Lock locks on this system.
const LockSupported = true
