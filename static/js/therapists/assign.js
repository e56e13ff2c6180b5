// assign.js: the assignment builder (#assign). A therapist picks worksheets, maybe one
// question, and writes a short note; the page makes the link, its QR code (js/qr.js)
// and a handout to print, all on this device. The note goes in the link's fragment
// (see static/js/note/show.js for its format), which browsers never send to a server.
const builder = document.getElementById('assign');
// fragment writes the link's fragment as URLSearchParams reads it, but with letters
// beyond ASCII as they are (a browser encodes them when it opens the link): a note in
// Spanish stays short enough for a QR code.
const fragment = (o) => '#' + Object.entries(o).filter(([, v]) => v !== undefined)
  .map(([k, v]) => k + '=' + v.replace(/[\0- "#%&+<=>`\x7f]/g, (c) => (c === ' ' ? '+' : encodeURIComponent(c)))).join('&');
if (builder && self.iptQR) {
  const $ = (s) => builder.querySelector(s);
  const sheets = [...document.querySelectorAll('.therapist-sheet')].map((li) => ({
    id: li.dataset.sheet, title: li.querySelector('h3').textContent, href: li.querySelector('a').href,
    questions: [...li.querySelectorAll('.question-links a')].map((a) => [a.hash.slice(1), a.textContent]),
  }));
  for (const s of sheets) {
    const label = document.createElement('label'), box = document.createElement('input');
    Object.assign(box, { type: 'checkbox', value: s.id });
    label.append(box, ' ' + s.title);
    $('.assign-sheets').append(label);
  }
  const select = $('#assign-q'), problem = $('.assign-problem'), handout = $('.handout');
  let link = '', lastOne = null;
  const update = () => {
    const chosen = sheets.filter((s) => $(`input[value="${CSS.escape(s.id)}"]`).checked);
    const one = chosen.length === 1 ? chosen[0] : null;
    if (one !== lastOne) { // the questions of the one worksheet picked
      lastOne = one;
      select.length = 1;
      for (const [id, label] of one ? one.questions : []) select.add(new Option(label, id));
      select.disabled = !one;
    }
    const note = $('#assign-note').value.trim(), q = select.value;
    link = '';
    let why = !chosen.length ? builder.dataset.pick : location.protocol === 'file:' && !BASE ? builder.dataset.disk : '';
    if (!why && one) {
      const f = note ? fragment({ note, q: q || undefined }) : q ? '#' + q : '';
      link = addressOf(one.href) + f;
    } else if (!why) {
      if (!builder.dataset.list) why = builder.dataset.pick;
      else link = addressOf(new URL(builder.dataset.list, location.href).href) + fragment({ note, w: chosen.map((s) => s.id).join(',') });
    }
    const qr = link && self.iptQR.svg(link, builder.dataset.qr);
    problem.textContent = why || (link && !qr ? builder.dataset.tooLong : '');
    handout.hidden = !link;
    $('.handout-note').textContent = note;
    $('.handout-sheets').replaceChildren(...chosen.map((s) => Object.assign(document.createElement('li'), { textContent: s.title })));
    $('.handout-qr').replaceChildren(...(qr ? [qr] : []));
    breakable($('.handout-link'), link);
    $('.assign-copy').disabled = $('.assign-print').disabled = !link;
  };
  builder.addEventListener('input', update);
  builder.addEventListener('change', update);
  const copy = $('.assign-copy'), copyLabel = copy.textContent;
  copy.hidden = !navigator.clipboard;
  copy.addEventListener('click', () => navigator.clipboard.writeText(link).then(() => {
    copy.textContent = builder.dataset.copied;
    setTimeout(() => { copy.textContent = copyLabel; }, 2000);
  }));
  // Print the handout alone (therapists.css hides the rest while html has .print-handout).
  $('.assign-print').addEventListener('click', () => {
    document.documentElement.classList.add('print-handout');
    addEventListener('afterprint', () => document.documentElement.classList.remove('print-handout'), { once: true });
    print();
  });
  update();
  builder.hidden = false;
}
