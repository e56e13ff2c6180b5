package main

import (
	"fmt"

	"github.com/iptsite/iptsite/cmd/benchsite/corpus"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Other generators, built on the same corpus in the same run, so that the ratio of two
// figures means something on a busy machine too.

// hugoVersion is the Hugo that -peers hugo installs: the newest that builds with our Go.
const hugoVersion = "v0.160.0"

// hugoTemplate is Hugo's one template, as bare as a page can be: Hugo's cost is then
// its own work (reading, Markdown, writing, minifying), as the floor's is goldmark's.
const hugoTemplate = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>` + "\n"

// bareTemplates are iptsite's templates as bare as Hugo's above, for -bare: the same
// one line around every page's Markdown, with the two meta tags every iptsite page must
// carry (the build refuses a page without them). iptsite with them does all its own work
// (reading, front matter, Markdown, minifying, fingerprinted assets, writing) but none of
// its pages' chrome, so its time against the default templates' is what they cost.
var bareTemplates = map[string]string{
	"base.html":    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{{.CSP}}"><meta name="referrer" content="no-referrer"><title>{{.Page.Title}}</title></head><body><main>{{block "main" .}}{{end}}</main></body></html>` + "\n",
	"page.html":    `{{define "main"}}{{.Content}}{{end}}` + "\n",
	"section.html": `{{define "main"}}{{.Content}}{{end}}` + "\n",
	"home.html":    `{{define "main"}}{{.Content}}{{end}}` + "\n",
}

// bareSite writes a copy of the corpus files into dir, with bareTemplates.
func bareSite(dir string, files []corpus.File) error {
	if err := corpus.Write(dir, files); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		return err
	}
	for name, text := range bareTemplates {
		if err := os.WriteFile(filepath.Join(dir, "templates", name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// hugoConfig turns off what the corpus has nothing for (tags), so Hugo does not warn.
const hugoConfig = `baseURL = "https://example.org/"
title = "benchsite"
disableKinds = ["taxonomy", "term"]
`

// hugoBinary returns the Hugo to run: given, or installed into the user cache folder
// with "go install" the first time it is asked for (which takes minutes: Hugo is large).
// Nothing installs it unless -peers hugo is given.
func (b *bench) hugoBinary() (string, error) {
	if b.hugo != "" {
		return filepath.Abs(b.hugo)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(cache, "iptsite-bench", "hugo-"+hugoVersion)
	bin := filepath.Join(dir, "hugo")
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	fmt.Fprintf(b.log, "installing Hugo %s into %s (once; compiling it takes minutes)\n", hugoVersion, dir)
	cmd := exec.Command("go", "install", "github.com/gohugoio/hugo@"+hugoVersion)
	cmd.Env = append(os.Environ(), "GOBIN="+dir)
	cmd.Stdout, cmd.Stderr = b.log, b.log
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("installing Hugo: %w", err)
	}
	return bin, nil
}

// hugoSite writes the folder Hugo builds from: its config and template. The content is
// the corpus's own folder, given to Hugo with --contentDir.
func hugoSite(dir string) error {
	if err := os.MkdirAll(filepath.Join(dir, "layouts"), 0o755); err != nil {
		return err
	}
	files := map[string]string{
		"hugo.toml":           hugoConfig,
		"layouts/single.html": hugoTemplate,
		"layouts/list.html":   hugoTemplate,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// hugoArgv is the command line that builds site's content with Hugo into out, minified.
func (b *bench) hugoArgv(site, out string) []string {
	return []string{b.hugo, "--source", filepath.Join(b.tmp, "hugo-site"), "--contentDir", filepath.Join(site, "content"),
		"--destination", out, "--cacheDir", filepath.Join(b.tmp, "hugo-cache"), "--minify", "--quiet", "--noBuildLock"}
}

// parsePeers checks the -peers list.
func parsePeers(s string) (hugo bool, err error) {
	for _, p := range strings.Split(s, ",") {
		switch strings.TrimSpace(p) {
		case "":
		case "hugo":
			hugo = true
		default:
			return false, fmt.Errorf("unknown peer %q: benchsite knows hugo", p)
		}
	}
	return hugo, nil
}
