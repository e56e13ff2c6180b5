package server

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/iptsite/iptsite/internal/sitetest"
	"github.com/iptsite/iptsite/internal/source"
)

// iptsite serve reads the site folder as iptsite build does: a link that leads outside
// it is a problem, and its file is not served, not even from the last good build.
func TestServeNoLinkOutside(t *testing.T) {
	base := t.TempDir()
	write(t, filepath.Join(base, "secret.txt"), "the password")
	dir := filepath.Join(base, "site")
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Home\n---\nHello.\n")
	site, err := source.Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	s := New(Options{Dir: dir, Source: sitetest.Source(site)})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()

	if err := os.Symlink("../../secret.txt", filepath.Join(dir, "content/notes.txt")); err != nil {
		t.Fatal(err)
	}
	err = s.Rebuild()
	if err == nil || !strings.Contains(err.Error(), "content/notes.txt: a link to ../../secret.txt, outside the site folder") {
		t.Errorf("rebuild with a link outside: %v", err)
	}
	if code, body := get(t, ts.URL+"/notes.txt"); code == 200 || strings.Contains(body, "the password") {
		t.Errorf("/notes.txt: %d %q, want it not served", code, body)
	}
}

// status requests path from the server at url with the given Host header.
func status(t *testing.T, url, host, path string) int {
	t.Helper()
	req, err := http.NewRequest("GET", url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// A page of another site that points its name at 127.0.0.1 (DNS rebinding) must not read
// the preview or its problem stream: only requests for this server's own names, with its
// port, are answered.
func TestServeOnlyItsOwnHost(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Home\n---\nHello.\n")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Dir: dir, Source: sitetest.Source(os.DirFS(dir)), Addr: "127.0.0.1:0",
			Ready: func(url string) { ready <- url }})
	}()
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(20 * time.Second):
		t.Fatal("the server did not start")
	}
	url = strings.TrimSuffix(url, "/")
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(url, "http://"))
	for _, c := range []struct {
		host string
		want int
	}{
		{"127.0.0.1:" + port, 200},
		{"localhost:" + port, 200},
		{"LOCALHOST:" + port, 200},
		{"[::1]:" + port, 200},
		{"evil.example:" + port, 403},
		{"evil.example", 403},
		{"localhost.evil.example:" + port, 403},
		{"localhost:1", 403}, // another port: another server's page
	} {
		for _, path := range []string{"/", "/_iptsite/events", "/_iptsite/reload.js"} {
			if path == "/_iptsite/events" && c.want == 200 {
				continue // a stream that stays open
			}
			if got := status(t, url, c.host, path); got != c.want {
				t.Errorf("Host %s, %s: status %d, want %d", c.host, path, got, c.want)
			}
		}
	}
	cancel()
	<-done
}

// The name given to --bind is the server's own too.
func TestServeBoundName(t *testing.T) {
	s := New(Options{Addr: "studio.local:1313"})
	s.port = "1313"
	for host, want := range map[string]bool{
		"studio.local:1313":  true,
		"Studio.Local.:1313": true,
		"studio.local:8080":  false,
		"other.local:1313":   false,
		"192.168.1.5:1313":   true, // a phone on the local network
	} {
		if got := s.ownHost(host); got != want {
			t.Errorf("ownHost(%q) = %v, want %v", host, got, want)
		}
	}
}
