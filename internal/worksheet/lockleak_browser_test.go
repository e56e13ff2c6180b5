package worksheet_test

// The lock must leave no answer on a page it locked: not after Back, not in a hidden
// field the browser refills, not in another tab of the site.

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/iptsite/iptsite/internal/browsertest"
)

// setLock sets the lock with passphrase on the My answers page open in ctx.
func setLock(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, `document.querySelector('[data-act=lock-set]').click(); await new Promise(r => setTimeout(r, 50));
		document.getElementById('ws-new-pass').value = document.getElementById('ws-new-pass2').value = `+jsString(passphrase)+`;`+pressJS("Lock with this passphrase"))
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-lock-open')`, "setting the lock")
}

func unlockPage(t *testing.T, ctx context.Context) {
	t.Helper()
	do(t, ctx, submitJS(passphrase))
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-lock-open')`, "unlocking")
}

// assertNothingShown fails unless the page in ctx is locked and holds none of the
// words in any field, any text or the unlock prompt.
func assertNothingShown(t *testing.T, ctx context.Context, when string, words ...string) {
	t.Helper()
	if got := browsertest.Eval[bool](t, ctx, `document.documentElement.classList.contains('ws-locked') && document.getElementById('ws-unlock').checkVisibility()`); !got {
		t.Errorf("%s: the page is not locked with the unlock prompt showing", when)
	}
	page := browsertest.Eval[string](t, ctx, `JSON.stringify([...document.querySelectorAll('input, textarea, select')].map(n => n.type === 'checkbox' || n.type === 'radio' ? n.checked : n.value))
		+ document.body.textContent`)
	for _, w := range words {
		if strings.Contains(page, w) {
			t.Errorf("%s: the page still holds %q", when, w)
		}
	}
	if got := browsertest.Eval[bool](t, ctx, `[...document.querySelectorAll('#worksheet input:checked')].length === 0`); !got {
		t.Errorf("%s: the page still holds ticked answers", when)
	}
}

// TestLockBack: lock on, a worksheet unlocked and typed in, My answers in the same
// tab, Lock now, Back: the worksheet comes back locked and empty, from the
// back/forward cache or reloaded with the browser's form state.
func TestLockBack(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, "my-answers/")
	setLock(t, ctx)
	open(t, ctx, base+guide)
	unlockPage(t, ctx)
	do(t, ctx, setJS+`set('f-first-name', 'Secret Ann'); set('f-what-happened', 'secret words');
		document.querySelector('#worksheet input[type=checkbox]').click();`)
	waitFor(t, ctx, `document.getElementById('ws-status').textContent.startsWith('Saved')`, "saving")
	if got := browsertest.Eval[string](t, ctx, `[...document.querySelectorAll('#worksheet input, #worksheet textarea, #worksheet select')].filter(n => n.type !== 'checkbox' && n.type !== 'radio' && n.autocomplete !== 'off').map(n => n.id).join(' ')`); got != "" {
		t.Errorf("answer controls without autocomplete=off, whose values the browser may keep: %s", got)
	}

	open(t, ctx, base+"my-answers/")
	unlockPage(t, ctx)
	do(t, ctx, `document.querySelector('[data-act=lock-now]').click();`)
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-locked')`, "lock now")
	// history.back(), not chromedp's NavigateBack, which waits for a load that a page
	// from the back/forward cache does not fire
	do(t, ctx, `setTimeout(() => history.back(), 10);`)
	time.Sleep(time.Second)
	waitFor(t, ctx, `location.pathname.endsWith('/every-field/') && document.documentElement.classList.contains('ws-on')`, "back to the worksheet")
	do(t, ctx, `await new Promise(r => setTimeout(r, 300));`)
	assertNothingShown(t, ctx, "after Lock now and Back", "Secret Ann", "secret words")

	// hidden by a locked page itself: nothing of it kept for the browser to restore
	unlockPage(t, ctx)
	if got := browsertest.Eval[string](t, ctx, `document.getElementById('f-first-name').value`); got != "Secret Ann" {
		t.Fatalf("after unlocking, first name = %q, want the saved answer", got)
	}
	// typed just before leaving, not yet saved
	do(t, ctx, `const n = document.getElementById('f-what-happened'); n.value = 'secret words, typed last'; n.dispatchEvent(new Event('input', {bubbles: true}));
		dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true}));`)
	assertNothingShown(t, ctx, "hidden while unlocked", "Secret Ann", "secret words")
	do(t, ctx, `dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));`)
	assertNothingShown(t, ctx, "shown again from the cache", "Secret Ann", "secret words")
	if got := browsertest.Eval[string](t, ctx, `document.getElementById('ws-status').textContent`); got != "Your answers are locked" {
		t.Errorf("status shown again from the cache = %q", got)
	}
	unlockPage(t, ctx)
	if got := browsertest.Eval[string](t, ctx, `document.getElementById('f-what-happened').value`); got != "secret words, typed last" {
		t.Errorf("after hiding and unlocking again, an answer is lost: %q", got)
	}
	rec.AssertNoErrors(t)
}

// TestLockNowAllTabs: Lock now in one tab locks every open tab of the site at once,
// and each drops its answers from the page; what was typed is kept, encrypted.
func TestLockNowAllTabs(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, "my-answers/")
	setLock(t, ctx)
	ctx2, rec2 := tab(t, base, guide)
	unlockPage(t, ctx2)
	do(t, ctx2, setJS+`set('f-first-name', 'Secret Ann');`)
	waitFor(t, ctx2, `document.getElementById('ws-status').textContent.startsWith('Saved')`, "saving")
	// typed, not yet saved, when the other tab locks
	do(t, ctx2, `const n = document.getElementById('f-what-happened'); n.value = 'secret words'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	do(t, ctx, `document.querySelector('[data-act=lock-now]').click();`)
	waitFor(t, ctx2, `document.documentElement.classList.contains('ws-locked')`, "the other tab locking")
	assertNothingShown(t, ctx2, "the other tab after Lock now", "Secret Ann", "secret words")
	assertNoPlaintext(t, ctx2, "after Lock now in two tabs")
	unlockPage(t, ctx2)
	if got := browsertest.Eval[string](t, ctx2, `document.getElementById('f-what-happened').value`); got != "secret words" {
		t.Errorf("what was typed when the other tab locked is lost: %q", got)
	}
	rec.AssertNoErrors(t)
	rec2.AssertNoErrors(t)
}
