package resultcache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestPutGet(t *testing.T) {
	c := Open(t.TempDir())
	key := Key([]byte("a"), []byte("b"))
	if _, ok := c.Get(key); ok {
		t.Fatal("hit in an empty cache")
	}
	c.Put(key, []byte("value"))
	got, ok := c.Get(key)
	if !ok || string(got) != "value" {
		t.Fatalf("Get = %q, %v; want value, true", got, ok)
	}
	if Key([]byte("ab"), nil) == Key([]byte("a"), []byte("b")) {
		t.Error("Key does not tell its parts apart")
	}
}

// TestCorruptEntriesMiss: an entry cut short, with a byte changed, of another format or
// empty reads as a miss.
func TestCorruptEntriesMiss(t *testing.T) {
	dir := t.TempDir()
	c := Open(dir)
	key := Key([]byte("k"))
	for what, spoil := range map[string]func([]byte) []byte{
		"truncated":      func(b []byte) []byte { return b[:len(b)-3] },
		"flipped":        func(b []byte) []byte { b[len(b)-1] ^= 1; return b },
		"other format":   func(b []byte) []byte { return bytes.Replace(b, []byte("cache 1"), []byte("cache 9"), 1) },
		"empty":          func([]byte) []byte { return nil },
		"header only":    func([]byte) []byte { return []byte(header) },
		"sum cut short":  func(b []byte) []byte { return b[:len(header)+10] },
		"value appended": func(b []byte) []byte { return append(b, 'x') },
	} {
		c.Put(key, []byte("a value long enough"))
		name := filepath.Join(dir, key[:2], key)
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, spoil(data), 0o600); err != nil {
			t.Fatal(err)
		}
		if got, ok := c.Get(key); ok {
			t.Errorf("%s: Get = %q, want a miss", what, got)
		}
	}
}

// TestConcurrentPuts: writers and readers at once on the same keys; every read that hits
// reads a whole value one writer wrote, and no temporary file is left.
func TestConcurrentPuts(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := Open(dir)
			for i := range 50 {
				key := Key(fmt.Appendf(nil, "%d", i%5))
				value := bytes.Repeat(fmt.Appendf(nil, "%d-%d;", i%5, w), 1000)
				c.Put(key, value)
				if got, ok := c.Get(key); ok && !bytes.HasPrefix(got, fmt.Appendf(nil, "%d-", i%5)) {
					t.Errorf("read %q… under key %d", got[:10], i%5)
				}
			}
		}()
	}
	wg.Wait()
	tmps, _ := filepath.Glob(filepath.Join(dir, "*", "*.tmp"))
	if len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

// TestTrimKeepsRecentlyUsed: a trim removes the least recently used entries first, down
// to the size asked for.
func TestTrimKeepsRecentlyUsed(t *testing.T) {
	dir := t.TempDir()
	c := Open(dir)
	value := bytes.Repeat([]byte("x"), 1000)
	var keys []string
	for i := range 10 {
		k := Key(fmt.Appendf(nil, "%d", i))
		keys = append(keys, k)
		c.Put(k, value)
		old := time.Now().Add(time.Duration(i-20) * time.Hour) // key 0 the oldest
		if err := os.Chtimes(filepath.Join(dir, k[:2], k), old, old); err != nil {
			t.Fatal(err)
		}
	}
	// A read of an entry unused for over an hour marks it used.
	if _, ok := c.Get(keys[0]); !ok {
		t.Fatal("miss")
	}
	entry := int64(len(header) + 65 + len(value))
	c.Trim(4 * entry)
	for i, k := range keys {
		_, ok := c.Get(k)
		want := i == 0 || i >= 7
		if ok != want {
			t.Errorf("entry %d kept %v, want %v", i, ok, want)
		}
	}
}

func TestDir(t *testing.T) {
	t.Setenv(EnvVar, Off)
	if d := Dir(); d != "" {
		t.Errorf("Dir with %s=off = %q", EnvVar, d)
	}
	if c := Open(Dir()); c != nil {
		t.Error("Open(\"\") is not off")
	}
	var off *Cache
	off.Put("0123456789", []byte("x"))
	if _, ok := off.Get("0123456789"); ok {
		t.Error("a cache that is off hits")
	}
	t.Setenv(EnvVar, "/some/dir")
	if d := Dir(); d != "/some/dir" {
		t.Errorf("Dir = %q", d)
	}
	t.Setenv(EnvVar, "")
	if d, err := os.UserCacheDir(); err == nil && Dir() != filepath.Join(d, "zscopelint") {
		t.Errorf("Dir = %q, want under %s", Dir(), d)
	}
}
