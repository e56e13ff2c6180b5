// field-circle.js: circle, the people in someone's life placed in rings around "me"
// (data-me). Names typed in the field named by data-people are added as people, never
// removed; people not yet placed wait below the circle (data-unplaced).
// only for: circle
fieldTypes.circle = {
  get: getTable,
  set: setRows,
  show: showTable,
  copy: copyTable,
  update(f) { people(f); drawCircle(f); },
  input: drawCircle,
  follow(f, g) { if (!g || g.dataset.field === f.dataset.people) update(f); },
};

// people adds to a circle the names from the field it names.
function people(f) {
  const src = byId[f.dataset.people];
  if (!src) return;
  const names = get(src).map((v) => (typeof v === 'string' ? v : Object.values(v)[0] || '').trim()).filter(Boolean);
  const have = new Set(rows(f).map((r) => $('[data-k=name]', r).value.trim().toLowerCase()));
  for (const n of names) {
    if (have.has(n.toLowerCase())) continue;
    const r = rows(f).find((x) => empty(rowValues(x))) || addRow(f);
    $('[data-k=name]', r).value = n;
    have.add(n.toLowerCase());
  }
}

// drawCircle draws "me" in the middle and the rings around, shaded darker toward "me",
// each named inside its top; each person is a dot in their ring, their name beside it on
// the side away from the middle. People not placed yet wait below, as hollow dots.
function drawCircle(f) {
  const [svg, w, em] = canvas(f);
  const rings = $$('[data-k=ring] option', rows(f)[0]).slice(1);
  const c = w / 2, r0 = 1.6 * em, step = (c - 2 - r0) / rings.length;
  const rad = (i) => r0 + step * (i + 1); // the outer edge of ring i
  for (let i = rings.length - 1; i >= 0; i--) svg.append(svgEl('circle', { class: 'ws-ring', cx: c, cy: c, r: rad(i) }));
  rings.forEach((o, i) => {
    const r = rad(i), chord = 2 * Math.sqrt(r * r - (r - 1.3 * em) ** 2);
    svg.append(svgEl('text', { x: c, y: c - r + 1.3 * em, 'text-anchor': 'middle', class: 'ws-small' }, cut(o.text, fits(chord, em))));
  });
  svg.append(svgEl('text', { x: c, y: c + 0.35 * em, 'text-anchor': 'middle', class: 'ws-me' }, f.dataset.me));
  const people = rows(f).map(rowValues).filter((p) => p.name.trim());
  rings.forEach((o, i) => {
    const ps = people.filter((p) => p.ring === o.value);
    ps.forEach((p, j) => {
      const a = (2 * Math.PI * (j + 0.5)) / ps.length + i * 0.6 - Math.PI / 2;
      const r = rad(i) - step * 0.45, x = c + r * Math.cos(a), y = c + r * Math.sin(a), right = x >= c;
      svg.append(svgEl('circle', { class: 'ws-dot ws-mark', cx: x, cy: y, r: 5 }),
        svgEl('text', { x: x + (right ? 9 : -9), y: y + 0.35 * em, 'text-anchor': right ? 'start' : 'end', class: 'ws-mark' },
          cut(p.name, fits(right ? w - x - 9 : x - 9, 1.15 * em))));
    });
  });
  const out = people.filter((p) => !rings.some((o) => o.value === p.ring));
  const cols = Math.max(1, Math.floor(w / (9 * em))), cw = w / cols;
  size(svg, w, out.length ? w + 2.6 * em + 2 * em * Math.ceil(out.length / cols) : w);
  if (out.length) svg.append(svgEl('text', { x: 0, y: w + 1.8 * em, class: 'ws-small ws-mark' }, f.dataset.unplaced));
  out.forEach((p, j) => {
    const x = cw * (j % cols) + 6, y = w + 3.4 * em + 2 * em * Math.floor(j / cols);
    svg.append(svgEl('circle', { class: 'ws-dot ws-unplaced ws-mark', cx: x, cy: y - 0.35 * em, r: 5 }),
      svgEl('text', { x: x + 11, y, class: 'ws-mark' }, cut(p.name, fits(cw - 20, em))));
  });
}
