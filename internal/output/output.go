// Package output is the one place a build writes: into a folder, swapped in whole when
// the build succeeds, or into memory for the development server and tests.
//
// A build never deletes what it did not make. It writes only into a folder that does not
// exist yet, is empty, or holds the marker file (.iptsite-build) that every build leaves
// at its top; any other folder is refused before anything is written.
package output

import (
	"bytes"
	"errors"
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

	"github.com/iptsite/iptsite/internal/diskfile"
)

// A Writer receives the files of a build. Names are slash-separated paths
// relative to the output root, such as "phases/middle/index.html". WriteFile must not
// keep data once it returns: the build writes the next page into the same memory.
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
	made     sync.Map // folders under tmp known to exist, so each is made once
}

// Marker is the file every build writes at the top of its folder, so that the next
// build knows the folder is its own to replace. It is not one of the site's files: it is
// in no file list, sitemap or offline copy.
const Marker = ".iptsite-build"

const markerText = `This folder was made by iptsite build. The next build replaces it whole:
keep no other files in it, they would be deleted.
`

// NewDir starts a build whose output will replace dst. It refuses a dst that holds
// anything an earlier build did not make (see Replaceable), and then writes nothing.
func NewDir(dst string) (*Dir, error) {
	dst = filepath.Clean(dst)
	if err := Replaceable(dst); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dst)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dst)+".tmp-")
	if err != nil {
		return nil, err
	}
	d := &Dir{dst: dst, tmp: tmp}
	// MkdirTemp makes the folder for its owner alone; a web server running as another
	// user must be able to read the site.
	if err := os.Chmod(tmp, 0o755); err != nil {
		d.Abort()
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, Marker), []byte(markerText), 0o644); err != nil {
		d.Abort()
		return nil, err
	}
	return d, nil
}

// Replaceable reports why a build may not replace the folder dst, or nil when it may: dst
// does not exist, is an empty folder, or holds the Marker of an earlier build.
func Replaceable(dst string) error {
	fi, err := os.Lstat(dst)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output folder %s: %w", dst, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("the output folder %s is a link: name the folder it leads to with -d", dst)
	case !fi.IsDir():
		return fmt.Errorf("the output folder %s is not a folder but a file: choose a folder with -d", dst)
	}
	ents, err := os.ReadDir(dst)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", dst, err)
	}
	if len(ents) == 0 {
		return nil
	}
	if fi, err := os.Lstat(filepath.Join(dst, Marker)); err == nil && fi.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("the output folder %s is not empty and no build made it (it has no %s file), "+
		"so building would delete its files: choose a new or empty folder with -d, "+
		"or move its files away (if an older iptsite made it, delete it once)", dst, Marker)
}

// WriteFile implements Writer.
func (d *Dir) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	p := filepath.Join(d.tmp, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	d.mu.Lock()
	d.n++
	d.mu.Unlock()
	return diskfile.WriteFile(p, data, 0o644)
}

// mkdir makes the folder dir under tmp unless an earlier file made it: a page per folder
// would otherwise cost a stat of its folder and its parent each.
func (d *Dir) mkdir(dir string) error {
	if _, ok := d.made.Load(dir); ok || dir == d.tmp {
		return nil
	}
	parent := filepath.Dir(dir)
	if _, ok := d.made.Load(parent); ok || parent == d.tmp {
		if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for ; dir != d.tmp && len(dir) > len(d.tmp); dir = filepath.Dir(dir) {
		d.made.Store(dir, true) // and the folders MkdirAll made on the way
	}
	return nil
}

// Files returns how many files were written.
func (d *Dir) Files() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.n
}

// Commit replaces the destination with what was written. It checks the destination
// again, in case files were put there while the build ran.
func (d *Dir) Commit() error {
	if err := Replaceable(d.dst); err != nil {
		d.Abort()
		return err
	}
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
	data = bytes.Clone(data)
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
