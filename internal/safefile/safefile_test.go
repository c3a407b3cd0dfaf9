//go:build unix

package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.yaml")
	if err := os.WriteFile(small, []byte("scope: ZohoCRM.users.READ\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte(strings.Repeat("x", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, err := ReadFile(small, 1<<10); err != nil || string(data) != "scope: ZohoCRM.users.READ\n" {
		t.Errorf("small file: %q, %v", data, err)
	}
	var tooBig *TooLargeError
	if _, err := ReadFile(big, 50); !errors.As(err, &tooBig) || tooBig.Size != 100 || tooBig.Limit != 50 {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := ReadFile(dir, 1<<10); !errors.Is(err, ErrNotRegular) {
		t.Errorf("directory: %v", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 1<<10); Describe(err) != "open: no such file or directory" {
		t.Errorf("missing file: %q", Describe(err))
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{fifo, "/dev/zero"} {
		if _, err := ReadFile(name, 1<<10); !errors.Is(err, ErrNotRegular) || Describe(err) != "not a regular file" {
			t.Errorf("%s: %v", name, err)
		}
	}
	// A regular file whose size the system does not know (/proc) is read up to the limit.
	if _, err := os.Stat("/proc/self/status"); err == nil {
		if _, err := ReadFile("/proc/self/status", 16); !errors.As(err, &tooBig) {
			t.Errorf("/proc file over the limit: %v", err)
		}
	}
}

// Open reads a regular file in pieces and stops at the size it had when opened: a log
// written to while it is read does not keep the reader going.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "app.log")
	if err := os.WriteFile(name, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString("written after the open\n")
	w.Close()
	var got []byte
	buf := make([]byte, 4)
	for {
		n, err := f.Read(buf)
		got = append(got, buf[:n]...)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if f.Size != 10 || string(got) != "0123456789" {
		t.Errorf("size %d, read %q", f.Size, got)
	}
	if _, err := Open(dir); !errors.Is(err, ErrNotRegular) {
		t.Errorf("directory: %v", err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(fifo); !errors.Is(err, ErrNotRegular) { // and without blocking
		t.Errorf("FIFO: %v", err)
	}
}
