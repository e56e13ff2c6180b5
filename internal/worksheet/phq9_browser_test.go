package worksheet_test

// The PHQ-9 of the default site: help right under question 9, with the crisis lines of
// site.yaml to call or text, and what to do for a high total, in English and Spanish.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/config"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// phq9 is the default site's PHQ-9 in each language, with its words for the guidance
// on a high total.
var phq9 = []struct {
	lang, page  string
	soon, today string // words of the guidance for 15-19 and for 20 or more
	talk        string // words of the guidance for 10-14
}{
	{"en", "worksheets/phq-9/", "soon", "today", "next visit"},
	{"es", "es/worksheets/phq-9/", "pronto", "hoy", "próxima cita"},
}

// alertJS is the element right after question 9 in the document.
const alertJS = `document.querySelector('#phq-9 .ws-item[data-item="9"]').nextElementSibling`

// answerJS answers the PHQ-9's items with the values given, in order, as a person
// would; the options' values are their positions. A value of -1 leaves the item
// unanswered (answers are shared by the languages, so one may come from another test).
func answerJS(values ...int) string {
	var b strings.Builder
	b.WriteString(setJS)
	for i, v := range values {
		if v < 0 {
			fmt.Fprintf(&b, "for (const n of document.getElementsByName('f-phq-9_%d')) set(n.id, false);\n", i+1)
			continue
		}
		fmt.Fprintf(&b, "set('f-phq-9_%d_%d', true);\n", i+1, v)
	}
	return b.String()
}

// shownJS is true when the element expr is shown: visible and taking room.
func shownJS(expr string) string {
	return `((n) => n.checkVisibility() && n.getBoundingClientRect().height > 0)(` + expr + `)`
}

func TestPHQ9Question9(t *testing.T) {
	base := browsertest.Serve(t, sitetest.BuildDir(t, "", render.Options{}), prefix)
	site, err := config.Parse(sitetest.DefaultFile(t, config.File))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range phq9 {
		t.Run(c.lang, func(t *testing.T) {
			ctx, rec := tab(t, base, c.page)
			if got := browsertest.Eval[string](t, ctx, alertJS+`.textContent`); got != "" {
				t.Errorf("before any answer the alert says %q", got)
			}
			// the live region is in place, empty, before its message comes
			if got := browsertest.Eval[string](t, ctx, alertJS+`.getAttribute('role')`); got != "alert" {
				t.Errorf("the element after question 9 has role %q, want an alert", got)
			}
			do(t, ctx, answerJS(0, 0, 0, 0, 0, 0, 0, 0, 1))
			checkAlert(t, ctx, base, c.lang, site.For(c.lang).BoxLines())

			// another answer does not say the alert again
			do(t, ctx, `window.__changes = 0;
				new MutationObserver((m) => { window.__changes += m.length; }).observe(`+alertJS+`, {childList: true, subtree: true, characterData: true});`+
				setJS+`set('f-phq-9_1_2', true); set('f-phq-9_9_3', true);`)
			if got := browsertest.Eval[int](t, ctx, `window.__changes`); got != 0 {
				t.Errorf("answering again changed the alert %d times; a screen reader would say it again", got)
			}
			browsertest.AssertAccessible(t, ctx)
			if err := chromedp.Do(ctx, browsertest.DarkMode()); err != nil {
				t.Fatal(err)
			}
			browsertest.AssertAccessible(t, ctx)
			keepScreenshots(t, ctx, "phq9-alert-"+c.lang)

			// the saved answer brings it back
			settle()
			open(t, ctx, base+c.page)
			checkAlert(t, ctx, base, c.lang, site.For(c.lang).BoxLines())

			// it prints while the answer stands
			if err := chromedp.Do(ctx, browsertest.PrintMedia()); err != nil {
				t.Fatal(err)
			}
			if !browsertest.Eval[bool](t, ctx, shownJS(alertJS)) {
				t.Error("the alert does not print")
			}
			if err := chromedp.Do(ctx, browsertest.EmulateMedia("", nil)); err != nil {
				t.Fatal(err)
			}

			do(t, ctx, setJS+`set('f-phq-9_9_0', true);`)
			if got := browsertest.Eval[string](t, ctx, alertJS+`.textContent`); got != "" {
				t.Errorf("with question 9 back at 0 the alert still says %q", got)
			}
			if browsertest.Eval[float64](t, ctx, alertJS+`.getBoundingClientRect().height`) != 0 {
				t.Error("with question 9 back at 0 the alert still takes room")
			}
			rec.AssertClean(t, base)
		})
	}
}

// checkAlert checks that the alert right after question 9 shows, with a large link to
// call or text each of lines, and links to the help-now page and the safety plan of lang.
func checkAlert(t *testing.T, ctx context.Context, base, lang string, lines []config.CrisisLine) {
	t.Helper()
	if !browsertest.Eval[bool](t, ctx, alertJS+`.matches('.ws-crisis[role=alert]') && `+shownJS(alertJS)) {
		t.Fatalf("right after question 9 is no visible alert but %s", browsertest.Eval[string](t, ctx, alertJS+`.outerHTML`))
	}
	var want []string
	for _, l := range lines {
		if u := l.Tel(); u != "" {
			want = append(want, string(u))
		}
		if u := l.SMSURL(); u != "" {
			want = append(want, string(u))
		}
	}
	got := browsertest.Eval[[]string](t, ctx, `[...`+alertJS+`.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')].map(a => a.getAttribute('href'))`)
	if strings.Join(got, " ") != strings.Join(want, " ") || len(want) == 0 {
		t.Errorf("the alert's call and text links are %q, want those of site.yaml: %q", got, want)
	}
	if small := browsertest.Eval[[]string](t, ctx, `[...`+alertJS+`.querySelectorAll('a')].filter(a => a.getBoundingClientRect().height < 44).map(a => a.textContent)`); len(small) > 0 {
		t.Errorf("links in the alert smaller than a fingertip (44 px): %q", small)
	}
	help, plan := base+"help-now/", base+"worksheets/safety-plan/"
	if lang != "en" {
		help, plan = base+lang+"/help-now/", base+lang+"/worksheets/safety-plan/"
	}
	got = browsertest.Eval[[]string](t, ctx, `[...`+alertJS+`.querySelectorAll('a:not([href^="tel:"]):not([href^="sms:"])')].map(a => a.href)`)
	if strings.Join(got, " ") != help+" "+plan {
		t.Errorf("the alert's other links are %q, want help-now and the safety plan, %s %s", got, help, plan)
	}
	if !browsertest.Eval[bool](t, ctx, `Promise.all([...`+alertJS+`.querySelectorAll('.crisis-more a')].map(a => fetch(a.href).then(r => r.ok))).then(oks => oks.length == 2 && oks.every(Boolean))`) {
		t.Errorf("the help-now or safety plan link of the alert does not load")
	}
}

func TestPHQ9Totals(t *testing.T) {
	base := browsertest.Serve(t, sitetest.BuildDir(t, "", render.Options{}), prefix)
	shown := `[...document.querySelectorAll('#phq-9 .ws-rule[data-min]')].filter(n => ` + shownJS("n") + `).map(n => n.dataset.min + ': ' + n.textContent)`
	for _, c := range phq9 {
		t.Run(c.lang, func(t *testing.T) {
			ctx, rec := tab(t, base, c.page)
			for _, step := range []struct {
				answers []int
				min     string // the range whose guidance shows; "" for none
				words   string
			}{
				{[]int{3, 3, 3, 3, 3, 3, 2, 0, -1}, "", ""}, // 20 with question 9 not answered yet
				{[]int{3, 3, 3, 3, 3, 3, 2, 0, 0}, "20", c.today},
				{[]int{3, 3, 3, 3, 3, 0, 0, 0, 0}, "15", c.soon},
				{[]int{3, 3, 3, 3, 0, 0, 0, 0, 0}, "10", c.talk},
				{[]int{3, 3, 3, 0, 0, 0, 0, 0, 0}, "", ""},
			} {
				do(t, ctx, answerJS(step.answers...))
				got := browsertest.Eval[[]string](t, ctx, shown)
				switch {
				case step.min == "" && len(got) > 0:
					t.Errorf("answers %v show %q, want no guidance", step.answers, got)
				case step.min != "" && (len(got) != 1 || !strings.HasPrefix(got[0], step.min+": ") || !strings.Contains(got[0], step.words)):
					t.Errorf("answers %v show %q, want the guidance from %s on, which says %q", step.answers, got, step.min, step.words)
				}
				if step.min == "20" {
					// right under the total, where the person reads their score
					if !browsertest.Eval[bool](t, ctx, `document.querySelector('#phq-9 .ws-total ~ .ws-rule[data-min="20"]').previousElementSibling.matches('.ws-total, .ws-rule')`) {
						t.Error("the guidance for 20 or more is not right under the total")
					}
					browsertest.AssertAccessible(t, ctx)
					keepScreenshots(t, ctx, "phq9-total-"+c.lang)
				}
			}
			rec.AssertClean(t, base)
		})
	}
}

// keepScreenshots saves what a person sees around the PHQ-9's messages, on phones of
// two sizes in light and dark, to $IPTSITE_KEEP_SCREENSHOTS when it is set.
func keepScreenshots(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("IPTSITE_KEEP_SCREENSHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int64{{390, 844}, {320, 640}} {
		for _, dark := range []bool{false, true} {
			mode := browsertest.EmulateMedia("", nil)
			if dark {
				mode = browsertest.DarkMode()
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1], chromedp.EmulateMobile), mode); err != nil {
				t.Fatal(err)
			}
			// the message and what it follows: the question, or the total
			do(t, ctx, `const m = document.querySelector('#phq-9 .ws-rule.ws-on');
				scrollTo(0, scrollY + m.previousElementSibling.getBoundingClientRect().top - 100);`)
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(dir, fmt.Sprintf("%s-%dx%d-%s.png", name, size[0], size[1], map[bool]string{false: "light", true: "dark"}[dark]))
			if err := os.WriteFile(file, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateReset(), browsertest.EmulateMedia("", nil)); err != nil {
		t.Fatal(err)
	}
}
