// field-questionnaire.js: questionnaire, items answered on one scale, saved as
// [value…]. It shows the total (data-total), how many are unanswered (data-unanswered),
// the band the total falls in (data-band, from the list's data-min and data-max) and the
// rules' messages: for an item answered above data-above, or for a total from data-min
// to data-max once every item is answered. A rule's box is a live region that stays in
// place; its message comes from its template when the rule starts to hold, so a screen
// reader says it once.
// only for: questionnaire
const questionItems = (f) => $$('.ws-item', f);
fieldTypes.questionnaire = {
  items: true, // My answers counts each item answered as a question
  get: (f) => questionItems(f).map((it) => checked(it)[0] || ''),
  set(f, v) {
    if (!Array.isArray(v)) v = empty(v) ? [] : [v];
    let ok = true;
    questionItems(f).forEach((it, i) => {
      for (const n of $$('input', it)) n.checked = n.value === String(v[i] ?? '');
      ok = ok && (v[i] == null || v[i] === '' || checked(it)[0] === String(v[i]));
    });
    return ok && v.length <= questionItems(f).length;
  },
  update(f) {
    const vals = questionItems(f).map((it) => checked(it)[0]);
    const missing = vals.filter((v) => v == null).length;
    const total = vals.reduce((s, v) => s + (+v || 0), 0);
    const done = missing === 0;
    $('[data-total]', f).textContent = missing === vals.length ? '' : total;
    const u = $('[data-unanswered]', f);
    u.textContent = missing && missing < vals.length ? u.dataset.text.replace('{n}', missing) : '';
    let band = '';
    for (const li of $$('.ws-bands li', f)) {
      const on = done && total >= +li.dataset.min && total <= +li.dataset.max;
      li.classList.toggle('ws-current', on);
      if (on) band = li.textContent.replace(/^[^:]*:\s*/, '');
    }
    $('[data-band]', f).textContent = band;
    for (const m of $$('.ws-rule', f)) {
      const item = m.dataset.item, v = vals[+item - 1];
      const on = item ? v != null && +v > +m.dataset.above : done && total >= +m.dataset.min && total <= +m.dataset.max;
      if (on === m.classList.contains('ws-on')) continue;
      m.classList.toggle('ws-on', on);
      if (on) m.append(m.firstElementChild.content.cloneNode(true));
      else m.replaceChildren(m.firstElementChild);
    }
  },
  copy(f, v) {
    const out = [];
    questionItems(f).forEach((it, i) => v[i] && out.push(`${$('legend', it).textContent}: ${$('input:checked+label', it).textContent} (${v[i]})`));
    const band = $('[data-band]', f).textContent;
    out.push(`${$('.ws-total > span', f).textContent}: ${$('[data-total]', f).textContent}${band ? ' – ' + band : ''}`);
    return out;
  },
};
