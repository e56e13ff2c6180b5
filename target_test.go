package iptsite_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
)

// TestLinkToOneQuestion opens a therapist's link to one question of a worksheet with the
// quick-exit bar, on a phone: the question starts below the bar, is marked and has the
// focus (WCAG 2.4.11 Focus Not Obscured), and the mark goes once the reader acts.
func TestLinkToOneQuestion(t *testing.T) {
	base := browsertest.Serve(t, buildDefault(t), prefix)
	ctx := browsertest.Chrome(t)
	rec := browsertest.Watch(ctx)
	if err := chromedp.Do(ctx, browsertest.Phone(), chromedp.Navigate(base+"worksheets/role-dispute/#what-i-want"),
		chromedp.WaitVisible(`#what-i-want`)); err != nil {
		t.Fatal(err)
	}
	if !browsertest.Eval[bool](t, ctx, `!!document.querySelector('.quickexit')`) {
		t.Fatal("role-dispute has no quick-exit bar: the test would show nothing")
	}
	gap := browsertest.Eval[float64](t, ctx, `document.getElementById('what-i-want').getBoundingClientRect().top - document.querySelector('.quickexit').getBoundingClientRect().bottom`)
	if gap < 0 {
		t.Errorf("the linked question starts %.0f px under the quick-exit bar", -gap)
	}
	if !browsertest.Eval[bool](t, ctx, `document.getElementById('what-i-want').contains(document.activeElement)`) {
		t.Errorf("the focus is on %s, not the linked question", browsertest.Eval[string](t, ctx, `document.activeElement.outerHTML.slice(0, 80)`))
	}
	if got := browsertest.Eval[string](t, ctx, `getComputedStyle(document.getElementById('what-i-want')).outlineStyle`); got != "solid" {
		t.Errorf("the linked question is not marked: outline %s", got)
	}
	browsertest.Eval[any](t, ctx, `document.getElementById('f-what-i-want').dispatchEvent(new Event('pointerdown', {bubbles: true}))`)
	if browsertest.Eval[bool](t, ctx, `document.getElementById('what-i-want').classList.contains('linked')`) {
		t.Error("the mark stays after the reader acts")
	}
	rec.AssertClean(t, base)
}
