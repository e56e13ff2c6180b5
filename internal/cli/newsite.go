package cli

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// newSite holds what iptsite init writes besides the default site: the site's README
// and the GitHub Pages workflow, .github/workflows/pages.yml.
//
//go:embed all:newsite
var newSite embed.FS

// writeNewSite writes newSite into dir. The workflow builds with the iptsite that wrote
// it (the latest release, for a development build), so a new release cannot change a
// clinic's site unasked.
func writeNewSite(dir string) (int, error) {
	sub, err := fs.Sub(newSite, "newsite")
	if err != nil {
		return 0, err
	}
	version := Version()
	if version == "(devel)" {
		version = "latest"
	}
	n := 0
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		text := strings.ReplaceAll(string(data), "IPTSITE_VERSION", version)
		target := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		n++
		return os.WriteFile(target, []byte(text), 0o644)
	})
	return n, err
}
