package worksheet_test

// Answers leaving the page and coming back: My answers and copy as text (download,
// clear and import of a worksheet, in every engine: see engines_browser_test.go).

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
)

func TestMyAnswers(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, guide)
	do(t, ctx, `const n = document.getElementById('f-first-name'); n.value = 'Ann'; n.dispatchEvent(new Event('input', {bubbles: true}));`)
	settle()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"my-answers/")); err != nil {
		t.Fatal(err)
	}
	ready(t, ctx)
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('#answers-list').textContent`); !strings.Contains(got, "Every field") {
		t.Errorf("My answers does not list the worksheet: %q", got)
	}
	browsertest.AssertAccessible(t, ctx)
	do(t, ctx, captureJS+`document.querySelector('[data-act=download-all]').click();`)
	all := browsertest.Eval[string](t, ctx, `window.__files[0].text()`)
	if !strings.Contains(all, `"first-name":"Ann"`) {
		t.Errorf("download all lacks the answer: %s", all)
	}
	do(t, ctx, `document.querySelector('[data-act=erase-all]').click(); await new Promise(r => setTimeout(r, 50));`)
	do(t, ctx, pressJS("Cancel"))
	if got := browsertest.Eval[int](t, ctx, `Object.keys(localStorage).length`); got == 0 {
		t.Fatal("cancel erased the answers")
	}
	do(t, ctx, `document.querySelector('[data-act=erase-all]').click(); await new Promise(r => setTimeout(r, 50));`)
	do(t, ctx, pressJS("Erase all answers"))
	if got := browsertest.Eval[bool](t, ctx, `!document.getElementById('answers-none').hidden && Object.keys(localStorage).filter(k => k.includes(':')).length === 0`); !got {
		t.Error("erase all left answers")
	}
	do(t, ctx, `window.__import = `+jsString(all)+`;`+importJS)
	do(t, ctx, pressJS("Import"))
	if got := browsertest.Eval[string](t, ctx, `document.querySelector('#answers-list').textContent`); !strings.Contains(got, "Every field") {
		t.Errorf("import on My answers did not bring the worksheet back: %q", got)
	}
	rec.AssertClean(t, base)
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
	got := browsertest.Eval[string](t, ctx, `window.__copied`)
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
	if s := browsertest.Eval[string](t, ctx, `document.getElementById('ws-status').textContent`); !strings.HasPrefix(s, "Copied") {
		t.Errorf("status after copying: %q", s)
	}
	rec.AssertNoErrors(t)
}
