package worksheet_test

// Two tabs of one browser editing the same answer: the tab that is behind shows the
// other's newer text, unless it has typing of its own not yet saved; then it keeps both
// and says so. With the lock on as well as off.

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
)

const nameValueJS = `document.getElementById('f-first-name').value`

// typeNameJS types into the first name box; with save false, the typing is not saved
// yet (as in the moment before the autosave).
func typeNameJS(s string, save bool) string {
	js := `const n = document.getElementById('f-first-name'); n.focus(); n.value = ` + jsString(s) + `;`
	if save {
		js += `n.dispatchEvent(new Event('input', {bubbles: true}));`
	}
	return js
}

func TestTwoTabsOneField(t *testing.T) {
	for _, locked := range []bool{false, true} {
		name := "lock off"
		if locked {
			name = "lock on"
		}
		t.Run(name, func(t *testing.T) {
			base := browsertest.Serve(t, buildSite(t), prefix)
			one, rec := tab(t, base, guide)
			if locked {
				open(t, one, base+"my-answers/")
				setLock(t, one)
				open(t, one, base+guide)
				unlockPage(t, one)
			}
			do(t, one, typeNameJS("Ann", true))
			waitFor(t, one, `document.getElementById('ws-status').textContent.startsWith('Saved')`, "first save")
			two, rec2 := tab(t, base, guide)
			if locked {
				unlockPage(t, two)
			}
			if got := browsertest.Eval[string](t, two, nameValueJS); got != "Ann" {
				t.Fatalf("the second tab opens with first name %q", got)
			}

			// Nothing typed in the second tab: it follows the first, in the focused field too.
			do(t, two, `document.getElementById('f-first-name').focus();`)
			do(t, one, typeNameJS("Bea", true))
			waitFor(t, two, nameValueJS+` === 'Bea'`, "the tab behind showing the newer text")

			// Typed in both: the second keeps its own, shows the other under Earlier
			// answers, says so, and saves both.
			do(t, two, typeNameJS("Cat, typed here", false))
			do(t, one, typeNameJS("Dan, typed there", true))
			waitFor(t, two, `!!document.querySelector('[data-field=first-name] .ws-other')`, "the note that another tab changed the field")
			if got := browsertest.Eval[string](t, two, nameValueJS); got != "Cat, typed here" {
				t.Errorf("the typing not yet saved was replaced: %q", got)
			}
			note := browsertest.Eval[string](t, two, `document.querySelector('[data-field=first-name] .ws-other').textContent`)
			if !strings.Contains(note, "changed in another tab") {
				t.Errorf("the note says %q", note)
			}
			if got := browsertest.Eval[string](t, two, `document.querySelector('.ws-earlier').checkVisibility() ? document.querySelector('.ws-earlier').textContent : ''`); !strings.Contains(got, "Dan, typed there") {
				t.Errorf("the other tab's version is not under Earlier answers: %q", got)
			}
			screenshot(t, two, "two-tabs-"+strings.ReplaceAll(name, " ", "-")+".png")
			browsertest.AssertAccessible(t, two)
			// the first tab, with nothing typed, follows the second's save, both kept
			waitFor(t, one, nameValueJS+` === 'Cat, typed here'`, "the first tab following the kept typing")
			if got := browsertest.Eval[string](t, one, `document.querySelector('.ws-earlier').textContent`); !strings.Contains(got, "Dan, typed there") {
				t.Errorf("after the second tab saved, the first tab lacks the other version: %q", got)
			}
			reloadShows(t, one, "Cat, typed here", "Dan, typed there", locked)
			rec.AssertClean(t, base)
			rec2.AssertClean(t, base)
		})
	}
}

// reloadShows reloads the page and checks the first name and the earlier answers.
func reloadShows(t *testing.T, ctx context.Context, name, earlier string, locked bool) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	if locked {
		unlockPage(t, ctx)
	}
	if got := browsertest.Eval[string](t, ctx, nameValueJS); got != name {
		t.Errorf("after a reload the first name is %q, want %q", got, name)
	}
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('.ws-earlier').textContent`); !strings.Contains(got, earlier) {
		t.Errorf("after a reload the earlier answers lack %q: %q", earlier, got)
	}
}
