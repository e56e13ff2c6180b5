// Package cli is the iptsite command: it reads the command line and calls the pipeline.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/cache"
	"github.com/iptsite/iptsite/internal/diag"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/server"
	"github.com/iptsite/iptsite/internal/source"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitError = 1 // the site has problems, or writing failed
	ExitUsage = 2 // the command line is wrong
)

const usage = `iptsite builds a small, private website about Interpersonal Psychotherapy (IPT),
with worksheets whose answers stay in the reader's browser.

Usage:
  iptsite build [-s SRC] [-d DST] [--baseURL URL] [--drafts] [--no-minify] [--portable]
  iptsite serve [-s SRC] [--bind 127.0.0.1] [--port 1313] [--drafts]
  iptsite check [-s SRC] [--drafts] [--json] [--grades] [--links]
  iptsite preview [--bind 127.0.0.1] [--port 1314] [DIR]
  iptsite init DIR
  iptsite version
  iptsite help

build   writes the site in SRC (default .) to DST (default SRC/public). Anything SRC lacks
        (site.yaml, templates, static files) comes from the default site built in. DST must
        be new, empty, or an earlier build's output: a build never deletes other files.
serve   builds the site into memory, serves it, and rebuilds and reloads open pages on
        every change. Problems show in the terminal and in the browser.
check   builds the site in memory and reports what clients would stumble on: reading
        level, headings, link text, worksheet labels, the crisis box, page weight.
preview serves a folder that build wrote (default public) as a web host would, with
        the headers of its _headers file, to see what visitors will get.
init    writes the default site into DIR, which must be empty or not exist yet, with a
        GitHub Pages workflow (.github/workflows/pages.yml).

Run "iptsite build -h", "iptsite serve -h", "iptsite check -h" or "iptsite preview -h"
for their options. Putting the site online: docs/deploy.md.
`

// Main runs the command with args (without the program name) and returns the exit status.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr)
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "preview":
		return runPreview(args[1:], stdout, stderr)
	case "init":
		return runInit(args[1:], stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "iptsite", Version())
		return ExitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	fmt.Fprintf(stderr, "iptsite: unknown command %q\n\n%s", args[0], usage)
	return ExitUsage
}

// Version is the module version the binary was built from.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

func newFlags(name string, stderr io.Writer, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\nOptions:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; it returns a status to exit with, or -1 to go on.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "iptsite %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return ExitUsage
	}
	return -1
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("build", stderr, "iptsite build [-s SRC] [-d DST] [--baseURL URL] [--drafts] [--no-minify] [--portable]")
	src := fl.String("s", ".", "the site folder: site.yaml, content/, templates/, static/")
	dst := fl.String("d", "", "the output folder (default SRC/public): new, empty, or an earlier build's")
	baseURL := fl.String("baseURL", "", "the address the site will live at, such as https://clinic.example/ipt/")
	drafts := fl.Bool("drafts", false, "include pages marked draft: true")
	noMinify := fl.Bool("no-minify", false, "write HTML, CSS and JS as they are, not minified")
	portable := fl.Bool("portable", false, "make links end in index.html, so the folder works opened from disk")
	if st := parse(fl, args, stderr); st >= 0 {
		return st
	}
	if *dst == "" {
		*dst = filepath.Join(*src, "public")
	}
	if *baseURL != "" && !strings.HasPrefix(*baseURL, "https://") && !strings.HasPrefix(*baseURL, "http://") {
		fmt.Fprintf(stderr, "iptsite build: --baseURL %q must start with https:// or http://\n", *baseURL)
		return ExitUsage
	}
	fsys, err := openSource(*src)
	if err == nil {
		err = checkDest(*src, *dst)
	}
	if err != nil {
		fmt.Fprintf(stderr, "iptsite build: %v\n", err)
		return ExitError
	}
	out, err := output.NewDir(*dst)
	if err != nil {
		fmt.Fprintf(stderr, "iptsite build: %v\n", err)
		return ExitError
	}
	bc := cache.Open()
	loaded, restore := collect() // see heap.go
	defer restore()
	res, err := render.Build(render.Options{
		Source: fsys, BaseURL: *baseURL, Drafts: *drafts, NoMinify: *noMinify, Portable: *portable,
		Cache:  bc, // icons, QR codes, minified assets: see package cache
		Loaded: loaded,
	}, out)
	defer bc.Prune()
	if err != nil {
		out.Abort()
		printErrors(stderr, *src, err)
		fmt.Fprintf(stderr, "iptsite build: %d problems; nothing was written, %s is as it was\n", count(err), *dst)
		return ExitError
	}
	if err := out.Commit(); err != nil {
		fmt.Fprintf(stderr, "iptsite build: %v\n", err)
		return ExitError
	}
	fmt.Fprintf(stdout, "%s to %s\n", res.Summary(), *dst)
	return ExitOK
}

// openSource returns the site folder laid over the default site.
func openSource(dir string) (source.Layered, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return source.Layered{}, fmt.Errorf("site folder: %w", err)
	}
	if !fi.IsDir() {
		return source.Layered{}, fmt.Errorf("site folder %s is not a folder", dir)
	}
	site, err := source.Dir(dir)
	if err != nil {
		return source.Layered{}, fmt.Errorf("site folder: %w", err)
	}
	return source.Layered{Site: site, Defaults: iptsite.Defaults()}, nil
}

// checkDest refuses an output folder that would replace the sources: the site folder,
// a folder that holds it, or one inside its content, templates, static or i18n folders.
// Links on the way are followed, so that no other name for the same folder gets through.
func checkDest(src, dst string) error {
	s, err1 := realPath(src)
	d, err2 := realPath(dst)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if s == d {
		return fmt.Errorf("the output folder %s is the site folder: choose another with -d", dst)
	}
	if within(d, s) {
		return fmt.Errorf("the output folder %s contains the site folder %s: choose another with -d", dst, src)
	}
	for _, dir := range []string{"content", "templates", "static", "i18n"} {
		if filepath.Join(s, dir) == d {
			return fmt.Errorf("the output folder %s is the site's %s folder: choose another with -d", dst, dir)
		}
		if within(filepath.Join(s, dir), d) {
			return fmt.Errorf("the output folder %s is inside the site's %s folder: choose another with -d", dst, dir)
		}
	}
	return nil
}

// realPath is the absolute path of p with every link followed, as far as p exists.
func realPath(p string) (string, error) {
	p, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(p, rest), nil
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// within reports whether path p is inside folder dir.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// printErrors prints each problem as path:line: message, with paths relative to the
// current folder so editors and terminals can open them.
func printErrors(w io.Writer, src string, err error) {
	var list diag.List
	list.Add(err)
	for _, e := range list {
		if e.Path != "" && src != "." && !filepath.IsAbs(e.Path) {
			e = &diag.Error{Path: filepath.ToSlash(filepath.Join(src, e.Path)), Line: e.Line, Msg: e.Msg}
		}
		fmt.Fprintln(w, e.Error())
	}
}

func count(err error) int {
	var list diag.List
	list.Add(err)
	return len(list)
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("serve", stderr, "iptsite serve [-s SRC] [--bind 127.0.0.1] [--port 1313] [--drafts]")
	src := fl.String("s", ".", "the site folder")
	bind := fl.String("bind", "127.0.0.1", "the address to listen on")
	port := fl.Int("port", 1313, "the port to listen on (0: any free port)")
	drafts := fl.Bool("drafts", false, "include pages marked draft: true")
	if st := parse(fl, args, stderr); st >= 0 {
		return st
	}
	fsys, err := openSource(*src)
	if err != nil {
		fmt.Fprintf(stderr, "iptsite serve: %v\n", err)
		return ExitError
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	sc := cache.Open()
	go sc.Prune() // at most once a day; a build reads what it needs meanwhile
	// The collector as under build (runBuild): serve builds the same way, holds the site
	// in memory, and with the default GOGC its first build took 1.4 times as long.
	loaded, _ := collect()
	err = server.Run(ctx, server.Options{
		Dir: *src, Source: fsys, Addr: fmt.Sprintf("%s:%d", *bind, *port), Drafts: *drafts,
		Log: stdout, Errors: func(err error) { printErrors(stderr, *src, err) },
		AfterBuild: serveFindings(stdout, *src, fsys), Cache: sc,
		Loaded: loaded,
	})
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "iptsite serve: %v\n", err)
		return ExitError
	}
	return ExitOK
}

func runPreview(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("preview", stderr, "iptsite preview [--bind 127.0.0.1] [--port 1314] [DIR]")
	bind := fl.String("bind", "127.0.0.1", "the address to listen on")
	// Not serve's port: the preview's service worker and saved answers stay apart from serve's.
	port := fl.Int("port", 1314, "the port to listen on (0: any free port)")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	dir := "public"
	switch fl.NArg() {
	case 0:
	case 1:
		dir = fl.Arg(0)
	default:
		fmt.Fprintf(stderr, "iptsite preview: name one folder, not %d\n", fl.NArg())
		fl.Usage()
		return ExitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	err := server.RunPreview(ctx, dir, fmt.Sprintf("%s:%d", *bind, *port), stdout, nil)
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "iptsite preview: %v\n", err)
		return ExitError
	}
	return ExitOK
}

func runInit(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("init", stderr, "iptsite init DIR")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if fl.NArg() != 1 {
		fmt.Fprintln(stderr, "iptsite init: name one folder to create the site in: iptsite init DIR")
		return ExitUsage
	}
	dir := fl.Arg(0)
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		fmt.Fprintf(stderr, "iptsite init: %s is not empty; choose a new or empty folder\n", dir)
		return ExitError
	}
	n, err := writeTree(iptsite.Defaults(), dir)
	if err == nil {
		var m int
		m, err = writeNewSite(dir)
		n += m
	}
	if err != nil {
		fmt.Fprintf(stderr, "iptsite init: %v\n", err)
		return ExitError
	}
	fmt.Fprintf(stdout, "created a new site in %s (%d files)\nnext: edit %s, then run: iptsite serve -s %s\n"+
		"to publish it on GitHub Pages: see %s\n",
		dir, n, filepath.Join(dir, "site.yaml"), dir, filepath.Join(dir, "README.md"))
	return ExitOK
}

// writeTree copies every file of fsys into dir.
func writeTree(fsys fs.FS, dir string) (int, error) {
	n := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		n++
		return os.WriteFile(target, data, 0o644)
	})
	return n, err
}
