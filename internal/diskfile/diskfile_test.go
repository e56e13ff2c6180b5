package diskfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// What is written is read back whole, at every size around the first guess and the
// buffer's growth; an existing file is emptied first; the mode is the one asked for.
func TestWriteThenRead(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	for _, n := range []int{0, 1, 511, 512, 513, 4096, 100_000} {
		data := bytes.Repeat([]byte("abcdefg"), n/7+1)[:n]
		if err := WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(p)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%d bytes: read %d, %v", n, len(got), err)
		}
		if got, ok, err := ReadPlain(p); ok && (err != nil || !bytes.Equal(got, data)) {
			t.Errorf("%d bytes: ReadPlain read %d, %v", n, len(got), err)
		}
	}
	if err := WriteFile(p, []byte("short"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); string(got) != "short" {
		t.Errorf("after a shorter write the file holds %q", got)
	}
	if runtime.GOOS != "windows" {
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("mode %v, %v; want -rw-------", fi.Mode(), err)
		}
	}
}

// A file the system reports as empty but that holds something, as files in /proc do, is
// read to its end: /proc/self/environ of a process with 10 KB of environment.
func TestReadGrows(t *testing.T) {
	if _, err := os.Stat("/proc/self/environ"); err != nil {
		t.Skip("no /proc here")
	}
	if os.Getenv("DISKFILE_TEST_BIG") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestReadGrows$", "-test.count=1")
		cmd.Env = append(os.Environ(), "DISKFILE_TEST_BIG="+strings.Repeat("x", 10_000))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%v\n%s", err, out)
		}
		return
	}
	want, err := os.ReadFile("/proc/self/environ")
	if err != nil || len(want) < 10_000 {
		t.Fatalf("os.ReadFile(/proc/self/environ): %d bytes, %v", len(want), err)
	}
	got, err := ReadFile("/proc/self/environ")
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("read %d bytes of /proc/self/environ, %v; want %d", len(got), err, len(want))
	}
}

// Errors are the os package's: the operation, the path, and what the system said.
func TestErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing")
	_, err := ReadFile(missing)
	var pe *fs.PathError
	if !errors.As(err, &pe) || pe.Op != "open" || pe.Path != missing || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadFile(missing) = %#v", err)
	}
	_, err = ReadFile(dir)
	if !errors.As(err, &pe) || pe.Op != "read" || pe.Path != dir {
		t.Errorf("ReadFile(a folder) = %#v, want the read's error", err)
	}
	err = WriteFile(filepath.Join(missing, "f"), nil, 0o644)
	if !errors.As(err, &pe) || pe.Op != "open" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("WriteFile into a missing folder = %#v", err)
	}
	if runtime.GOOS == "linux" { // a write that fails: /dev/full takes nothing
		err := WriteFile("/dev/full", []byte("x"), 0o644)
		if !errors.As(err, &pe) || pe.Op != "write" || !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("WriteFile(/dev/full) = %#v, want no space left", err)
		}
	}
}

// ReadPlain reads only a path with no link on it; anything else is left to the caller,
// with nothing read.
func TestReadPlainRefusesLinks(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "real", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "real", "sub", "f.md")
	if err := os.WriteFile(file, []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real", filepath.Join(dir, "folder-link")); err != nil {
		t.Skip("no links here:", err)
	}
	if err := os.Symlink("f.md", filepath.Join(dir, "real", "sub", "file-link.md")); err != nil {
		t.Fatal(err)
	}
	data, ok, err := ReadPlain(file)
	if runtime.GOOS == "linux" && (!ok || err != nil || string(data) != "text") {
		t.Errorf("ReadPlain(a plain path) = %q, %v, %v", data, ok, err)
	}
	for _, p := range []string{
		filepath.Join(dir, "folder-link", "sub", "f.md"),
		filepath.Join(dir, "real", "sub", "file-link.md"),
		filepath.Join(dir, "real", "sub", "missing.md"),
	} {
		if data, ok, err := ReadPlain(p); ok || data != nil || err != nil {
			t.Errorf("ReadPlain(%s) = %q, %v, %v; want nothing read", p, data, ok, err)
		}
	}
}

// BenchmarkReadFile reads a page-sized file as a build reads the site's: compare with
// BenchmarkOSReadFile.
func BenchmarkReadFile(b *testing.B) { benchRead(b, ReadFile) }

func BenchmarkOSReadFile(b *testing.B) { benchRead(b, os.ReadFile) }

func BenchmarkWriteFile(b *testing.B) { benchWrite(b, WriteFile) }

func BenchmarkOSWriteFile(b *testing.B) { benchWrite(b, os.WriteFile) }

func benchRead(b *testing.B, read func(string) ([]byte, error)) {
	p := filepath.Join(b.TempDir(), "page.md")
	if err := os.WriteFile(p, bytes.Repeat([]byte("a line of a page\n"), 200), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := read(p); err != nil {
			b.Fatal(err)
		}
	}
}

func benchWrite(b *testing.B, write func(string, []byte, fs.FileMode) error) {
	p := filepath.Join(b.TempDir(), "index.html")
	page := bytes.Repeat([]byte("<p>a line of a page</p>"), 1000)
	for b.Loop() {
		if err := write(p, page, 0o644); err != nil {
			b.Fatal(err)
		}
	}
}
