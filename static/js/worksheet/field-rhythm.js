// field-rhythm.js: rhythm, the time of each activity (a fixed row) on each day of a
// week, one line per activity.
fieldTypes.rhythm = { get: getTable, set: setRows, show: showTable, copy: copyTable, update: drawRhythm };

function drawRhythm(f) {
  const svg = chartOf(f);
  svg.replaceChildren();
  const days = $$('thead th', f).map((th) => th.textContent);
  const y = (t) => { const [h, m] = t.split(':'); return 20 + (240 * (+h * 60 + +m)) / 1440; };
  const x = (d) => 90 + (480 * d) / 6;
  for (const h of [0, 6, 12, 18, 24]) {
    svg.append(svgEl('line', { class: 'ws-grid-line', x1: 80, x2: 580, y1: y(h + ':0'), y2: y(h + ':0') }),
      svgEl('text', { x: 74, y: y(h + ':0') + 4, 'text-anchor': 'end', class: 'ws-small' }, `${h}:00`));
  }
  days.forEach((d, i) => svg.append(svgEl('text', { x: x(i), y: 284, 'text-anchor': 'middle', class: 'ws-small' }, d)));
  rows(f).forEach((r, s) => {
    const pts = $$('[data-k]', r).map((n, d) => (n.value ? [x(d), y(n.value)] : null)).filter(Boolean);
    line(svg, pts, `ws-s${s % 6}`);
    if (pts.length) svg.append(svgEl('text', { x: pts.at(-1)[0] + 8, y: pts.at(-1)[1] + 4, class: `ws-small ws-mark ws-s${s % 6}` }, cut(rowName(r), 16)));
  });
}
