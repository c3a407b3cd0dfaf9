package resultcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// EnvVar names the cache directory, or "off" to switch the cache off.
const EnvVar = "ZSCOPELINT_CACHE"

// Off as EnvVar's value switches the cache off.
const Off = "off"

// MaxBytes bounds the size of the entries a cache directory keeps.
var MaxBytes int64 = 256 << 20

// trimEvery is how often at most a run trims the directory; used is how stale an entry's
// modification time may get before a read refreshes it (the trim keeps the most recently
// used entries).
const (
	trimEvery = time.Hour
	used      = time.Hour
)

// header starts every entry; a format change changes it, and entries of another format
// read as misses.
const header = "zscopelint result cache 1\n"

// A Cache is one cache directory. A nil *Cache is a cache that is off: Get misses and Put
// does nothing.
type Cache struct {
	dir string

	mu    sync.Mutex
	wrote bool
}

// Dir is the cache directory the environment asks for: ZSCOPELINT_CACHE, or
// os.UserCacheDir()/zscopelint; "" when the cache is off or there is no user cache
// directory.
func Dir() string {
	switch v := os.Getenv(EnvVar); v {
	case Off:
		return ""
	case "":
		d, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		return filepath.Join(d, "zscopelint")
	default:
		return v
	}
}

// Open opens the cache directory dir, creating it; a dir of "" or one that cannot be
// created gives a nil Cache (off): the run goes on without a cache.
func Open(dir string) *Cache {
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil
	}
	return &Cache{dir: dir}
}

// Key hashes the parts of a key into the hex key Get and Put take. Each part is
// length-prefixed, so that no two lists of parts give the same key.
func Key(parts ...[]byte) string {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		l := len(p)
		for i := range n {
			n[i] = byte(l >> (8 * i))
		}
		h.Write(n[:])
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func (c *Cache) path(key string) (string, bool) {
	if len(key) < 8 || strings.ContainsAny(key, `/\.`) {
		return "", false
	}
	return filepath.Join(c.dir, key[:2], key), true
}

// Get returns the value stored under key, or false: no entry, or one that is corrupt,
// truncated or of another format.
func (c *Cache) Get(key string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	name, ok := c.path(key)
	if !ok {
		return nil, false
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	rest, ok := bytes.CutPrefix(data, []byte(header))
	if !ok || len(rest) < 2*sha256.Size+1 || rest[2*sha256.Size] != '\n' {
		return nil, false
	}
	sum, value := rest[:2*sha256.Size], rest[2*sha256.Size+1:]
	got := sha256.Sum256(value)
	if hex.EncodeToString(got[:]) != string(sum) {
		return nil, false
	}
	if fi, err := os.Stat(name); err == nil && time.Since(fi.ModTime()) > used {
		now := time.Now()
		_ = os.Chtimes(name, now, now)
	}
	return value, true
}

// Put stores value under key. It writes a temporary file beside the entry and renames it
// into place, so that a run reading the entry at the same time sees all of it or none. A
// failure to write leaves the cache as it was: the value is computed again next time.
func (c *Cache) Put(key string, value []byte) {
	if c == nil {
		return
	}
	name, ok := c.path(key)
	if !ok {
		return
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(name), key[:8]+".*.tmp")
	if err != nil {
		return
	}
	sum := sha256.Sum256(value)
	var buf bytes.Buffer
	buf.WriteString(header)
	buf.WriteString(hex.EncodeToString(sum[:]))
	buf.WriteByte('\n')
	buf.Write(value)
	_, err = f.Write(buf.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
		return
	}
	c.mu.Lock()
	c.wrote = true
	c.mu.Unlock()
}

// Close trims the directory when this run wrote entries and the last trim is more than
// trimEvery ago.
func (c *Cache) Close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	wrote := c.wrote
	c.mu.Unlock()
	if !wrote {
		return
	}
	marker := filepath.Join(c.dir, "trim.txt")
	if fi, err := os.Stat(marker); err == nil && time.Since(fi.ModTime()) < trimEvery {
		return
	}
	_ = os.WriteFile(marker, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o600)
	c.Trim(MaxBytes)
}

// Trim removes the least recently used entries until those left take at most max bytes.
// Temporary files an interrupted run left behind for more than an hour go too.
func (c *Cache) Trim(max int64) {
	if c == nil {
		return
	}
	type entry struct {
		name string
		size int64
		mod  time.Time
	}
	var entries []entry
	var total int64
	_ = filepath.WalkDir(c.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == filepath.Join(c.dir, "trim.txt") {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		if strings.HasSuffix(path, ".tmp") {
			if time.Since(fi.ModTime()) > time.Hour {
				os.Remove(path)
			}
			return nil
		}
		entries = append(entries, entry{path, fi.Size(), fi.ModTime()})
		total += fi.Size()
		return nil
	})
	if total <= max {
		return
	}
	sort.Slice(entries, func(i, j int) bool {
		if !entries[i].mod.Equal(entries[j].mod) {
			return entries[i].mod.Before(entries[j].mod)
		}
		return entries[i].name < entries[j].name
	})
	for _, e := range entries {
		if total <= max {
			break
		}
		if err := os.Remove(e.name); err == nil || errors.Is(err, fs.ErrNotExist) {
			total -= e.size
		}
	}
}
