package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
)

// floor converts every .md file under site/content into out/<path>/index.html with
// goldmark's defaults, one file after the other. It is what any generator must do at
// least, so the ratio of a build to it shows what the rest of the build costs.
func floor(site, out string) error {
	src := filepath.Join(site, "content")
	md := goldmark.New()
	var buf bytes.Buffer
	n := 0
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		buf.Reset()
		if err := md.Convert(body(data), &buf); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		rel, _ := filepath.Rel(src, p)
		dir := filepath.Join(out, strings.TrimSuffix(rel, ".md"))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		n++
		return os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
	})
	if err == nil && n == 0 {
		err = fmt.Errorf("no .md files under %s", src)
	}
	return err
}

// body is data without its front matter: what follows the second line "---".
func body(data []byte) []byte {
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return data
	}
	if i := bytes.Index(data[3:], []byte("\n---\n")); i >= 0 {
		return data[3+i+5:]
	}
	return data
}
