// The therapist's note: js/note.js, which site.js loads on a worksheet or the list of
// worksheets when the link carries a note or one is kept on this device. The note is
// in the link's fragment, which browsers never send to a server:
//
//   worksheets/role-dispute/#note=Before+Tuesday&q=what-i-want   a note, and a question to start at
//   worksheets/#note=Before+Tuesday&w=goals,role-dispute         worksheets suggested, with a note
//
// (made by the builder on the page for therapists). Only a fragment that starts with
// "note=" is read so, so links to a question (#what-i-want) work as ever. The note is
// shown as text, never as markup, and kept on the device only when the client asks.
const box = document.getElementById('therapist-note');
const sheet = document.getElementById('worksheet');
const keptKey = sheet && 'iptsite-note:' + location.pathname; // read by site/note.js
const store = (f) => { try { return f(localStorage); } catch { return null; } };
const el = (tag, text = '', attrs = {}) => {
  const e = Object.assign(document.createElement(tag), attrs);
  if (text) e.textContent = text;
  return e;
};

function show() {
  const h = location.hash.slice(1);
  const link = h.startsWith('note=') ? new URLSearchParams(h) : null;
  const kept = keptKey && store((s) => s.getItem(keptKey));
  const note = link ? (link.get('note') || '').slice(0, 500) : kept;
  const ids = link && !sheet ? (link.get('w') || '').split(',').filter(Boolean) : [];
  if (note == null || (!note && !ids.length)) { box.hidden = true; return; }
  box.replaceChildren(el('h2', ids.length ? box.dataset.suggested : box.dataset.title, { id: 'therapist-note-title' }));
  if (note) box.append(el('p', note, { className: 'therapist-note-text' }));
  if (ids.length) {
    const list = el('ul');
    for (const id of ids) {
      const a = document.querySelector(`[data-sheet="${CSS.escape(id)}"] a`);
      if (!a) continue;
      // The note goes along to each worksheet.
      const li = el('li');
      li.append(el('a', a.textContent, { href: a.getAttribute('href') + (note ? '#' + new URLSearchParams({ note }) : '') }));
      list.append(li);
    }
    box.append(list);
  }
  const q = link && link.get('q'), target = q && document.getElementById(q);
  if (target) {
    const label = target.querySelector('label, legend')?.textContent.trim() || q;
    const p = el('p');
    p.append(el('a', box.dataset.go.replace('{label}', label), { href: '#' + q }));
    box.append(p);
  }
  const buttons = el('p', '', { className: 'therapist-note-actions' });
  const status = el('span', kept && kept === note ? box.dataset.kept : '');
  status.setAttribute('role', 'status');
  const locked = sheet && store((s) => s.getItem(sheet.dataset.storageKey + ':lock'));
  if (keptKey && link && note && kept !== note && !locked) {
    // Under the passphrase lock, nothing is written in the clear: no keeping there.
    const keep = el('button', box.dataset.keep, { type: 'button' });
    keep.addEventListener('click', () => {
      if (!store((s) => { s.setItem(keptKey, note); return true; })) return;
      keep.remove();
      status.textContent = box.dataset.kept;
    });
    buttons.append(keep, ' ');
  }
  const close = el('button', box.dataset.dismiss, { type: 'button' });
  close.addEventListener('click', () => {
    box.hidden = true;
    if (keptKey) store((s) => s.removeItem(keptKey));
    if (link) history.replaceState(null, '', location.pathname + location.search);
    const h1 = document.querySelector('h1');
    h1.tabIndex = -1;
    h1.focus();
  });
  buttons.append(close, ' ', status);
  box.append(buttons);
  box.hidden = false;
}
show();
addEventListener('hashchange', show);
