package worksheet_test

import (
	"testing"
	"time"

	"github.com/iptsite/iptsite/internal/browsertest"
)

// TestLockStatusTruth: with the lock on, answers are written encrypted after the
// change; when that write fails (storage full), the page must not say "Saved", and must
// say the answers are not being saved; once storage takes writes again, it saves.
func TestLockStatusTruth(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, _ := tab(t, base, "my-answers/")
	setLock(t, ctx)
	open(t, ctx, base+guide)
	unlockPage(t, ctx)
	do(t, ctx, `window.__set = Storage.prototype.setItem;
		Storage.prototype.setItem = function (k, v) {
			if (!k.endsWith(':lock')) throw new DOMException('full', 'QuotaExceededError');
			return window.__set.call(this, k, v);
		};`+setJS+`set('f-first-name', 'Ann');`)
	time.Sleep(1500 * time.Millisecond)
	status := browsertest.Eval[string](t, ctx, `document.getElementById('ws-status').textContent`)
	warning := browsertest.Eval[bool](t, ctx, `!document.getElementById('ws-warning').hidden`)
	if len(status) >= 5 && status[:5] == "Saved" {
		t.Errorf("storage refused the encrypted write, yet the status says %q", status)
	}
	if !warning {
		t.Error("storage refused the encrypted write, and no warning says the answers are not saved")
	}
	do(t, ctx, `Storage.prototype.setItem = window.__set;`+setJS+`set('f-first-name', 'Ann B');`)
	waitFor(t, ctx, `document.getElementById('ws-status').textContent.startsWith('Saved') && document.getElementById('ws-warning').hidden`, "saving once storage takes writes again")
}
