package worksheet_test

// Charts a person can read on a phone (issue 13 item 8): the closeness circle, life
// timeline and social rhythm of the default site, filled in on a 390-px phone in English
// and Spanish, and a tracker, which no default worksheet has any more (the mood check is
// a repeatable scale; TestRepeatEntries measures its trend chart), on a worksheet of a
// clinic's own.

import (
	"strings"
	"testing"
	"testing/fstest"

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

// TestTrackerOnAPhone fills in a tracker of a clinic's own worksheet on a 390-px phone:
// the page's script has the chart code (a part "only for" the types that draw one),
// the line is drawn by date with a dot for each rating, its labels at least 14 px, the
// dates in the reader's words.
func TestTrackerOnAPhone(t *testing.T) {
	site := sitetest.DefaultContent(t)
	site["content/worksheets/weekly-mood.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Weekly mood\nworksheet: true\n---\n\n" +
		"```field\nid: weekly-mood\ntype: tracker\nlabel: My mood each week\nmin: 0\nmax: 10\nminLabel: Very low\nmaxLabel: Very good\n```\n")}
	base := browsertest.Serve(t, sitetest.BuildDir(t, "", render.Options{Source: sitetest.Source(site)}), prefix)
	ctx, rec := tab(t, base, "worksheets/weekly-mood/")
	if err := chromedp.Do(ctx, browsertest.Phone()); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, base+"worksheets/weekly-mood/")
	do(t, ctx, demoJS+`fillRows('weekly-mood', [{date: '2026-01-06', rating: 3, note: 'First week'}, {date: '2026-01-13', rating: 5},
		{date: '2026-01-20', rating: 4}, {date: '2026-01-27', rating: 7}]); await new Promise((r) => setTimeout(r, 100));`)
	c := browsertest.Eval[chart](t, ctx, chartJS)
	if len(c.Dots) != 4 {
		t.Fatalf("the tracker has %d dots for 4 ratings: it was not drawn", len(c.Dots))
	}
	var all []string
	for _, x := range c.Texts {
		all = append(all, x.Text)
		if x.Px < 14 {
			t.Errorf("%q is rendered at %.1f px on a 390-px phone, want 14 or more", x.Text, x.Px)
		}
		if !x.Inside {
			t.Errorf("%q goes outside the field's box", x.Text)
		}
	}
	if text := strings.Join(all, " | "); !strings.Contains(text, "Jan") || strings.Contains(text, "2026-") {
		t.Errorf("the tracker's dates are not in the reader's words (Jan 6, not 2026-01-06): %s", text)
	}
	for i := 1; i < len(c.Dots); i++ {
		if c.Dots[i][0] <= c.Dots[i-1][0] {
			t.Errorf("dot %d is not right of the one before it: %v", i, c.Dots)
		}
	}
	browsertest.AssertAccessible(t, ctx)
	rec.AssertNoErrors(t)
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
