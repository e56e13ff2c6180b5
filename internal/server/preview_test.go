package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/iptsite/iptsite/internal/deploy"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// TestPreview serves the default site, built for a subfolder, as iptsite preview does:
// every file with the headers of the table for its kind, a missing address with the
// 404 page and its headers, nothing for the host's own files, hidden files or a link out
// of the folder, and nothing for another site's name.
func TestPreview(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	write(t, outside, "the password")
	dir := sitetest.BuildDir(t, "", render.Options{BaseURL: "https://clinic.example/clinic/ipt/"})
	if err := os.Symlink(outside, filepath.Join(dir, "notes.txt")); err != nil {
		t.Fatal(err)
	}
	pv, err := NewPreview(dir, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer pv.Close()
	ts := httptest.NewServer(pv)
	defer ts.Close()
	p := deploy.Policy{Base: "/clinic/ipt/", CSP: render.CSP}
	if pv.Base() != p.Base {
		t.Fatalf("the preview serves the site at %s, want %s", pv.Base(), p.Base)
	}
	css := ""
	ents, _ := os.ReadDir(filepath.Join(dir, "css"))
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), "site.") {
			css = "css/" + e.Name()
		}
	}
	for _, c := range []struct {
		path, file string // the address, and the file whose headers it gets
		status     int
	}{
		{"", "index.html", 200},
		{"phases/middle/", "phases/middle/index.html", 200},
		{"phases/middle/index.html", "phases/middle/index.html", 200},
		{css, css, 200},
		{"sw.js", "sw.js", 200},
		{"manifest.webmanifest", "manifest.webmanifest", 200},
		{"a/b/c/missing", "404.html", 404},
		{"_headers", "404.html", 404},
		{".iptsite-build", "404.html", 404},
		{"notes.txt", "404.html", 404},
		{"../../etc/passwd", "404.html", 404},
	} {
		resp, err := http.Get(ts.URL + p.Base + c.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d", c.path, resp.StatusCode, c.status)
		}
		for _, h := range p.Headers(c.file) {
			if got := resp.Header.Values(h.Name); len(got) != 1 || got[0] != h.Value {
				t.Errorf("%s: %s %q, want %q", c.path, h.Name, got, h.Value)
			}
		}
		if strings.Contains(string(body), "the password") {
			t.Errorf("%s: the file outside the folder was served", c.path)
		}
		if c.status == 404 && !strings.Contains(string(body), "<h1") {
			t.Errorf("%s: not the site's 404 page", c.path)
		}
	}
	if got := resp(t, ts.URL+"/").Header.Get("Location"); got != p.Base {
		t.Errorf("/ redirects to %q, want the site's folder", got)
	}
	if r := resp(t, ts.URL+p.Base+"phases/middle"); r.StatusCode != 301 || r.Header.Get("Location") != p.Base+"phases/middle/" {
		t.Errorf("a folder without its slash: %d to %q", r.StatusCode, r.Header.Get("Location"))
	}
	if got := status(t, ts.URL, "evil.example", p.Base); got != 403 {
		t.Errorf("another site's name: status %d, want 403", got)
	}
}

// A folder without _headers is not a build the preview can stand for.
func TestPreviewNeedsBuild(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "index.html"), "<!DOCTYPE html>")
	if _, err := NewPreview(dir, "127.0.0.1:0"); err == nil || !strings.Contains(err.Error(), "has no _headers file") {
		t.Errorf("a folder without _headers: %v", err)
	}
}

// resp gets url without following redirects.
func resp(t *testing.T, url string) *http.Response {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	r, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	return r
}

// RunPreview listens, gives the site's address, and answers only for its own port.
func TestRunPreview(t *testing.T) {
	dir := sitetest.BuildDir(t, "", render.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	var log sitetest.Buffer
	go func() { done <- RunPreview(ctx, dir, "127.0.0.1:0", &log, func(url string) { ready <- url }) }()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(20 * time.Second):
		t.Fatal("the preview did not start")
	}
	if !strings.Contains(log.String(), "previewing "+dir+" at "+url) {
		t.Errorf("log: %q", log.String())
	}
	host := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	if got := status(t, "http://"+host, host, "/"); got != 200 {
		t.Errorf("its own address: status %d", got)
	}
	if got := status(t, "http://"+host, "localhost:1", "/"); got != 403 {
		t.Errorf("another port's name: status %d, want 403", got)
	}
	cancel()
	if err := <-done; err != context.Canceled {
		t.Errorf("RunPreview ended with %v", err)
	}
}
