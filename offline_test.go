package iptsite_test

// Browser tests of the service worker (internal/offline): the default site keeps
// working with the network cut off once it has been opened, a new build is offered with
// a Reload button rather than switched to under the reader, and iptsite serve's sw.js
// removes a worker that an earlier build left behind.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// buildInto builds the default site into dst, replacing what is there, with the
// content files in changed (path under content/ -> text added at the end) edited.
// Serving dst with browsertest.Serve and building again is how a clinic publishes a
// new version at the same address.
func buildInto(t *testing.T, dst string, opts render.Options, changed map[string]string) {
	t.Helper()
	opts.Source = sitetest.Source(nil)
	if len(changed) > 0 {
		site := sitetest.DefaultContent(t)
		for name, more := range changed {
			f := site["content/"+name]
			if f == nil {
				t.Fatalf("the default site has no content/%s", name)
			}
			f.Data = append(f.Data, "\n\n"+more+"\n"...)
		}
		opts.Source = sitetest.Source(site)
	}
	sitetest.BuildDir(t, dst, opts)
}

// within runs the actions with a time limit, so a worker that never comes fails the
// test instead of hanging it.
func within(t *testing.T, ctx context.Context, d time.Duration, what string, acts ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	if err := chromedp.Do(c, acts...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eventually evaluates expr in the tab until it is true, across navigations, and fails
// the test with what when that takes longer than d.
func eventually(t *testing.T, ctx context.Context, d time.Duration, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		c, cancel := context.WithTimeout(ctx, time.Second)
		ok, err := chromedp.Run(c, chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise))
		cancel()
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s (after %v, %s: %v, %v)", what, d, expr, ok, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitControlled waits until the page is controlled by an activated worker. The
// install downloads and hashes every file of the build (about a hundred for the default
// site), which on a busy two-core machine running other browser tests beside it can take
// tens of seconds; a failure says how far the worker got.
func waitControlled(t *testing.T, ctx context.Context) {
	t.Helper()
	const controlled = `navigator.serviceWorker.controller !== null && navigator.serviceWorker.controller.state === "activated"`
	start := time.Now()
	deadline := start.Add(90 * time.Second)
	for {
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		ok, err := chromedp.Run(c, chromedp.Evaluate[bool](controlled, chromedp.EvalAwaitPromise))
		cancel()
		if err == nil && ok {
			if d := time.Since(start); d > 10*time.Second {
				t.Logf("the service worker took control after %v", d.Round(time.Second))
			}
			return
		}
		if time.Now().After(deadline) {
			c, cancel := context.WithTimeout(ctx, 5*time.Second)
			state, serr := chromedp.Run(c, chromedp.Evaluate[string](`navigator.serviceWorker.getRegistration().then(r => r
	? ["installing", "waiting", "active"].map(k => k + ": " + (r[k] ? r[k].state : "none")).join(", ")
	: "no registration for " + location.href)`, chromedp.EvalAwaitPromise))
			cancel()
			t.Fatalf("the service worker did not take control of the page after %v (%v, %v); its registration: %s %v",
				time.Since(start).Round(time.Second), ok, err, state, serr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// offlineWorker cuts the network of the service worker at scriptURL as well, which
// browsertest.Offline does not reach in this Chromium (the worker's own fetches still
// get through), so that what the worker does offline is what a reader would get. It
// returns the function that connects the worker again.
func offlineWorker(t *testing.T, ctx context.Context, scriptURL string) (online func()) {
	t.Helper()
	infos, err := chromedp.Targets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, info := range infos {
		if info.Type != "service_worker" || info.URL != scriptURL {
			continue
		}
		wctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithDetachOnCancel())
		t.Cleanup(cancel)
		set := func(offline bool) error {
			return chromedp.Do(wctx, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
				_, err := cdp.Call(ctx, tgt, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
					EmulateOfflineServiceWorker: &offline,
					MatchedNetworkConditions:    []*network.Conditions{{Offline: offline, DownloadThroughput: -1, UploadThroughput: -1}},
				})
				return err
			}))
		}
		if err := set(true); err != nil {
			t.Fatalf("cutting the service worker's network: %v", err)
		}
		return func() {
			t.Helper()
			if err := set(false); err != nil {
				t.Fatalf("connecting the service worker again: %v", err)
			}
			cancel()
		}
	}
	t.Fatalf("no service worker target %s", scriptURL)
	return nil
}

// title reads the <title> of a built page, as minified.
func title(t *testing.T, dir, page string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(page), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, "<title>"), strings.Index(s, "</title>")
	if i < 0 || j < i {
		t.Fatalf("%s has no <title>", page)
	}
	return strings.NewReplacer("&amp;", "&", "&#39;", "'", "&quot;", `"`).Replace(s[i+len("<title>") : j])
}

func TestOfflineAndUpdate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	buildInto(t, dir, render.Options{}, nil)
	base := browsertest.Serve(t, dir, prefix)
	ctx := browsertest.Chrome(t)
	rec := browsertest.Watch(ctx)

	// Load once and let the worker fill its cache and take over.
	if err := chromedp.Do(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	waitControlled(t, ctx)
	if got, want := browsertest.Eval[string](t, ctx, `navigator.serviceWorker.controller.scriptURL`), base+"sw.js"; got != want {
		t.Errorf("the worker is %s, want %s (the root of the site folder)", got, want)
	}
	if got := browsertest.Eval[string](t, ctx, `navigator.serviceWorker.getRegistration().then(r => r.scope)`); got != base {
		t.Errorf("the worker's scope is %s, want the site folder %s", got, base)
	}
	rec.AssertClean(t, base)

	// Offline: other pages, in both forms of their address, and a worksheet.
	if err := chromedp.Do(ctx, browsertest.Offline(true)); err != nil {
		t.Fatal(err)
	}
	online := offlineWorker(t, ctx, base+"sw.js")
	if browsertest.Eval[bool](t, ctx, `navigator.onLine`) {
		t.Fatal("navigator.onLine is still true after going offline")
	}
	if got := browsertest.Eval[string](t, ctx, `fetch("not-in-the-build.txt").then(() => "answered", () => "failed")`); got != "failed" {
		t.Fatalf("a file the build does not have was %s offline, want failed: the network is not cut off", got)
	}
	for _, page := range []string{"phases/middle/", "phases/middle/index.html", "glossary", "worksheets/", "es/phases/middle/"} {
		want := title(t, dir, strings.TrimSuffix(strings.TrimSuffix(page, "index.html"), "/")+"/")
		if err := chromedp.Do(ctx, chromedp.Navigate(base+page)); err != nil {
			t.Fatalf("offline, opening %s: %v", page, err)
		}
		if got := browsertest.Eval[string](t, ctx, `document.title`); got != want {
			t.Errorf("offline, %s has the title %q, want %q", page, got, want)
		}
		if got := browsertest.Eval[int](t, ctx, `document.styleSheets.length`); got == 0 {
			t.Errorf("offline, %s has no style sheet", page)
		}
	}
	sheet := "worksheets/goals/"
	if err := chromedp.Do(ctx, chromedp.Navigate(base+sheet), chromedp.WaitReady(`html.ws-on`)); err != nil {
		t.Fatalf("offline, the worksheet script did not start on %s: %v", sheet, err)
	}
	const field = `document.querySelector("#worksheet textarea, #worksheet input[type=text]")`
	browsertest.Eval[any](t, ctx, `(() => { const n = `+field+`; n.value = "written offline";
		n.dispatchEvent(new Event("input", {bubbles: true})); n.dispatchEvent(new Event("change", {bubbles: true})); })()`)
	time.Sleep(700 * time.Millisecond) // past the autosave delay
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitReady(`html.ws-on`)); err != nil {
		t.Fatalf("offline, reloading %s: %v", sheet, err)
	}
	if got := browsertest.Eval[string](t, ctx, field+`.value`); got != "written offline" {
		t.Errorf("offline, after a reload the answer is %q, want %q", got, "written offline")
	}
	// A page the build does not have says so, in the site's language and style.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"no-such-page/")); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[string](t, ctx, `document.querySelector("h1").textContent + " / " + document.documentElement.lang`); got != "You are offline / en" {
		t.Errorf("offline, a page not on the device shows %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"es/no-such-page/")); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[string](t, ctx, `document.querySelector("h1").textContent + " / " + document.documentElement.lang`); got != "No tienes conexión / es" {
		t.Errorf("offline, a Spanish page not on the device shows %q", got)
	}

	// Back online, a new build at the same address.
	if err := chromedp.Do(ctx, browsertest.Offline(false)); err != nil {
		t.Fatal(err)
	}
	online()
	// When each cached page was downloaded, as the worker noted it.
	fetched := `caches.keys().then(ks => caches.open(ks[ks.length - 1])).then(c => Promise.all(
		["glossary/index.html", "about-ipt/index.html"].map(n => c.match(new URL(n, "` + base + `")).then(r => r.headers.get("x-iptsite-fetched")))))`
	before := browsertest.Eval[[]string](t, ctx, fetched)
	time.Sleep(10 * time.Millisecond)
	const news = "This sentence is new in the second build."
	buildInto(t, dir, render.Options{}, map[string]string{"about-ipt.md": news})
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"about-ipt/")); err != nil {
		t.Fatal(err)
	}
	hasNews := `document.querySelector("main").textContent.includes(` + jsString(news) + `)`
	if browsertest.Eval[bool](t, ctx, hasNews) {
		t.Fatal("the new build's page was shown before the reader chose to reload")
	}
	browsertest.Eval[any](t, ctx, `navigator.serviceWorker.getRegistration().then(r => r.update())`)
	within(t, ctx, 60*time.Second, "no update prompt after a new build",
		chromedp.WaitVisible(`[data-update] button`))
	browsertest.AssertAccessible(t, ctx)
	prompt := browsertest.Eval[string](t, ctx, `document.querySelector("[data-update]").textContent`)
	if prompt != "A new version of this site is available. Reload" {
		t.Errorf("the update prompt says %q", prompt)
	}
	if got := browsertest.Eval[string](t, ctx, `document.querySelector("[data-update]").getAttribute("role")`); got != "status" {
		t.Errorf("the update prompt has role %q, want status", got)
	}
	if browsertest.Eval[bool](t, ctx, hasNews) {
		t.Fatal("the page changed under the reader before Reload was pressed")
	}
	if err := chromedp.Do(ctx, chromedp.Click(`[data-update] button`)); err != nil {
		t.Fatal(err)
	}
	eventually(t, ctx, 20*time.Second, "pressing Reload did not load the new version", hasNews)
	waitControlled(t, ctx)
	if got := browsertest.Eval[int](t, ctx, `caches.keys().then(ks => ks.length)`); got != 1 {
		t.Errorf("after the update there are %d caches, want 1 (the old one deleted)", got)
	}
	if browsertest.Eval[bool](t, ctx, `document.querySelector("[data-update]") !== null`) {
		t.Error("the update prompt is still shown after the update")
	}
	// The new worker downloaded the changed page and copied the others from the old cache.
	after := browsertest.Eval[[]string](t, ctx, fetched)
	if after[0] != before[0] {
		t.Errorf("the unchanged glossary page was downloaded again (fetched %s, then %s)", before[0], after[0])
	}
	if after[1] == before[1] {
		t.Errorf("the changed about-ipt page was not downloaded again (fetched %s)", before[1])
	}

	// The new version works offline too.
	if err := chromedp.Do(ctx, browsertest.Offline(true), chromedp.Navigate(base+"about-ipt/")); err != nil {
		t.Fatal(err)
	}
	if !browsertest.Eval[bool](t, ctx, hasNews) {
		t.Error("offline after the update, the page is not the new version")
	}
}

// TestServeRemovesWorker: a worker left by a build opened at some address goes away, with
// its caches, once iptsite serve serves that address, so the editor sees fresh pages.
func TestServeRemovesWorker(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	buildInto(t, dir, render.Options{}, nil)
	base := browsertest.Serve(t, dir, prefix)
	ctx := browsertest.Chrome(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base)); err != nil {
		t.Fatal(err)
	}
	waitControlled(t, ctx)

	buildInto(t, dir, render.Options{LiveReload: true}, nil)
	if home, _ := os.ReadFile(filepath.Join(dir, "index.html")); strings.Contains(string(home), "data-sw") {
		t.Fatal("a page built for iptsite serve registers the service worker")
	}
	browsertest.Eval[any](t, ctx, `navigator.serviceWorker.getRegistration().then(r => r.update())`)
	eventually(t, ctx, 20*time.Second, "the worker did not remove itself",
		`navigator.serviceWorker.getRegistrations().then(rs => rs.length === 0)`)
	eventually(t, ctx, 10*time.Second, "the page is still controlled by the removed worker",
		`navigator.serviceWorker.controller === null`)
	if got := browsertest.Eval[int](t, ctx, `caches.keys().then(ks => ks.length)`); got != 0 {
		t.Errorf("%d caches are left", got)
	}
}

// jsString quotes s as a JavaScript string literal (s has no quotes or backslashes).
func jsString(s string) string { return `"` + s + `"` }
