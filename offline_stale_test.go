package iptsite_test

// Browser tests of the service worker against a host that serves an earlier build's
// file for a new build's URL, as a CDN does until it catches up (internal/offline, "A
// version is kept whole or not at all").

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
)

// staleCDN answers the site's requests for one file with an older copy of it: always,
// or only the next `once` times.
type staleCDN struct {
	path  string // the URL path of the file
	mu    sync.Mutex
	old   []byte // what it answers instead, or nil to answer the site's file
	once  int    // when > 0, answer old only this many more times
	asked int    // requests for path
}

func (c *staleCDN) set(old []byte, once int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.old, c.once, c.asked = old, once, 0
}

func (c *staleCDN) requests() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.asked
}

func (c *staleCDN) wrap(site http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		old := c.old
		if r.URL.Path == c.path {
			c.asked++
			if c.once > 0 {
				if c.once--; c.once == 0 {
					c.old = nil
				}
			}
		} else {
			old = nil
		}
		c.mu.Unlock()
		if old == nil {
			site.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(old)
	})
}

func readFile(t *testing.T, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// version reads the VERSION of the sw.js built in dir, the end of its cache's name.
func version(t *testing.T, dir string) string {
	t.Helper()
	m := regexp.MustCompile(`importScripts\("sw-files\.([0-9a-f]+)\.js"\)`).FindStringSubmatch(readFile(t, dir, "sw.js"))
	if m == nil {
		t.Fatal("sw.js has no VERSION")
	}
	return m[1]
}

// cached is the expression for the text of file name in the cache of version v ("" when
// that cache or the file is not there).
func cached(base, v, name string) string {
	return `caches.keys().then(ks => ks.find(k => k.endsWith(" ` + v + `")))
		.then(k => k ? caches.open(k).then(c => c.match(new URL("` + name + `", "` + base + `"))) : undefined)
		.then(r => r ? r.text() : "")`
}

// TestOfflineStaleCDN: v1 works offline; v3 is published while the CDN still returns
// v1's grief page for v3's URL. While it always does, v3 is not installed (the reader
// keeps v1, whole) and v3's cache holds no stale page; when it does once, the worker
// downloads the page again, and v3's cache holds v3's page. A file of v1's cache whose
// content no longer has its hash is downloaded again, not carried into v3.
func TestOfflineStaleCDN(t *testing.T) {
	const sheet = "worksheets/grief/index.html"
	dir := filepath.Join(t.TempDir(), "public")
	buildInto(t, dir, render.Options{}, nil)
	v1, v1Page := version(t, dir), readFile(t, dir, sheet)
	cdn := &staleCDN{path: prefix + sheet}
	base := browsertest.ServeWith(t, dir, prefix, cdn.wrap)
	ctx := browsertest.Chrome(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	waitControlled(t, ctx)
	if got := browsertest.Eval[string](t, ctx, cached(base, v1, sheet)); got != v1Page {
		t.Fatalf("v1's cache does not hold v1's %s", sheet)
	}
	// A file that an older worker kept unchecked: its noted hash is right, its content not.
	const goals = "worksheets/goals/index.html"
	browsertest.Eval[any](t, ctx, `caches.keys().then(ks => caches.open(ks.find(k => k.endsWith(" `+v1+`"))))
		.then(c => c.match(new URL("`+goals+`", "`+base+`")).then(r => c.put(new URL("`+goals+`", "`+base+`"),
			new Response("broken", {headers: {"x-iptsite-hash": r.headers.get("x-iptsite-hash")}}))))`)

	buildInto(t, dir, render.Options{}, map[string]string{"worksheets/grief.md": "This sentence is new in version 3."})
	v3, v3Page := version(t, dir), readFile(t, dir, sheet)
	if v3 == v1 || v3Page == v1Page {
		t.Fatal("the second build did not change the grief page")
	}
	update := `navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true, () => true)`

	// The CDN always answers v1's page.
	cdn.set([]byte(v1Page), 0)
	browsertest.Eval[any](t, ctx, update)
	eventually(t, ctx, 60*time.Second, "the worker did not finish trying to install v3",
		`navigator.serviceWorker.getRegistration().then(r => !r.installing)`)
	if n := cdn.requests(); n < 2 {
		t.Errorf("the worker asked for the stale page %d times, want it downloaded again past the caches", n)
	}
	if got := browsertest.Eval[string](t, ctx, cached(base, v3, sheet)); got != "" {
		t.Errorf("v3's cache holds a grief page although the host only gave v1's (%d bytes; v1's: %v)", len(got), got == v1Page)
	}
	if browsertest.Eval[bool](t, ctx, `navigator.serviceWorker.getRegistration().then(r => r.waiting !== null)`) {
		t.Error("v3 is waiting to take over although one of its pages never came right")
	}
	if got := browsertest.Eval[string](t, ctx, cached(base, v1, sheet)); got != v1Page {
		t.Error("v1, the version that works, lost its grief page")
	}

	// The CDN answers v1's page once more, then v3's.
	cdn.set([]byte(v1Page), 1)
	browsertest.Eval[any](t, ctx, update)
	within(t, ctx, 60*time.Second, "no update prompt once the host gave v3's page",
		chromedp.WaitVisible(`[data-update] button`))
	if got := browsertest.Eval[string](t, ctx, cached(base, v3, sheet)); got != v3Page {
		t.Errorf("v3's cache holds a grief page of %d bytes that is not v3's (v1's: %v)", len(got), got == v1Page)
	}
	if got, want := browsertest.Eval[string](t, ctx, cached(base, v3, goals)), readFile(t, dir, goals); got != want {
		t.Errorf("v3's cache holds %q for %s: a broken file was carried over from v1's cache", got, goals)
	}
}

// TestOfflineStaleCDNFirstVisit: on a first visit, a host that never gives the right file
// leaves nothing on the device, and the pages still come from the network.
func TestOfflineStaleCDNFirstVisit(t *testing.T) {
	const sheet = "worksheets/grief/index.html"
	old := filepath.Join(t.TempDir(), "old")
	buildInto(t, old, render.Options{}, nil)
	stale := readFile(t, old, sheet)
	dir := filepath.Join(t.TempDir(), "public")
	buildInto(t, dir, render.Options{}, map[string]string{"worksheets/grief.md": "This sentence is new in version 3."})
	cdn := &staleCDN{path: prefix + sheet}
	cdn.set([]byte(stale), 0)
	base := browsertest.ServeWith(t, dir, prefix, cdn.wrap)
	ctx := browsertest.Chrome(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for cdn.requests() < 2 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	eventually(t, ctx, 60*time.Second, "the worker whose install failed is still registered",
		`navigator.serviceWorker.getRegistration().then(r => r === undefined)`)
	if n := cdn.requests(); n < 2 {
		t.Errorf("the worker asked for the stale page %d times, want it downloaded again past the caches", n)
	}
	stored := browsertest.Eval[int](t, ctx, `caches.keys().then(ks => Promise.all(ks.map(k => caches.open(k)
		.then(c => c.match(new URL("`+sheet+`", "`+base+`"))).then(r => r ? 1 : 0))))
		.then(ns => ns.reduce((a, b) => a + b, 0))`)
	if stored != 0 {
		t.Errorf("%d caches hold the grief page, which the host only gave stale", stored)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"worksheets/goals/"), chromedp.WaitReady(`html.ws-on`)); err != nil {
		t.Fatalf("online without a worker, a worksheet does not work: %v", err)
	}
}
