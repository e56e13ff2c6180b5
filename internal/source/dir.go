package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/iptsite/iptsite/internal/diskfile"
)

// Dir returns the site folder at root as a file system that follows a link only to
// somewhere inside root. A file or folder reached through a link that leads outside it,
// or through a link to a folder that holds the link (which would repeat forever), is an
// error that names the link, a *LinkError; a folder lists such a link as a link, so that
// whatever reads the listing reads it and reports the error.
func Dir(root string) (fs.FS, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, err
	}
	return &dirFS{root: real}, nil
}

// A LinkError is a link in the site folder that a build does not follow.
type LinkError struct {
	Path   string // what was asked for, slash-separated, from the site folder
	Name   string // the link: Path, or a folder on the way to it
	Target string // where the link points, as written in it
	Loop   bool   // it points to a folder that holds it
}

// Error says what is wrong; the caller names Path before it.
func (e *LinkError) Error() string {
	what := "a link"
	if e.Name != e.Path {
		what = e.Name + " is a link"
	}
	if e.Loop {
		return fmt.Sprintf("%s to %s, a folder that holds the link: it would repeat forever", what, e.Target)
	}
	return fmt.Sprintf("%s to %s, outside the site folder: copy what it points to into the site folder instead", what, e.Target)
}

type dirFS struct{ root string } // root has no links in it

// real returns the path of name on disk with every link followed, and whether any link
// was on the way. A path that does not exist comes back as it is, for the caller's open
// to report.
func (d *dirFS) real(name string) (string, bool, error) {
	p := filepath.Join(d.root, filepath.FromSlash(name))
	if d.plain(name) {
		return p, false, nil
	}
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		// A link to nothing: report it when it would lead outside.
		if target, lerr := os.Readlink(p); lerr == nil {
			to := target
			if !filepath.IsAbs(to) {
				to = filepath.Join(filepath.Dir(p), to)
			}
			if !inside(d.root, to) {
				return "", true, &LinkError{Path: name, Name: name, Target: target}
			}
		}
		return p, false, nil
	}
	if r == p {
		return r, false, nil
	}
	if !inside(d.root, r) {
		return "", true, d.linkError(name)
	}
	return r, true, nil
}

// plain reports whether every part of name exists and none is a link: then name is where
// it says, and real need not follow anything. root has no links in it, so only the parts
// under it are looked at, one Lstat each (filepath.EvalSymlinks would look at every part
// from the top of the disk); reading a site's pages is then mostly reading.
func (d *dirFS) plain(name string) bool {
	if name == "." {
		return true
	}
	p := d.root
	for part := range strings.SplitSeq(name, "/") {
		p += string(filepath.Separator) + part
		fi, err := os.Lstat(p)
		if err != nil || fi.Mode()&fs.ModeSymlink != 0 {
			return false
		}
	}
	return true
}

// check returns the path of name on disk, or a *LinkError when a link on the way leads
// outside the site folder or back into a folder above it.
func (d *dirFS) check(name string) (string, error) {
	r, linked, err := d.real(name)
	if err != nil || !linked {
		return r, err
	}
	// A link on the way: no part of the path may be a folder above an earlier part.
	parts := strings.Split(name, "/")
	var seen []string
	for i := range parts {
		pr, _, err := d.real(strings.Join(parts[:i+1], "/"))
		if err != nil {
			return "", err
		}
		for _, s := range seen {
			if pr == s || inside(pr, s) {
				return "", d.loopError(name, strings.Join(parts[:i+1], "/"))
			}
		}
		seen = append(seen, pr)
	}
	return r, nil
}

// linkError names the first link on the way to name that leads outside the site folder.
func (d *dirFS) linkError(name string) error {
	parts := strings.Split(name, "/")
	for i := range parts {
		prefix := strings.Join(parts[:i+1], "/")
		p := filepath.Join(d.root, filepath.FromSlash(prefix))
		if r, err := filepath.EvalSymlinks(p); err == nil && !inside(d.root, r) {
			target, _ := os.Readlink(p)
			return &LinkError{Path: name, Name: prefix, Target: target}
		}
	}
	return &LinkError{Path: name, Name: name, Target: name}
}

func (d *dirFS) loopError(name, link string) error {
	target, _ := os.Readlink(filepath.Join(d.root, filepath.FromSlash(link)))
	return &LinkError{Path: name, Name: link, Target: target, Loop: true}
}

// inside reports whether p is dir or inside it.
func inside(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func (d *dirFS) path(op, name string) (string, error) {
	if !fs.ValidPath(name) {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return d.check(name)
}

// named gives an error from the os package the name the caller asked for, as os.DirFS does.
func named(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		pe.Path = name
	}
	return err
}

// Open implements fs.FS.
func (d *dirFS) Open(name string) (fs.File, error) {
	p, err := d.path("open", name)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, named(err, name)
	}
	return f, nil
}

// ReadFile implements fs.ReadFileFS.
func (d *dirFS) ReadFile(name string) ([]byte, error) {
	if fs.ValidPath(name) {
		// Most files have no link on the way: read them at once.
		if data, ok, err := diskfile.ReadPlain(filepath.Join(d.root, filepath.FromSlash(name))); ok {
			return data, named(err, name)
		}
	}
	p, err := d.path("read", name)
	if err != nil {
		return nil, err
	}
	b, err := diskfile.ReadFile(p)
	return b, named(err, name)
}

// Stat implements fs.StatFS, following links.
func (d *dirFS) Stat(name string) (fs.FileInfo, error) {
	p, err := d.path("stat", name)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(p)
	return fi, named(err, name)
}

// ReadDir implements fs.ReadDirFS. A link that may be followed is listed as what it
// leads to; one that may not stays a link.
func (d *dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	p, err := d.path("readdir", name)
	if err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(p)
	if err != nil {
		return nil, named(err, name)
	}
	for i, e := range ents {
		if e.Type()&fs.ModeSymlink == 0 {
			continue
		}
		if fi, err := d.Stat(path.Join(name, e.Name())); err == nil {
			ents[i] = followed{e, fi}
		}
	}
	return ents, nil
}

// followed is a link listed as what it leads to, under the link's own name.
type followed struct {
	fs.DirEntry // the link
	fi          fs.FileInfo
}

func (f followed) IsDir() bool                { return f.fi.IsDir() }
func (f followed) Type() fs.FileMode          { return f.fi.Mode().Type() }
func (f followed) Info() (fs.FileInfo, error) { return namedInfo{f.fi, f.Name()}, nil }

type namedInfo struct {
	fs.FileInfo
	name string
}

func (n namedInfo) Name() string { return n.name }
