// trend.js, on repeatable worksheets only: their entries (templates/partials/entries.html),
// handed over by worksheet.js in data-entries, as a table of each one's date and total and
// a chart of the totals over time, the questionnaire's bands shaded. The total is that of
// the worksheet's first questionnaire, or its first scale's value. The table is the chart's
// text equivalent; the chart is hidden from screen readers. It is sized for a phone:
// viewBox 320 wide, labels 16 units.
const doc = document;
const box = doc.getElementById('ws-entries');
const f = doc.querySelector('#worksheet .ws-questionnaire, #worksheet .ws-scale');
const bands = f ? [...f.querySelectorAll('.ws-bands li')] : [];
const day = (t, o = { dateStyle: 'medium' }) => (t ? new Intl.DateTimeFormat(doc.documentElement.lang || [], o).format(t) : '');
// el makes an element of the table, svgEl one of the chart.
const el = (tag, ...kids) => { const n = doc.createElement(tag); n.append(...kids); return n; };
function svgEl(tag, a, txt) {
  const n = doc.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const k in a) n.setAttribute(k, a[k]);
  if (txt != null) n.textContent = txt;
  return n;
}
function show() {
  const es = JSON.parse(box.dataset.entries).map((e) => {
    const v = f && e.answers[f.dataset.field];
    const s = v == null || v === '' ? null : [].concat(v).reduce((t, x) => t + (+x || 0), 0);
    const b = s != null && bands.find((li) => s >= li.dataset.min && s <= +li.dataset.max);
    return [Date.parse(e.date) || 0, s, b ? ' – ' + b.textContent.replace(/^[^:]*:\s*/, '') : ''];
  });
  box.hidden = !es.length;
  box.classList.toggle('ws-one-entry', es.length < 2); // on paper only from two on: one is the form itself
  box.querySelector('tbody').replaceChildren(...es.map(([t, s, b]) => el('tr', el('td', day(t)), el('td', (s ?? '–') + b))));
  const svg = box.querySelector('svg');
  const add = (tag, a, txt) => svg.append(svgEl(tag, a, txt));
  svg.replaceChildren();
  const pts = es.filter(([t, s]) => t && s != null);
  if (!pts.length) return;
  // from 0 (or the scale's low end) to the highest total
  const vals = [...(f.querySelector('.ws-item') || f).querySelectorAll('input')].map((n) => +n.value);
  const lo = bands.length ? 0 : Math.min(...vals), hi = Math.max(...vals) * (f.querySelectorAll('.ws-item').length || 1);
  const y = (v) => 10 + (170 * (hi - Math.min(v, hi))) / (hi - lo);
  bands.forEach((b, i) => add('rect', { class: 'ws-shade' + (i % 2), x: 36, y: y(+b.dataset.max + 1), width: 280, height: y(+b.dataset.min) - y(+b.dataset.max + 1) }));
  add('path', { class: 'ws-axis', d: 'M36 10V180H316' });
  add('text', { x: 30, y: y(hi) + 6, 'text-anchor': 'end' }, hi);
  add('text', { x: 30, y: y(lo) + 6, 'text-anchor': 'end' }, lo);
  const t0 = pts[0][0], span = Math.max(pts.at(-1)[0] - t0, 1);
  const xy = pts.map(([t, s]) => [pts.length > 1 ? 60 + (230 * (t - t0)) / span : 176, y(s), s, t]);
  if (xy.length > 1) add('polyline', { class: 'ws-line', points: xy.map(([x, v]) => x + ',' + v).join(' ') });
  xy.forEach(([x, v, s, t], i) => {
    add('circle', { class: 'ws-dot', cx: x, cy: v, r: 6 });
    add('text', { x, y: v - 12, 'text-anchor': 'middle', class: 'ws-me' }, s);
    if (!i || i === xy.length - 1) add('text', { x, y: 204, 'text-anchor': 'middle' }, day(t, { day: 'numeric', month: 'short' }));
  });
}
// worksheet.js, which runs first, may have handed the entries over already
if (box) new MutationObserver(show).observe(box, { attributeFilter: ['data-entries'] });
if (box?.dataset.entries) show();
