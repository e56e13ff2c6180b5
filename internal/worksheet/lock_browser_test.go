package worksheet_test

// Browser tests of the passphrase lock for shared devices: set on the My answers
// page, answers stored encrypted, a wrong passphrase refused, unlocked after a
// reload, locked again when idle, and turned off again.

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
)

const passphrase = "correct horse battery"

// waitFor waits up to 20 seconds (PBKDF2 is slow on purpose) for the JavaScript
// condition cond, and fails the test if it does not come.
func waitFor(t *testing.T, ctx context.Context, cond, what string) {
	t.Helper()
	if !browsertest.Eval[bool](t, ctx, `(async () => { for (let i = 0; i < 200 && !(`+cond+`); i++) await new Promise(r => setTimeout(r, 100)); return !!(`+cond+`); })()`) {
		t.Fatalf("%s: %s is still false, status %q", what, cond, browsertest.Eval[string](t, ctx, `(document.getElementById('ws-status') || {}).textContent || ''`))
	}
}

// screenshot keeps a picture of the page in $IPTSITE_KEEP_SCREENSHOTS, when set.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if dir := os.Getenv("IPTSITE_KEEP_SCREENSHOTS"); dir != "" {
		browsertest.Screenshot(t, ctx, filepath.Join(dir, name))
	}
}

// storageJS is every localStorage entry, sorted, as one string.
const storageJS = `JSON.stringify(Object.entries(localStorage).sort())`

// submitJS types the argument into the unlock prompt and presses Unlock.
func submitJS(pass string) string {
	return `document.getElementById('ws-pass').value = ` + jsString(pass) + `;
document.querySelector('[data-act=unlock]').click();`
}

// assertNoPlaintext fails when any stored value holds an answer or a question in the clear.
func assertNoPlaintext(t *testing.T, ctx context.Context, when string) {
	t.Helper()
	for _, e := range browsertest.Eval[[][2]string](t, ctx, `Object.entries(localStorage)`) {
		k, v := e[0], e[1]
		if strings.Contains(v, "answer ") || strings.Contains(v, `"answers"`) || strings.Contains(v, "called") || strings.Contains(v, "changed here") {
			t.Errorf("%s: %s holds plaintext: %.200s", when, k, v)
		}
	}
}

func TestLock(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	if got := browsertest.Eval[bool](t, ctx, `document.getElementById('ws-lock').checkVisibility()
		&& [...document.querySelectorAll('#ws-lock button, #ws-lock input')].some(n => n.checkVisibility())`); got {
		t.Error("lock controls show on a worksheet while the lock is off")
	}
	do(t, ctx, fillJS)
	waitFor(t, ctx, `document.getElementById('ws-status').textContent.startsWith('Saved')`, "first save")
	filled := browsertest.Eval[string](t, ctx, snapshotJS)
	if strings.Count(filled, `"answer `) < 20 {
		t.Fatalf("the fill did not reach the fields: %s", filled)
	}

	// Set the lock on My answers: the warning first, a download offered, the passphrase checked.
	open(t, ctx, base+"my-answers/")
	do(t, ctx, captureJS+`document.querySelector('[data-act=lock-set]').click(); await new Promise(r => setTimeout(r, 50));`)
	dialogText := browsertest.Eval[string](t, ctx, `document.querySelector('dialog[open]').textContent`)
	if !strings.Contains(dialogText, "If you forget the passphrase, your answers are gone for good") || !strings.Contains(dialogText, "15 minutes") {
		t.Errorf("the lock dialog does not say plainly what a forgotten passphrase means: %s", dialogText)
	}
	screenshot(t, ctx, "lock-set.png")
	browsertest.AssertAccessible(t, ctx)
	do(t, ctx, pressJS("Download a copy first"))
	if got := browsertest.Eval[string](t, ctx, `window.__files.length === 1 ? window.__files[0].text() : ''`); !strings.Contains(got, `"answer `) {
		t.Errorf("download before locking lacks the answers: %.200s", got)
	}
	for _, c := range []struct{ p1, p2, want string }{
		{"short", "short", "Use at least 8 characters."},
		{passphrase, passphrase + "!", "The two passphrases are not the same. Please type them again."},
	} {
		do(t, ctx, `document.getElementById('ws-new-pass').value = `+jsString(c.p1)+`;
			document.getElementById('ws-new-pass2').value = `+jsString(c.p2)+`;`+pressJS("Lock with this passphrase"))
		if got := browsertest.Eval[string](t, ctx, `document.querySelector('dialog[open] .ws-lock-msg').textContent`); got != c.want {
			t.Errorf("passphrases %q and %q: message %q, want %q", c.p1, c.p2, got, c.want)
		}
	}
	if got := browsertest.Eval[bool](t, ctx, `localStorage.getItem(document.getElementById('my-answers').dataset.storageKey + ':lock') === null`); !got {
		t.Fatal("a refused passphrase set the lock")
	}
	do(t, ctx, `document.getElementById('ws-new-pass').value = document.getElementById('ws-new-pass2').value = `+jsString(passphrase)+`;`+pressJS("Lock with this passphrase"))
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-lock-open') && document.getElementById('ws-status').textContent.startsWith('Your answers are now locked')`, "setting the lock")
	assertNoPlaintext(t, ctx, "after setting the lock")
	var lock struct {
		Salt  string `json:"salt"`
		Iter  int    `json:"iter"`
		Check struct{ IV, CT string }
	}
	if err := json.Unmarshal([]byte(browsertest.Eval[string](t, ctx, `localStorage.getItem(document.getElementById('my-answers').dataset.storageKey + ':lock')`)), &lock); err != nil {
		t.Fatal(err)
	}
	if lock.Iter < 600000 || len(lock.Salt) < 20 || lock.Check.CT == "" || strings.Contains(lock.Check.CT, passphrase) {
		t.Errorf("lock record: %+v", lock)
	}
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('#answers-list').textContent`); !strings.Contains(got, "Every field") {
		t.Errorf("unlocked, My answers does not list the worksheet: %q", got)
	}

	// A new page starts locked: no answers, no form, an unlock prompt.
	open(t, ctx, base+guide)
	if got := browsertest.Eval[bool](t, ctx, `document.documentElement.classList.contains('ws-locked')
		&& document.getElementById('ws-unlock').checkVisibility() && !document.getElementById('worksheet').checkVisibility()`); !got {
		t.Fatal("a worksheet with the lock on does not show the unlock prompt instead of the form")
	}
	if got := browsertest.Eval[string](t, ctx, snapshotJS); strings.Contains(got, `"answer `) {
		t.Errorf("answers are on the page while locked: %s", got)
	}
	if got := browsertest.Eval[string](t, ctx, `document.getElementById('ws-status').textContent`); got != "Your answers are locked" {
		t.Errorf("status while locked = %q", got)
	}
	screenshot(t, ctx, "lock-locked.png")
	browsertest.AssertAccessible(t, ctx)

	// A wrong passphrase is refused and nothing is lost.
	before := browsertest.Eval[string](t, ctx, storageJS)
	do(t, ctx, submitJS("wrong horse battery"))
	waitFor(t, ctx, `document.getElementById('ws-status').textContent.startsWith('That passphrase is not right')`, "wrong passphrase")
	if got := browsertest.Eval[bool](t, ctx, `document.documentElement.classList.contains('ws-locked')`); !got {
		t.Error("a wrong passphrase unlocked")
	}
	do(t, ctx, `dispatchEvent(new Event('pagehide')); await new Promise(r => setTimeout(r, 400));`)
	if got := browsertest.Eval[string](t, ctx, storageJS); got != before {
		t.Errorf("storage changed while locked:\n%s\n%s", got, before)
	}

	// The right one brings every answer back, and what is typed next is stored encrypted.
	do(t, ctx, submitJS(passphrase))
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-lock-open')`, "unlocking")
	if got := browsertest.Eval[string](t, ctx, snapshotJS); got != filled {
		t.Errorf("after unlocking the answers differ\ngot:  %s\nwant: %s", got, filled)
	}
	if got := browsertest.Eval[bool](t, ctx, `document.getElementById('worksheet').checkVisibility() && !document.getElementById('ws-unlock').checkVisibility()`); !got {
		t.Error("unlocked, the form is not shown again")
	}
	ivJS := `JSON.parse(localStorage.getItem(` + vaultJS + `)).iv`
	iv := browsertest.Eval[string](t, ctx, ivJS)
	do(t, ctx, `const n = document.getElementById('f-first-name'); n.value = 'changed here'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	waitFor(t, ctx, ivJS+` !== `+jsString(iv), "saving encrypted")
	assertNoPlaintext(t, ctx, "after typing while unlocked")
	changed := browsertest.Eval[string](t, ctx, snapshotJS)

	// Download works while unlocked, as plain JSON when the person chooses it.
	do(t, ctx, captureJS+`document.getElementById('ws-plain').click(); document.querySelector('#ws-tools [data-act=download]').click();`)
	if got := browsertest.Eval[string](t, ctx, `window.__files[0].text()`); !strings.Contains(got, `"first-name":"changed here"`) {
		t.Errorf("download while unlocked lacks the answers: %.300s", got)
	}

	// Lock now: the answers leave the page and nothing is written over the records.
	do(t, ctx, `document.querySelector('[data-act=lock-now]').click();`)
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-locked')`, "lock now")
	if got := browsertest.Eval[string](t, ctx, snapshotJS); strings.Contains(got, `"answer `) || strings.Contains(got, "changed here") {
		t.Errorf("answers stay on the page after locking: %s", got)
	}
	before = browsertest.Eval[string](t, ctx, storageJS)
	do(t, ctx, `dispatchEvent(new Event('pagehide')); await new Promise(r => setTimeout(r, 400));`)
	if got := browsertest.Eval[string](t, ctx, storageJS); got != before {
		t.Errorf("storage changed after locking:\n%s\n%s", got, before)
	}

	// Lock, reload, unlock: every answer is back.
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	do(t, ctx, submitJS(passphrase))
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-lock-open')`, "unlocking after reload")
	if got := browsertest.Eval[string](t, ctx, snapshotJS); got != changed {
		t.Errorf("after reload and unlock the answers differ\ngot:  %s\nwant: %s", got, changed)
	}

	// Idle, it locks by itself (the idle time shortened from 15 minutes to a moment).
	do(t, ctx, `document.getElementById('ws-lock').dataset.lockIdle = '0.01';
		document.body.dispatchEvent(new KeyboardEvent('keydown', {bubbles: true}));`)
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-locked')`, "auto-lock when idle")
	if got := browsertest.Eval[string](t, ctx, snapshotJS); strings.Contains(got, "changed here") {
		t.Errorf("answers stay on the page after the auto-lock: %s", got)
	}

	// Turning the lock off on My answers writes plain records again.
	open(t, ctx, base+"my-answers/")
	if got := browsertest.Eval[bool](t, ctx, `document.getElementById('ws-unlock').checkVisibility() && !document.getElementById('answers-table').checkVisibility()
		&& !document.querySelector('[data-act=download-all]').checkVisibility()`); !got {
		t.Error("My answers while locked does not show only the unlock prompt")
	}
	do(t, ctx, submitJS(passphrase))
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-lock-open')`, "unlocking My answers")
	do(t, ctx, `document.querySelector('[data-act=lock-off]').click(); await new Promise(r => setTimeout(r, 50));`)
	do(t, ctx, pressJS("Turn the lock off"))
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-lock-off')`, "turning the lock off")
	var plain struct {
		Answers map[string]any `json:"answers"`
	}
	if err := json.Unmarshal([]byte(browsertest.Eval[string](t, ctx, `localStorage.getItem(document.getElementById('my-answers').dataset.storageKey + ':every-field')`)), &plain); err != nil {
		t.Fatalf("the record is not plain JSON after the lock was turned off: %v", err)
	}
	if plain.Answers["first-name"] != "changed here" {
		t.Errorf("plain record after the lock was turned off: first-name = %v", plain.Answers["first-name"])
	}
	if got := browsertest.Eval[int](t, ctx, `Object.keys(localStorage).filter(k => k.endsWith(':lock')).length`); got != 0 {
		t.Error("the lock record stays after the lock was turned off")
	}
	open(t, ctx, base+guide)
	if got := browsertest.Eval[string](t, ctx, snapshotJS); got != changed {
		t.Errorf("with the lock off the answers differ\ngot:  %s\nwant: %s", got, changed)
	}
	rec.AssertClean(t, base)
}

// TestLockForgotten erases everything, lock included, from a locked My answers page:
// the way back to a working device when the passphrase is forgotten.
func TestLockForgotten(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	do(t, ctx, `const n = document.getElementById('f-first-name'); n.value = 'Ann'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	settle()
	open(t, ctx, base+"my-answers/")
	do(t, ctx, `document.querySelector('[data-act=lock-set]').click(); await new Promise(r => setTimeout(r, 50));
		document.getElementById('ws-new-pass').value = document.getElementById('ws-new-pass2').value = `+jsString(passphrase)+`;`+pressJS("Lock with this passphrase"))
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-lock-open')`, "setting the lock")
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	if got := browsertest.Eval[bool](t, ctx, `document.documentElement.classList.contains('ws-locked')`); !got {
		t.Fatal("My answers is not locked after a reload")
	}
	do(t, ctx, `document.querySelector('[data-act=erase-all]').click(); await new Promise(r => setTimeout(r, 50));`)
	do(t, ctx, pressJS("Erase all answers"))
	if got := browsertest.Eval[int](t, ctx, `Object.keys(localStorage).filter(k => k.includes(':')).length`); got != 0 {
		t.Errorf("erase all while locked left %d entries", got)
	}
	if got := browsertest.Eval[bool](t, ctx, `document.documentElement.classList.contains('ws-lock-off') && !document.getElementById('answers-none').hidden`); !got {
		t.Error("after erasing, the lock is not offered again or the empty list is not shown")
	}
	rec.AssertClean(t, base)
}

// TestLockTwoTabs sets the lock in one tab while a worksheet is open in another:
// that one locks too without writing anything in the clear, and once both are
// unlocked, answers typed in one appear in the other.
func TestLockTwoTabs(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	do(t, ctx, `const n = document.getElementById('f-first-name'); n.value = 'Ann'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	settle()
	// typed, not yet saved, when the other tab sets the lock
	do(t, ctx, `const n = document.getElementById('f-what-happened'); n.value = 'changed here'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	ctx2, rec2 := tab(t, base, "my-answers/")
	do(t, ctx2, `document.querySelector('[data-act=lock-set]').click(); await new Promise(r => setTimeout(r, 50));
		document.getElementById('ws-new-pass').value = document.getElementById('ws-new-pass2').value = `+jsString(passphrase)+`;`+pressJS("Lock with this passphrase"))
	waitFor(t, ctx2, `document.documentElement.classList.contains('ws-lock-open')`, "setting the lock")
	time.Sleep(time.Second) // the first tab reloads
	ready(t, ctx)
	if got := browsertest.Eval[bool](t, ctx, `document.documentElement.classList.contains('ws-locked')`); !got {
		t.Fatal("the other tab did not lock when the lock was set")
	}
	assertNoPlaintext(t, ctx, "after the other tab locked")
	// Stored as JSON, the answer in the clear would be a quoted string. The ciphertext, in
	// base64, holds the letters "Ann" in about one run in fifty, never the quotes.
	if got := browsertest.Eval[string](t, ctx, storageJS); strings.Contains(got, `\"Ann\"`) {
		t.Errorf("storage holds an answer in the clear: %s", got)
	}

	do(t, ctx, submitJS(passphrase))
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-lock-open')`, "unlocking the first tab")
	if got := browsertest.Eval[string](t, ctx, `document.getElementById('f-first-name').value`); got != "Ann" {
		t.Errorf("after unlocking, first name = %q, want Ann", got)
	}
	open(t, ctx2, base+guide)
	do(t, ctx2, submitJS(passphrase))
	waitFor(t, ctx2, `document.documentElement.classList.contains('ws-lock-open')`, "unlocking the second tab")
	do(t, ctx, `const n = document.getElementById('f-first-name'); n.value = 'Bea'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	waitFor(t, ctx2, `document.getElementById('f-first-name').value === 'Bea'`, "the second tab following the first")
	assertNoPlaintext(t, ctx, "after typing in two tabs")
	rec.AssertClean(t, base)
	rec2.AssertClean(t, base)
}

// TestLockEncryptedDownload downloads the answers encrypted with the passphrase,
// clears them and imports the file back: a wrong passphrase is refused and changes
// nothing, the right one brings every answer back.
func TestLockEncryptedDownload(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	do(t, ctx, fillJS)
	waitFor(t, ctx, `document.getElementById('ws-status').textContent.startsWith('Saved')`, "first save")
	filled := browsertest.Eval[string](t, ctx, snapshotJS)
	open(t, ctx, base+"my-answers/")
	if got := browsertest.Eval[bool](t, ctx, `document.getElementById('ws-plain').checkVisibility()`); got {
		t.Error("the choice of a download without the lock shows while the lock is off")
	}
	do(t, ctx, `document.querySelector('[data-act=lock-set]').click(); await new Promise(r => setTimeout(r, 50));
		document.getElementById('ws-new-pass').value = document.getElementById('ws-new-pass2').value = `+jsString(passphrase)+`;`+pressJS("Lock with this passphrase"))
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-lock-open')`, "setting the lock")
	lockSalt := browsertest.Eval[string](t, ctx, `JSON.parse(localStorage.getItem(document.getElementById('my-answers').dataset.storageKey + ':lock')).salt`)

	open(t, ctx, base+guide)
	do(t, ctx, submitJS(passphrase))
	waitFor(t, ctx, `document.documentElement.classList.contains('ws-lock-open')`, "unlocking")
	do(t, ctx, `document.getElementById('ws-more').open = true;`)
	if got := browsertest.Eval[bool](t, ctx, `document.getElementById('ws-plain').checkVisibility()`); !got {
		t.Fatal("unlocked, the choice of a download without the lock is not shown")
	}
	browsertest.AssertAccessible(t, ctx)
	do(t, ctx, captureJS+`document.querySelector('#ws-tools [data-act=download]').click();`)
	waitFor(t, ctx, `window.__files.length === 1`, "the encrypted download")
	file := browsertest.Eval[string](t, ctx, `window.__files[0].text()`)
	var enc map[string]any
	if err := json.Unmarshal([]byte(file), &enc); err != nil {
		t.Fatalf("encrypted file: %v: %.300s", err, file)
	}
	var keys []string
	for k := range enc {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if got, want := strings.Join(keys, " "), "ct format iter iv salt v"; got != want {
		t.Errorf("encrypted file holds %s, want %s", got, want)
	}
	if enc["format"] != "iptsite-answers-encrypted" || enc["iter"].(float64) < 600000 || enc["salt"] == lockSalt || len(enc["ct"].(string)) < 100 {
		t.Errorf("encrypted file: format %v, iter %v, salt %v (the lock's %s)", enc["format"], enc["iter"], enc["salt"], lockSalt)
	}
	if strings.Contains(file, "answer ") || strings.Contains(file, "called") || strings.Contains(file, "every-field") || strings.Contains(file, "Every field") {
		t.Errorf("the encrypted file holds plaintext: %.300s", file)
	}

	do(t, ctx, `document.querySelector('#ws-tools [data-act=clear]').click(); await new Promise(r => setTimeout(r, 50));`+pressJS("Clear answers"))
	if got := browsertest.Eval[string](t, ctx, snapshotJS); strings.Contains(got, `"answer `) {
		t.Fatalf("clear left answers on the page: %s", got)
	}

	// A wrong passphrase is refused, and nothing changes.
	before := browsertest.Eval[string](t, ctx, storageJS)
	do(t, ctx, `window.__import = `+jsString(file)+`;`+importJS)
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('dialog[open]')?.textContent || ''`); !strings.Contains(got, "This file is locked with a passphrase") {
		t.Fatalf("importing the encrypted file does not ask for its passphrase: %q", got)
	}
	do(t, ctx, `document.getElementById('ws-file-pass').value = 'wrong horse battery';`+pressJS("Open the file"))
	waitFor(t, ctx, `document.querySelector('dialog[open] .ws-lock-msg').textContent.startsWith('That passphrase does not open this file')`, "wrong passphrase for the file")
	do(t, ctx, pressJS("Cancel"))
	if got := browsertest.Eval[int](t, ctx, `document.querySelectorAll('dialog').length`); got != 0 {
		t.Error("a dialog is still open after cancelling")
	}
	if got := browsertest.Eval[string](t, ctx, storageJS); got != before {
		t.Errorf("a refused passphrase changed storage:\n%s\n%s", got, before)
	}
	if got := browsertest.Eval[string](t, ctx, snapshotJS); strings.Contains(got, `"answer `) {
		t.Errorf("a refused passphrase put answers on the page: %s", got)
	}

	// The right one: the usual preview, then every answer is back, stored encrypted.
	do(t, ctx, `window.__import = `+jsString(file)+`;`+importJS)
	do(t, ctx, `document.getElementById('ws-file-pass').value = `+jsString(passphrase)+`;`+pressJS("Open the file"))
	waitFor(t, ctx, `document.querySelector('dialog[open]')?.textContent.includes('Import answers')`, "the import preview")
	do(t, ctx, pressJS("Import"))
	if got := browsertest.Eval[string](t, ctx, snapshotJS); got != filled {
		t.Errorf("after importing the encrypted file the answers differ\ngot:  %s\nwant: %s", got, filled)
	}
	do(t, ctx, `await new Promise(r => setTimeout(r, 300));`)
	assertNoPlaintext(t, ctx, "after importing the encrypted file")
	rec.AssertClean(t, base)

	// Another device (another origin, so other storage) without the lock opens it too.
	base2 := browsertest.Serve(t, buildSite(t), prefix)
	ctx2, rec2 := tab(t, base2, guide)
	if got := browsertest.Eval[bool](t, ctx2, `document.documentElement.classList.contains('ws-lock-off')`); !got {
		t.Fatal("the other device has the lock on")
	}
	do(t, ctx2, `window.__import = `+jsString(file)+`;`+importJS)
	do(t, ctx2, `document.getElementById('ws-file-pass').value = `+jsString(passphrase)+`;`+pressJS("Open the file"))
	waitFor(t, ctx2, `document.querySelector('dialog[open]')?.textContent.includes('Import answers')`, "the import preview on another device")
	do(t, ctx2, pressJS("Import"))
	if got := browsertest.Eval[string](t, ctx2, snapshotJS); got != filled {
		t.Errorf("on another device the imported answers differ\ngot:  %s\nwant: %s", got, filled)
	}
	rec2.AssertClean(t, base2)
}
