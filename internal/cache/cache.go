// Package cache keeps, between builds, what a build makes the same way from the same
// input and what costs more to make than to read: the app icons drawn as PNG, the QR
// codes of the worksheets' addresses, the minified static files, the templates parsed
// and escaped, the search index. A clinic's site of a few dozen pages spends most of its build on these,
// and they change only when their input or iptsite itself does.
//
// An entry is found by a key made from its input and the version of the program
// (Key), so a changed input or a new iptsite finds nothing and makes the entry again: the
// cache is never wrong, only cold. Each entry file starts with a CRC-32 of what follows
// (a checksum for damage, which the processor computes at memory speed; what finds an
// entry is the key's SHA-256); an entry that does not match it (a torn write, a changed
// file) is a miss, and is made again and written over. Entries are written to a
// temporary file and renamed, so two builds at once do not see each other's
// half-written files.
//
// The cache lives in the user cache folder (os.UserCacheDir()/iptsite: ~/.cache/iptsite
// on Linux). IPTSITE_CACHE=off turns it off; IPTSITE_CACHE=/some/folder puts it there.
// Deleting the folder at any time is safe; entries no build has read for 30 days are
// deleted by Prune, which iptsite runs after a build at most once a day. A nil *Cache is a cache that is off: it finds
// nothing and keeps nothing, which is what tests and packages given no cache get.
package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"

	"github.com/iptsite/iptsite/internal/diskfile"
)

// Env is the environment variable that turns the cache off ("off") or moves it.
const Env = "IPTSITE_CACHE"

// format changes when the layout of an entry does: old entries are then not read.
const format = "2"

// A Cache is a folder of entries.
type Cache struct {
	dir     string
	version string // the program's version, part of every key
}

// Open returns the user's cache, or nil when it is off or there is no cache folder.
func Open() *Cache {
	dir := os.Getenv(Env)
	switch dir {
	case "off", "0", "false":
		return nil
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "iptsite")
	}
	return New(dir)
}

// New returns a cache in dir, made when the first entry is written.
func New(dir string) *Cache {
	return &Cache{dir: dir, version: codeVersion()}
}

// Dir is the cache's folder, "" for a nil cache.
func (c *Cache) Dir() string {
	if c == nil {
		return ""
	}
	return c.dir
}

var (
	versionOnce sync.Once
	version     string
)

// codeVersion names this build of the program: its module version and commit when the
// Go tool recorded them, and the size and time of the executable, which change whenever
// it is built again (go run, go test, a build from a changed work tree).
func codeVersion() string {
	versionOnce.Do(func() {
		h := sha256.New()
		h.Write([]byte(format + "\x00" + runtime.Version() + "\x00"))
		if bi, ok := debug.ReadBuildInfo(); ok {
			h.Write([]byte(bi.Main.Path + "@" + bi.Main.Version + "\x00"))
			for _, s := range bi.Settings {
				if s.Key == "vcs.revision" || s.Key == "vcs.modified" || s.Key == "vcs.time" {
					h.Write([]byte(s.Key + "=" + s.Value + "\x00"))
				}
			}
		}
		if exe, err := os.Executable(); err == nil {
			if fi, err := os.Stat(exe); err == nil {
				h.Write([]byte(exe + "\x00" + strconv.FormatInt(fi.Size(), 10) + "\x00" + fi.ModTime().String()))
			}
		}
		version = hex.EncodeToString(h.Sum(nil))
	})
	return version
}

// Key names the entry made from parts by the kind of work (a short name such as
// "minify"): a hash of the kind, the program's version and each part with its length.
func (c *Cache) Key(kind string, parts ...[]byte) string {
	if c == nil {
		return ""
	}
	h := sha256.New()
	h.Write([]byte(kind + "\x00" + c.version + "\x00"))
	var n [8]byte
	for _, p := range parts {
		binary.LittleEndian.PutUint64(n[:], uint64(len(p)))
		h.Write(n[:])
		h.Write(p)
	}
	return kind + "-" + hex.EncodeToString(h.Sum(nil))[:40]
}

// An entry starts with the checksum of the rest, sumSize bytes, little-endian.
const sumSize = 4

// checksum is the CRC-32 of data, which the processor computes (CLMUL) at memory speed.
func checksum(data []byte) uint32 { return crc32.ChecksumIEEE(data) }

func (c *Cache) file(key string) string {
	return filepath.Join(c.dir, key[len(key)-2:], key)
}

// Get returns the entry key, or false when there is none or it is damaged.
func (c *Cache) Get(key string) ([]byte, bool) {
	if c == nil || key == "" {
		return nil, false
	}
	data, err := diskfile.ReadFile(c.file(key))
	if err != nil || len(data) < sumSize || binary.LittleEndian.Uint32(data) != checksum(data[sumSize:]) {
		return nil, false
	}
	touch(c.file(key)) // read: Prune keeps it
	return data[sumSize:], true
}

// Put keeps data as the entry key. A cache that cannot be written is a cache that
// misses: the build does not fail for it.
func (c *Cache) Put(key string, data []byte) {
	if c == nil || key == "" {
		return
	}
	name := c.file(key)
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-")
	if err != nil {
		return
	}
	sum := binary.LittleEndian.AppendUint32(nil, checksum(data))
	_, err1 := f.Write(sum)
	_, err2 := f.Write(data)
	err3 := f.Close()
	if err1 != nil || err2 != nil || err3 != nil || os.Rename(f.Name(), name) != nil {
		os.Remove(f.Name())
	}
}

// Do returns the entry key, or makes it with make and keeps it.
func (c *Cache) Do(key string, make func() ([]byte, error)) ([]byte, error) {
	if data, ok := c.Get(key); ok {
		return data, nil
	}
	data, err := make()
	if err == nil {
		c.Put(key, data)
	}
	return data, err
}

// Pack joins several pieces into one entry, each after its length; Unpack splits them.
func Pack(pieces ...[]byte) []byte {
	n := 0
	for _, p := range pieces {
		n += 8 + len(p)
	}
	out := make([]byte, 0, n)
	for _, p := range pieces {
		out = binary.LittleEndian.AppendUint64(out, uint64(len(p)))
		out = append(out, p...)
	}
	return out
}

// Unpack splits what Pack joined, or reports false when data is not made of pieces.
func Unpack(data []byte) ([][]byte, bool) {
	var out [][]byte
	for len(data) > 0 {
		if len(data) < 8 {
			return nil, false
		}
		l := binary.LittleEndian.Uint64(data)
		data = data[8:]
		if l > uint64(len(data)) {
			return nil, false
		}
		out = append(out, data[:l:l])
		data = data[l:]
	}
	return out, true
}
