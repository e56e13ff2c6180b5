package iptsite_test

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// TestNotFoundAtDepth serves the default site the way a static host does, answering
// every missing address with 404.html, and opens a missing address three folders deep:
// the page must be styled, with or without baseURL, and break no rule of its policy.
func TestNotFoundAtDepth(t *testing.T) {
	for _, withBase := range []bool{false, true} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		base := "http://" + ln.Addr().String() + prefix
		opts := render.Options{}
		if withBase {
			opts.BaseURL = base
		}
		dir := sitetest.BuildDir(t, "", opts)
		srv := httptest.NewUnstartedServer(staticHost(dir))
		srv.Listener.Close()
		srv.Listener = ln
		srv.Start()
		t.Cleanup(func() { srv.CloseClientConnections(); srv.Close() })

		ctx := browsertest.Chrome(t)
		rec := browsertest.Watch(ctx)
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"a/b/c/missing")); err != nil {
			t.Fatal(err)
		}
		if got := browsertest.Eval[string](t, ctx, `document.querySelector('h1').textContent`); got != "Page not found" {
			t.Fatalf("baseURL %v: h1 %q, want the 404 page", withBase, got)
		}
		// The stylesheet sets the page's background and lays the crisis box out as a band.
		if got := browsertest.Eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`); got != "rgb(251, 250, 247)" {
			t.Errorf("baseURL %v: the 404 page at depth is not styled: background %s", withBase, got)
		}
		if got := browsertest.Eval[string](t, ctx, `getComputedStyle(document.querySelector('.crisis')).borderBottomStyle`); got != "solid" {
			t.Errorf("baseURL %v: the crisis box of the 404 page is not styled (border %s)", withBase, got)
		}
		rec.AssertSameHost(t, base)
		for _, m := range rec.CSPViolations() {
			t.Errorf("baseURL %v: %s", withBase, m)
		}
	}
}

// staticHost serves dir under prefix as a static host does: a file when there is one
// (a folder's index.html), else 404.html with status 404.
func staticHost(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel, ok := strings.CutPrefix(r.URL.Path, prefix)
		if ok {
			name := filepath.Join(dir, filepath.FromSlash(rel))
			if strings.HasSuffix(rel, "/") || rel == "" {
				name = filepath.Join(name, "index.html")
			}
			if fi, err := os.Stat(name); err == nil && !fi.IsDir() {
				http.ServeFile(w, r, name)
				return
			}
		}
		data, err := os.ReadFile(filepath.Join(dir, "404.html"))
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(data)
	})
}
