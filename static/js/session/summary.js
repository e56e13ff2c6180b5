// The page "My next session" (templates/session.html): a one-page summary of the
// client's own answers, made on this device from the worksheet script's storage
// (self.iptRecords, static/js/worksheet/records.js), so the passphrase lock applies:
// while locked the page says so (session.css), and draws the summary once unlocked.
// Small on purpose: the page carries the worksheet script too, within one budget.
const sec = document.getElementById('session'), $s = (q) => sec.querySelector(q), trend = sec.dataset.trend.split('|');
const add = (box, head, text, href) => {
  const p = document.createElement(href ? 'li' : 'p'), b = document.createElement(href ? 'a' : 'b');
  b.textContent = head;
  if (href) b.href = href;
  p.append(b, text);
  box.append(p);
};
function render() {
  const recs = self.iptRecords() || [], boxes = sec.querySelectorAll('.session-box');
  const since = $s('.session-since').textContent = document.getElementById('f-since').value; // none: every worksheet
  for (const b of boxes) b.textContent = '';
  for (const r of recs) {
    const li = document.querySelector(`#session-sheets [data-id="${r.id}"]`), title = li?.firstChild.textContent;
    // A record's entries (a repeatable worksheet's), or today's one, dated by its first
    // answer that is a day (the PHQ-9's "date I filled this in") or by its last change.
    const es = r.entries || [{ date: (Object.values(r.answers).find((v) => /^\d{4}-\d\d-\d\d$/.test(v)) || r.updated).slice(0, 10), answers: r.answers }];
    for (const s of li ? li.querySelectorAll('span') : []) {
      const id = s.dataset.id, t = [].concat(es.at(-1).answers[id] || []).join('; ');
      if (!s.dataset.kind) { if (t) add(boxes[0], s.textContent, ` (${title}): ${t}`); continue; }
      // a measure over time, oldest first: a tracker's rows, or each entry's total
      const k = s.dataset.kind, pts = (k === 'tracker'
        ? es.flatMap((e) => e.answers[id] || []).filter((x) => x.rating > '').map((x) => [x.date, +x.rating])
        : k === 'scale' ? es.filter((e) => e.answers[id] > '').map((e) => [e.date, +e.answers[id]])
          : es.filter((e) => e.answers[id]?.some((x) => x > '')).map((e) => [e.date, e.answers[id].reduce((a, x) => a + +x || a, 0)])
      ).map(([d, v]) => [d.slice(0, 10), v]).sort().slice(-2); // the day of an entry's date: 2026-11-20
      const [b, a = b] = pts; // the one before, and the latest
      if (a) add(boxes[1], s.textContent, ` ${a[1]} (${a[0]})` + (a === b ? '' : `, ${trend[Math.sign(b[1] - a[1]) + 1]} ${b[1]} (${b[0]})`));
    }
    if (r.updated >= since && li) add(boxes[2], title, ', ' + r.updated.slice(0, 10), li.firstChild.href);
  }
  $s('.session-say').textContent = document.getElementById('f-to-say').value;
}
