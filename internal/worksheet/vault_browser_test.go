package worksheet_test

// Under the lock, storage and downloads must not tell which worksheets were used: every
// record is in one encrypted store of a padded size, a download's name names no
// worksheet, and a change of the lock that is cut short loses no answer.

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/browsertest"
)

// typeFirstJS types the argument into the first text box of the worksheet on the page.
func typeFirstJS(s string) string {
	return `const n = document.querySelector('#worksheet textarea, #worksheet input[type=text]'); n.value = ` + jsString(s) + `;
n.dispatchEvent(new Event('input', {bubbles: true}));`
}

// nameJS keeps the names of the files the page offers for download in window.__names.
const nameJS = `window.__names = [];
const click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function () { if (this.download) window.__names.push(this.download); return click.call(this); };
`

// storedShape is each stored key with the length of its value, sorted.
const storedShapeJS = `JSON.stringify(Object.entries(localStorage).map(([k, v]) => k + ' ' + v.length).sort())`

// lockedProfile answers the worksheets (paths under base) in a fresh profile, one text
// each, sets the lock and returns the tab on My answers.
func lockedProfile(t *testing.T, sheets ...string) (context.Context, string) {
	t.Helper()
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, _ := tab(t, base, sheets[0])
	for _, s := range sheets {
		open(t, ctx, base+s)
		do(t, ctx, typeFirstJS("a few words of mine"))
		waitFor(t, ctx, `document.getElementById('ws-status').textContent.startsWith('Saved')`, "saving "+s)
	}
	open(t, ctx, base+"my-answers/")
	setLock(t, ctx)
	return ctx, base
}

func TestLockStoreTellsNothing(t *testing.T) {
	one, _ := lockedProfile(t, guide)
	two, base := lockedProfile(t, guide, "worksheets/grief/")
	shape1 := browsertest.Eval[string](t, one, storedShapeJS)
	shape2 := browsertest.Eval[string](t, two, storedShapeJS)
	if shape1 != shape2 {
		t.Errorf("under the lock, storage differs between one worksheet and two:\n%s\n%s", shape1, shape2)
	}
	for _, k := range browsertest.Eval[[]string](t, two, `Object.keys(localStorage)`) {
		if strings.Contains(k, "grief") || strings.Contains(k, "every-field") {
			t.Errorf("under the lock, a key names a worksheet: %s", k)
		}
	}
	assertNoPlaintext(t, two, "under the lock")

	// Downloads under the lock: names without a worksheet; "Download all" encrypted.
	open(t, two, base+guide)
	unlockPage(t, two)
	do(t, two, captureJS+nameJS+`document.getElementById('ws-more').open = true;
		document.querySelector('#ws-tools [data-act=download]').click();
		document.querySelector('#ws-tools [data-act=download-all]').click();
		await new Promise(r => setTimeout(r, 300));`)
	waitFor(t, two, `window.__names.length === 2`, "two downloads")
	name := regexp.MustCompile(`^answers(-locked)?-\d{4}-\d\d-\d\d\.json$`)
	for _, n := range browsertest.Eval[[]string](t, two, `window.__names`) {
		if !name.MatchString(n) {
			t.Errorf("a download under the lock is named %q, want answers-locked-<date>.json", n)
		}
	}
	if got := browsertest.Eval[string](t, two, `document.querySelector('#ws-tools .ws-encrypt').textContent`); !strings.Contains(got, "locked with your passphrase") {
		t.Errorf("the tools do not say that downloads are locked: %q", got)
	}
	all := browsertest.Eval[string](t, two, `window.__files[1].text()`)
	if !strings.Contains(all, `"format":"iptsite-answers-encrypted"`) || strings.Contains(all, "a few words") || strings.Contains(all, "grief") {
		t.Fatalf("Download all under the lock is not encrypted: %.300s", all)
	}

	// The file comes back after "Lock now" and unlocking, in place of cleared answers.
	do(t, two, `document.querySelector('[data-act=lock-now]').click();`)
	waitFor(t, two, `document.documentElement.classList.contains('ws-locked')`, "lock now")
	unlockPage(t, two)
	do(t, two, `document.querySelector('#ws-tools [data-act=clear]').click(); await new Promise(r => setTimeout(r, 50));`+pressJS("Clear answers"))
	do(t, two, `window.__import = `+jsString(all)+`;`+importJS)
	do(t, two, `document.getElementById('ws-file-pass').value = `+jsString(passphrase)+`;`+pressJS("Open the file"))
	waitFor(t, two, `document.querySelector('dialog[open]')?.textContent.includes('Import answers')`, "the import preview")
	do(t, two, pressJS("Import"))
	if got := browsertest.Eval[string](t, two, `document.querySelector('#worksheet textarea, #worksheet input[type=text]').value`); got != "a few words of mine" {
		t.Errorf("after importing Download all, the answer is %q", got)
	}
	open(t, two, base+"worksheets/grief/")
	unlockPage(t, two)
	if got := browsertest.Eval[string](t, two, `document.querySelector('#worksheet textarea, #worksheet input[type=text]').value`); got != "a few words of mine" {
		t.Errorf("the other worksheet's answer is %q", got)
	}
	if got := browsertest.Eval[string](t, two, storedShapeJS); strings.Contains(got, "grief") || strings.Contains(got, "every-field") {
		t.Errorf("after the import a key names a worksheet: %s", got)
	}
}

// crashJS makes storage refuse every change after the first n, as if the page had
// stopped there; the test then reloads the page, which runs without it.
func crashJS(n int) string {
	return fmt.Sprintf(`let left = %d;
for (const m of ['setItem', 'removeItem']) {
  const f = Storage.prototype[m];
  Storage.prototype[m] = function (...a) { if (left-- <= 0) throw new Error('crashed'); return f.apply(this, a); };
}`, n)
}

// TestLockChangeInterrupted cuts the change of the lock short after every step, on and
// off, and checks that no answer is lost and no plain record stays once unlocked.
func TestLockChangeInterrupted(t *testing.T) {
	for _, on := range []bool{true, false} {
		for n := range 4 {
			t.Run(fmt.Sprintf("on=%v/after=%d", on, n), func(t *testing.T) {
				ctx, base := lockedProfile(t, guide, "worksheets/grief/")
				if !on {
					do(t, ctx, crashJS(n)+`document.querySelector('[data-act=lock-off]').click(); await new Promise(r => setTimeout(r, 50));`+pressJS("Turn the lock off"))
				} else {
					do(t, ctx, `document.querySelector('[data-act=lock-off]').click(); await new Promise(r => setTimeout(r, 50));`+pressJS("Turn the lock off"))
					waitFor(t, ctx, `document.documentElement.classList.contains('ws-lock-off')`, "turning the lock off")
					do(t, ctx, crashJS(n)+`document.querySelector('[data-act=lock-set]').click(); await new Promise(r => setTimeout(r, 50));
						document.getElementById('ws-new-pass').value = document.getElementById('ws-new-pass2').value = `+jsString(passphrase)+`;`+pressJS("Lock with this passphrase"))
					do(t, ctx, `await new Promise(r => setTimeout(r, 3000));`)
				}
				for _, s := range []string{guide, "worksheets/grief/"} {
					open(t, ctx, base+s)
					if browsertest.Eval[bool](t, ctx, `document.documentElement.classList.contains('ws-locked')`) {
						unlockPage(t, ctx)
						do(t, ctx, `await new Promise(r => setTimeout(r, 300));`)
						assertNoPlaintext(t, ctx, "unlocked after the interrupted change")
						if got := browsertest.Eval[string](t, ctx, storedShapeJS); strings.Contains(got, "grief") || strings.Contains(got, "every-field") {
							t.Errorf("unlocked after the interrupted change, a record stays outside the store: %s", got)
						}
					}
					if got := browsertest.Eval[string](t, ctx, `document.querySelector('#worksheet textarea, #worksheet input[type=text]').value`); got != "a few words of mine" {
						t.Errorf("%s: after the interrupted change the answer is %q", s, got)
					}
				}
			})
		}
	}
}
