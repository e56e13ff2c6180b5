// page.js: the search box and its results. The box (#search) holds the index's URL
// (data-index) and the words of the status line (data-found-one, data-found-many, data-found-none,
// data-short, data-failed, with {n} and {q}).
const MAX = 50;
const box = document.getElementById('search');
const input = document.getElementById('search-query');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
// T returns the words of data-<k>, with {n} and {q} replaced.
const T = (k, n, q) => box.dataset[k].replace('{n}', n).replace('{q}', q);

// The index loads once, when the reader first comes to the box, so a visit that does
// not search does not download it; a query typed meanwhile runs when it arrives.
let docs = null, script = null;
function load() {
  if (script) return;
  script = document.createElement('script');
  script.src = box.dataset.index;
  script.onload = () => {
    const ix = self.iptsiteSearch;
    if (!ix || !ix.pages) return failed();
    docs = ix.pages.map((p) => ({
      u: p.u, title: text(p.t), desc: text(p.d || ''),
      secs: (p.s || []).map((s) => ({ a: s.a || '', h: text(s.h || ''), x: (s.x || []).map(text) })),
    }));
    run();
  };
  script.onerror = failed;
  document.head.append(script);
}
function failed() {
  input.disabled = true;
  status.textContent = T('failed');
}

function run() {
  if (!docs) return load();
  const q = input.value.trim(), ts = terms(q);
  list.textContent = '';
  if (!q) { status.textContent = ''; return; }
  if (ts.join('').length < 2) { status.textContent = T('short', 0, q); return; }
  const all = docs.map((d) => match(d, ts));
  const most = Math.max(...all.map((r) => r.n));
  const found = all.filter((r) => r.n > 0 && r.n === most).sort((a, b) => b.score - a.score);
  if (!found.length) { status.textContent = T('foundNone', 0, q); return; }
  status.textContent = found.length === 1 ? T('foundOne', 1, q) : T('foundMany', found.length, q);
  for (const r of found.slice(0, MAX)) {
    const li = document.createElement('li'), a = document.createElement('a');
    const anchor = r.sec && r.sec.a ? '#' + r.sec.a : '';
    a.href = new URL(r.d.u + anchor, script.src).href;
    mark(a, r.d.title, ts, 0, r.d.title.s.length);
    li.append(a);
    if (r.sec && r.sec.h.s) {
      const where = document.createElement('span');
      where.className = 'search-where';
      where.textContent = r.sec.h.s;
      li.append(where);
    }
    if (r.best && r.best !== (r.sec && r.sec.h)) {
      const p = document.createElement('p');
      snippet(p, r.best, ts);
      li.append(p);
    }
    list.append(li);
  }
}

if (box && input && status && list && box.dataset.index) {
  document.getElementById('search-noscript').hidden = true;
  box.hidden = false;
  let timer = 0;
  input.addEventListener('focus', load);
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { clearTimeout(timer); run(); }
  });
  // Up and down arrows move between the search box and the results.
  box.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const links = [input, ...list.querySelectorAll('a')];
    const i = links.indexOf(document.activeElement);
    if (i < 0) return;
    const next = links[i + (e.key === 'ArrowDown' ? 1 : -1)];
    if (next) { e.preventDefault(); next.focus(); }
  });
  // A query the browser kept (back to this page) gets its results again.
  addEventListener('pageshow', () => { if (input.value) run(); });
  if (input.value) run();
}
