package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
)

// floor converts every .md file under site/content, in every folder, into
// out/<path>/index.html with goldmark's defaults, on GOMAXPROCS goroutines as iptsite
// renders its pages. It is what any generator must do at least, so the ratio of a
// build to it shows what the rest of the build costs. A section's _index.md becomes its
// folder's index.html, as in iptsite.
func floor(site, out string) error {
	src := filepath.Join(site, "content")
	var files []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no .md files under %s", src)
	}
	jobs := make(chan string)
	errs := make([]error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			md := goldmark.New() // one each, so the workers share nothing
			var buf bytes.Buffer
			for p := range jobs {
				if errs[w] == nil {
					errs[w] = convert(md, &buf, src, out, p)
				}
			}
		}()
	}
	for _, p := range files {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	return errors.Join(errs...)
}

// convert reads the Markdown file p under src and writes its HTML under out.
func convert(md goldmark.Markdown, buf *bytes.Buffer, src, out, p string) error {
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	buf.Reset()
	if err := md.Convert(body(data), buf); err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	rel, _ := filepath.Rel(src, p)
	rel = strings.TrimSuffix(rel, ".md")
	if filepath.Base(rel) == "_index" {
		rel = filepath.Dir(rel)
	}
	dir := filepath.Join(out, rel)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
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
