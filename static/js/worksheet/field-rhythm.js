// field-rhythm.js: rhythm, the time of each activity (a fixed row) on each day of a
// week, one line per activity, named in a key below the chart.
// only for: rhythm
fieldTypes.rhythm = { get: getTable, set: setRows, show: showTable, copy: copyTable, update: drawRhythm };

function drawRhythm(f) {
  const [svg, w, em] = canvas(f);
  const days = $$('thead th', f).slice(-7).map((th) => th.textContent);
  const top = 0.6 * em, bot = top + Math.min(Math.max(w * 0.5, 12 * em), 18 * em), x0 = 3 * em, cw = (w - x0) / 7;
  const y = (t) => { const [h, m] = t.split(':'); return top + ((bot - top) * (+h * 60 + +m)) / 1440; };
  const x = (d) => x0 + cw * (d + 0.5);
  for (const h of [0, 6, 12, 18, 24]) {
    svg.append(svgEl('line', { class: 'ws-grid-line', x1: x0, x2: w, y1: y(h + ':0'), y2: y(h + ':0') }),
      svgEl('text', { x: x0 - 0.4 * em, y: y(h + ':0') + 0.35 * em, 'text-anchor': 'end', class: 'ws-small' }, `${h}:00`));
  }
  days.forEach((d, i) => svg.append(svgEl('text', { x: x(i), y: bot + 1.4 * em, 'text-anchor': 'middle', class: 'ws-small' }, cut(d, fits(cw, em)))));
  let ky = bot + 2.4 * em; // the key: a piece of each activity's line, and its name
  rows(f).forEach((r, s) => {
    const pts = $$('[data-k]', r).map((n, d) => (n.value ? [x(d), y(n.value)] : null)).filter(Boolean);
    if (!pts.length) return;
    line(svg, pts, `ws-s${s % 6}`);
    ky += 1.6 * em;
    svg.append(svgEl('line', { class: `ws-line ws-mark ws-s${s % 6}`, x1: 0, x2: 2.2 * em, y1: ky - 0.35 * em, y2: ky - 0.35 * em }),
      svgEl('text', { x: 2.8 * em, y: ky, class: 'ws-small ws-mark' }, cut(rowName(r), fits(w - 2.8 * em, em))));
  });
  size(svg, w, ky + 0.6 * em);
}
