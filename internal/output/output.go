// Package output is the one place a build writes: into a folder, swapped in whole when
// the build succeeds, or into memory for the development server and tests.
package output

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing/fstest"
	"time"
)

// A Writer receives the files of a build. Names are slash-separated paths
// relative to the output root, such as "phases/middle/index.html".
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Dir writes a build into a temporary folder beside its destination and, on Commit,
// puts it in the destination's place, so a failed build leaves the previous output
// untouched and a good one leaves no stale files.
type Dir struct {
	dst, tmp string
	mu       sync.Mutex
	n        int
}

// NewDir starts a build whose output will replace dst.
func NewDir(dst string) (*Dir, error) {
	dst = filepath.Clean(dst)
	parent := filepath.Dir(dst)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dst)+".tmp-")
	if err != nil {
		return nil, err
	}
	return &Dir{dst: dst, tmp: tmp}, nil
}

// WriteFile implements Writer.
func (d *Dir) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	d.mu.Lock()
	d.n++
	d.mu.Unlock()
	return os.WriteFile(p, data, 0o644)
}

// Files returns how many files were written.
func (d *Dir) Files() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.n
}

// Commit replaces the destination with what was written.
func (d *Dir) Commit() error {
	old := ""
	if _, err := os.Lstat(d.dst); err == nil {
		old = fmt.Sprintf("%s.old-%d", d.tmp, time.Now().UnixNano())
		if err := os.Rename(d.dst, old); err != nil {
			d.Abort()
			return fmt.Errorf("output: moving the previous %s aside: %w", d.dst, err)
		}
	}
	if err := os.Rename(d.tmp, d.dst); err != nil {
		if old != "" {
			os.Rename(old, d.dst)
		}
		d.Abort()
		return fmt.Errorf("output: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort throws away what was written; the destination is not touched.
func (d *Dir) Abort() { os.RemoveAll(d.tmp) }

// Memory keeps a build's files in memory. It is an fs.FS of what was written.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile implements Writer.
func (m *Memory) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = data
	return nil
}

// Clone returns a Memory holding the same files; writing to one does not change the other.
func (m *Memory) Clone() *Memory {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := &Memory{files: make(map[string][]byte, len(m.files))}
	for n, b := range m.files {
		c.files[n] = b
	}
	return c
}

// File returns the contents of a written file.
func (m *Memory) File(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[strings.TrimPrefix(path.Clean("/"+name), "/")]
	return b, ok
}

// Names returns the written file names, sorted.
func (m *Memory) Names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var ns []string
	for n := range m.files {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// FS returns the written files as a file system.
func (m *Memory) FS() fs.FS {
	m.mu.Lock()
	defer m.mu.Unlock()
	fsys := fstest.MapFS{}
	for n, b := range m.files {
		fsys[n] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	return fsys
}
