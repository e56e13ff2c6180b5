package server

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/iptsite/iptsite/internal/sitetest"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// events reads server-sent events from the server into a channel of "name: data".
func events(t *testing.T, ctx context.Context, url string) <-chan string {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", url+"_iptsite/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		name, data := "", []string{}
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = line[7:]
			case strings.HasPrefix(line, "data: "):
				data = append(data, line[6:])
			case line == "":
				ch <- name + ": " + strings.Join(data, "\n")
				name, data = "", nil
			}
		}
		close(ch)
	}()
	return ch
}

func next(t *testing.T, ch <-chan string, prefix string) string {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case e, ok := <-ch:
			if !ok {
				t.Fatalf("event stream closed while waiting for %q", prefix)
			}
			if strings.HasPrefix(e, prefix) {
				return e
			}
		case <-timeout:
			t.Fatalf("no %q event within 10s", prefix)
		}
	}
}

// TestServeRebuildsAndReloads edits a page, adds a page in a new folder, and breaks a
// page, and checks what the browser would see each time.
func TestServeRebuildsAndReloads(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Home\n---\nFirst words.\n")
	log := &sitetest.Buffer{}
	s := New(Options{
		Dir:    dir,
		Source: sitetest.Source(os.DirFS(dir)),
		Delay:  20 * time.Millisecond,
		Log:    log,
	})
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx)

	_, home := get(t, ts.URL+"/")
	if !strings.Contains(home, "First words.") {
		t.Fatalf("home page:\n%s", home)
	}
	if !strings.Contains(home, `<script src="_iptsite/reload.js" defer></script>`) {
		t.Errorf("the home page does not load the reload script")
	}
	if code, js := get(t, ts.URL+"/_iptsite/reload.js"); code != 200 || !strings.Contains(js, "EventSource") {
		t.Errorf("reload.js: %d %s", code, js)
	}
	ev := events(t, ctx, ts.URL+"/")
	next(t, ev, "hello")
	time.Sleep(100 * time.Millisecond) // let the watcher start

	// An edit: a reload event, and the new page.
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Home\n---\nSecond words.\n")
	next(t, ev, "reload")
	if _, home = get(t, ts.URL+"/"); !strings.Contains(home, "Second words.") {
		t.Fatalf("after the edit, home page:\n%s", home)
	}
	// A new body is rendered alone, not with the whole site.
	if !strings.Contains(log.String(), "updated content/_index.md in ") {
		t.Errorf("an edit of a page's text rebuilt more than the page:\n%s", log.String())
	}

	// A folder created after the server started is watched too.
	write(t, filepath.Join(dir, "content/later/page.md"), "---\ntitle: Later\n---\nNew page.\n")
	next(t, ev, "reload")
	write(t, filepath.Join(dir, "content/later/page.md"), "---\ntitle: Later\n---\nNewer page.\n")
	next(t, ev, "reload")
	if code, page := get(t, ts.URL+"/later/page/"); code != 200 || !strings.Contains(page, "Newer page.") {
		t.Fatalf("new page: %d\n%s", code, page)
	}

	// A broken page: the problems go to the browser, the last good site is still served.
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Home\ncolour: red\n---\nThird words.\n")
	e := next(t, ev, "problems")
	if !strings.Contains(e, `content/_index.md:3: unknown key "colour"`) {
		t.Errorf("problems event: %q", e)
	}
	if _, home = get(t, ts.URL+"/"); !strings.Contains(home, "Second words.") {
		t.Fatalf("after a failed rebuild, home page:\n%s", home)
	}
	// A page opened now learns of the problems at once.
	ev2 := events(t, ctx, ts.URL+"/")
	next(t, ev2, "problems")

	// Unknown paths get the 404 page with status 404; folders without a slash redirect.
	if code, body := get(t, ts.URL+"/nowhere/"); code != 404 || !strings.Contains(body, "Page not found") {
		t.Errorf("404: %d", code)
	}
}

// TestServeFirstBuildFails shows the problems instead of a site, and recovers.
func TestServeFirstBuildFails(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: [oops\n---\n")
	s := New(Options{Dir: dir, Source: sitetest.Source(os.DirFS(dir))})
	if err := s.Rebuild(); err == nil {
		t.Fatal("the broken site built")
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	code, body := get(t, ts.URL+"/")
	if code != 500 || !strings.Contains(body, "content/_index.md:2:") || !strings.Contains(body, "reload.js") {
		t.Fatalf("%d\n%s", code, body)
	}
	write(t, filepath.Join(dir, "content/_index.md"), "---\ntitle: Fixed\n---\n")
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	if code, body = get(t, ts.URL+"/"); code != 200 || !strings.Contains(body, "<h1>Fixed</h1>") {
		t.Fatalf("%d\n%s", code, body)
	}
}
