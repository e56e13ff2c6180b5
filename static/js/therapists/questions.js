// questions.js: under each question link of a worksheet (the lists .question-links), the
// address to give a client (addressOf, in address.js), and a "Copy
// link" button that copies it. From a copy opened from disk without baseURL there is no
// address to give: the place in the site only, and no button.
const fromDisk = location.protocol === 'file:';
for (const list of document.querySelectorAll('.question-links')) {
  for (const li of list.children) {
    const a = li.querySelector('a');
    const addr = BASE || !fromDisk ? addressOf(a.href) : placeOf(a.href);
    const code = document.createElement('code');
    code.className = 'sheet-url';
    breakable(code, addr);
    li.append(document.createElement('br'), code);
    if (fromDisk || !navigator.clipboard) continue;
    const b = document.createElement('button'), hidden = document.createElement('span');
    b.type = 'button';
    b.className = 'copy-link';
    hidden.className = 'visually-hidden';
    hidden.textContent = ': ' + a.textContent;
    const label = () => { b.textContent = list.dataset.copyLabel; b.append(hidden); };
    label();
    b.addEventListener('click', () => {
      navigator.clipboard.writeText(addr).then(() => {
        b.textContent = list.dataset.copied;
        setTimeout(label, 2000);
      });
    });
    li.append(' ', b);
  }
}
