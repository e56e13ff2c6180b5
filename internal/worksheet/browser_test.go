package worksheet_test

// Browser tests of worksheets: the default site plus a worksheet made of every
// example in docs/worksheets.md, built, served from a subfolder and driven in
// headless Chromium (see internal/browsertest). This file is what they share; the
// tests are in *_browser_test.go by concern.

import (
	"context"
	"encoding/json"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

func TestMain(m *testing.M) { browsertest.Main(m) }

const (
	prefix = "/clinic/sub/"
	guide  = "worksheets/every-field/"
	// storage key of the default site's record of the guide worksheet; read from the page
	keyJS = `document.getElementById('worksheet').dataset.storageKey + ':every-field'`
	// storage key of the one encrypted store of every record under the lock
	vaultJS = `(document.getElementById('worksheet') || document.getElementById('my-answers')).dataset.storageKey + ':vault'`
)

// buildSite builds the default site with one more worksheet, every-field, whose
// questions are the examples of docs/worksheets.md, and returns the output folder.
func buildSite(t *testing.T) string {
	t.Helper()
	site := sitetest.DefaultContent(t)
	site["content/worksheets/every-field.md"] = &fstest.MapFile{Data: sitetest.EveryField(t)}
	return sitetest.BuildDir(t, "", render.Options{Source: sitetest.Source(site)})
}

// tab opens page (relative to base) in a new tab and waits for the worksheet script.
func tab(t *testing.T, base, page string) (context.Context, *browsertest.Log) {
	t.Helper()
	ctx := browsertest.Chrome(t)
	rec := browsertest.Watch(ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+page)); err != nil {
		t.Fatalf("navigating to %s: %v", base+page, err)
	}
	ready(t, ctx)
	return ctx, rec
}

func ready(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.WaitReady(`html.ws-on`)); err != nil {
		t.Fatalf("worksheet script did not start: %v", err)
	}
}

// open loads a page of the site in the tab and waits for the worksheet script.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigating to %s: %v", url, err)
	}
	ready(t, ctx)
}

func do(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	browsertest.Eval[any](t, ctx, "(async () => {"+expr+"})()")
}

// settle waits past the autosave delay.
func settle() { time.Sleep(700 * time.Millisecond) }

// fillJS answers every control of the worksheet the way a person would (one
// more row in every repeatable field, the last option of every group, text
// everywhere else), firing the events a person's input fires.
const fillJS = `
const root = document.getElementById('worksheet');
for (const b of root.querySelectorAll('[data-act=add]')) b.click();
let i = 0;
for (const n of root.querySelectorAll('input, select, textarea')) {
  i++;
  if (n.type === 'radio') {
    const g = root.querySelectorAll('input[name="' + n.name + '"]');
    if (n !== g[g.length - 1]) continue;
    n.checked = true;
  } else if (n.type === 'checkbox') n.checked = true;
  else if (n.tagName === 'SELECT') n.selectedIndex = n.options.length - 1;
  else if (n.type === 'number') n.value = String(i % 5);
  else if (n.type === 'date') n.value = '2026-0' + (1 + i % 9) + '-1' + (i % 10);
  else if (n.type === 'time') n.value = '0' + (i % 10) + ':' + (10 + i % 50);
  else if (n.type === 'tel') n.value = '+1 555 01' + (10 + i % 90);
  else n.value = 'answer ' + i;
  n.dispatchEvent(new Event('input', {bubbles: true}));
  n.dispatchEvent(new Event('change', {bubbles: true}));
}
`

// snapshotJS is every control's state in document order.
const snapshotJS = `JSON.stringify([...document.querySelectorAll('#worksheet input, #worksheet select, #worksheet textarea')]
  .map(n => [n.id, n.type === 'radio' || n.type === 'checkbox' ? n.checked : n.value]))`

// setJS sets controls by id, as a person would: a value for a text box or a
// drop-down, a tick for a box or a point.
const setJS = `const set = (id, v) => { const n = document.getElementById(id);
  if (n.type === 'checkbox' || n.type === 'radio') n.checked = v; else n.value = v;
  n.dispatchEvent(new Event('input', {bubbles: true})); n.dispatchEvent(new Event('change', {bubbles: true})); };
`

// captureJS keeps the files the page offers for download, as Blobs in window.__files.
const captureJS = `window.__files = [];
const create = URL.createObjectURL;
URL.createObjectURL = (b) => { window.__files.push(b); return create.call(URL, b); };
`

// importJS imports the text in window.__import through the page's file input.
// It returns after 200 ms once a dialog is open or the status line says something, and
// waits up to 10 s for either: the file is read first, which a loaded machine takes its
// time over.
const importJS = `const ist = document.getElementById('ws-status');
if (ist) ist.textContent = '';
const dt = new DataTransfer();
dt.items.add(new File([window.__import], 'answers.json', {type: 'application/json'}));
const inp = document.getElementById('ws-file');
inp.files = dt.files;
inp.dispatchEvent(new Event('change'));
for (let i = 0; i < 500 && (i < 10 || !(document.querySelector('dialog[open]') || (ist && ist.textContent))); i++) await new Promise(r => setTimeout(r, 20));
`

// pressJS clicks the button of the open dialog whose text is the argument, once there is
// one: a dialog opens after its file is read, which a loaded machine takes its time over
// (waiting a fixed 200 ms after choosing a file failed there). It fails after 10 s.
func pressJS(label string) string {
	l := jsString(label)
	return `await (async () => {
const find = () => [...document.querySelectorAll('dialog[open] button')].find(b => b.textContent === ` + l + `);
for (let i = 0; i < 200 && !find(); i++) await new Promise(r => setTimeout(r, 50));
if (!find()) throw new Error('no open dialog has a button ' + ` + l + `);
find().click();
})();
await new Promise(r => setTimeout(r, 100));`
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func jsonText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}
