package cache

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestGetPut(t *testing.T) {
	c := New(t.TempDir())
	k := c.Key("minify", []byte("text/css"), []byte("a { color: red }"))
	if _, ok := c.Get(k); ok {
		t.Fatal("a new cache has an entry")
	}
	c.Put(k, []byte("a{color:red}"))
	if got, ok := c.Get(k); !ok || string(got) != "a{color:red}" {
		t.Fatalf("Get = %q, %v", got, ok)
	}
	// The parts are kept apart: "ab"+"c" is not "a"+"bc".
	if c.Key("x", []byte("ab"), []byte("c")) == c.Key("x", []byte("a"), []byte("bc")) {
		t.Error("two different inputs have the same key")
	}
	if c.Key("x", []byte("a")) == c.Key("y", []byte("a")) {
		t.Error("two kinds of work have the same key")
	}
}

// TestDamaged: an entry changed on disk, or cut short, is a miss, and Do makes it again.
func TestDamaged(t *testing.T) {
	c := New(t.TempDir())
	k := c.Key("qr", []byte("https://example.org/"))
	c.Put(k, []byte("<svg>right</svg>"))
	name := c.file(k)
	data, _ := os.ReadFile(name)
	os.WriteFile(name, bytes.Replace(data, []byte("right"), []byte("wrong"), 1), 0o644)
	if got, ok := c.Get(k); ok {
		t.Fatalf("a changed entry was read: %q", got)
	}
	made := 0
	got, err := c.Do(k, func() ([]byte, error) { made++; return []byte("<svg>right</svg>"), nil })
	if err != nil || string(got) != "<svg>right</svg>" || made != 1 {
		t.Fatalf("Do = %q, %v, made %d times", got, err, made)
	}
	if got, ok := c.Get(k); !ok || string(got) != "<svg>right</svg>" {
		t.Errorf("the entry was not written again: %q, %v", got, ok)
	}
	for _, n := range []int{10, 2, 0} {
		os.WriteFile(name, data[:n], 0o644)
		if _, ok := c.Get(k); ok {
			t.Errorf("an entry cut to %d bytes was read", n)
		}
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(name), ".tmp-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestOff(t *testing.T) {
	t.Setenv(Env, "off")
	c := Open()
	if c != nil {
		t.Fatalf("IPTSITE_CACHE=off: Open = %v, want nil", c)
	}
	c.Put(c.Key("x"), []byte("y")) // a nil cache keeps nothing, and does not fail
	if _, ok := c.Get(c.Key("x")); ok {
		t.Error("a nil cache found an entry")
	}
	dir := t.TempDir()
	t.Setenv(Env, dir)
	if got := Open().Dir(); got != dir {
		t.Errorf("IPTSITE_CACHE=%s: the cache is in %s", dir, got)
	}
}

func TestPack(t *testing.T) {
	in := [][]byte{[]byte("icon"), {}, []byte("image/png")}
	got, ok := Unpack(Pack(in...))
	if !ok || len(got) != 3 || string(got[0]) != "icon" || len(got[1]) != 0 || string(got[2]) != "image/png" {
		t.Fatalf("Unpack(Pack) = %q, %v", got, ok)
	}
	if _, ok := Unpack(Pack(in...)[:30]); ok {
		t.Error("a cut entry was read")
	}
	if _, ok := Unpack([]byte{200, 0, 0, 0, 0, 0, 0, 0, 'x'}); ok {
		t.Error("a length past the end was read")
	}
}

// TestPrune: entries not read for MaxAge and old temporary files go; an entry read
// lately stays, and a second Prune the same day does not walk the folder.
func TestPrune(t *testing.T) {
	dir := t.TempDir()
	c := New(dir)
	old, read, fresh := c.Key("a"), c.Key("b"), c.Key("c")
	for _, k := range []string{old, read, fresh} {
		c.Put(k, []byte(k))
	}
	long := time.Now().Add(-MaxAge - time.Hour)
	os.Chtimes(c.file(old), long, long)
	os.Chtimes(c.file(read), long, long)
	tmp := filepath.Join(dir, ".tmp-123")
	os.WriteFile(tmp, nil, 0o644)
	os.Chtimes(tmp, long, long)
	if _, ok := c.Get(read); !ok {
		t.Fatal("no entry b")
	}
	c.Prune()
	for k, want := range map[string]bool{old: false, read: true, fresh: true} {
		if _, err := os.Stat(c.file(k)); (err == nil) != want {
			t.Errorf("%s: kept %v, want %v", k, err == nil, want)
		}
	}
	if _, err := os.Stat(tmp); err == nil {
		t.Error("an old temporary file was kept")
	}
	os.Chtimes(c.file(fresh), long, long)
	c.Prune() // pruned less than a day ago: nothing is walked
	if _, err := os.Stat(c.file(fresh)); err != nil {
		t.Error("a second Prune the same day deleted an entry")
	}
	(*Cache)(nil).Prune()
	New(filepath.Join(dir, "none")).Prune() // no folder yet: nothing to do, nothing made
	if _, err := os.Stat(filepath.Join(dir, "none")); err == nil {
		t.Error("Prune made the folder of an empty cache")
	}
}
