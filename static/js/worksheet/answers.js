// answers.js: the "My answers" page (templates/partials/my-answers.html): every saved
// worksheet, each to download, and all of them to download, import or erase.
let relist = () => {}; // draws the list again, on My answers

function startAnswers() {
  const tbody = $('#answers-list tbody');
  const none = $('#answers-none');
  // a record's url and title may come from any file: its link is the site's own, if any
  const sheets = Object.fromEntries($$('#answers-sheets a').map((a) => [a.dataset.id, a]));
  const name = (r, s = sheets[r.id]) => (s ? el('a', { href: s.getAttribute('href') }, s.textContent) : r.title || r.id);
  function list() {
    const recs = all();
    tbody.replaceChildren(...recs.map((r) => el('tr', {},
      el('th', { scope: 'row', id: `ws-mine-${r.id}` }, name(r), entriesNote(r)),
      el('td', {}, el('time', { datetime: r.updated || '' }, when(r.updated))),
      el('td', {}, Object.values(r.answers).filter((v) => !empty(v)).length),
      el('td', {}, el('button', { type: 'button', 'aria-describedby': `ws-mine-${r.id}`, on: () => download([r], `answers-${r.id}`) }, T('download'))))));
    $('#answers-table').hidden = !recs.length;
    none.hidden = !!recs.length;
  }
  onStore = list;
  box.addEventListener('click', async (e) => {
    const a = e.target.closest('[data-act]')?.dataset.act;
    if (a === 'download-all') downloadAll();
    if (a === 'import') fileInput.click();
    if (a === 'erase-all' && await dialog(T('eraseAll'), [el('p', {}, T('eraseConfirm'))],
      [[T('downloadAll'), downloadAll, true], [T('eraseAll'), true], [T('cancel'), false]])) {
      // erased while locked, the lock goes too: that is the way out of a forgotten passphrase
      try { for (const k of [...storedKeys(), ...cache.keys()]) if (k !== lockKey || locked()) remove(k); } catch { /* storage unavailable: nothing stored */ }
      if (locked()) lock = null;
      showLock();
      list();
      say(T('erased'));
    }
  });
  relist = list;
  list();
}
