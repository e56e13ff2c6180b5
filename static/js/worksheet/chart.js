// chart.js: SVG charts drawn from a field's rows, into its svg[data-chart]. The rows are
// the accessible equivalent; the chart is hidden from screen readers. A chart is drawn at
// the width it is shown at, one unit a CSS pixel, so that its text has the size the
// stylesheet gives it on any screen (14 px at least); it is drawn again when that width
// changes (shown at first, a phone turned, a window resized, shown after the lock). The
// width comes from a ResizeObserver, after the browser has laid the page out: reading it
// while drawing would lay out the page again for every chart of a long worksheet.
// only for: circle timeline rhythm tracker
const NS = 'http://www.w3.org/2000/svg';
const chartOf = (f) => $('svg[data-chart]', f);
const svgEl = (tag, a, txt) => {
  const n = doc.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(a)) n.setAttribute(k, v);
  if (txt != null) n.textContent = txt;
  return n;
};
const cut = (s, n = 14) => (s.length > n ? s.slice(0, Math.max(n, 2) - 1) + '…' : s);
const resized = window.ResizeObserver && new ResizeObserver((es) => {
  for (const { target: svg, contentRect: r } of es) {
    const w = Math.round(r.width);
    if (!w || w === +svg.dataset.w) continue;
    svg.dataset.w = w;
    svg.dataset.em = parseFloat(getComputedStyle(svg).fontSize);
    update(svg.closest('[data-field]'));
  }
});
// canvas empties the chart of field f and returns it, its width and its text size (em).
function canvas(f) {
  const svg = chartOf(f);
  resized?.observe(svg);
  svg.replaceChildren();
  return [svg, Math.max(+svg.dataset.w || 576, 240), +svg.dataset.em || 16];
}
const size = (svg, w, h) => svg.setAttribute('viewBox', `0 0 ${w} ${Math.ceil(h)}`);
// fits returns how many characters of small text fit in width px
const fits = (px, em) => Math.floor(px / (0.55 * em));
// day shows a date (yyyy-mm-dd) as a person of the page's language writes it: "6 Jan", "6 ene"
// (one formatter for all: making one takes longer than using it)
let days;
const day = (iso) => (days ||= new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' })).format(new Date(iso));
// frame draws a rating chart's axes, from data-min to data-max of f, with the words of the
// low and high ends of column k (the one that is better marked); it returns where to draw.
function frame(svg, w, em, f, k, better) {
  const min = +f.dataset.min, max = +f.dataset.max, [lo, hi] = ends(f, k);
  const top = 1.9 * em, bot = top + Math.min(Math.max(w * 0.45, 10 * em), 18 * em), x0 = 2.4 * em, x1 = w - em;
  const y = (v) => top + ((bot - top) * (max - v)) / (max - min);
  const n = fits(w - x0, em);
  svg.append(svgEl('line', { class: 'ws-axis', x1: x0, y1: top, x2: x0, y2: bot }),
    svgEl('line', { class: 'ws-axis', x1: x0, y1: bot, x2: x1, y2: bot }),
    svgEl('text', { x: x0 - 0.4 * em, y: y(max) + 0.35 * em, 'text-anchor': 'end' }, max),
    svgEl('text', { x: x0 - 0.4 * em, y: y(min) + 0.35 * em, 'text-anchor': 'end' }, min),
    svgEl('text', { x: x0 + 0.3 * em, y: top - 0.6 * em, class: `ws-small${better === 'high' ? ' ws-better' : ''}` }, cut(hi || '', n)),
    svgEl('text', { x: x0 + 0.3 * em, y: bot + 2.8 * em, class: `ws-small${better === 'low' ? ' ws-better' : ''}` }, cut(lo || '', n)));
  size(svg, w, bot + 3.3 * em);
  return { y, x0, x1, bot };
}
function line(svg, pts, cls) {
  if (pts.length > 1) svg.append(svgEl('polyline', { class: `ws-line ws-mark ${cls}`, points: pts.map((p) => p.join(',')).join(' ') }));
  for (const [x, y] of pts) svg.append(svgEl('circle', { class: `ws-dot ws-mark ${cls}`, cx: x, cy: y, r: 5 }));
}
// labels writes texts ([x, text]) along a line at y, centred, leaving out those that would
// touch the one before; the last one is always written.
function labels(svg, xs, y, gap) {
  let last = -Infinity;
  xs.forEach(([x, s], i) => {
    const end = i === xs.length - 1;
    if (x - last < gap && !end) return;
    if (x - last < gap) svg.lastChild.remove();
    svg.append(svgEl('text', { x, y, 'text-anchor': 'middle', class: 'ws-small ws-mark' }, s));
    last = x;
  });
}
// wrap writes s in small text from (x, y), in lines of width px at most (by the average
// width of a letter: measuring each word would lay the page out again for each), n lines
// at most; it returns the number of lines.
function wrap(svg, s, x, y, width, n, em) {
  const max = fits(width, em), lines = [];
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + ' ' + word).length <= max) lines[last] += ' ' + word;
    else if (last === n - 1) { lines[last] = cut(lines[last] + ' ' + word, max); break; } else lines.push(cut(word, max));
  }
  const t = svgEl('text', { x, y, class: 'ws-small ws-mark' });
  t.append(...lines.map((l, k) => svgEl('tspan', { x, dy: k ? '1.3em' : 0 }, l)));
  svg.append(t);
  return lines.length;
}
// ends returns the words of the lowest and highest rating of column k.
const ends = (f, k) => {
  const o = $$(`[data-k=${k}] option`, f);
  return [o[1]?.textContent.replace(/^[^–]*–\s*/, ''), o.at(-1)?.textContent.replace(/^[^–]*–\s*/, '')];
};
