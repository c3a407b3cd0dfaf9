//go:build linux && (amd64 || arm64)

package dirwalk

import (
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// dirent encodes one linux_dirent64 record, padded to eight bytes as the kernel pads it.
func dirent(name string, typ byte) []byte {
	n := 19 + len(name) + 1
	n = (n + 7) &^ 7
	b := make([]byte, n)
	binary.NativeEndian.PutUint64(b[0:], 42)
	binary.NativeEndian.PutUint16(b[16:], uint16(n))
	b[18] = typ
	copy(b[19:], name)
	return b
}

// TestParseDirents: the records of a getdents64 buffer become entries, . and .. left out,
// a type the file system does not give is read with lstat, and a record that cannot be one
// ends the buffer without a crash.
func TestParseDirents(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	var b []byte
	for _, r := range []struct {
		name string
		typ  byte
	}{{".", syscall.DT_DIR}, {"..", syscall.DT_DIR}, {"f", syscall.DT_REG}, {"sub", syscall.DT_UNKNOWN},
		{"l", syscall.DT_LNK}, {"p", syscall.DT_FIFO}, {"s", syscall.DT_SOCK}, {"c", syscall.DT_CHR}, {"k", syscall.DT_BLK}} {
		b = append(b, dirent(r.name, r.typ)...)
	}
	got := parseDirents(b, dir, nil)
	want := map[string]fs.FileMode{"f": 0, "sub": fs.ModeDir, "l": fs.ModeSymlink, "p": fs.ModeNamedPipe, "s": fs.ModeSocket,
		"c": fs.ModeDevice | fs.ModeCharDevice, "k": fs.ModeDevice}
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for _, e := range got {
		if typ, ok := want[e.name]; !ok || typ != e.typ {
			t.Errorf("%s: type %v, want %v (listed: %v)", e.name, e.typ, typ, ok)
		}
	}
	bad := append(dirent("ok", syscall.DT_REG), 1, 2, 3)
	binary.NativeEndian.PutUint16(bad[len(bad)-3-0:], 0) // a truncated record after a good one
	for _, buf := range [][]byte{bad, {0}, make([]byte, 19), append(dirent("x", syscall.DT_REG)[:18], 0xff)} {
		parseDirents(buf, dir, nil)
	}
	if got := parseDirents(bad, dir, nil); len(got) != 1 || got[0].name != "ok" {
		t.Errorf("a good record before a truncated one: %v", got)
	}
}
