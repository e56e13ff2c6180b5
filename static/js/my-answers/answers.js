// answers.js: the "My answers" page (templates/partials/my-answers.html): a card for every
// saved worksheet (its title, when it last changed, how many questions are answered, Open
// and Download), all of them to download or import, and everything to erase.
let relist = () => {}; // draws the list again, on My answers

// answered counts the questions answered in a record: one for each answer, except that
// a questionnaire (listed in the record's items) counts each of its items answered.
const answered = (r) => Object.entries(r.answers).reduce((n, [id, v]) => n +
  (empty(v) ? 0 : Array.isArray(v) && r.items?.includes(id) ? v.filter((x) => !empty(x)).length : 1), 0);
// dateTime shows a time as a date and a time, in the page's language
const dateTime = (iso) => (isNaN(new Date(iso)) ? '' : new Date(iso).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' }));

function startAnswers() {
  const list = $('#answers-list');
  const none = $('#answers-none');
  // a record's url and title may come from any file: its link is the site's own, if any
  const sheets = Object.fromEntries($$('#answers-sheets a').map((a) => [a.dataset.id, a]));
  // card returns the card of record r; its title names its buttons for a screen reader
  function card(r) {
    const s = sheets[r.id], id = `ws-mine-${r.id}`, n = answered(r);
    return el('li', { class: 'ws-sheet' },
      el('h2', { id }, s ? s.textContent : r.title || r.id),
      r.entries?.length ? el('p', {}, entriesNote(r)) : '',
      el('p', {}, `${T('changed')}: `, el('time', { datetime: r.updated || '' }, dateTime(r.updated))),
      el('p', {}, n === 1 ? T('answeredOne') : T('answered', { n })),
      el('p', { class: 'ws-sheet-acts' },
        s ? el('a', { class: 'button', href: s.getAttribute('href'), 'aria-describedby': id }, T('open')) : '',
        el('button', { type: 'button', 'aria-describedby': id, on: () => download([r], `answers-${r.id}`) }, T('download'))));
  }
  function show() {
    const recs = all();
    list.replaceChildren(...recs.map(card));
    $('#answers-table').hidden = !recs.length;
    none.hidden = !!recs.length;
  }
  onStore = show;
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
      show();
      say(T('erased'));
    }
  });
  relist = show;
  show();
}
