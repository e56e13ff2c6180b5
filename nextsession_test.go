package iptsite_test

// My next session (issue 16 part 3): a client's own answers, gathered on one page that
// prints on one sheet of paper.

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
)

// Records as the worksheets save them: the PHQ-9's and grief's in the format before
// entries, the mood check's with its dated entries.
const sessionRecords = `{
 "ipt:phq-9": {"v": 1, "id": "phq-9", "title": "PHQ-9", "updated": "2026-11-20T10:00:00.000Z",
   "answers": {"date-taken": "2026-11-20", "phq-9": ["1", "2", "1", "0", "1", "2", "1", "0", "0"]}, "labels": {}, "earlier": {}},
 "ipt:mood-check": {"v": 2, "id": "mood-check", "title": "Mood check", "updated": "2026-11-18T10:00:00.000Z",
   "answers": {"mood": "6"}, "labels": {}, "earlier": {}, "entries": [
     {"id": "a", "date": "2026-11-03T09:00:00.000Z", "answers": {"mood": "4"}},
     {"id": "b", "date": "2026-11-10T09:00:00.000Z", "answers": {"mood": "5"}},
     {"id": "c", "date": "2026-11-17T09:00:00.000Z", "answers": {"mood": "6"}}]},
 "ipt:grief": {"v": 1, "id": "grief", "title": "Grief", "updated": "2026-10-01T10:00:00.000Z",
   "answers": {"person": "My grandmother"}, "labels": {}, "earlier": {}}
}`

// printedPages prints the page as the browser would on Letter paper and counts the pages.
func printedPages(t *testing.T, ctx context.Context) int {
	t.Helper()
	pdf, err := chromedp.Run(ctx, chromedp.Action[[]byte](func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
		css := true
		r, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &css})
		return r.Data, err
	}))
	if err != nil {
		t.Fatal(err)
	}
	return len(regexp.MustCompile(`/Type\s*/Page\b`).FindAll(pdf, -1))
}

func TestMyNextSession(t *testing.T) {
	base := browsertest.Serve(t, buildDefault(t), prefix)
	ctx := browsertest.Chrome(t)
	rec := browsertest.Watch(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"my-next-session/")); err != nil {
		t.Fatal(err)
	}
	browsertest.Eval[any](t, ctx, `(() => { const r = `+sessionRecords+`; for (const k in r) localStorage.setItem(k, JSON.stringify(r[k])); })()`)
	// What to talk about, typed into two worksheets as a client does.
	for _, f := range []struct{ page, id, text string }{
		{"worksheets/mood-check/", "f-to-bring-up", "How to tell my sister that the move upsets me."},
		{"worksheets/role-dispute/", "f-next-step", "Ask for a calm talk on Sunday, not in the car."},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+f.page), chromedp.WaitVisible("#"+f.id), chromedp.SendKeys("#"+f.id, f.text)); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('ws-status').textContent.startsWith('Saved')`)); err != nil {
			t.Fatalf("%s: not saved: %v", f.page, err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"my-next-session/"), chromedp.WaitVisible(`#f-to-say`),
		chromedp.SendKeys(`#f-to-say`, "I slept better this week."), chromedp.SetValue(`#f-since`, "2026-11-15")); err != nil {
		t.Fatal(err)
	}
	browsertest.Eval[any](t, ctx, `document.getElementById('f-since').dispatchEvent(new Event('input', {bubbles: true}))`)
	text := browsertest.Eval[string](t, ctx, `document.getElementById('session').innerText`)
	for _, want := range []string{
		"What do I want to talk about at my next session? (Mood check): How to tell my sister that the move upsets me.",
		"What is one step I could take before my next session? (Role dispute): Ask for a calm talk on Sunday, not in the car.",
		"PHQ-9 8 (2026-11-20)",
		"My mood this week 6 (2026-11-17), up from 5 (2026-11-10)",
		"Worksheets I changed since 2026-11-15",
		"PHQ-9 mood questionnaire, 2026-11-20",
		"I slept better this week.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the summary lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Grief") {
		t.Errorf("a worksheet changed before the date chosen is listed:\n%s", text)
	}
	copied := browsertest.Eval[string](t, ctx, `new Promise((ok) => { navigator.clipboard.writeText = (s) => { ok(s); return Promise.resolve(); }; document.querySelector('.session-copy').click(); })`)
	if !strings.Contains(copied, "What do I want to talk about at my next session? (Mood check): How to tell my sister") || !strings.Contains(copied, "I slept better this week.") {
		t.Errorf("copied as text:\n%s", copied)
	}
	if n := printedPages(t, ctx); n != 1 {
		t.Errorf("the summary prints on %d pages, want 1", n)
	}
	// What prints is the summary (and not the fields, the tools or the site's frame).
	if err := chromedp.Do(ctx, browsertest.PrintMedia()); err != nil {
		t.Fatal(err)
	}
	printed := browsertest.Eval[string](t, ctx, `document.body.innerText`)
	for _, want := range []string{"My next session", "How to tell my sister", "PHQ-9 8 (2026-11-20)", "I slept better this week."} {
		if !strings.Contains(printed, want) {
			t.Errorf("the printed page lacks %q:\n%s", want, printed)
		}
	}
	if strings.Contains(printed, "Anything else I want to say or ask") || strings.Contains(printed, "Print on one page") {
		t.Errorf("the printed page shows the fields or the buttons:\n%s", printed)
	}
	if err := chromedp.Do(ctx, browsertest.EmulateMedia("", nil)); err != nil {
		t.Fatal(err)
	}
	browsertest.AssertAccessible(t, ctx)
	rec.AssertClean(t, base)

	// Under the passphrase lock the page asks to unlock, as My answers does, and shows nothing.
	browsertest.Eval[any](t, ctx, `localStorage.setItem('ipt:lock', JSON.stringify({salt: 'AAAAAAAAAAAAAAAAAAAAAA==', iter: 600000, check: 'x'}))`)
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitVisible(`#ws-pass`)); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[string](t, ctx, `document.getElementById('session').innerText`); !strings.Contains(got, "Your answers are locked.") || strings.Contains(got, "sister") || !strings.Contains(got, "Nothing written yet.") {
		t.Errorf("locked: %q", got)
	}
}
