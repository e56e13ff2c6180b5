package browsertest

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"strings"
	"testing"
)

// Serve serves the built site in dir under the URL folder prefix, as a static
// host would, and returns the site's base URL (the server's address followed
// by prefix, ending in a slash). The test's cleanup stops the server.
//
// Serving under a prefix such as "/clinic/sub/" proves that a site works in
// any subfolder: every URL outside the prefix is 404, so a link that climbs
// out of the site, or an absolute "/..." URL, fails to load. A prefix of "/"
// or "" serves the site at the root.
//
// Like most static hosts, a folder is served by its index.html (a folder
// without one is 404, never a listing), a folder URL without its final slash
// is redirected to the URL with it, and ".../index.html" is served as it is.
// Responses carry "Cache-Control: no-cache" so that a reload sees rebuilt
// files.
func Serve(t testing.TB, dir, prefix string) (baseURL string) {
	t.Helper()
	return ServeWith(t, dir, prefix, nil)
}

// ServeWith is Serve with wrap put around the site's handler, for a test of a host
// that answers otherwise: a CDN that still has an earlier build's file, say. A nil wrap
// serves the site as Serve does.
func ServeWith(t testing.TB, dir, prefix string, wrap func(http.Handler) http.Handler) (baseURL string) {
	t.Helper()
	if prefix == "" {
		prefix = "/"
	}
	if prefix != "/" && (!strings.HasPrefix(prefix, "/") || path.Clean(prefix)+"/" != prefix) {
		t.Fatalf("browsertest.Serve: prefix %q must be a clean URL path that starts and ends with a slash", prefix)
	}
	if fi, err := os.Stat(dir); err != nil {
		t.Fatalf("browsertest.Serve: %v", err)
	} else if !fi.IsDir() {
		t.Fatalf("browsertest.Serve: %s is not a folder", dir)
	}
	var h http.Handler = &siteHandler{fsys: os.DirFS(dir), prefix: prefix}
	if wrap != nil {
		h = wrap(h)
	}
	srv := httptest.NewServer(h)
	if err := forgetOrigin(srv.URL); err != nil {
		t.Fatalf("browsertest.Serve: clearing what the browser keeps for %s: %v", srv.URL, err)
	}
	t.Cleanup(func() {
		// A tab that is still open may hold a connection; Close alone
		// would wait for it.
		srv.CloseClientConnections()
		srv.Close()
	})
	return srv.URL + prefix
}

// siteHandler serves fsys under prefix.
type siteHandler struct {
	fsys   fs.FS
	prefix string // starts and ends with "/"
}

func (h *siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, h.prefix)
	if !ok {
		if r.URL.Path+"/" == h.prefix {
			redirect(w, r, h.prefix)
			return
		}
		http.NotFound(w, r)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+rest), "/")
	if name == "" {
		name = "."
	}
	fi, err := fs.Stat(h.fsys, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if fi.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			redirect(w, r, r.URL.Path+"/")
			return
		}
		name = path.Join(name, "index.html")
		if fi, err = fs.Stat(h.fsys, name); err != nil || fi.IsDir() {
			http.NotFound(w, r)
			return
		}
	}
	f, err := h.fsys.Open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		http.Error(w, "500 "+name+" cannot seek", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	if path.Ext(name) == ".webmanifest" {
		// Not in Go's built-in table, and /etc/mime.types may lack it.
		w.Header().Set("Content-Type", "application/manifest+json")
	}
	http.ServeContent(w, r, name, fi.ModTime(), rs)
}

// redirect sends a permanent redirect to target, keeping the query.
func redirect(w http.ResponseWriter, r *http.Request, target string) {
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	http.Redirect(w, r, target, http.StatusMovedPermanently)
}
