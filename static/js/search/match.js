// match.js: scoring a page, and marking the words in what is shown of it.
const SNIPPET = 220;

// match scores one page: how many of the words it holds, a score, and its best text.
function match(d, ts) {
  const has = {};
  let score = 0, best = null, bestN = 0, bestSec = null;
  const count = (t, weight) => {
    let n = 0;
    for (const w of ts) {
      if (find(t.f, w) >= 0) { n++; has[w] = true; score += weight; }
    }
    return n;
  };
  count(d.title, 20);
  count(d.desc, 4);
  for (const s of d.secs) {
    const n = count(s.h, 6);
    if (n > bestN) { best = s.h; bestN = n; bestSec = s; }
    for (const x of s.x) {
      const n = count(x, 1);
      // A sentence says more than a heading with as many of the words.
      if (n > bestN || (n === bestN && n > 0 && best === bestSec.h)) { best = x; bestN = n; bestSec = s; }
    }
  }
  if (!best && d.desc.s) best = d.desc;
  return { d, n: Object.keys(has).length, score, best, sec: bestSec };
}

// mark appends t.s from index from to index to to el, with every word of ts that it
// starts marked.
function mark(el, t, ts, from, to) {
  const ranges = [];
  for (const w of ts) {
    for (let i = find(t.f, w, from); i >= 0 && i < to; i = find(t.f, w, i + 1)) ranges.push([i, Math.min(i + w.length, to)]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let at = from;
  for (const r of ranges) {
    if (r[0] < at) r[0] = at;
    if (r[1] <= r[0]) continue;
    if (r[0] > at) el.append(t.s.slice(at, r[0]));
    const m = document.createElement('mark');
    m.textContent = t.s.slice(r[0], r[1]);
    el.append(m);
    at = r[1];
  }
  if (at < to) el.append(t.s.slice(at, to));
}

// snippet appends the text t, cut to about SNIPPET characters around its first match.
function snippet(el, t, ts) {
  let from = 0, to = t.s.length;
  if (to > SNIPPET) {
    let first = to;
    for (const w of ts) { const i = find(t.f, w); if (i >= 0 && i < first) first = i; }
    if (first > SNIPPET / 3 && first < to) {
      from = t.s.indexOf(' ', first - SNIPPET / 4) + 1;
      if (from < 1 || from > first) from = first;
    }
    to = Math.min(to, from + SNIPPET);
    const sp = t.s.lastIndexOf(' ', to);
    if (to < t.s.length && sp > from) to = sp;
  }
  if (from > 0) el.append('… ');
  mark(el, t, ts, from, to);
  if (to < t.s.length) el.append(' …');
}
