package worksheet_test

// Saving answers on the device when storage fails or is refused, and records from
// older versions of a worksheet (across reloads and tabs, in every engine: see
// engines_browser_test.go).

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
)

func TestStorageFailureWarns(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	if got := browsertest.Eval[bool](t, ctx, `document.getElementById('ws-warning').hidden`); !got {
		t.Fatal("the warning shows before anything failed")
	}
	do(t, ctx, `Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
		const n = document.getElementById('f-what-happened'); n.value = 'still typing'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	settle()
	if got := browsertest.Eval[bool](t, ctx, `document.getElementById('ws-warning').hidden`); got {
		t.Error("no warning after the browser refused to save")
	}
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('#ws-warning p').textContent`); !strings.Contains(got, "not being saved") {
		t.Errorf("warning = %q", got)
	}
	do(t, ctx, `const n = document.getElementById('f-what-happened'); n.value += ' and more'; n.dispatchEvent(new Event('input', {bubbles: true}));
		document.querySelector('[data-act=add]').click();`)
	if got := browsertest.Eval[string](t, ctx, `document.getElementById('f-what-happened').value`); got != "still typing and more" {
		t.Errorf("typing stopped working: %q", got)
	}
	// the download still offers the answers typed
	do(t, ctx, captureJS+`document.querySelector('#ws-warning [data-act=download]').click();`)
	file := browsertest.Eval[string](t, ctx, `window.__files[0].text()`)
	if !strings.Contains(file, "still typing and more") {
		t.Errorf("the download lacks the unsaved answers: %s", file)
	}
	rec.AssertNoErrors(t)
}

// TestStorageDisabled is a browser that refuses storage outright, as some do in
// private mode or with site data turned off: the page says so from the start and
// keeps working.
func TestStorageDisabled(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx := browsertest.Chrome(t)
	rec := browsertest.Watch(ctx)
	deny := `Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});`
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: deny})
			return err
		}),
		chromedp.Navigate(base+guide))
	if err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	if got := browsertest.Eval[bool](t, ctx, `document.getElementById('ws-warning').hidden`); got {
		t.Error("no warning when storage is refused")
	}
	do(t, ctx, `document.querySelector('#important-people [data-act=add]').click();
		const n = document.getElementById('f-important-people_r3'); n.value = 'Ann'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	settle()
	if got := browsertest.Eval[string](t, ctx, `document.getElementById('f-important-people_r3').value`); got != "Ann" {
		t.Errorf("typing failed without storage: %q", got)
	}
	rec.AssertNoErrors(t)
}

func TestOlderRecordAndRemovedField(t *testing.T) {
	fixture, err := os.ReadFile("testdata/older-record.json")
	if err != nil {
		t.Fatal(err)
	}
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	do(t, ctx, `localStorage.setItem(`+keyJS+`, `+jsString(string(fixture))+`);`)
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)

	checks := map[string]string{
		`document.getElementById('f-first-name').value`:                                            "Sam",
		`document.getElementById('f-who-to-call_1').checked`:                                       "true",
		`document.getElementById('f-talk-went_other').checked`:                                     "true",
		`document.getElementById('f-talk-went_other-text').value`:                                  "It never happened",
		`document.getElementById('f-important-people_r0').value`:                                   "Ann",
		`document.getElementById('f-mood-today_5').checked`:                                        "true",
		`document.querySelector('.ws-earlier').hidden`:                                             "false",
		`document.querySelector('.ws-earlier').textContent.includes('What was the hardest part?')`: "true",
		`document.querySelector('.ws-earlier').textContent.includes('Saying no')`:                  "true",
		`document.getElementById('f-inventory_r0_name').value`:                                     "Ann",
		`document.getElementById('f-inventory_r0_closeness').value`:                                "4",
		`document.querySelector('.ws-earlier').textContent.includes('trust: A lot')`:               "true",
	}
	for expr, want := range checks {
		if got := browsertest.Eval[any](t, ctx, expr); jsonText(got) != want {
			t.Errorf("%s = %v, want %s", expr, got, want)
		}
	}
	// Editing and saving keeps the removed field's answer.
	do(t, ctx, `const n = document.getElementById('f-first-name'); n.value = 'Samuel'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	settle()
	saved := browsertest.Eval[string](t, ctx, `localStorage.getItem(`+keyJS+`)`)
	for _, want := range []string{`"hardest-part":"Saying no"`, `"first-name":"Samuel"`, `"v":2`, `"trust":"A lot"`} {
		if !strings.Contains(saved, want) {
			t.Errorf("saved record lacks %s: %s", want, saved)
		}
	}
	rec.AssertNoErrors(t)
}
