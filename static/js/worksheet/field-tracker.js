// field-tracker.js: tracker, a rating by date drawn over time between data-min and
// data-max, the better end (data-better: high or low) marked, the dates in the words of
// the page's language.
// only for: tracker
fieldTypes.tracker = { get: getTable, set: setRows, show: showTable, copy: copyTable, update: drawTracker };

function drawTracker(f) {
  const [svg, w, em] = canvas(f);
  const { y, x0, x1, bot } = frame(svg, w, em, f, 'rating', f.dataset.better);
  const es = rows(f).map(rowValues).filter((e) => e.rating !== '' && e.date && !isNaN(Date.parse(e.date)))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  const t = es.map((e) => Date.parse(e.date));
  const span = Math.max(t.at(-1) - t[0], 1);
  // spaced by time, the first and last entries a little in from the axes
  const x = (i) => (es.length === 1 ? (x0 + x1) / 2 : x0 + 1.5 * em + ((x1 - x0 - 3 * em) * (t[i] - t[0])) / span);
  line(svg, es.map((e, i) => [x(i), y(+e.rating)]), '');
  labels(svg, es.map((e, i) => [x(i), day(e.date)]).filter(([, s], i, a) => i === 0 || s !== a[i - 1][1]), bot + 1.3 * em, 4.2 * em);
}
