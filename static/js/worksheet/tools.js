// tools.js: a worksheet's tools (templates/partials/worksheet-tools.html): print, print
// blank, download, copy as text, import, download all, clear.
const downloadThis = () => {
  save();
  download([failed || !rec ? current() : rec], `answers-${wsId}`);
};
function copyText() {
  save(); // now, so that the saved status does not replace the copied one
  const out = [root.dataset.worksheetTitle, ''];
  for (const f of fields) {
    const v = get(f);
    if (empty(v)) continue;
    out.push(labelOf(f), ...copyLines(f, v), '');
  }
  const s = out.join('\n');
  const manual = () => {
    dialog(T('copy'), [el('p', {}, T('copyManual')), el('textarea', { rows: 12, readonly: true, class: 'ws-copy' }, s)], [[T('close'), null]]);
    $('.ws-copy').select();
  };
  if (navigator.clipboard) navigator.clipboard.writeText(s).then(() => say(T('copied')), manual);
  else manual();
}
async function clearAll() {
  const yes = await dialog(T('clear'), [el('p', {}, T('clearConfirm'))],
    [[T('clearDownload'), downloadThis, true], [T('clear'), true], [T('cancel'), false]]);
  if (!yes) return;
  try { remove(key); } catch { /* nothing stored to remove */ }
  clearFields();
  say(T('cleared'));
}
let blank = false;
function print(b) {
  save();
  blank = b;
  doc.documentElement.classList.toggle('ws-print-blank', b);
  window.print();
}

function startTools() {
  addEventListener('beforeprint', () => {
    for (const n of $$('input', root)) n.classList.toggle('ws-empty', !n.value); // an empty date prints blank
    const d = $('#ws-printed'); // the date printed, in the header a worksheet page has (not My next session)
    if (d) d.textContent = new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date());
    for (const t of $$('textarea', root)) { t.style.height = ''; if (!blank) t.style.height = t.scrollHeight + 4 + 'px'; }
  });
  addEventListener('afterprint', () => {
    blank = false;
    doc.documentElement.classList.remove('ws-print-blank');
    for (const t of $$('textarea', root)) t.style.height = '';
  });
  box.addEventListener('click', (e) => {
    const b = e.target.closest('[data-act]');
    if (!b) return;
    ({
      print: () => print(false), 'print-blank': () => print(true), download: downloadThis, 'download-all': () => { save(); downloadAll(); },
      import: () => fileInput.click(), copy: copyText, clear: clearAll,
    })[b.dataset.act]?.();
  });
}
