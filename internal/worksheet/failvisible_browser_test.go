package worksheet_test

// A worksheet whose script did not run says so: without it nothing is saved, and the
// form must not pass for a working one.

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
)

// deadJS is the text of the notice that answers are not saved, when it shows.
const deadJS = `[...document.querySelectorAll('main *')].filter(n => !n.closest('#worksheet') && n.checkVisibility() && /not being saved/.test(n.textContent) && !n.children.length).map(n => n.textContent).join(' ')`

func assertDeadNotice(t *testing.T, ctx context.Context, when string) {
	t.Helper()
	got := browsertest.Eval[string](t, ctx, deadJS)
	if !strings.Contains(got, "Your answers are not being saved") || !strings.Contains(got, "script") {
		t.Errorf("%s: the page does not say that answers are not saved: %q", when, got)
	}
}

func TestNoScriptSaysNotSaved(t *testing.T) {
	dir := buildSite(t)
	base := browsertest.Serve(t, dir, prefix)

	ctx := browsertest.Chrome(t)
	if err := chromedp.Do(ctx, browsertest.NoScript(), chromedp.Navigate(base+guide)); err != nil {
		t.Fatal(err)
	}
	assertDeadNotice(t, ctx, "scripts off")
	browsertest.AssertAccessible(t, ctx)

	// with the script, no such notice
	ctx2, rec := tab(t, base, guide)
	if got := browsertest.Eval[string](t, ctx2, deadJS); got != "" {
		t.Errorf("the script ran, yet the page says: %q", got)
	}
	rec.AssertNoErrors(t)

	// the script file missing (a stale page, a blocked file)
	js, err := filepath.Glob(filepath.Join(dir, "js", "worksheet*.js"))
	if err != nil || len(js) == 0 {
		t.Fatalf("no worksheet script in the build: %v", err)
	}
	for _, f := range js {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	// served anew, at another address: the browser's cache of the first holds the script
	base = browsertest.Serve(t, dir, prefix)
	ctx3 := browsertest.Chrome(t)
	if err := chromedp.Do(ctx3, chromedp.Navigate(base+guide)); err != nil {
		t.Fatal(err)
	}
	assertDeadNotice(t, ctx3, "script file missing")
}
