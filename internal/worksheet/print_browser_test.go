package worksheet_test

// Printing with answers is a document a therapist can file (issue 13 item 12): a header
// with the site, the worksheet and the date printed; the PHQ-9 as one grid with its key,
// on one sheet of A4 or Letter; an empty drop-down blank; the address of a link that
// leads off the site after its words.

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
)

// The height of a sheet's printable part, in CSS pixels (96 an inch), inside the
// browser's default margins of 0.4 inch.
var printable = map[string]float64{"A4": (11.69 - 0.8) * 96, "Letter": (11 - 0.8) * 96}

func TestPrintADocumentToFile(t *testing.T) {
	base := browsertest.Serve(t, buildSite(t), prefix)
	ctx, rec := tab(t, base, "worksheets/phq-9/")
	for _, c := range []struct {
		lang, page, site, printed, key string
		sheets                         int // the longer Spanish words take one more sheet
	}{
		{"en", "worksheets/phq-9/", "Understanding IPT", "Printed ", "Not at all|Several days|More than half the days|Nearly every day", 2},
		{"es", "es/worksheets/phq-9/", "Entender la IPT", "Impreso el ", "Ningún día|Varios días|Más de la mitad de los días|Casi todos los días", 3},
	} {
		t.Run(c.lang, func(t *testing.T) { printPHQ9(t, ctx, base+c.page, c.lang, c.site+" · ", c.printed, c.key, c.sheets) })
	}
	if err := chromedp.Do(ctx, browsertest.EmulateMedia("", nil)); err != nil {
		t.Fatal(err)
	}

	// an empty drop-down prints blank, a chosen one its answer
	open(t, ctx, base+"worksheets/every-field/")
	if err := chromedp.Do(ctx, browsertest.PrintMedia()); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, setJS+`const s = document.querySelector('#worksheet select'); set(s.id, s.options[1].value);`)
	colours := browsertest.Eval[[]string](t, ctx, `[...document.querySelectorAll('#worksheet select')].slice(0, 2).map((s) => getComputedStyle(s).color)`)
	if len(colours) != 2 || colours[0] != "rgb(0, 0, 0)" || colours[1] != "rgba(0, 0, 0, 0)" {
		t.Errorf("printed drop-downs, chosen and empty, in %q, want black and transparent", colours)
	}

	// a link off the site prints its address
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"sources/")); err != nil {
		t.Fatal(err)
	}
	if got := browsertest.Eval[string](t, ctx, `getComputedStyle(document.querySelector('main a[href^="https://interpersonalpsychotherapy.org"]'), '::after').content`); !strings.Contains(got, "(https://interpersonalpsychotherapy.org/)") {
		t.Errorf("a link off the site prints %s after its words, want its address", got)
	}
	rec.AssertNoErrors(t)
}

// printPHQ9 answers the PHQ-9 at url and prints it with the print button: its header
// (head1, then the words printed and the date), its grid with the key's words, whole on a
// sheet, and at most sheets sheets of A4 and of Letter.
func printPHQ9(t *testing.T, ctx context.Context, url, lang, head1, printed, key string, sheets int) {
	if err := chromedp.Do(ctx, browsertest.EmulateMedia("", nil), chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, url)
	do(t, ctx, answerJS(1, 0, 2, 0, 1, 0, 0, 3, 1))
	settle()
	// the button prints (window.print is the browser's dialog, so it is kept from opening)
	do(t, ctx, `window.print = () => {}; document.querySelector('#ws-tools [data-act=print]').click();`)
	for _, paper := range []struct {
		name string
		size browsertest.Paper
	}{{"A4", browsertest.A4}, {"Letter", browsertest.Letter}} {
		// the grid is printed whole (see below); the prose around it takes one more sheet
		if n := browsertest.PDFPages(browsertest.PrintPDF(t, ctx, paper.size)); n > sheets {
			t.Errorf("the PHQ-9 with answers prints on %d sheets of %s, want %d at most", n, paper.name, sheets)
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(718, 1000), browsertest.PrintMedia()); err != nil {
		t.Fatal(err)
	}
	head := browsertest.Eval[string](t, ctx, `document.querySelector('.ws-print-head').checkVisibility() ? document.querySelector('.ws-print-head').textContent : ''`)
	today := browsertest.Eval[string](t, ctx, `new Intl.DateTimeFormat(`+jsString(lang)+`, {dateStyle: 'long'}).format(new Date())`)
	for _, want := range []string{head1, printed + today} {
		if !strings.Contains(head, want) {
			t.Errorf("the printed header is %q, want %q in it", head, want)
		}
	}
	// one grid: each answer in the same column on every row, the key's words above the
	// first row only; kept whole, and shorter than a sheet
	grid := browsertest.Eval[map[string]any](t, ctx, `(() => {
		const items = [...document.querySelectorAll('#phq-9 .ws-item')];
		const xs = (it) => [...it.querySelectorAll('input')].map((n) => Math.round(n.getBoundingClientRect().left));
		const q = document.getElementById('phq-9');
		return {
			aligned: items.every((it) => xs(it).join() === xs(items[0]).join()) && new Set(xs(items[0])).size === 4,
			row: items.every((it) => new Set([...it.querySelectorAll('input')].map((n) => Math.round(n.getBoundingClientRect().top))).size === 1),
			key: [...items[0].querySelectorAll('label')].filter((l) => l.checkVisibility()).map((l) => l.textContent).join('|'),
			others: items.slice(1).flatMap((it) => [...it.querySelectorAll('label')]).filter((l) => l.checkVisibility()).length,
			height: q.getBoundingClientRect().height,
			whole: getComputedStyle(q).breakInside,
		};
	})()`)
	if grid["aligned"] != true || grid["row"] != true {
		t.Errorf("the PHQ-9 does not print as a grid: answers in the same columns %v, each item's answers on one line %v", grid["aligned"], grid["row"])
	}
	if grid["key"] != key || grid["others"] != 0.0 {
		t.Errorf("the grid's key is %q and %v answer words print below it, want the four answers' words once", grid["key"], grid["others"])
	}
	for name, h := range printable {
		if grid["height"].(float64) > h || grid["whole"] != "avoid" {
			t.Errorf("the grid is %.0f px tall (break-inside %v), want it whole on a sheet of %s (%.0f px)", grid["height"], grid["whole"], name, h)
		}
	}

}
