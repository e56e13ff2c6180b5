package cache

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Entries a build has not read for MaxAge are deleted, so that the folder does not grow
// with every edit of a site (each version of the search index is an entry). Pruning walks
// the folder at most once a day, after a build.
const MaxAge = 30 * 24 * time.Hour

// stamp is the file whose time says when the folder was last pruned.
const stamp = "pruned"

// touch marks the entry name as read now, so Prune keeps it.
func touch(name string) {
	now := time.Now()
	os.Chtimes(name, now, now)
}

// Prune deletes the entries not read or written for MaxAge, and temporary files left by
// a build that stopped half-way, unless the folder was pruned less than a day ago.
func (c *Cache) Prune() {
	if c == nil {
		return
	}
	now := time.Now()
	s := filepath.Join(c.dir, stamp)
	if fi, err := os.Stat(s); err == nil && now.Sub(fi.ModTime()) < 24*time.Hour {
		return
	}
	if _, err := os.Stat(c.dir); err != nil {
		return
	}
	filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == s {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		age := now.Sub(fi.ModTime())
		if age > MaxAge || (strings.HasPrefix(d.Name(), ".tmp-") && age > time.Hour) {
			os.Remove(p)
		}
		return nil
	})
	os.WriteFile(s, nil, 0o644)
	os.Chtimes(s, now, now)
}
