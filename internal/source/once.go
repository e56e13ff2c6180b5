package source

import (
	"io/fs"
	"strings"
	"sync"
)

// Once returns fsys as one build sees it: a file outside content/ is read from fsys the
// first time it is asked for and from memory after that. A build reads the templates
// once for checking and again for each language, and the parts of a worksheet script
// for each set of field types that asks for them; on a small site those repeated opens,
// each with its checks for links, cost more than the rest of reading. Pages are read
// once, so they are not kept.
//
// What the first read returned is what every read returns: use a new Once for each build,
// so that an edit between builds is seen. Each ReadFile returns a copy, which the caller
// may change. Open, ReadDir and Stat are fsys's own.
func Once(fsys fs.FS) fs.FS {
	return &once{FS: fsys, files: map[string]*onceFile{}}
}

type once struct {
	fs.FS
	mu    sync.Mutex
	files map[string]*onceFile
}

type onceFile struct {
	read sync.Once
	data []byte
	err  error
}

// ReadFile implements fs.ReadFileFS.
func (o *once) ReadFile(name string) ([]byte, error) {
	data, err := ReadShared(o, name)
	if err != nil || name == Content || strings.HasPrefix(name, Content+"/") {
		return data, err
	}
	return append([]byte(nil), data...), nil
}

// ReadDir implements fs.ReadDirFS.
func (o *once) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(o.FS, name) }

// Stat implements fs.StatFS.
func (o *once) Stat(name string) (fs.FileInfo, error) { return fs.Stat(o.FS, name) }

// ReadShared returns the file name of fsys as fs.ReadFile does, but without a copy when
// fsys is a Once that keeps it: the caller must not change what it returns. A build reads
// the parts of its scripts for every variant of each; copying them each time was a MB
// of memory a build, and a new process pays for every MB it touches.
func ReadShared(fsys fs.FS, name string) ([]byte, error) {
	o, ok := fsys.(*once)
	if !ok {
		return fs.ReadFile(fsys, name)
	}
	if name == Content || strings.HasPrefix(name, Content+"/") {
		return fs.ReadFile(o.FS, name) // read once each: not kept
	}
	o.mu.Lock()
	f := o.files[name]
	if f == nil {
		f = new(onceFile)
		o.files[name] = f
	}
	o.mu.Unlock()
	f.read.Do(func() { f.data, f.err = fs.ReadFile(o.FS, name) })
	return f.data, f.err
}
