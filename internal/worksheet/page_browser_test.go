package worksheet_test

// The worksheet page itself: printed, without script, rows moved from the keyboard and
// the tools behind one disclosure.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
)

func TestPrint(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	do(t, ctx, fillJS)
	settle()
	dir := t.TempDir()
	if err := chromedp.Do(ctx, browsertest.PrintMedia()); err != nil {
		t.Fatal(err)
	}
	style := func(sel, prop string) string {
		return browsertest.Eval[string](t, ctx, `getComputedStyle(document.querySelector(`+jsString(sel)+`)).getPropertyValue(`+jsString(prop)+`)`)
	}
	// with answers
	do(t, ctx, `window.print = () => { window.__printed = document.documentElement.className; };
		document.querySelector('#ws-tools [data-act=print]').click();`)
	if got := browsertest.Eval[string](t, ctx, `window.__printed`); strings.Contains(got, "ws-print-blank") {
		t.Errorf("print with answers printed blank: %q", got)
	}
	if got := style("#ws-tools", "display"); got != "none" {
		t.Errorf("the tools print: display %s", got)
	}
	if got := style("#f-first-name", "color"); got != "rgb(0, 0, 0)" {
		t.Errorf("answers print in %s, want black", got)
	}
	if got := style("#my-circle .ws-dot", "display"); got == "none" {
		t.Error("the circle's people do not print")
	}
	browsertest.Screenshot(t, ctx, filepath.Join(dir, "print-answers.png"))

	// blank
	do(t, ctx, `document.querySelector('#ws-tools [data-act="print-blank"]').click();`)
	if got := browsertest.Eval[string](t, ctx, `window.__printed`); !strings.Contains(got, "ws-print-blank") {
		t.Errorf("print blank did not mark the page blank: %q", got)
	}
	if got := style("#f-first-name", "color"); got != "rgba(0, 0, 0, 0)" {
		t.Errorf("a blank print shows answers in %s", got)
	}
	if got := style("#f-mood-today_10", "background-image"); got != "none" {
		t.Errorf("a blank print shows the chosen point: %s", got)
	}
	if got := style("#my-circle .ws-dot", "display"); got != "none" {
		t.Error("a blank print shows the circle's people")
	}
	browsertest.Screenshot(t, ctx, filepath.Join(dir, "print-blank.png"))
	do(t, ctx, `window.dispatchEvent(new Event('afterprint'));`)
	if got := browsertest.Eval[string](t, ctx, `document.documentElement.className`); strings.Contains(got, "ws-print-blank") {
		t.Error("the page stays blank after printing")
	}
	if os.Getenv("IPTSITE_KEEP_SCREENSHOTS") != "" {
		t.Logf("screenshots in %s", dir)
		_ = os.CopyFS(os.Getenv("IPTSITE_KEEP_SCREENSHOTS"), os.DirFS(dir))
	}
	rec.AssertClean(t, base)
}

func TestNoScriptIsABlankForm(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx := browsertest.Chrome(t)
	if err := chromedp.Do(ctx, browsertest.NoScript(), chromedp.Navigate(base+guide)); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[int](t, ctx, `document.querySelectorAll('#worksheet input, #worksheet textarea, #worksheet select').length`); got < 100 {
		t.Errorf("only %d controls without script", got)
	}
	if got := browsertest.Eval[string](t, ctx, `getComputedStyle(document.getElementById('ws-actions')).display`); got != "none" {
		t.Errorf("buttons that need the script show without it: display %s", got)
	}
	if got := browsertest.Eval[int](t, ctx, `document.querySelectorAll('form').length`); got != 0 {
		t.Error("a form element would send answers in a URL")
	}
}

// TestRowsWithoutDragging moves, adds and removes rows with buttons, as a keyboard
// or switch user would, and checks the labels and ids follow the rows.
func TestRowsWithoutDragging(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	do(t, ctx, `for (const [i, v] of ['Ann', 'Sam'].entries()) {
		const n = document.getElementById('f-important-people_r' + i); n.value = v; n.dispatchEvent(new Event('input', {bubbles: true})); }
		document.querySelector('#f-important-people_r0-l').closest('li').querySelector('[data-act=down]').click();`)
	rows := `[...document.querySelectorAll('#important-people [data-row]')].map(r => r.querySelector('label').textContent + '=' + r.querySelector('input').value + '@' + r.querySelector('input').id).join(', ')`
	if got, want := browsertest.Eval[string](t, ctx, rows), "Person 1=Sam@f-important-people_r0, Person 2=Ann@f-important-people_r1, Person 3=@f-important-people_r2"; got != want {
		t.Errorf("after moving Ann down: %s, want %s", got, want)
	}
	if got := browsertest.Eval[string](t, ctx, `document.activeElement.dataset.act + ' ' + document.activeElement.getAttribute('aria-describedby')`); got != "down f-important-people_r1-l" {
		t.Errorf("focus after moving: %s, want the same button in the moved row", got)
	}
	do(t, ctx, `document.querySelector('#important-people [data-act=add]').click();`)
	if got := browsertest.Eval[string](t, ctx, `document.activeElement.id`); got != "f-important-people_r3" {
		t.Errorf("focus after adding: %s, want the new entry", got)
	}
	do(t, ctx, `document.querySelector('#f-important-people_r0-l').closest('li').querySelector('[data-act=remove]').click();`)
	if got, want := browsertest.Eval[string](t, ctx, rows), "Person 1=Ann@f-important-people_r0, Person 2=@f-important-people_r1, Person 3=@f-important-people_r2"; got != want {
		t.Errorf("after removing Sam: %s, want %s", got, want)
	}
	settle()
	if got := browsertest.Eval[string](t, ctx, `JSON.stringify(JSON.parse(localStorage.getItem(`+keyJS+`)).answers['important-people'])`); got != `["Ann"]` {
		t.Errorf("saved list = %s", got)
	}
	rec.AssertNoErrors(t)
}

// TestToolsWaitBehindOneDisclosure: before the first question a person meets the
// notice, the save status, the main action and one closed disclosure, which opens from
// the keyboard.
func TestToolsWaitBehindOneDisclosure(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, "worksheets/before-first-session/")
	if err := chromedp.Do(ctx, browsertest.Phone()); err != nil {
		t.Fatal(err)
	}
	visible := `[...document.querySelectorAll('#ws-tools button, #ws-tools summary, #ws-tools a')].filter(n => n.checkVisibility()).map(n => n.textContent)`
	if got := browsertest.Eval[[]string](t, ctx, visible); len(got) != 2 || got[0] != "Print or save as PDF" || got[1] != "More" {
		t.Errorf("controls shown before the questions: %q, want the main action and the disclosure", got)
	}
	if got := browsertest.Eval[bool](t, ctx, `document.getElementById('ws-status').checkVisibility()`); !got {
		t.Error("the save status is hidden")
	}
	// the notice and the tools take less than a third of a phone's screen
	tall := browsertest.Eval[float64](t, ctx, `document.getElementById('ws-tools').getBoundingClientRect().bottom - document.querySelector('.ws-notice').getBoundingClientRect().top`)
	t.Logf("notice and tools: %.0f px", tall)
	if tall > 844/3 {
		t.Errorf("the notice and the tools are %.0f px tall on a phone, more than a third of its screen", tall)
	}
	if dir := os.Getenv("IPTSITE_KEEP_SCREENSHOTS"); dir != "" {
		browsertest.Screenshot(t, ctx, filepath.Join(dir, "worksheet-phone.png"))
	}
	do(t, ctx, `document.querySelector('#ws-more summary').focus();`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[int](t, ctx, `(`+visible+`).length`); got != 9 {
		t.Errorf("after Enter on the disclosure %d controls show, want the main action, it and its 7", got)
	}
	browsertest.AssertAccessible(t, ctx)
	rec.AssertNoErrors(t)
}
