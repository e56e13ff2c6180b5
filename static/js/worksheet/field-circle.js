// field-circle.js: circle, the people in someone's life placed in rings around "me"
// (data-me). Names typed in the field named by data-people are added as people, never
// removed; people not yet placed wait below the circle (data-unplaced).
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

function drawCircle(f) {
  const svg = chartOf(f);
  svg.replaceChildren();
  const rings = $$('[data-k=ring] option', rows(f)[0]).slice(1);
  const step = 280 / rings.length;
  rings.forEach((o, i) => {
    const r = step * (i + 1);
    svg.append(svgEl('circle', { class: 'ws-ring', cx: 300, cy: 300, r }),
      svgEl('text', { x: 300, y: 300 - r + 14, 'text-anchor': 'middle', class: 'ws-small' }, cut(o.text, 24)));
  });
  svg.append(svgEl('text', { x: 300, y: 305, 'text-anchor': 'middle', class: 'ws-me' }, f.dataset.me));
  const people = rows(f).map(rowValues).filter((p) => p.name.trim());
  rings.forEach((o, i) => {
    const ps = people.filter((p) => p.ring === o.value);
    ps.forEach((p, j) => {
      const a = (2 * Math.PI * (j + 0.5)) / ps.length + i * 0.6 - Math.PI / 2;
      const r = step * (i + 0.5) + (i === 0 ? step * 0.2 : 0);
      const x = 300 + r * Math.cos(a), y = 300 + r * Math.sin(a);
      svg.append(svgEl('circle', { class: 'ws-dot ws-mark', cx: x, cy: y, r: 5 }),
        svgEl('text', { x, y: y - 9, 'text-anchor': 'middle', class: 'ws-mark' }, cut(p.name)));
    });
  });
  // people named but not yet placed wait below the circle, as hollow dots
  const out = people.filter((p) => !rings.some((o) => o.value === p.ring));
  svg.setAttribute('viewBox', `0 0 600 ${out.length ? 630 + 34 * Math.ceil(out.length / 4) : 600}`);
  if (out.length) svg.append(svgEl('text', { x: 20, y: 618, class: 'ws-small ws-mark' }, f.dataset.unplaced));
  out.forEach((p, j) => {
    const x = 28 + 145 * (j % 4), y = 642 + 34 * Math.floor(j / 4);
    svg.append(svgEl('circle', { class: 'ws-dot ws-unplaced ws-mark', cx: x, cy: y, r: 5 }),
      svgEl('text', { x: x + 11, y: y + 5, class: 'ws-mark' }, cut(p.name, 13)));
  });
}
