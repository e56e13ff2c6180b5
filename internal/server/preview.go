package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"strings"
	"time"

	"github.com/iptsite/iptsite/internal/deploy"
)

// A Preview serves a folder that iptsite build wrote as a web host would (iptsite
// preview): under the folder of its baseURL, each file with the headers of package
// deploy's table, a folder by its index.html, and 404.html, with status 404, at every
// missing address. It reads the site's folder and policy from the _headers file the
// build wrote, so what it sends is what Netlify or Cloudflare Pages would send.
//
// It answers only requests for its own names, as Server does, serves no hidden file and
// no file reached through a link out of the folder, and reads only GET and HEAD.
type Preview struct {
	root   *os.Root
	policy deploy.Policy
	addr   string // --bind:port, for the names it answers to
	port   string // the port it listens on; "" in tests: any
}

// NewPreview opens the built folder dir; addr is the address it will listen on.
func NewPreview(dir, addr string) (*Preview, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	data, err := root.ReadFile("_headers")
	if err != nil {
		root.Close()
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s has no _headers file: preview a folder written by iptsite build (build it again if it is older)", dir)
		}
		return nil, err
	}
	p, err := deploy.ReadPolicy(data)
	if err != nil {
		root.Close()
		return nil, fmt.Errorf("%s/%w", dir, err)
	}
	return &Preview{root: root, policy: p, addr: addr}, nil
}

// Base is the URL path the site is served at.
func (pv *Preview) Base() string { return pv.policy.Base }

// Close closes the folder.
func (pv *Preview) Close() error { return pv.root.Close() }

func (pv *Preview) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !ownHost(r.Host, pv.port, pv.addr) {
		http.Error(w, "iptsite preview answers only requests for localhost or an IP address", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	base := pv.policy.Base
	if r.URL.Path == "/" && base != "/" {
		http.Redirect(w, r, base, http.StatusFound)
		return
	}
	rel, ok := strings.CutPrefix(r.URL.Path, base)
	if !ok {
		pv.notFound(w, r)
		return
	}
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	for _, part := range strings.Split(name, "/") {
		// Hidden files (.htaccess, .iptsite-build) and _headers are for the host; ".."
		// is refused here, and a link out of the folder by os.Root.
		if strings.HasPrefix(part, ".") || name == "_headers" {
			pv.notFound(w, r)
			return
		}
	}
	f, err := pv.root.Open(name)
	if err != nil {
		pv.notFound(w, r)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		pv.notFound(w, r)
		return
	}
	if fi.IsDir() {
		if _, err := pv.root.Stat(name + "/index.html"); err != nil {
			pv.notFound(w, r)
			return
		}
		http.Redirect(w, r, path.Base(name)+"/", http.StatusMovedPermanently)
		return
	}
	pv.setHeaders(w, name)
	http.ServeContent(w, r, name, fi.ModTime(), f)
}

func (pv *Preview) setHeaders(w http.ResponseWriter, name string) {
	for _, h := range pv.policy.Headers(name) {
		w.Header().Set(h.Name, h.Value)
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if path.Ext(name) == ".webmanifest" {
		ctype = "application/manifest+json"
	}
	if ctype != "" {
		w.Header().Set("Content-Type", ctype)
	}
}

// notFound answers with the site's 404 page, as hosts do.
func (pv *Preview) notFound(w http.ResponseWriter, r *http.Request) {
	data, err := pv.root.ReadFile("404.html")
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	pv.setHeaders(w, "404.html")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// RunPreview serves the built folder dir on addr until ctx ends; ready, when set, gets
// the site's address once the server listens.
func RunPreview(ctx context.Context, dir, addr string, log io.Writer, ready func(url string)) error {
	pv, err := NewPreview(dir, addr)
	if err != nil {
		return err
	}
	defer pv.Close()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	_, pv.port, _ = net.SplitHostPort(ln.Addr().String())
	srv := &http.Server{Handler: pv, ReadHeaderTimeout: 10 * time.Second}
	url := "http://" + ln.Addr().String() + pv.Base()
	fmt.Fprintf(log, "previewing %s at %s with the headers of its _headers file (press Ctrl+C to stop)\n", dir, url)
	if ready != nil {
		ready(url)
	}
	return serveUntil(ctx, srv, ln)
}
