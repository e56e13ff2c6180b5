package worksheet_test

// My answers (issue 13 item 9): the answers first, a card for each worksheet with its
// title, when it last changed (a date and a time), how many questions are answered, Open
// and Download; the page's words and the lock below; no sideways scrolling on a small
// phone.

import (
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

func TestMyAnswersCards(t *testing.T) {
	base := browsertest.Serve(t, sitetest.BuildDir(t, "", render.Options{}), prefix)
	for _, c := range []struct{ lang, sheet, answers, title, answered string }{
		{"en", "worksheets/phq-9/", "my-answers/", "PHQ-9", "9 questions answered"},
		{"es", "es/worksheets/phq-9/", "es/my-answers/", "PHQ-9", "9 preguntas respondidas"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			ctx, rec := tab(t, base, c.sheet)
			do(t, ctx, answerJS(1, 0, 2, 0, 1, 0, 0, 3, 0))
			settle()
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640, chromedp.EmulateMobile)); err != nil {
				t.Fatal(err)
			}
			open(t, ctx, base+c.answers)
			card := browsertest.Eval[map[string]string](t, ctx, `(() => {
				const li = document.querySelector('#answers-list li');
				const [open, dl] = li.querySelectorAll('.ws-sheet-acts a, .ws-sheet-acts button');
				return {title: li.querySelector('h2').textContent, time: li.querySelector('time').textContent,
					text: li.textContent, open: open.getAttribute('href'), download: dl.textContent};
			})()`)
			if !strings.Contains(card["title"], c.title) {
				t.Errorf("the first card is %q, want the %s", card["title"], c.title)
			}
			if !strings.Contains(card["text"], c.answered) {
				t.Errorf("the card says %q, want %q", card["text"], c.answered)
			}
			// a date with its year, and a time of day
			if !regexp.MustCompile(`20\d\d`).MatchString(card["time"]) || !regexp.MustCompile(`\d:\d\d`).MatchString(card["time"]) {
				t.Errorf("last changed %q, want a date and a time", card["time"])
			}
			if !strings.HasSuffix(card["open"], "worksheets/phq-9/") {
				t.Errorf("Open goes to %q, want the PHQ-9", card["open"])
			}
			do(t, ctx, captureJS+`document.querySelector('#answers-list .ws-sheet-acts button').click();`)
			if got := browsertest.Eval[string](t, ctx, `window.__files[0].text()`); !strings.Contains(got, `"phq-9"`) {
				t.Errorf("Download offered %s", got)
			}
			// the cards come first: above the page's own words and above the lock
			if got := browsertest.Eval[string](t, ctx, `(() => {
				const top = (el) => el.getBoundingClientRect().top;
				const card = top(document.querySelector('#answers-list li'));
				return [document.querySelector('.prose h2:not(#answers-list h2)'), document.getElementById('ws-lock')]
					.map((el) => card < top(el)).join(' ');
			})()`); got != "true true" {
				t.Errorf("the first card above the explanations, above the lock = %s, want true true", got)
			}
			if got := browsertest.Eval[float64](t, ctx, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); got > 0 {
				t.Errorf("My answers scrolls sideways by %.0f px at 320 px", got)
			}
			browsertest.AssertAccessible(t, ctx)
			if err := chromedp.Do(ctx, browsertest.DarkMode()); err != nil {
				t.Fatal(err)
			}
			browsertest.AssertAccessible(t, ctx)
			rec.AssertNoErrors(t)
		})
	}
}
