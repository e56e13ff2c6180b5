package worksheet_test

// Answers kept on the device, in every engine clients use (Chromium, Firefox and
// WebKit, see browsertest.NewTab): every field type filled, then a reload, a second
// tab, and a download, clear and import. Each scenario is written once against
// browsertest.Tab and runs in the three engines at once.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/iptsite/iptsite/internal/browsertest"
)

// inEveryEngine runs scenario in each engine, in parallel: each has its own
// browser, and each subtest serves the site from its own port, so no two share
// storage. A Log watches the Chromium tab (the other engines have no such log).
//
// The scenarios also run in parallel with each other, after the package's other
// tests: they mostly wait (for autosave, for storage events), so they overlap well.
func inEveryEngine(t *testing.T, scenario func(t *testing.T, s *session)) {
	t.Parallel()
	dir := buildSite(t)
	for _, engine := range browsertest.Engines {
		t.Run(engine, func(t *testing.T) {
			t.Parallel()
			s := &session{t: t, base: browsertest.Serve(t, dir, prefix)}
			s.tab = s.open(browsertest.NewTab(t, engine))
			scenario(t, s)
			if s.rec != nil {
				s.rec.AssertClean(t, s.base)
			}
		})
	}
}

// session is one engine's tab on the guide worksheet.
type session struct {
	t    *testing.T
	base string
	tab  browsertest.Tab
	rec  *browsertest.Log // Chromium only
}

// open loads the guide worksheet in tab and waits for the worksheet script.
func (s *session) open(tab browsertest.Tab) browsertest.Tab {
	s.t.Helper()
	if ctx, ok := browsertest.ChromeContext(tab); ok && s.rec == nil {
		s.rec = browsertest.Watch(ctx)
	}
	s.must(tab.Open(s.base + guide))
	s.ready(tab)
	return tab
}

func (s *session) ready(tab browsertest.Tab) {
	s.t.Helper()
	s.run(tab, `for (let i = 0; i < 100 && !document.documentElement.classList.contains('ws-on'); i++) await new Promise(r => setTimeout(r, 50));
		if (!document.documentElement.classList.contains('ws-on')) throw new Error('the worksheet script did not start');`)
}

func (s *session) must(err error) {
	s.t.Helper()
	if err != nil {
		s.t.Fatalf("%s: %v", s.tab.Engine(), err)
	}
}

// run runs the statements js in the tab, in an async function.
func (s *session) run(tab browsertest.Tab, js string) {
	s.t.Helper()
	browsertest.EvalIn[any](s.t, tab, "(async () => {"+js+"})()")
}

// saved waits until the status says the answers are saved.
func (s *session) saved(tab browsertest.Tab) {
	s.t.Helper()
	time.Sleep(700 * time.Millisecond) // past the autosave delay
	s.run(tab, `for (let i = 0; i < 100 && !document.getElementById('ws-status').textContent.startsWith('Saved'); i++) await new Promise(r => setTimeout(r, 100));`)
	if got := browsertest.EvalIn[string](s.t, tab, `document.getElementById('ws-status').textContent`); !strings.HasPrefix(got, "Saved on this device, ") {
		s.t.Errorf("status after answering = %q, want Saved on this device, <time>", got)
	}
}

// realInput answers one control of nearly every field type with the keyboard or the
// mouse, as a person would, after fillJS: the page must take trusted events from
// each engine, not only the synthetic ones of fillJS. Selects, dates and times stay
// with fillJS: their pickers differ by engine and locale.
var realInput = []struct{ selector, typed string }{
	{"#f-first-name", "Sam Lee"},                      // text
	{"#f-what-happened", "We talked.\nIt went well."}, // textarea
	{"#f-hours-with-others", "3.5"},                   // number
	{"#f-doctor-phone", "+1 555 0100"},                // phone
	{"#f-people-to-call_r0_name", "Ana"},              // table
	{"#f-mood-today_3", ""},                           // scale
	{"#f-talk-went_other-text", "my words"},           // choice
	{"#f-who-to-call_1", ""},                          // checklist
	{"#f-important-people_r0", "Bo"},                  // list
	{"#f-phq-2_1_1", ""},                              // questionnaire
	{"#f-my-circle_r0_name", "Cy"},                    // circle
	{"#f-life-events_r0_when", "2019"},                // timeline
	{"#f-weekly-mood_r0_note", "calm"},                // tracker
}

// fill answers every field and returns the snapshot of every control.
func (s *session) fill() string {
	s.t.Helper()
	s.run(s.tab, fillJS)
	for _, in := range realInput {
		if in.typed == "" {
			s.must(s.tab.Click(in.selector))
			continue
		}
		s.run(s.tab, `document.querySelector(`+jsString(in.selector)+`).value = '';`)
		s.must(s.tab.Type(in.selector, in.typed))
	}
	// The person leaves each field typed in, as anyone does before reloading: a change
	// event is what the fields that follow another (the circle's names from the list) wait
	// for, and a headless Firefox, whose window never has the focus, may fire none.
	for _, in := range realInput {
		if in.typed != "" {
			s.run(s.tab, `document.querySelector(`+jsString(in.selector)+`).dispatchEvent(new Event('change', {bubbles: true}));`)
		}
	}
	s.saved(s.tab)
	filled := browsertest.EvalIn[string](s.t, s.tab, snapshotJS)
	for _, want := range []string{`["f-first-name","Sam Lee"]`, `["f-what-happened","We talked.\nIt went well."]`, `["f-mood-today_3",true]`, `["f-talk-went_other-text","my words"]`, `["f-who-to-call_1",false]`, `["f-hours-with-others","3.5"]`} {
		if !strings.Contains(filled, want) {
			s.t.Errorf("%s: after typing and clicking, the page lacks %s:\n%s", s.tab.Engine(), want, filled)
		}
	}
	if strings.Count(filled, `"answer `) < 20 {
		s.t.Fatalf("the fill did not reach the fields: %s", filled)
	}
	return filled
}

func (s *session) assertSnapshot(tab browsertest.Tab, when, want string) {
	s.t.Helper()
	if got := browsertest.EvalIn[string](s.t, tab, snapshotJS); got != want {
		s.t.Errorf("%s: %s the answers differ\ngot:  %s\nwant: %s", tab.Engine(), when, got, want)
	}
}

func TestFillReloadAndSecondTab(t *testing.T) {
	inEveryEngine(t, func(t *testing.T, s *session) {
		// WebKitGTK's MiniBrowser has no navigator.storage: the page must do without,
		// and here it gets one to count on.
		s.run(s.tab, `window.__persist = 0;
			if (!navigator.storage) Object.defineProperty(navigator, 'storage', {value: {}});
			navigator.storage.persisted = async () => false;
			navigator.storage.persist = async () => { window.__persist++; return true; };`)
		filled := s.fill()
		if got := browsertest.EvalIn[int](t, s.tab, `window.__persist`); got != 1 {
			t.Errorf("persistent storage asked for %d times after the first answers, want once", got)
		}
		saved := browsertest.EvalIn[string](t, s.tab, `localStorage.getItem(`+keyJS+`)`)
		var answers map[string]any
		if err := json.Unmarshal([]byte(saved), &struct {
			Answers *map[string]any `json:"answers"`
		}{&answers}); err != nil {
			t.Fatal(err)
		}
		for _, id := range browsertest.EvalIn[[]string](t, s.tab, `[...document.querySelectorAll('[data-field]')].map(f => f.dataset.field)`) {
			if _, ok := answers[id]; !ok {
				t.Errorf("no saved answer for field %s", id)
			}
		}
		if got := browsertest.EvalIn[bool](t, s.tab, `!document.querySelector('#phq-2 .ws-rule').hidden`); !got {
			t.Error("the questionnaire rule did not show for an answer above its value")
		}
		if got := browsertest.EvalIn[int](t, s.tab, `document.querySelectorAll('#my-circle .ws-dot').length`); got == 0 {
			t.Error("the circle chart has no people")
		}
		// Filled, before the reload: a Chromium tab lives at most browsertest.TabTimeout.
		if ctx, ok := browsertest.ChromeContext(s.tab); ok {
			browsertest.AssertAccessible(t, ctx)
		}

		s.must(s.tab.Reload())
		s.ready(s.tab)
		s.assertSnapshot(s.tab, "after reload", filled)

		// A second tab shows the same answers, and follows the first tab's changes
		// without overwriting the field being typed in.
		tab2, err := s.tab.NewTab()
		s.must(err)
		s.open(tab2)
		s.assertSnapshot(tab2, "in a second tab", filled)
		s.run(tab2, `const n = document.getElementById('f-first-name'); n.focus(); n.value = 'typing here';`)
		s.run(s.tab, `for (const [id, v] of [['f-first-name', 'from tab 1'], ['f-change-date', '2025-12-24']]) {
			const n = document.getElementById(id); n.value = v; n.dispatchEvent(new Event('input', {bubbles: true})); }`)
		// Firefox slows the timers of a tab in the background, as the first one now is.
		if got := browsertest.EvalIn[string](t, tab2, `(async () => { const n = document.getElementById('f-change-date');
			for (let i = 0; i < 100 && n.value !== '2025-12-24'; i++) await new Promise(r => setTimeout(r, 100));
			return n.value; })()`); got != "2025-12-24" {
			t.Errorf("second tab did not follow the first: date = %q", got)
		}
		if got := browsertest.EvalIn[string](t, tab2, `document.getElementById('f-first-name').value`); got != "typing here" {
			t.Errorf("the field being typed in was overwritten: %q", got)
		}
	})
}

// captureDownloadJS keeps the files the page offers for download, as Blobs in
// window.__files, and their names in window.__names, instead of saving them: where
// a download lands differs by engine, and nothing may land in a home folder.
const captureDownloadJS = captureJS + `window.__names = [];
HTMLAnchorElement.prototype.click = function () { window.__names.push(this.download); };
`

// importFile imports text through the page's file input, chosen as a person would.
func (s *session) importFile(text string) {
	s.t.Helper()
	path := filepath.Join(s.t.TempDir(), "answers.json")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		s.t.Fatal(err)
	}
	s.must(s.tab.SetFiles("#ws-file", path))
	s.run(s.tab, `await new Promise(r => setTimeout(r, 300));`)
}

func TestDownloadClearImport(t *testing.T) {
	inEveryEngine(t, func(t *testing.T, s *session) {
		filled := s.fill()
		s.run(s.tab, captureDownloadJS)
		s.must(s.tab.Click("#ws-more summary"))
		s.must(s.tab.Click("#ws-more [data-act=download]"))
		file := browsertest.EvalIn[string](t, s.tab, `window.__files[0].text()`)
		if !strings.Contains(file, `"format":"iptsite-answers"`) {
			t.Fatalf("downloaded file: %s", file)
		}
		if name := browsertest.EvalIn[string](t, s.tab, `window.__names[0]`); !strings.HasPrefix(name, "answers-every-field-") || !strings.HasSuffix(name, ".json") {
			t.Errorf("downloaded file's name %q", name)
		}

		s.must(s.tab.Click("#ws-more [data-act=clear]"))
		s.run(s.tab, `await new Promise(r => setTimeout(r, 50));`+pressJS("Download a copy first"))
		if got := browsertest.EvalIn[string](t, s.tab, `window.__files.length + ' ' + !!document.querySelector('dialog[open]')`); got != "2 true" {
			t.Errorf("download first from the clear dialog: files and dialog open = %s, want 2 true", got)
		}
		s.run(s.tab, pressJS("Clear answers"))
		if got := browsertest.EvalIn[bool](t, s.tab, `localStorage.getItem(`+keyJS+`) === null`); !got {
			t.Error("clear left the record in storage")
		}
		if got := browsertest.EvalIn[string](t, s.tab, snapshotJS); strings.Contains(got, `"answer `) {
			t.Errorf("clear left answers on the page: %s", got)
		}

		// A malformed file and a foreign one are refused, and change nothing.
		s.must(s.tab.Type("#f-first-name", "kept"))
		s.saved(s.tab)
		before := browsertest.EvalIn[string](t, s.tab, `localStorage.getItem(`+keyJS+`)`)
		for _, bad := range []string{`{"format":"iptsite-answers","v":1,"site":`, `{"format":"iptsite-answers","v":1,"site":"another-site","worksheets":[]}`} {
			s.importFile(bad)
			if got := browsertest.EvalIn[string](t, s.tab, `document.getElementById('ws-status').textContent`); !strings.HasPrefix(got, "This file could not be imported, nothing was changed") {
				t.Errorf("importing %s: status %q", bad, got)
			}
			if got := browsertest.EvalIn[string](t, s.tab, `localStorage.getItem(`+keyJS+`)`); got != before {
				t.Errorf("a refused import changed the record:\n%s\n%s", got, before)
			}
			if got := browsertest.EvalIn[int](t, s.tab, `document.querySelectorAll('dialog').length`); got != 0 {
				t.Errorf("a refused import opened a preview")
			}
		}

		// The downloaded file merges back: first name differs, so it is offered
		// (the file's answer is older, so not ticked) and ticked here.
		s.importFile(file)
		preview := browsertest.EvalIn[string](t, s.tab, `document.querySelector('dialog[open]').textContent`)
		if !strings.Contains(preview, "What would you like to be called?") || !strings.Contains(preview, "yours are newer") {
			t.Errorf("preview does not ask about the newer answer: %s", preview)
		}
		if got := browsertest.EvalIn[bool](t, s.tab, `document.querySelector('dialog[open] .ws-merge input').checked`); got {
			t.Error("a newer answer here is ticked to be replaced without asking")
		}
		s.must(s.tab.Click("dialog[open] .ws-merge input"))
		s.run(s.tab, pressJS("Import"))
		s.assertSnapshot(s.tab, "after import", filled)
		s.must(s.tab.Reload())
		s.ready(s.tab)
		s.assertSnapshot(s.tab, "after import and reload", filled)
	})
}
