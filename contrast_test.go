package iptsite_test

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/iptsite/iptsite/internal/browsertest"
)

// contrastJS returns, for each element that sel finds (and for chart series drawn into
// the page), the contrast of its boundary — border, or stroke for a chart line — with
// the background behind it, as "what: ratio" for those under 3:1 (WCAG 1.4.11).
const contrastJS = `((sels) => {
	const rgb = (s) => { const m = s.match(/[\d.]+/g); return m ? m.map(Number) : null; };
	const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
		.reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
	const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
	const behind = (el) => {
		for (let p = el.parentElement; p; p = p.parentElement) {
			const c = rgb(getComputedStyle(p).backgroundColor);
			if (c && (c.length < 4 || c[3] > 0.5)) return c.slice(0, 3);
		}
		return rgb(getComputedStyle(document.documentElement).backgroundColor) || [255, 255, 255];
	};
	const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
	for (let i = 1; i <= 5; i++) {
		for (const kind of ['path', 'circle']) {
			const p = document.createElementNS('http://www.w3.org/2000/svg', kind);
			p.setAttribute('class', (kind === 'path' ? 'ws-line' : 'ws-dot') + ' ws-s' + i);
			svg.append(p);
		}
	}
	if (document.querySelector('.ws-chart')) document.body.append(svg); // where the chart styles are
	const low = [];
	for (const sel of sels) {
		for (const el of document.querySelectorAll(sel)) {
			const st = getComputedStyle(el);
			// an SVG mark's edge is its stroke, or its fill when it has none (a dot)
			const edge = rgb(el instanceof SVGElement ? (st.stroke !== 'none' ? st.stroke : st.fill) : st.borderTopColor);
			if (!edge) continue;
			const r = ratio(edge.slice(0, 3), behind(el));
			if (r < 3) low.push(sel + ' ' + (el.getAttribute('class') || el.tagName) + ': ' + r.toFixed(2));
		}
	}
	svg.remove();
	return [...new Set(low)];
})`

// TestNonTextContrast checks the boundaries of the controls (the menu button, the row
// buttons, text boxes, the passphrase box, Clear answers, the cards of My answers) and
// the chart lines, dots, axes and rings against their background, in light and dark: 3:1 at least.
func TestNonTextContrast(t *testing.T) {
	base := browsertest.Serve(t, buildDefault(t), prefix)
	sels := `['.menu summary', '.ws-icon', '.ws-input', '.ws-pass input', '.ws-ring', '.ws-line', '.ws-dot', '.ws-axis', '.ws-destructive', '.ws-sheet']`
	for _, dark := range []bool{false, true} {
		ctx := browsertest.Chrome(t)
		if dark {
			if err := chromedp.Do(ctx, browsertest.DarkMode()); err != nil {
				t.Fatal(err)
			}
		}
		for _, p := range []string{"", "worksheets/interpersonal-inventory/", "worksheets/closeness-circle/", "worksheets/social-rhythm/", "worksheets/mood-check/", "worksheets/life-timeline/", "my-answers/"} {
			if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitReady("body")); err != nil {
				t.Fatal(err)
			}
			for _, low := range browsertest.Eval[[]string](t, ctx, contrastJS+`(`+sels+`)`) {
				t.Errorf("dark %v, /%s: %s, want 3:1 or more", dark, p, low)
			}
		}
	}
}
