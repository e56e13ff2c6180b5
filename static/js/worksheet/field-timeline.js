// field-timeline.js: timeline, events in order with the mood of each, drawn as a line
// between data-min and data-max.
fieldTypes.timeline = { get: getTable, set: setRows, show: showTable, copy: copyTable, update: drawTimeline };

function drawTimeline(f) {
  const svg = chartOf(f);
  svg.replaceChildren();
  const [lo, hi] = ends(f, 'mood');
  const y = frame(svg, +f.dataset.min, +f.dataset.max, lo, hi);
  const ev = rows(f).map(rowValues).filter((e) => e.mood !== '');
  const x = (i) => 70 + (500 * (i + 0.5)) / Math.max(ev.length, 1);
  line(svg, ev.map((e, i) => [x(i), y(+e.mood)]), '');
  ev.forEach((e, i) => svg.append(svgEl('text', { x: x(i), y: 292, 'text-anchor': 'middle', class: 'ws-small ws-mark' }, cut(e.when || e.what || '', 12))));
}
