package worksheet_test

// Repeatable worksheets (front matter repeat: true): each completion a dated entry, kept
// by "Start a new one", listed with a chart of the totals; across a reload, a download
// imported into a fresh profile, print, the lock and My answers; and a record of the
// format from before entries becomes the first one.

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
)

const phqPage = "worksheets/phq-9/"

// clockJS sets the page's clock to the date given (a fake Date), for the entries' dates.
func clockJS(iso string) string {
	return `if (!window.__Date) { window.__Date = Date;
  window.Date = class extends window.__Date { constructor(...a) { super(...(a.length ? a : [window.__now])); } static now() { return window.__now; } }; }
window.__now = window.__Date.parse(` + jsString(iso) + `);`
}

// entriesJS is the entries table's rows as text, and the chart's number of points.
const entriesJS = `[...document.querySelectorAll('#ws-entries tbody tr')].map(r => r.textContent).join(' | ')
  + ' / ' + document.querySelectorAll('#ws-entries svg circle').length + ' points'`

// assertEntries fails unless the entries are shown, as many as the table rows want, each
// holding its words, with a point on the chart for each.
func assertEntries(t *testing.T, ctx context.Context, when string, rows ...string) {
	t.Helper()
	waitFor(t, ctx, fmt.Sprintf(`document.querySelectorAll('#ws-entries tbody tr').length === %d`, len(rows)), when+": the entries")
	got := browsertest.Eval[string](t, ctx, entriesJS)
	parts := strings.Split(strings.Split(got, " / ")[0], " | ")
	for i, want := range rows {
		if i >= len(parts) || !strings.Contains(parts[i], want) {
			t.Errorf("%s: entries %q, want row %d to hold %q", when, got, i+1, want)
		}
	}
	if want := len(rows); !strings.HasSuffix(got, fmt.Sprintf(" / %d points", want)) {
		t.Errorf("%s: entries %q, want a chart of %d points", when, got, want)
	}
	if !browsertest.Eval[bool](t, ctx, `document.getElementById('ws-entries').checkVisibility()`) {
		t.Errorf("%s: the entries are not shown", when)
	}
}

func TestRepeatEntries(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, phqPage)
	if err := chromedp.Do(ctx, browsertest.Phone()); err != nil {
		t.Fatal(err)
	}
	if browsertest.Eval[bool](t, ctx, `document.getElementById('ws-entries').checkVisibility()`) {
		t.Error("the entries show before there is one")
	}
	do(t, ctx, clockJS("2026-11-01T10:00:00Z")+answerJS(1, 1, 1, 1, 1, 0, 0, 0, 0))
	waitFor(t, ctx, `document.getElementById('ws-status').textContent.startsWith('Saved')`, "the first entry saved")
	assertEntries(t, ctx, "one entry", "5 – Mild")

	// A new one: the fields empty, the first entry kept; answered two weeks later.
	do(t, ctx, `document.querySelector('[data-act=new-entry]').click();`)
	if got := browsertest.Eval[int](t, ctx, `document.querySelectorAll('#phq-9 input:checked').length`); got != 0 {
		t.Errorf("after Start a new one, %d answers stay in the fields", got)
	}
	if got := browsertest.Eval[string](t, ctx, `document.getElementById('ws-status').textContent`); !strings.Contains(got, "earlier entries are kept") {
		t.Errorf("after Start a new one the status says %q", got)
	}
	assertEntries(t, ctx, "a new one started", "5 – Mild")
	do(t, ctx, clockJS("2026-11-15T10:00:00Z")+answerJS(2, 2, 2, 2, 2, 1, 1, 0, 0))
	waitFor(t, ctx, `document.querySelectorAll('#ws-entries tbody tr').length === 2`, "the second entry")
	assertEntries(t, ctx, "two entries", "5 – Mild", "12 – Moderate")
	dates := browsertest.Eval[string](t, ctx, `[...document.querySelectorAll('#ws-entries tbody tr td:first-child')].map(d => d.textContent).join(' | ')`)
	if dates != "Nov 1, 2026 | Nov 15, 2026" {
		t.Errorf("the entries' dates are %q", dates)
	}

	// Readable on a 390-px phone: every label of the chart at least 14 CSS px.
	if small := browsertest.Eval[string](t, ctx, `[...document.querySelectorAll('#ws-entries svg text')].filter(n => parseFloat(getComputedStyle(n).fontSize) * n.ownerSVGElement.getScreenCTM().a < 14).map(n => n.textContent).join(', ')`); small != "" {
		t.Errorf("chart labels under 14 CSS px on a phone: %s", small)
	}
	if got := browsertest.Eval[int](t, ctx, `document.querySelectorAll('#ws-entries svg rect').length`); got != 5 {
		t.Errorf("the chart shades %d bands, want the PHQ-9's 5", got)
	}
	screenshot(t, ctx, "entries-phone.png")
	browsertest.AssertAccessible(t, ctx)

	// Printed: the chart and the table.
	if err := chromedp.Do(ctx, browsertest.PrintMedia()); err != nil {
		t.Fatal(err)
	}
	if !browsertest.Eval[bool](t, ctx, `document.querySelector('#ws-entries svg').checkVisibility() && document.querySelector('#ws-entries table').checkVisibility()`) {
		t.Error("the chart or the table of entries is not printed")
	}
	if err := chromedp.Do(ctx, browsertest.EmulateMedia("screen", nil)); err != nil {
		t.Fatal(err)
	}

	// After a reload.
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	assertEntries(t, ctx, "after a reload", "5 – Mild", "12 – Moderate")

	// The Spanish page shows the same entries, dated in Spanish.
	open(t, ctx, base+"es/"+phqPage)
	assertEntries(t, ctx, "in Spanish", "5 – Leve", "12 – Moderada")
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('#ws-entries td').textContent`); !strings.Contains(got, "nov") || strings.Contains(got, "Nov") {
		t.Errorf("the Spanish page dates an entry %q", got)
	}

	// My answers says how many, and the latest date.
	open(t, ctx, base+"my-answers/")
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('#answers-list').textContent`); !strings.Contains(got, "Entries: 2, the latest on Nov 15") {
		t.Errorf("My answers says %q, want the number of entries and the latest date", got)
	}

	// A download, imported into a fresh profile; imported again, nothing doubles.
	open(t, ctx, base+phqPage)
	do(t, ctx, captureJS+`document.querySelector('#ws-tools [data-act=download]').click();`)
	file := browsertest.Eval[string](t, ctx, `window.__files[0].text()`)
	base2 := browsertest.Serve(t, buildSite(t), prefix)
	ctx2, rec2 := tab(t, base2, phqPage)
	for i := range 2 {
		do(t, ctx2, `window.__import = `+jsString(file)+`;`+importJS)
		preview := browsertest.Eval[string](t, ctx2, `document.querySelector('dialog[open]')?.textContent || document.getElementById('ws-status').textContent`)
		if i == 1 {
			if !strings.Contains(preview, "Nothing to import") {
				t.Errorf("importing the same file again: %q", preview)
			}
			break
		}
		if !strings.Contains(preview, "entries to add: 2") {
			t.Errorf("import preview: %q", preview)
		}
		do(t, ctx2, pressJS("Import"))
		assertEntries(t, ctx2, "imported into a fresh profile", "5 – Mild", "12 – Moderate")
	}
	assertEntries(t, ctx2, "imported twice", "5 – Mild", "12 – Moderate")

	// Under the lock, the entries are in the one store and come back once unlocked.
	open(t, ctx2, base2+"my-answers/")
	setLock(t, ctx2)
	if got := browsertest.Eval[string](t, ctx2, storedShapeJS); strings.Contains(got, "phq") {
		t.Errorf("under the lock a key names the worksheet: %s", got)
	}
	open(t, ctx2, base2+phqPage)
	unlockPage(t, ctx2)
	assertEntries(t, ctx2, "unlocked", "5 – Mild", "12 – Moderate")
	rec.AssertClean(t, base)
	rec2.AssertNoErrors(t)
}

// TestRepeatOlderRecord: a PHQ-9 record of the format from before entries (one set of
// answers) becomes the first entry, dated when it was saved; nothing of it is lost.
func TestRepeatOlderRecord(t *testing.T) {
	fixture, err := os.ReadFile("testdata/phq9-v1-record.json")
	if err != nil {
		t.Fatal(err)
	}
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, phqPage)
	do(t, ctx, `localStorage.setItem(document.getElementById('worksheet').dataset.storageKey + ':phq-9', `+jsString(string(fixture))+`);`)
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	assertEntries(t, ctx, "the older record", "9 – Mild")
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('#ws-entries td').textContent`); got != "Sep 14, 2026" {
		t.Errorf("the older record's entry is dated %q, want the day it was saved", got)
	}
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('#phq-9 [data-total]').textContent + ' ' + document.getElementById('f-date-taken').value`); got != "9 2026-09-14" {
		t.Errorf("the older record's answers in the fields: %q", got)
	}
	do(t, ctx, `document.querySelector('[data-act=new-entry]').click();`+clockJS("2026-11-15T10:00:00Z")+answerJS(0, 0, 0, 0, 0, 0, 0, 0, 0))
	waitFor(t, ctx, `document.querySelectorAll('#ws-entries tbody tr').length === 2`, "a second entry")
	assertEntries(t, ctx, "after a new entry", "9 – Mild", "0 – Minimal")
	saved := browsertest.Eval[string](t, ctx, `localStorage.getItem(document.getElementById('worksheet').dataset.storageKey + ':phq-9')`)
	for _, want := range []string{`"v":2`, `"date":"2026-09-14T09:30:00.000Z","answers":{"date-taken":"2026-09-14","phq-9":["2","2","1","2","1","1","0","0","0"],"difficulty":{"selected":["Somewhat difficult"]}}`} {
		if !strings.Contains(saved, want) {
			t.Errorf("the saved record lacks %s: %s", want, saved)
		}
	}
	rec.AssertClean(t, base)
}
