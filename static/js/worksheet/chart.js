// chart.js: SVG charts drawn from a field's rows, into its svg[data-chart]. The rows are
// the accessible equivalent; the chart is hidden from screen readers.
const NS = 'http://www.w3.org/2000/svg';
const chartOf = (f) => $('svg[data-chart]', f);
const svgEl = (tag, a, txt) => {
  const n = doc.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(a)) n.setAttribute(k, v);
  if (txt != null) n.textContent = txt;
  return n;
};
const cut = (s, n = 14) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
// frame draws a rating chart's axes, from min to max, with the words of the low and high
// ends (the one that is better marked), and returns y(value).
function frame(svg, min, max, lo, hi, better) {
  const y = (v) => 20 + (240 * (max - v)) / (max - min);
  svg.append(svgEl('line', { class: 'ws-axis', x1: 50, y1: 20, x2: 50, y2: 260 }),
    svgEl('line', { class: 'ws-axis', x1: 50, y1: 260, x2: 590, y2: 260 }),
    svgEl('text', { x: 45, y: y(max) + 4, 'text-anchor': 'end' }, max),
    svgEl('text', { x: 45, y: y(min) + 4, 'text-anchor': 'end' }, min),
    svgEl('text', { x: 55, y: 14, class: `ws-small${better === 'high' ? ' ws-better' : ''}` }, cut(hi || '', 40)),
    svgEl('text', { x: 55, y: 276, class: `ws-small${better === 'low' ? ' ws-better' : ''}` }, cut(lo || '', 40)));
  return y;
}
function line(svg, pts, cls) {
  if (pts.length > 1) svg.append(svgEl('polyline', { class: `ws-line ws-mark ${cls}`, points: pts.map((p) => p.join(',')).join(' ') }));
  for (const [x, y] of pts) svg.append(svgEl('circle', { class: `ws-dot ws-mark ${cls}`, cx: x, cy: y, r: 5 }));
}
// ends returns the words of the lowest and highest rating of column k.
const ends = (f, k) => {
  const o = $$(`[data-k=${k}] option`, f);
  return [o[1]?.textContent.replace(/^[^–]*–\s*/, ''), o.at(-1)?.textContent.replace(/^[^–]*–\s*/, '')];
};
