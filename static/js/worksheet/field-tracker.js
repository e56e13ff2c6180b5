// field-tracker.js: tracker, a rating by date drawn over time between data-min and
// data-max, the better end (data-better: high or low) marked.
fieldTypes.tracker = { get: getTable, set: setRows, show: showTable, copy: copyTable, update: drawTracker };

function drawTracker(f) {
  const svg = chartOf(f);
  svg.replaceChildren();
  const [lo, hi] = ends(f, 'rating');
  const y = frame(svg, +f.dataset.min, +f.dataset.max, lo, hi, f.dataset.better);
  const es = rows(f).map(rowValues).filter((e) => e.rating !== '' && e.date).sort((a, b) => (a.date < b.date ? -1 : 1));
  const t = es.map((e) => Date.parse(e.date));
  const span = Math.max(t.at(-1) - t[0], 1);
  const x = (i) => (es.length === 1 ? 320 : 70 + (500 * (t[i] - t[0])) / span);
  line(svg, es.map((e, i) => [x(i), y(+e.rating)]), '');
  es.forEach((e, i) => { if (i === 0 || i === es.length - 1) svg.append(svgEl('text', { x: x(i), y: 292, 'text-anchor': 'middle', class: 'ws-small ws-mark' }, e.date)); });
}
