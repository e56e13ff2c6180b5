package iptsite_test

// Browser tests of the default site as a clinic gets it: built, minified, served from a
// subfolder, every page opened in headless Chromium, checked with axe-core in light and
// dark mode, and watched for requests to other hosts, console errors and CSP violations.
//
// The screenshots in docs/screenshots are written by `make screenshots`
// (TestScreenshots in internal/worksheet).

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

func TestMain(m *testing.M) { browsertest.Main(m) }

const prefix = "/clinic/ipt/"

// buildDefault builds the default site into a temporary folder.
func buildDefault(t *testing.T) string {
	t.Helper()
	return sitetest.BuildDir(t, "", render.Options{})
}

// pages lists the site paths of every page in a built site ("", "phases/middle/", …).
func pages(t *testing.T, dir string) []string {
	t.Helper()
	var ps []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		rel, _ := filepath.Rel(dir, filepath.Dir(p))
		if rel == "." {
			rel = ""
		} else {
			rel = filepath.ToSlash(rel) + "/"
		}
		ps = append(ps, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return append(ps, "404.html")
}

func TestDefaultSiteInBrowser(t *testing.T) {
	dir := buildDefault(t)
	base := browsertest.Serve(t, dir, prefix)
	for _, p := range pages(t, dir) {
		name := strings.TrimSuffix(p, "/")
		if name == "" {
			name = "home"
		}
		t.Run(name, func(t *testing.T) {
			ctx := browsertest.Chrome(t)
			rec := browsertest.Watch(ctx)
			if err := chromedp.Do(ctx, chromedp.Navigate(base+p)); err != nil {
				t.Fatal(err)
			}
			rec.AssertClean(t, base)
			browsertest.AssertAccessible(t, ctx)
			if err := chromedp.Do(ctx, browsertest.DarkMode(), chromedp.Reload()); err != nil {
				t.Fatal(err)
			}
			browsertest.AssertAccessible(t, ctx)
			rec.AssertClean(t, base)
		})
	}
}

// TestQuickExit presses the quick-exit button, and Escape three times, on the page about
// disputes: the browser goes to the neutral page in site.yaml, and that page replaces this
// one in the history, so Back does not return to it. (The neutral page is one of the
// site's own here, since the test browser reaches no other host.)
func TestQuickExit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "public")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	base := browsertest.Serve(t, dir, prefix)
	neutral := base + "glossary/"
	yaml := strings.Replace(string(sitetest.DefaultFile(t, "site.yaml")), "url: https://www.bbc.com/weather", "url: "+neutral, 1)
	site := fstest.MapFS{"site.yaml": {Data: []byte(yaml)}}
	sitetest.BuildDir(t, dir, render.Options{Source: sitetest.Source(site)})
	for _, how := range []string{"button", "escape"} {
		t.Run(how, func(t *testing.T) {
			ctx := browsertest.Chrome(t)
			if err := chromedp.Do(ctx, chromedp.Navigate(base+"problem-areas/disputes/"),
				chromedp.WaitVisible(".quickexit-button")); err != nil {
				t.Fatal(err)
			}
			var act chromedp.Action[chromedp.Void] = chromedp.Click(".quickexit-button")
			if how == "escape" {
				act = chromedp.KeyEvent("\x1b\x1b\x1b")
			}
			if err := chromedp.Do(ctx, act); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(10 * time.Second)
			for {
				h, err := chromedp.Run(ctx, chromedp.Action[page.GetNavigationHistoryResult](func(ctx context.Context, tg *chromedp.Target) (page.GetNavigationHistoryResult, error) {
					return cdp.Call(ctx, tg, page.GetNavigationHistory, cdp.Empty{})
				}))
				if err != nil {
					// The tab is between documents; ask again.
					if time.Now().After(deadline) {
						t.Fatal(err)
					}
					time.Sleep(100 * time.Millisecond)
					continue
				}
				if u := h.Entries[h.CurrentIndex].URL; u == neutral {
					for _, e := range h.Entries {
						if strings.Contains(e.URL, "disputes") {
							t.Errorf("the disputes page is still in the history: Back returns to it")
						}
					}
					return
				} else if time.Now().After(deadline) {
					t.Fatalf("still at %s", u)
				}
				time.Sleep(100 * time.Millisecond)
			}
		})
	}
}
