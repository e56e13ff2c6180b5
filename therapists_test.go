package iptsite_test

// The page for therapists in the browser: every question's address is shown under its
// link, wraps only at a / or before the #, and its button copies that address.

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// copyQuestion opens every list of question links on the page, checks that nothing
// scrolls sideways at 320 px, and returns what the copy button of the question id of
// worksheet sheet shows and puts on the clipboard (a stand-in clipboard records it).
func copyQuestion(t *testing.T, url, sheet, id string) (shown, copied string) {
	t.Helper()
	ctx := browsertest.Chrome(t)
	rec := browsertest.Watch(ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch),
		chromedp.Navigate(url), chromedp.WaitReady(`.question-links .copy-link`)); err != nil {
		t.Fatal(err)
	}
	browsertest.Eval[any](t, ctx, `for (const d of document.querySelectorAll('details.questions')) d.open = true`)
	if got := browsertest.Eval[string](t, ctx, overflowJS); got != "" {
		t.Errorf("%s with every question list open: scrolls sideways by %s", url, got)
	}
	if wraps := browsertest.Eval[string](t, ctx, `[...document.querySelectorAll('.sheet-url')].map(getComputedStyle).map((s) => s.overflowWrap + ' ' + s.wordBreak).find((s) => /anywhere|break-all/.test(s)) || ''`); wraps != "" {
		t.Errorf("%s: an address may wrap inside a word (%s)", url, wraps)
	}
	li := `document.querySelector('.question-links a[href$="` + sheet + `/#` + id + `"]').parentElement`
	shown = browsertest.Eval[string](t, ctx, li+`.querySelector('code').textContent`)
	browsertest.Eval[any](t, ctx, `navigator.clipboard.writeText = (s) => { window.copied = s; return Promise.resolve(); }; `+li+`.querySelector('button').click()`)
	copied = browsertest.Eval[string](t, ctx, `new Promise((ok) => setTimeout(() => ok(window.copied || ''), 100))`)
	rec.AssertClean(t, url)
	return shown, copied
}

// TestCopyQuestionLink: without baseURL the address is the link as the page's own address
// resolves it; with baseURL, baseURL and the question's place in the site. Both languages.
func TestCopyQuestionLink(t *testing.T) {
	dir := buildDefault(t)
	base := browsertest.Serve(t, dir, prefix)
	for _, lang := range []string{"", "es/"} {
		want := base + lang + "worksheets/role-dispute/#what-i-want"
		shown, copied := copyQuestion(t, base+lang+"for-therapists/", "role-dispute", "what-i-want")
		if shown != want || copied != want {
			t.Errorf("/%sfor-therapists/: shows %q and copies %q, want %q", lang, shown, copied, want)
		}
	}
	dir = sitetest.BuildDir(t, "", render.Options{BaseURL: "https://clinic.example/ipt/"})
	base = browsertest.Serve(t, dir, prefix)
	want := "https://clinic.example/ipt/es/worksheets/phq-9/#difficulty"
	shown, copied := copyQuestion(t, base+"es/for-therapists/", "phq-9", "difficulty")
	if shown != want || copied != want {
		t.Errorf("with baseURL: shows %q and copies %q, want %q", shown, copied, want)
	}
}
