package server

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
