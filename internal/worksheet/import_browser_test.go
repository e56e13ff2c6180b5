package worksheet_test

// Answers files that try to destroy or inject something: reserved and foreign ids,
// links to other sites, files without a version, and files too large to show.

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/iptsite/iptsite/internal/browsertest"
)

// answersFile is an answers file of the default site holding recs.
func answersFile(t *testing.T, ctx context.Context, recs ...map[string]any) string {
	t.Helper()
	site := browsertest.Eval[string](t, ctx, `(document.getElementById('worksheet') || document.getElementById('my-answers')).dataset.storageKey`)
	b, err := json.Marshal(map[string]any{"format": "iptsite-answers", "v": 1, "site": site, "exported": "2026-01-01T00:00:00Z", "worksheets": recs})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// importFileJS imports the text in window.__import and resolves to what follows: the
// text of the preview dialog, or the status when the file was refused. The preview
// is cancelled.
const importFileJS = `const st = document.getElementById('ws-status');
st.textContent = '';
const dt = new DataTransfer();
dt.items.add(new File([window.__import], 'answers.json', {type: 'application/json'}));
const inp = document.getElementById('ws-file');
inp.files = dt.files;
inp.dispatchEvent(new Event('change'));
for (let i = 0; i < 100 && !document.querySelector('dialog[open]') && !st.textContent; i++) await new Promise(r => setTimeout(r, 20));
const d = document.querySelector('dialog[open]');
if (!d) return 'status: ' + st.textContent;
const text = 'preview: ' + d.textContent;
[...d.querySelectorAll('button')].find(b => b.textContent === 'Cancel').click();
await new Promise(r => setTimeout(r, 20));
return text;`

func importFile(t *testing.T, ctx context.Context, file string) string {
	t.Helper()
	return browsertest.Eval[string](t, ctx, `(async () => { window.__import = `+jsString(file)+`; `+importFileJS+` })()`)
}

// TestImportIDs imports a record under each id of testdata/ids.txt: the ids that
// the build may give a worksheet are offered, the others are refused by name, and
// nothing is stored. Import is the same code on a worksheet and on My answers.
func TestImportIDs(t *testing.T) {
	good, bad := idCases(t)
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	do(t, ctx, setJS+`set('f-first-name', 'Ann');`)
	waitFor(t, ctx, `document.getElementById('ws-status').textContent.startsWith('Saved')`, "first save")
	before := browsertest.Eval[string](t, ctx, storageJS)
	for _, id := range good {
		file := answersFile(t, ctx, map[string]any{"v": 1, "id": id, "title": "Sheet " + id, "answers": map[string]any{"q": "an answer"}})
		if got := importFile(t, ctx, file); !strings.HasPrefix(got, "preview: ") {
			t.Errorf("importing a record with id %q: %s, want a preview", id, got)
		}
	}
	for _, id := range bad {
		file := answersFile(t, ctx, map[string]any{"v": 1, "id": "grief", "answers": map[string]any{}},
			map[string]any{"v": 1, "id": id, "answers": map[string]any{"salt": "x", "check": "y"}})
		got := importFile(t, ctx, file)
		if !strings.HasPrefix(got, "status: This file could not be imported, nothing was changed") || !strings.Contains(got, `"`+id+`"`) {
			t.Errorf("importing a record with id %q: %s, want refused naming the id", id, got)
		}
	}
	if got := browsertest.Eval[string](t, ctx, storageJS); got != before {
		t.Errorf("importing changed storage:\n%s\nwant\n%s", got, before)
	}
	rec.AssertNoErrors(t)
}

// TestImportedLinks: a link on My answers is one the site built, to its own
// worksheet page, whatever the url of an imported record says.
func TestImportedLinks(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, "my-answers/")
	phish := func(id string) map[string]any {
		return map[string]any{"v": 1, "id": id, "title": "Your therapist says: click here", "url": "https://evil.example/phish",
			"updated": "2026-01-01T00:00:00Z", "answers": map[string]any{"q": "an answer"}}
	}
	do(t, ctx, `window.__import = `+jsString(answersFile(t, ctx, phish("grief"), phish("not-a-sheet"), phish("every-field")))+`;`+importJS+pressJS("Import"))
	links := browsertest.Eval[[][2]string](t, ctx, `[...document.querySelectorAll('#answers-list a')].map(a => [a.closest('li').querySelector('h2').textContent, a.href])`)
	want := [][2]string{{"Every field", base + guide}, {"Grief", base + "worksheets/grief/"}}
	if len(links) != len(want) {
		t.Fatalf("links on My answers: %q, want %q", links, want)
	}
	for i := range want {
		if links[i] != want[i] {
			t.Errorf("link %d on My answers: %q, want %q", i, links[i], want[i])
		}
	}
	rows := browsertest.Eval[string](t, ctx, `document.querySelector('#answers-list').textContent`)
	if !strings.Contains(rows, "Your therapist says: click here") {
		t.Errorf("the record of no worksheet here is not listed as plain text: %q", rows)
	}
	if got := browsertest.Eval[string](t, ctx, `document.getElementById('my-answers').innerHTML`); strings.Contains(got, "evil.example") {
		t.Errorf("My answers shows the imported url: %s", got)
	}
	rec.AssertNoErrors(t)
}

// TestImportNoVersion: a file or record without a version number is refused for
// what it is, not as one made by a newer version.
func TestImportNoVersion(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	good := map[string]any{"v": 1, "id": "grief", "answers": map[string]any{"q": "an answer"}}
	noV := map[string]any{"id": "grief", "answers": map[string]any{"q": "an answer"}}
	var file map[string]any
	if err := json.Unmarshal([]byte(answersFile(t, ctx, good)), &file); err != nil {
		t.Fatal(err)
	}
	delete(file, "v")
	fileNoV, _ := json.Marshal(file)
	file["v"] = "1"
	fileTextV, _ := json.Marshal(file)
	for name, f := range map[string]string{
		"file without v":    string(fileNoV),
		"file with v \"1\"": string(fileTextV),
		"record without v":  answersFile(t, ctx, good, noV),
	} {
		got := importFile(t, ctx, f)
		if !strings.HasPrefix(got, "status: This file could not be imported, nothing was changed") || !strings.Contains(got, `version number ("v") is missing`) {
			t.Errorf("importing a %s: %s, want refused for its missing version", name, got)
		}
	}
	file["v"] = 3
	fileNewer, _ := json.Marshal(file)
	if got := importFile(t, ctx, string(fileNewer)); !strings.Contains(got, "made by a newer version") {
		t.Errorf("importing a file of version 3: %s, want refused as newer", got)
	}
	rec.AssertNoErrors(t)
}

// fillRowsJS builds, in the page, a record of the worksheet whose every field of rows
// that a person adds to holds window.__n rows, and stores it as another tab would.
const fillRowsJS = `const root = document.getElementById('worksheet');
const answers = {};
const sample = (n, i) => n.tagName === 'SELECT' ? n.options[n.options.length - 1].value
  : n.type === 'number' ? String(1 + i % 5) : n.type === 'date' ? '2026-01-02' : n.type === 'time' ? '10:30' : 'row ' + (i + 1);
for (const f of root.querySelectorAll('[data-field]')) {
  const box = f.querySelector('[data-rows]');
  if (!box || box.hasAttribute('data-fixed')) continue;
  const cells = [...box.firstElementChild.querySelectorAll('[data-k]')];
  answers[f.dataset.field] = Array.from({length: window.__n}, (_, i) => cells[0].dataset.k === ''
    ? sample(cells[0], i) : Object.fromEntries(cells.map(n => [n.dataset.k, sample(n, i)])));
}
window.__fields = Object.keys(answers);
const key = root.dataset.storageKey + ':' + root.dataset.worksheetId;
const value = JSON.stringify({v: 1, id: root.dataset.worksheetId, title: 'Every field', updated: new Date().toISOString(), answers, labels: {}, earlier: {}});
localStorage.setItem(key, value);
`

// TestManyRows: the most rows a file may bring load at once; a file with more in a
// field is refused, naming the field and the limit; a person cannot add more.
func TestManyRows(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	const limit = 200
	// The best of three loads, each after a load of no answers: on a busy machine one
	// may be slowed by others; a quadratic load takes seconds every time.
	ms := browsertest.Eval[float64](t, ctx, `(() => { window.__n = `+fmt.Sprint(limit)+`; `+fillRowsJS+`
		const none = JSON.stringify({v: 1, id: root.dataset.worksheetId, answers: {}, labels: {}, earlier: {}});
		const times = [];
		for (let i = 0; i < 3; i++) {
			localStorage.setItem(key, none);
			dispatchEvent(new StorageEvent('storage', {key, newValue: none, storageArea: localStorage}));
			localStorage.setItem(key, value);
			const t0 = performance.now();
			dispatchEvent(new StorageEvent('storage', {key, newValue: value, storageArea: localStorage}));
			times.push(performance.now() - t0);
		}
		return Math.min(...times); })()`)
	fields := browsertest.Eval[[]string](t, ctx, `window.__fields`)
	if len(fields)*limit < 1000 {
		t.Fatalf("only %d fields of rows (%v): want 1000 rows in all", len(fields), fields)
	}
	t.Logf("%d rows in %d fields loaded in %.0f ms", len(fields)*limit, len(fields), ms)
	if ms > 1000 {
		t.Errorf("%d rows took %.0f ms to load, want under a second", len(fields)*limit, ms)
	}
	// every row is in place, numbered, with ids of its own
	got := browsertest.Eval[string](t, ctx, `window.__fields.map(id => {
		const rows = [...document.querySelector('[data-field="' + id + '"] [data-rows]').children];
		const ids = rows.flatMap(r => [...r.querySelectorAll('[id]')].map(n => n.id));
		const n = rows.at(-1).querySelector('[data-n]');
		return id + ': ' + rows.length + ' rows' + (n ? ', last numbered ' + n.textContent : '') + (new Set(ids).size === ids.length ? '' : ', ids repeated');
	}).join('\n')`)
	for _, line := range strings.Split(got, "\n") {
		if !strings.Contains(line, fmt.Sprintf(": %d rows", limit)) || strings.Contains(line, "repeated") || (strings.Contains(line, "numbered") && !strings.HasSuffix(line, fmt.Sprintf("numbered %d", limit))) {
			t.Errorf("after loading: %s", line)
		}
	}

	// a person cannot add a row to a full field
	if got := browsertest.Eval[string](t, ctx, `(() => { const f = document.querySelector('[data-field=inventory]');
		f.querySelector('[data-act=add]').click();
		return f.querySelector('[data-rows]').children.length + ' ' + document.getElementById('ws-status').textContent; })()`); got != fmt.Sprintf("%d This list is full: it can hold at most %d rows.", limit, limit) {
		t.Errorf("adding a row to a full field: %q", got)
	}

	// a file with one row more in a field is refused, naming the field and the limit
	file := answersFile(t, ctx, map[string]any{"v": 1, "id": "grief", "answers": map[string]any{"losses": make([]string, limit+1)}})
	if got := importFile(t, ctx, file); !strings.HasPrefix(got, "status: This file could not be imported") || !strings.Contains(got, fmt.Sprintf(`"losses" in "grief" has %d rows`, limit+1)) || !strings.Contains(got, fmt.Sprint(limit)) {
		t.Errorf("importing %d rows: %s, want refused naming the field and the limit", limit+1, got)
	}
	rec.AssertNoErrors(t)
}
