package worksheet_test

// Browser tests of worksheets: the default site plus a worksheet made of every
// example in docs/worksheets.md, built, served from a subfolder and driven in
// headless Chromium (see internal/browsertest).

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/output"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/source"
)

func TestMain(m *testing.M) { browsertest.Main(m) }

const (
	prefix = "/clinic/sub/"
	guide  = "worksheets/every-field/"
	// storage key of the default site's record of the guide worksheet; read from the page
	keyJS = `document.getElementById('worksheet').dataset.storageKey + ':every-field'`
)

// buildSite builds the default site with one more worksheet, every-field, whose
// questions are the examples of docs/worksheets.md, and returns the output folder.
func buildSite(t *testing.T) string {
	t.Helper()
	guideText, err := os.ReadFile("../../docs/worksheets.md")
	if err != nil {
		t.Fatal(err)
	}
	site := fstest.MapFS{}
	defaults := iptsite.Defaults()
	err = fs.WalkDir(defaults, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(defaults, p)
		site[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	site["content/worksheets/every-field.md"] = &fstest.MapFile{Data: append(
		[]byte("---\ntitle: Every field\nworksheet: true\n---\n"), guideText...)}

	dst := filepath.Join(t.TempDir(), "public")
	out, err := output.NewDir(dst)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := render.Build(render.Options{Source: source.Layered{Site: site, Defaults: defaults}}, out); err != nil {
		out.Abort()
		t.Fatalf("building the site: %v", err)
	}
	if err := out.Commit(); err != nil {
		t.Fatal(err)
	}
	return dst
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

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	eval[any](t, ctx, "(async () => {"+expr+"})()")
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
  else n.value = 'answer ' + i;
  n.dispatchEvent(new Event('input', {bubbles: true}));
  n.dispatchEvent(new Event('change', {bubbles: true}));
}
`

// snapshotJS is every control's state in document order.
const snapshotJS = `JSON.stringify([...document.querySelectorAll('#worksheet input, #worksheet select, #worksheet textarea')]
  .map(n => [n.id, n.type === 'radio' || n.type === 'checkbox' ? n.checked : n.value]))`

func TestFillReloadAndSecondTab(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	do(t, ctx, `window.__persist = 0;
		navigator.storage.persisted = async () => false;
		navigator.storage.persist = async () => { window.__persist++; return true; };`)
	do(t, ctx, fillJS)
	settle()
	// on a busy machine the autosave timer may fire late: wait for the save itself
	do(t, ctx, `for (let i = 0; i < 50 && !document.getElementById('ws-status').textContent.startsWith('Saved'); i++) await new Promise(r => setTimeout(r, 100));
		await new Promise(r => setTimeout(r, 100));`)
	if got := eval[int](t, ctx, `window.__persist`); got != 1 {
		t.Errorf("persistent storage asked for %d times after the first answers, want once", got)
	}
	filled := eval[string](t, ctx, snapshotJS)
	if strings.Count(filled, `"answer `) < 20 {
		t.Fatalf("the fill did not reach the fields: %s", filled)
	}
	status := eval[string](t, ctx, `document.getElementById('ws-status').textContent`)
	if !strings.HasPrefix(status, "Saved on this device, ") {
		t.Errorf("status after typing = %q, want Saved on this device, <time>", status)
	}
	var answers map[string]any
	if err := json.Unmarshal([]byte(eval[string](t, ctx, `localStorage.getItem(`+keyJS+`)`)), &struct {
		Answers *map[string]any `json:"answers"`
	}{&answers}); err != nil {
		t.Fatal(err)
	}
	fields := eval[[]string](t, ctx, `[...document.querySelectorAll('[data-field]')].map(f => f.dataset.field)`)
	for _, id := range fields {
		if _, ok := answers[id]; !ok {
			t.Errorf("no saved answer for field %s", id)
		}
	}
	if got := eval[bool](t, ctx, `!document.querySelector('#phq-2 .ws-rule').hidden`); !got {
		t.Error("the questionnaire rule did not show for an answer above its value")
	}
	if got := eval[int](t, ctx, `document.querySelectorAll('#my-circle .ws-dot').length`); got == 0 {
		t.Error("the circle chart has no people")
	}

	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	if got := eval[string](t, ctx, snapshotJS); got != filled {
		t.Errorf("after reload the answers differ\ngot:  %s\nwant: %s", got, filled)
	}

	// A second tab shows the same answers, and follows the first tab's changes
	// without overwriting the field being typed in.
	ctx2, rec2 := tab(t, base, guide)
	if got := eval[string](t, ctx2, snapshotJS); got != filled {
		t.Errorf("second tab's answers differ\ngot:  %s\nwant: %s", got, filled)
	}
	do(t, ctx2, `const n = document.getElementById('f-first-name'); n.focus(); n.value = 'typing here';`)
	do(t, ctx, `for (const [id, v] of [['f-first-name', 'from tab 1'], ['f-change-date', '2025-12-24']]) {
		const n = document.getElementById(id); n.value = v; n.dispatchEvent(new Event('input', {bubbles: true})); }`)
	settle()
	if got := eval[string](t, ctx2, `document.getElementById('f-change-date').value`); got != "2025-12-24" {
		t.Errorf("second tab did not follow the first: date = %q", got)
	}
	if got := eval[string](t, ctx2, `document.getElementById('f-first-name').value`); got != "typing here" {
		t.Errorf("the field being typed in was overwritten: %q", got)
	}

	rec.AssertClean(t, base)
	rec2.AssertClean(t, base)
	browsertest.AssertAccessible(t, ctx)
}

func TestStorageFailureWarns(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	if got := eval[bool](t, ctx, `document.getElementById('ws-warning').hidden`); !got {
		t.Fatal("the warning shows before anything failed")
	}
	do(t, ctx, `Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
		const n = document.getElementById('f-what-happened'); n.value = 'still typing'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	settle()
	if got := eval[bool](t, ctx, `document.getElementById('ws-warning').hidden`); got {
		t.Error("no warning after the browser refused to save")
	}
	if got := eval[string](t, ctx, `document.querySelector('#ws-warning p').textContent`); !strings.Contains(got, "not being saved") {
		t.Errorf("warning = %q", got)
	}
	do(t, ctx, `const n = document.getElementById('f-what-happened'); n.value += ' and more'; n.dispatchEvent(new Event('input', {bubbles: true}));
		document.querySelector('[data-act=add]').click();`)
	if got := eval[string](t, ctx, `document.getElementById('f-what-happened').value`); got != "still typing and more" {
		t.Errorf("typing stopped working: %q", got)
	}
	// the download still offers the answers typed
	do(t, ctx, captureJS+`document.querySelector('#ws-warning [data-act=download]').click();`)
	file := eval[string](t, ctx, `window.__files[0].text()`)
	if !strings.Contains(file, "still typing and more") {
		t.Errorf("the download lacks the unsaved answers: %s", file)
	}
	rec.AssertNoErrors(t)
}

// captureJS keeps the files the page offers for download, as Blobs in window.__files.
const captureJS = `window.__files = [];
const create = URL.createObjectURL;
URL.createObjectURL = (b) => { window.__files.push(b); return create.call(URL, b); };
`

// importJS imports the text in window.__import through the page's file input.
const importJS = `const dt = new DataTransfer();
dt.items.add(new File([window.__import], 'answers.json', {type: 'application/json'}));
const inp = document.getElementById('ws-file');
inp.files = dt.files;
inp.dispatchEvent(new Event('change'));
await new Promise(r => setTimeout(r, 200));
`

// pressJS clicks the button of the open dialog whose text is the argument.
func pressJS(label string) string {
	return `[...document.querySelectorAll('dialog[open] button')].find(b => b.textContent === ` + jsString(label) + `).click();
await new Promise(r => setTimeout(r, 100));`
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestDownloadClearImport(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	do(t, ctx, fillJS)
	settle()
	filled := eval[string](t, ctx, snapshotJS)

	do(t, ctx, captureJS+`document.querySelector('#ws-tools [data-act=download]').click();`)
	file := eval[string](t, ctx, `window.__files[0].text()`)
	if !strings.Contains(file, `"format":"iptsite-answers"`) {
		t.Fatalf("downloaded file: %s", file)
	}

	do(t, ctx, `document.querySelector('#ws-tools [data-act=clear]').click(); await new Promise(r => setTimeout(r, 50));`)
	do(t, ctx, pressJS("Download a copy first"))
	if got := eval[string](t, ctx, `window.__files.length + ' ' + !!document.querySelector('dialog[open]')`); got != "2 true" {
		t.Errorf("download first from the clear dialog: files and dialog open = %s, want 2 true", got)
	}
	do(t, ctx, pressJS("Clear answers"))
	if got := eval[bool](t, ctx, `localStorage.getItem(`+keyJS+`) === null`); !got {
		t.Error("clear left the record in storage")
	}
	if got := eval[string](t, ctx, snapshotJS); strings.Contains(got, `"answer `) {
		t.Errorf("clear left answers on the page: %s", got)
	}

	// A malformed file and a foreign one are refused, and change nothing.
	do(t, ctx, `const n = document.getElementById('f-first-name'); n.value = 'kept'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	settle()
	before := eval[string](t, ctx, `localStorage.getItem(`+keyJS+`)`)
	for _, bad := range []string{`{"format":"iptsite-answers","v":1,"site":`, `{"format":"iptsite-answers","v":1,"site":"another-site","worksheets":[]}`} {
		do(t, ctx, `window.__import = `+jsString(bad)+`;`+importJS)
		if got := eval[string](t, ctx, `document.getElementById('ws-status').textContent`); !strings.HasPrefix(got, "This file could not be imported, nothing was changed") {
			t.Errorf("importing %s: status %q", bad, got)
		}
		if got := eval[string](t, ctx, `localStorage.getItem(`+keyJS+`)`); got != before {
			t.Errorf("a refused import changed the record:\n%s\n%s", got, before)
		}
		if got := eval[int](t, ctx, `document.querySelectorAll('dialog').length`); got != 0 {
			t.Errorf("a refused import opened a preview")
		}
	}

	// The downloaded file merges back: first name differs, so it is offered
	// ticked (the file's answers are older, so not ticked) and ticked here.
	do(t, ctx, `window.__import = `+jsString(file)+`;`+importJS)
	preview := eval[string](t, ctx, `document.querySelector('dialog[open]').textContent`)
	if !strings.Contains(preview, "What would you like to be called?") || !strings.Contains(preview, "yours are newer") {
		t.Errorf("preview does not ask about the newer answer: %s", preview)
	}
	if got := eval[bool](t, ctx, `document.querySelector('dialog[open] .ws-merge input').checked`); got {
		t.Error("a newer answer here is ticked to be replaced without asking")
	}
	do(t, ctx, `document.querySelector('dialog[open] .ws-merge input').click();`+pressJS("Import"))
	if got := eval[string](t, ctx, snapshotJS); got != filled {
		t.Errorf("after import the answers differ\ngot:  %s\nwant: %s", got, filled)
	}
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	if got := eval[string](t, ctx, snapshotJS); got != filled {
		t.Errorf("after import and reload the answers differ\ngot:  %s\nwant: %s", got, filled)
	}
	rec.AssertNoErrors(t)
}

func TestOlderRecordAndRemovedField(t *testing.T) {
	fixture, err := os.ReadFile("testdata/older-record.json")
	if err != nil {
		t.Fatal(err)
	}
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	do(t, ctx, `localStorage.setItem(`+keyJS+`, `+jsString(string(fixture))+`);`)
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)

	checks := map[string]string{
		`document.getElementById('f-first-name').value`:                                            "Sam",
		`document.getElementById('f-who-to-call_1').checked`:                                       "true",
		`document.getElementById('f-talk-went_other').checked`:                                     "true",
		`document.getElementById('f-talk-went_other-text').value`:                                  "It never happened",
		`document.getElementById('f-important-people_r0').value`:                                   "Ann",
		`document.getElementById('f-mood-today_5').checked`:                                        "true",
		`document.querySelector('.ws-earlier').hidden`:                                             "false",
		`document.querySelector('.ws-earlier').textContent.includes('What was the hardest part?')`: "true",
		`document.querySelector('.ws-earlier').textContent.includes('Saying no')`:                  "true",
		`document.getElementById('f-inventory_r0_name').value`:                                     "Ann",
		`document.getElementById('f-inventory_r0_closeness').value`:                                "4",
		`document.querySelector('.ws-earlier').textContent.includes('trust: A lot')`:               "true",
	}
	for expr, want := range checks {
		if got := eval[any](t, ctx, expr); jsonText(got) != want {
			t.Errorf("%s = %v, want %s", expr, got, want)
		}
	}
	// Editing and saving keeps the removed field's answer.
	do(t, ctx, `const n = document.getElementById('f-first-name'); n.value = 'Samuel'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	settle()
	saved := eval[string](t, ctx, `localStorage.getItem(`+keyJS+`)`)
	for _, want := range []string{`"hardest-part":"Saying no"`, `"first-name":"Samuel"`, `"v":1`, `"trust":"A lot"`} {
		if !strings.Contains(saved, want) {
			t.Errorf("saved record lacks %s: %s", want, saved)
		}
	}
	rec.AssertNoErrors(t)
}

func jsonText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

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
		return eval[string](t, ctx, `getComputedStyle(document.querySelector(`+jsString(sel)+`)).getPropertyValue(`+jsString(prop)+`)`)
	}
	// with answers
	do(t, ctx, `window.print = () => { window.__printed = document.documentElement.className; };
		document.querySelector('#ws-tools [data-act=print]').click();`)
	if got := eval[string](t, ctx, `window.__printed`); strings.Contains(got, "ws-print-blank") {
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
	if got := eval[string](t, ctx, `window.__printed`); !strings.Contains(got, "ws-print-blank") {
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
	if got := eval[string](t, ctx, `document.documentElement.className`); strings.Contains(got, "ws-print-blank") {
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
	if got := eval[int](t, ctx, `document.querySelectorAll('#worksheet input, #worksheet textarea, #worksheet select').length`); got < 100 {
		t.Errorf("only %d controls without script", got)
	}
	if got := eval[string](t, ctx, `getComputedStyle(document.getElementById('ws-more')).display`); got != "none" {
		t.Errorf("buttons that need the script show without it: display %s", got)
	}
	if got := eval[int](t, ctx, `document.querySelectorAll('form').length`); got != 0 {
		t.Error("a form element would send answers in a URL")
	}
}

func TestMyAnswers(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	do(t, ctx, `const n = document.getElementById('f-first-name'); n.value = 'Ann'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	settle()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"my-answers/")); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	if got := eval[string](t, ctx, `document.querySelector('#answers-list tbody').textContent`); !strings.Contains(got, "Every field") {
		t.Errorf("My answers does not list the worksheet: %q", got)
	}
	browsertest.AssertAccessible(t, ctx)
	do(t, ctx, captureJS+`document.querySelector('[data-act=download-all]').click();`)
	all := eval[string](t, ctx, `window.__files[0].text()`)
	if !strings.Contains(all, `"first-name":"Ann"`) {
		t.Errorf("download all lacks the answer: %s", all)
	}
	do(t, ctx, `document.querySelector('[data-act=erase-all]').click(); await new Promise(r => setTimeout(r, 50));`)
	do(t, ctx, pressJS("Cancel"))
	if got := eval[int](t, ctx, `Object.keys(localStorage).length`); got == 0 {
		t.Fatal("cancel erased the answers")
	}
	do(t, ctx, `document.querySelector('[data-act=erase-all]').click(); await new Promise(r => setTimeout(r, 50));`)
	do(t, ctx, pressJS("Erase all answers"))
	if got := eval[bool](t, ctx, `!document.getElementById('answers-none').hidden && Object.keys(localStorage).filter(k => k.includes(':')).length === 0`); !got {
		t.Error("erase all left answers")
	}
	do(t, ctx, `window.__import = `+jsString(all)+`;`+importJS)
	do(t, ctx, pressJS("Import"))
	if got := eval[string](t, ctx, `document.querySelector('#answers-list tbody').textContent`); !strings.Contains(got, "Every field") {
		t.Errorf("import on My answers did not bring the worksheet back: %q", got)
	}
	rec.AssertClean(t, base)
}

// TestStorageDisabled is a browser that refuses storage outright, as some do in
// private mode or with site data turned off: the page says so from the start and
// keeps working.
func TestStorageDisabled(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx := browsertest.Chrome(t)
	rec := browsertest.Watch(ctx)
	deny := `Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});`
	err := chromedp.Do(ctx,
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: deny})
			return err
		}),
		chromedp.Navigate(base+guide))
	if err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	if got := eval[bool](t, ctx, `document.getElementById('ws-warning').hidden`); got {
		t.Error("no warning when storage is refused")
	}
	do(t, ctx, `document.querySelector('#important-people [data-act=add]').click();
		const n = document.getElementById('f-important-people_r3'); n.value = 'Ann'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	settle()
	if got := eval[string](t, ctx, `document.getElementById('f-important-people_r3').value`); got != "Ann" {
		t.Errorf("typing failed without storage: %q", got)
	}
	rec.AssertNoErrors(t)
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
	if got, want := eval[string](t, ctx, rows), "Person 1=Sam@f-important-people_r0, Person 2=Ann@f-important-people_r1, Person 3=@f-important-people_r2"; got != want {
		t.Errorf("after moving Ann down: %s, want %s", got, want)
	}
	if got := eval[string](t, ctx, `document.activeElement.dataset.act + ' ' + document.activeElement.getAttribute('aria-describedby')`); got != "down f-important-people_r1-l" {
		t.Errorf("focus after moving: %s, want the same button in the moved row", got)
	}
	do(t, ctx, `document.querySelector('#important-people [data-act=add]').click();`)
	if got := eval[string](t, ctx, `document.activeElement.id`); got != "f-important-people_r3" {
		t.Errorf("focus after adding: %s, want the new entry", got)
	}
	do(t, ctx, `document.querySelector('#f-important-people_r0-l').closest('li').querySelector('[data-act=remove]').click();`)
	if got, want := eval[string](t, ctx, rows), "Person 1=Ann@f-important-people_r0, Person 2=@f-important-people_r1, Person 3=@f-important-people_r2"; got != want {
		t.Errorf("after removing Sam: %s, want %s", got, want)
	}
	settle()
	if got := eval[string](t, ctx, `JSON.stringify(JSON.parse(localStorage.getItem(`+keyJS+`)).answers['important-people'])`); got != `["Ann"]` {
		t.Errorf("saved list = %s", got)
	}
	rec.AssertNoErrors(t)
}

// TestCopyAsText copies a plain summary: the title, each answered question and
// its answer, questionnaire items with their answers and the total.
func TestCopyAsText(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	do(t, ctx, `const set = (id, v) => { const n = document.getElementById(id); n.value = v; n.dispatchEvent(new Event('input', {bubbles: true})); };
		set('f-first-name', 'Sam');
		set('f-inventory_r0_name', 'Ann');
		for (const id of ['f-phq-2_1_1', 'f-phq-2_2_2', 'f-who-to-call_2']) { document.getElementById(id).click(); }
		navigator.clipboard.writeText = (s) => { window.__copied = s; return Promise.resolve(); };
		document.querySelector('#ws-tools [data-act=copy]').click();
		await new Promise(r => setTimeout(r, 100));`)
	got := eval[string](t, ctx, `window.__copied`)
	for _, want := range []string{
		"Every field\n",
		"What would you like to be called?\nSam\n",
		"Who could you call when you feel low?\nSomeone in my family\n",
		"My relationships\n- Name: Ann\n",
		"1. Little interest or pleasure in doing things: Several days (1)",
		"2. Feeling down, depressed, or hopeless: More than half the days (2)",
		"Total score: 3 – A score to talk about with your therapist\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("copied text lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "When did the change start?") {
		t.Errorf("copied text lists an unanswered question:\n%s", got)
	}
	if s := eval[string](t, ctx, `document.getElementById('ws-status').textContent`); !strings.HasPrefix(s, "Copied") {
		t.Errorf("status after copying: %q", s)
	}
	rec.AssertNoErrors(t)
}

// setJS sets controls by id, as a person would: a value for a text box or a
// drop-down, a tick for a box or a point.
const setJS = `const set = (id, v) => { const n = document.getElementById(id);
  if (n.type === 'checkbox' || n.type === 'radio') n.checked = v; else n.value = v;
  n.dispatchEvent(new Event('input', {bubbles: true})); n.dispatchEvent(new Event('change', {bubbles: true})); };
`

// open loads a page of the site in the tab and waits for the worksheet script.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigating to %s: %v", url, err)
	}
	ready(t, ctx)
}

// TestTranslationSharesAnswers answers a choice, a checklist, a table's choice
// column, a circle and a rhythm in English, finds them in the Spanish worksheets,
// changes them there, and finds the changes back in English: the stored values
// are the same words in both languages.
func TestTranslationSharesAnswers(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, "worksheets/before-first-session/")
	type check struct{ page, expr, want string }
	fill := []struct{ page, js string }{
		{"worksheets/before-first-session/", `set('f-day-to-day_1', true); set('f-day-to-day_3', true);`},
		{"worksheets/communication-analysis/", `set('f-outcome_2', true);`},
		{"worksheets/connection/", `set('f-steps_r0_step', 'Call Ann'); set('f-steps_r0_done', 'Partly');`},
		{"worksheets/closeness-circle/", `set('f-circle_r0_name', 'Ann'); set('f-circle_r0_ring', 'Close'); set('f-circle_r1_name', 'Sam');`},
		{"worksheets/social-rhythm/", `set('f-rhythm_r1_d1', '08:30');`},
	}
	for _, f := range fill {
		open(t, ctx, base+f.page)
		do(t, ctx, setJS+f.js)
		settle()
	}
	shown := func(checks []check) {
		t.Helper()
		for _, c := range checks {
			open(t, ctx, base+c.page)
			if got := jsonText(eval[any](t, ctx, c.expr)); got != c.want {
				t.Errorf("%s: %s = %s, want %s", c.page, c.expr, got, c.want)
			}
		}
	}
	shown([]check{
		{"es/worksheets/before-first-session/", `document.querySelector('#f-day-to-day_1:checked + label').textContent`, "Dormir"},
		{"es/worksheets/before-first-session/", `document.getElementById('f-day-to-day_3').checked`, "true"},
		{"es/worksheets/before-first-session/", `document.querySelectorAll('#day-to-day input:checked').length`, "2"},
		{"es/worksheets/communication-analysis/", `document.querySelector('#outcome input:checked + label').textContent`, "En parte"},
		{"es/worksheets/connection/", `document.getElementById('f-steps_r0_done').selectedOptions[0].text`, "En parte"},
		{"es/worksheets/closeness-circle/", `document.getElementById('f-circle_r0_ring').selectedOptions[0].text`, "Cerca"},
		// Ann is drawn on her ring; Sam, with no ring yet, waits below the circle
		{"es/worksheets/closeness-circle/", `[...document.querySelectorAll('#circle svg text.ws-mark')].map(n => n.textContent).join(' ')`, "Ann Todavía no están en el círculo: Sam"},
		{"es/worksheets/closeness-circle/", `document.querySelectorAll('#circle svg .ws-dot').length + ' ' + document.querySelectorAll('#circle svg .ws-unplaced').length`, "2 1"},
		{"es/worksheets/social-rhythm/", `document.getElementById('f-rhythm_r1_d1').value`, "08:30"},
		{"es/worksheets/social-rhythm/", `[...document.querySelectorAll('#rhythm svg text.ws-mark')].map(n => n.textContent).join(' ')`, "Hablar por prim…"},
		{"es/worksheets/social-rhythm/", `document.getElementById('ws-status').textContent.startsWith('Guardado en este dispositivo')`, "true"},
	})
	if t.Failed() {
		return
	}

	change := []struct{ page, js string }{
		{"es/worksheets/before-first-session/", `set('f-day-to-day_1', false); set('f-day-to-day_2', true);`},
		{"es/worksheets/communication-analysis/", `set('f-outcome_4', true);`},
		{"es/worksheets/closeness-circle/", `set('f-circle_r1_ring', 'Very close');`},
	}
	for _, f := range change {
		open(t, ctx, base+f.page)
		do(t, ctx, setJS+f.js)
		settle()
	}
	shown([]check{
		{"worksheets/before-first-session/", `[...document.querySelectorAll('#day-to-day input:checked + label')].map(n => n.textContent).join(', ')`, "Eating, Having energy"},
		{"worksheets/communication-analysis/", `document.querySelector('#outcome input:checked + label').textContent`, "I am not sure"},
		{"worksheets/closeness-circle/", `document.getElementById('f-circle_r1_ring').selectedOptions[0].text`, "Very close"},
		{"worksheets/closeness-circle/", `document.querySelectorAll('#circle svg .ws-unplaced').length`, "0"},
		{"worksheets/closeness-circle/", `document.querySelector('.ws-earlier').hidden`, "true"},
	})
	stored := eval[string](t, ctx, `localStorage.getItem(document.getElementById('worksheet').dataset.storageKey + ':before-first-session')`)
	if !strings.Contains(stored, `"day-to-day":{"selected":["Eating","Having energy"]}`) {
		t.Errorf("the record does not hold the original's words: %s", stored)
	}

	// an import previewed on the Spanish page shows both answers in Spanish
	open(t, ctx, base+"es/worksheets/before-first-session/")
	do(t, ctx, `window.__import = JSON.stringify({format: 'iptsite-answers', v: 1, site: document.getElementById('worksheet').dataset.storageKey,
		worksheets: [{v: 1, id: 'before-first-session', updated: '2030-01-01T00:00:00Z', answers: {'day-to-day': {selected: ['Sleeping']}}}]});`+importJS)
	if got := eval[string](t, ctx, `document.querySelector('dialog[open] .ws-merge').textContent`); !strings.Contains(got, ": Dormir") || !strings.Contains(got, "las tuyas ahora: Comer, Tener energía") {
		t.Errorf("import preview on the Spanish page: %q", got)
	}
	rec.AssertNoErrors(t)
}

// TestTranslatedRecordFromBefore loads records that Spanish worksheets saved
// before answers were shared (the Spanish words as values): the Spanish pages
// show every answer and store it in the original's words on leaving, so that
// the English pages show it too.
func TestTranslatedRecordFromBefore(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, "worksheets/closeness-circle/")
	do(t, ctx, `const k = document.getElementById('worksheet').dataset.storageKey + ':';
		localStorage.setItem(k + 'before-first-session', JSON.stringify({v: 1, id: 'before-first-session', updated: '2026-01-02T10:00:00Z',
			answers: {'day-to-day': {selected: ['Dormir', 'Comer']}}}));
		localStorage.setItem(k + 'closeness-circle', JSON.stringify({v: 1, id: 'closeness-circle', updated: '2026-01-02T10:00:00Z',
			answers: {circle: [{name: 'Ann', ring: 'Muy cerca'}]}}));
		localStorage.setItem(k + 'social-rhythm', JSON.stringify({v: 1, id: 'social-rhythm', updated: '2026-01-02T10:00:00Z',
			answers: {rhythm: [{_row: 'Levantarme de la cama', d2: '07:15'}]}}));`)
	type check struct{ page, expr, want string }
	for _, c := range []check{
		{"es/worksheets/before-first-session/", `[...document.querySelectorAll('#day-to-day input:checked + label')].map(n => n.textContent).join(', ')`, "Dormir, Comer"},
		{"es/worksheets/closeness-circle/", `document.getElementById('f-circle_r0_ring').selectedOptions[0].text`, "Muy cerca"},
		{"es/worksheets/closeness-circle/", `document.getElementById('f-circle_r0_ring').options.length`, "5"},
		{"es/worksheets/social-rhythm/", `document.getElementById('f-rhythm_r0_d2').value`, "07:15"},
		{"worksheets/before-first-session/", `[...document.querySelectorAll('#day-to-day input:checked')].map(n => n.value).join(', ')`, "Sleeping, Eating"},
		{"worksheets/closeness-circle/", `document.getElementById('f-circle_r0_ring').value`, "Very close"},
		{"worksheets/closeness-circle/", `document.querySelectorAll('#circle svg .ws-unplaced').length`, "0"},
		{"worksheets/social-rhythm/", `document.getElementById('f-rhythm_r0_d2').value`, "07:15"},
		{"worksheets/social-rhythm/", `document.querySelector('.ws-earlier').hidden`, "true"},
	} {
		open(t, ctx, base+c.page)
		if got := jsonText(eval[any](t, ctx, c.expr)); got != c.want {
			t.Errorf("%s: %s = %s, want %s", c.page, c.expr, got, c.want)
		}
	}
	rec.AssertNoErrors(t)
}

// TestToolsWaitBehindOneDisclosure: before the first question a person meets the
// notice, the save status and one closed disclosure, which opens from the keyboard.
func TestToolsWaitBehindOneDisclosure(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, "worksheets/before-first-session/")
	if err := chromedp.Do(ctx, browsertest.Phone()); err != nil {
		t.Fatal(err)
	}
	visible := `[...document.querySelectorAll('#ws-tools button, #ws-tools summary, #ws-tools a')].filter(n => n.checkVisibility()).map(n => n.textContent)`
	if got := eval[[]string](t, ctx, visible); len(got) != 1 || got[0] != "Print, download or clear answers" {
		t.Errorf("controls shown before the questions: %q, want only the disclosure", got)
	}
	if got := eval[bool](t, ctx, `document.getElementById('ws-status').checkVisibility()`); !got {
		t.Error("the save status is hidden")
	}
	// the notice and the tools take less than a third of a phone's screen
	tall := eval[float64](t, ctx, `document.getElementById('ws-tools').getBoundingClientRect().bottom - document.querySelector('.ws-notice').getBoundingClientRect().top`)
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
	if got := eval[int](t, ctx, `(`+visible+`).length`); got != 9 {
		t.Errorf("after Enter on the disclosure %d controls show, want it and its 8", got)
	}
	browsertest.AssertAccessible(t, ctx)
	rec.AssertNoErrors(t)
}
