// Package source is where a build reads from: the clinic's site folder laid over the
// default site built into the binary.
//
// A folder that holds only content/ builds: site.yaml, templates, static files and
// interface strings missing from it come from the defaults. A site replaces any default
// file by putting its own at the same path. content/ is the exception: when the site has
// a content/ folder, it is used whole, so a clinic can leave default pages out.
//
// One rule holds for links (symbolic links) anywhere in the site folder, in content/,
// static/, templates/, i18n/ or site.yaml itself: a link to a file or folder inside the
// site folder is followed, as if the file were there; a link that leads outside it, or to
// a folder that holds the link, is a build error that names the link (see Dir). So a
// build never publishes a file from elsewhere on the computer, such as /etc/passwd. A
// file of the site that cannot be read is an error too, never replaced by the default.
package source

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Layered is a read-only file system that looks in Site first and then in Defaults.
type Layered struct {
	Site     fs.FS // may be nil: the defaults alone
	Defaults fs.FS
}

// Content is the folder of Markdown pages.
const Content = "content"

// siteHasContent reports whether the site has its own content/: a folder, or something
// there that cannot be read (whose error must not be hidden by the default pages).
func (l Layered) siteHasContent() bool {
	if l.Site == nil {
		return false
	}
	fi, err := fs.Stat(l.Site, Content)
	if err != nil {
		return !errors.Is(err, fs.ErrNotExist)
	}
	return fi.IsDir()
}

// layers returns the file systems to look in for name, in order.
func (l Layered) layers(name string) []fs.FS {
	if l.Site == nil {
		return []fs.FS{l.Defaults}
	}
	if name == Content || strings.HasPrefix(name, Content+"/") {
		if l.siteHasContent() {
			return []fs.FS{l.Site}
		}
		return []fs.FS{l.Defaults}
	}
	return []fs.FS{l.Site, l.Defaults}
}

// Open implements fs.FS.
func (l Layered) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	var first error
	for _, f := range l.layers(name) {
		file, err := f.Open(name)
		if err == nil || !errors.Is(err, fs.ErrNotExist) {
			return file, err // a file the site has but that cannot be read is not replaced by a default
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
}

// ReadFile implements fs.ReadFileFS.
func (l Layered) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	if l.Site != nil && strings.HasPrefix(name, Content+"/") {
		// A page read from the site's own content/ is the common case: read it without
		// first asking whether content/ is there (see layers), and ask only when it fails.
		data, err := fs.ReadFile(l.Site, name)
		if err == nil || l.siteHasContent() {
			return data, err
		}
		return fs.ReadFile(l.Defaults, name)
	}
	var first error
	for _, f := range l.layers(name) {
		data, err := fs.ReadFile(f, name)
		if err == nil || !errors.Is(err, fs.ErrNotExist) {
			return data, err
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
}

// ReadDir implements fs.ReadDirFS: the union of the layers' entries, the first layer winning.
func (l Layered) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	var lists [][]fs.DirEntry
	for _, f := range l.layers(name) {
		ents, err := fs.ReadDir(f, name)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				return nil, err
			}
			continue
		}
		lists = append(lists, ents)
	}
	switch len(lists) {
	case 0:
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	case 1:
		return lists[0], nil // sorted by name, as fs.ReadDir returns it
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, ents := range lists {
		for _, e := range ents {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// Files returns the paths of all files under dir, sorted, skipping hidden files and
// folders (names starting with "."; "_" folders are kept). With a Dir, links inside the
// site folder are listed as what they lead to; a link it does not follow is listed too,
// so that reading it reports why.
func Files(fsys fs.FS, dir string) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		if p != dir && strings.HasPrefix(path.Base(p), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() || d.Type()&fs.ModeSymlink != 0 {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}
