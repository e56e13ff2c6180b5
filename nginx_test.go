package iptsite_test

// The default site served by Debian's nginx in a subfolder, with the block that
// docs/deploy.md tells an admin to paste, and read by Chromium as a client would.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/deploy"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// docFolder is the subfolder of the nginx example in docs/deploy.md, and docRoot the
// folder its root line names.
const (
	docFolder = "/ipt/"
	docRoot   = "root /var/www/html;"
)

// nginxServer is one nginx started by a test.
type nginxServer struct {
	cmd  *exec.Cmd
	dir  string // its prefix: configuration, logs, pid and temporary files
	done chan error
	once sync.Once
}

// errPortTaken says that another program took the free port before nginx could.
var errPortTaken = errors.New("the port was taken before nginx could listen on it")

// startNginx runs nginx in the foreground on 127.0.0.1:port with the location block
// snippet inside its server block, everything it writes in dir, and waits until nginx
// itself answers there. The test's cleanup stops it.
func startNginx(t *testing.T, nginx, dir, port, snippet string) (*nginxServer, error) {
	t.Helper()
	mime := "/etc/nginx/mime.types"
	if _, err := os.Stat(mime); err != nil {
		t.Fatalf("nginx is installed but %v", err)
	}
	temps := ""
	for _, k := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		temps += fmt.Sprintf("    %s_temp_path %s;\n", k, filepath.Join(dir, k))
	}
	// master_process off: one process, which stays the user who runs the test, so it
	// reads the test's folders and nothing else changes user.
	conf := fmt.Sprintf(`daemon off;
master_process off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events {}
http {
    include %[2]s;
    default_type application/octet-stream;
    access_log off;
%[3]s    server {
        listen 127.0.0.1:%[4]s;
        server_name localhost;
%[5]s
    }
}
`, dir, mime, temps, port, snippet)
	confFile := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(confFile, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "error.log"))
	cmd := exec.Command(nginx, "-p", dir+"/", "-c", confFile, "-e", filepath.Join(dir, "error.log"))
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &nginxServer{cmd: cmd, dir: dir, done: make(chan error, 1)}
	go func() { s.done <- cmd.Wait() }()
	t.Cleanup(s.stop)
	deadline := time.Now().Add(30 * time.Second)
	for {
		// Another program on the port would answer too: wait for nginx's own answer.
		if resp, err := http.Get("http://127.0.0.1:" + port + "/"); err == nil {
			resp.Body.Close()
			if strings.HasPrefix(resp.Header.Get("Server"), "nginx") {
				return s, nil
			}
		}
		select {
		case err := <-s.done:
			s.done <- err
			if strings.Contains(s.log(), "Address already in use") {
				return nil, errPortTaken
			}
			t.Fatalf("nginx ended at start (%v):\n%s", err, s.log())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx does not answer on port %s:\n%s", port, s.log())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (s *nginxServer) log() string {
	data, _ := os.ReadFile(filepath.Join(s.dir, "error.log"))
	return string(data)
}

// stop ends nginx (a fast shutdown) and waits for it.
func (s *nginxServer) stop() {
	s.once.Do(func() {
		s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.done:
		case <-time.After(10 * time.Second):
			s.cmd.Process.Kill()
			<-s.done
		}
	})
}

// freePort returns a loopback port that nothing listens on now.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

// TestNginx builds the default site for a subfolder, serves it with Debian's nginx and
// the documented block, and checks in Chromium what the block promises: the headers of
// the table on pages, fingerprinted files, sw.js, the manifest and the 404 page; the
// styled 404 page at a missing address three folders deep; a worksheet refused in
// another site's frame (and shown in one from a host without the headers, so the check
// can tell); and the service worker installed, keeping the site working once nginx has
// stopped.
func TestNginx(t *testing.T) {
	nginx := browsertest.Tool(t, "nginx", "nginx", "/usr/sbin/nginx")
	ctx := browsertest.Chrome(t)
	tmp := t.TempDir()
	www := filepath.Join(tmp, "www")
	snippet := sitetest.DocBlock(t, "docs/deploy.md", "nginx")
	if !strings.Contains(snippet, docRoot) || !strings.Contains(snippet, "location "+docFolder+" {") {
		t.Fatalf("the nginx block of docs/deploy.md is not for %s in /var/www/html:\n%s", docFolder, snippet)
	}
	snippet = strings.Replace(snippet, docRoot, "root "+www+";", 1)
	// The site is built for its address, port included; a port taken between the
	// choice and nginx's start means a new port and a new build.
	var (
		srv       *nginxServer
		base, dir string
	)
	for try := 1; ; try++ {
		base = "http://127.0.0.1:" + freePort(t) + docFolder
		dir = sitetest.BuildDir(t, filepath.Join(www, filepath.FromSlash(docFolder)), render.Options{BaseURL: base})
		var err error
		srv, err = startNginx(t, nginx, tmp, strings.TrimSuffix(strings.TrimPrefix(base, "http://127.0.0.1:"), docFolder), snippet)
		if err == nil {
			break
		}
		if try == 3 {
			t.Fatal(err)
		}
	}

	// The headers, as Chromium received them (past the service worker, which keeps
	// what it fetched with the headers it came with).
	rec := browsertest.Watch(ctx)
	if err := chromedp.Do(ctx, bypassWorker(true), chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	policy := deploy.Policy{Base: docFolder, CSP: render.CSP}
	assets := map[string]string{}
	for _, sub := range []string{"css", "js"} {
		ents, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			assets[sub] = sub + "/" + e.Name()
		}
	}
	for _, c := range []struct {
		url, file string // the address, and the file whose headers it gets
		status    int
	}{
		{"", "index.html", 200},
		{"worksheets/goals/", "worksheets/goals/index.html", 200},
		{assets["css"], assets["css"], 200},
		{assets["js"], assets["js"], 200},
		{"sw.js", "sw.js", 200},
		{"manifest.webmanifest", "manifest.webmanifest", 200},
		{"a/b/c/missing", "404.html", 404},
	} {
		type answer struct {
			Status  int               `json:"status"`
			Headers map[string]string `json:"headers"`
		}
		got := browsertest.Eval[answer](t, ctx, `fetch(`+jsString(base+c.url)+`, {cache: "no-store"}).then(r => ({status: r.status, headers: Object.fromEntries(r.headers)}))`)
		if got.Status != c.status {
			t.Errorf("%s: status %d, want %d", c.url, got.Status, c.status)
		}
		for _, h := range policy.Headers(c.file) {
			if v := got.Headers[strings.ToLower(h.Name)]; v != h.Value {
				t.Errorf("%s: %s %q, want %q", c.url, h.Name, v, h.Value)
			}
		}
	}

	// A missing address deep in the folder gets the styled 404 page.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"a/b/c/missing")); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('h1').textContent`); got != "Page not found" {
		t.Errorf("a missing address shows %q, want the 404 page", got)
	}
	if got := browsertest.Eval[string](t, ctx, `getComputedStyle(document.querySelector('.crisis')).borderBottomStyle`); got != "solid" {
		t.Errorf("the 404 page at depth is not styled (its crisis box's border: %s)", got)
	}
	rec.AssertSameHost(t, base)
	for _, m := range rec.Errors() {
		if !strings.Contains(m.String(), "a/b/c/missing: Failed to load resource: the server responded with a status of 404") {
			t.Errorf("served by nginx: %s", m)
		}
	}

	// Another site frames a worksheet from nginx, and from a host that sends no headers.
	plain := browsertest.Serve(t, dir, docFolder)
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!DOCTYPE html><title>Another site</title>
<iframe name="nginx" src="%sworksheets/goals/"></iframe><iframe name="plain" src="%sworksheets/goals/"></iframe>`, base, plain)
	}))
	t.Cleanup(func() { other.CloseClientConnections(); other.Close() })
	if err := chromedp.Do(ctx, chromedp.Navigate(other.URL)); err != nil {
		t.Fatal(err)
	}
	frames := frameShown(t, ctx)
	if got := frames["nginx"]; got != "" {
		t.Errorf("a worksheet from nginx was shown in another site's frame (%s)", got)
	}
	if got, want := frames["plain"], plain+"worksheets/goals/"; got != want {
		t.Errorf("a worksheet from a host without the headers shows %q in another site's frame, want %s: the check cannot tell a refused frame", got, want)
	}

	// The service worker installs; with nginx stopped, the site still works.
	if err := chromedp.Do(ctx, bypassWorker(false), chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	controlAfterBypass(t, ctx)
	srv.stop()
	if _, err := http.Get(base); err == nil {
		t.Fatal("nginx still answers after it was stopped")
	}
	sheet := "worksheets/goals/"
	if err := chromedp.Do(ctx, chromedp.Navigate(base+sheet), chromedp.WaitReady(`html.ws-on`)); err != nil {
		t.Fatalf("with nginx stopped, the worksheet script did not start on %s: %v", sheet, err)
	}
	if got, want := browsertest.Eval[string](t, ctx, `document.title`), title(t, dir, sheet); got != want {
		t.Errorf("with nginx stopped, %s has the title %q, want %q", sheet, got, want)
	}
	if got := browsertest.Eval[string](t, ctx, `getComputedStyle(document.querySelector('.crisis')).borderBottomStyle`); got != "solid" {
		t.Errorf("with nginx stopped, %s is not styled", sheet)
	}
}

// frameShown returns, by name, the address of the document each frame of the tab
// shows, once none is still loading: "" for a frame that shows the browser's error page
// instead (a refused frame).
func frameShown(t *testing.T, ctx context.Context) map[string]string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		var tree *page.FrameTree
		err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
			res, err := cdp.Call(ctx, tgt, page.GetFrameTree, cdp.Empty{})
			tree = res.FrameTree
			return err
		}))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		loading := false
		for _, c := range tree.ChildFrames {
			f := c.Frame
			switch {
			case f.UnreachableURL != "":
				out[f.Name] = ""
			case f.URL == "" || f.URL == "about:blank":
				loading = true
			default:
				out[f.Name] = f.URL
			}
		}
		if !loading && len(out) > 0 {
			return out
		}
		if time.Now().After(deadline) {
			t.Fatalf("the frames are still loading: %v", out)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// controlAfterBypass waits until the page is controlled by the service worker, in a tab
// that first loaded the site past it (bypassWorker(true)). Chromium does not always let
// the worker claim a page of such a tab when it activates (it failed one run in several):
// once the worker is active and the page is still not controlled, the page is loaded
// again, as a reader's next visit would be, which an active worker always controls.
func controlAfterBypass(t *testing.T, ctx context.Context) {
	t.Helper()
	const state = `navigator.serviceWorker.getRegistration().then(r =>
	(r && r.active ? r.active.state : "none") + (navigator.serviceWorker.controller ? ", controlled" : ""))`
	for deadline := time.Now().Add(90 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		s, err := chromedp.Run(c, chromedp.Evaluate[string](state, chromedp.EvalAwaitPromise))
		cancel()
		if err != nil || !strings.HasPrefix(s, "activated") {
			continue
		}
		if !strings.HasSuffix(s, ", controlled") {
			if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
				t.Fatal(err)
			}
		}
		break
	}
	waitControlled(t, ctx)
}

// bypassWorker makes the tab's requests go past the service worker, or through it again.
func bypassWorker(bypass bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: bypass})
		return err
	})
}
