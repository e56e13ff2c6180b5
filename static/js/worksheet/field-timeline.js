// field-timeline.js: timeline, events in the order given, each with when, what and a
// mood between data-min and data-max. Drawn top to bottom, so that each event's own words
// fit on a phone: the mood of each on a track at the left, joined by a line, the words
// beside it.
// only for: timeline
fieldTypes.timeline = { get: getTable, set: setRows, show: showTable, copy: copyTable, update: drawTimeline };

function drawTimeline(f) {
  const [svg, w, em] = canvas(f);
  const min = +f.dataset.min, max = +f.dataset.max, [lo, hi] = ends(f, 'mood');
  const bw = Math.min(Math.max(w * 0.36, 7 * em), 14 * em); // the mood track
  const x = (v) => 0.6 * em + ((bw - 1.2 * em) * (v - min)) / (max - min);
  const n = fits(w, em);
  svg.append(svgEl('text', { x: 0, y: 1.1 * em, class: 'ws-small' }, cut(`${min}: ${lo || ''}`, n)),
    svgEl('text', { x: 0, y: 2.5 * em, class: 'ws-small' }, cut(`${max}: ${hi || ''}`, n)),
    svgEl('text', { x: x(min), y: 4.2 * em, 'text-anchor': 'middle', class: 'ws-small' }, min),
    svgEl('text', { x: x(max), y: 4.2 * em, 'text-anchor': 'middle', class: 'ws-small' }, max));
  let top = 4.8 * em;
  const pts = [];
  for (const e of rows(f).map(rowValues).filter((r) => r.mood !== '')) {
    const when = e.when.trim(), tx = bw + 0.8 * em;
    if (when) svg.append(svgEl('text', { x: tx, y: top + 1.2 * em, class: 'ws-when ws-mark' }, cut(when, fits(w - tx, em))));
    const k = wrap(svg, e.what, tx, top + (when ? 2.6 : 1.2) * em, w - tx, 3, em);
    const h = Math.max(3 * em, (when ? 1.6 : 0.2) * em + (k * 1.3 + 0.9) * em);
    pts.push([x(+e.mood), top + Math.min(h / 2, 1.5 * em)]);
    top += h;
    svg.append(svgEl('line', { class: 'ws-grid-line', x1: 0, x2: w, y1: top, y2: top }));
  }
  svg.prepend(svgEl('line', { class: 'ws-axis', x1: x(min), x2: x(min), y1: 4.8 * em, y2: top }),
    svgEl('line', { class: 'ws-axis', x1: x(max), x2: x(max), y1: 4.8 * em, y2: top }));
  line(svg, pts, '');
  size(svg, w, top + 0.5 * em);
}
