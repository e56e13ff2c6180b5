package worksheet_test

// Charts a person can read on a phone (issue 13 item 8): the closeness circle, life
// timeline and social rhythm of the default site, filled in on a 390-px phone in English
// and Spanish. The mood check is a repeatable scale now; TestRepeatEntries measures its
// trend chart.

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
	"github.com/iptsite/iptsite/internal/render"
	"github.com/iptsite/iptsite/internal/sitetest"
)

// chartJS describes the chart of the page as drawn: each text with the size it is
// rendered at (its font size times the scale of the viewBox, from getBoundingClientRect)
// and whether it stays inside the field's box, and each dot's centre.
const chartJS = `(() => {
	const svg = document.querySelector('svg[data-chart]');
	const box = svg.getBoundingClientRect(), field = svg.closest('[data-field]').getBoundingClientRect();
	const scale = box.width / svg.viewBox.baseVal.width;
	return {
		hidden: svg.getAttribute('aria-hidden'),
		texts: [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => {
			const r = t.getBoundingClientRect();
			return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale, y: r.top,
				inside: r.left >= field.left - 1 && r.right <= field.right + 1};
		}),
		dots: [...svg.querySelectorAll('.ws-dot')].map((d) => { const r = d.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }),
		rings: [...svg.querySelectorAll('.ws-ring')].map((c) => { const s = getComputedStyle(c); return s.fill !== 'none' && +s.fillOpacity > 0; }),
	};
})()`

type chartText struct {
	Text   string
	Px, Y  float64
	Inside bool
}

type chart struct {
	Hidden string
	Texts  []chartText
	Dots   [][2]float64
	Rings  []bool
}

func TestChartsOnAPhone(t *testing.T) {
	base := browsertest.Serve(t, sitetest.BuildDir(t, "", render.Options{}), prefix)
	for _, lang := range []struct{ prefix string }{{""}, {"es/"}} {
		ctx, rec := tab(t, base, lang.prefix+"worksheets/closeness-circle/")
		if err := chromedp.Do(ctx, browsertest.Phone()); err != nil {
			t.Fatal(err)
		}
		for _, sheet := range []string{"closeness-circle", "life-timeline", "social-rhythm"} {
			page := lang.prefix + "worksheets/" + sheet + "/"
			open(t, ctx, base+page)
			do(t, ctx, demoJS+`demo[`+jsString(sheet)+`](); await new Promise((r) => setTimeout(r, 100));`)
			c := browsertest.Eval[chart](t, ctx, chartJS)
			if c.Hidden != "true" {
				t.Errorf("/%s: the chart is not hidden from screen readers (aria-hidden %q); its rows are its text", page, c.Hidden)
			}
			if len(c.Texts) < 5 || len(c.Dots) < 4 {
				t.Fatalf("/%s: the chart has %d texts and %d dots: it was not drawn", page, len(c.Texts), len(c.Dots))
			}
			var all []string
			for _, x := range c.Texts {
				all = append(all, x.Text)
				if x.Px < 14 {
					t.Errorf("/%s: %q is rendered at %.1f px on a 390-px phone, want 14 or more", page, x.Text, x.Px)
				}
				if !x.Inside {
					t.Errorf("/%s: %q goes outside the field's box", page, x.Text)
				}
			}
			text := strings.Join(all, " | ")
			switch sheet {
			case "closeness-circle":
				for i, shaded := range c.Rings {
					if !shaded {
						t.Errorf("/%s: ring %d is not shaded", page, i)
					}
				}
			case "life-timeline":
				// every event's own words, top to bottom in their order
				y := -1.0
				for _, words := range []string{"Age 8", "2015", "My grandmother died", "Last spring", "Started therapy"} {
					i := index(c.Texts, words)
					if i < 0 {
						t.Errorf("/%s: the chart does not show %q: %s", page, words, text)
						continue
					}
					if c.Texts[i].Y <= y {
						t.Errorf("/%s: %q is not below the event before it", page, words)
					}
					y = c.Texts[i].Y
				}
			}
			if sheet == "social-rhythm" || lang.prefix == "" {
				browsertest.AssertAccessible(t, ctx)
			}
		}
		if err := chromedp.Do(ctx, browsertest.DarkMode()); err != nil {
			t.Fatal(err)
		}
		browsertest.AssertAccessible(t, ctx)
		rec.AssertNoErrors(t)
	}
}

// index returns the index of the text that contains s, or -1.
func index(ts []chartText, s string) int {
	for i, x := range ts {
		if strings.Contains(x.Text, s) {
			return i
		}
	}
	return -1
}
