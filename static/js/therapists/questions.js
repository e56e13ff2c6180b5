// questions.js: under each question link of a worksheet (the lists .question-links), the
// address to give a client, and a "Copy link" button that copies it. The address is
// baseURL (data-base) and the question's place in the site when baseURL is set, else the
// link as the browser resolves it; from a copy opened from disk, where there is no
// address to give, the place in the site only, and no button.
const root = new URL(document.querySelector('.site-title').href);
const fromDisk = location.protocol === 'file:';
// breakable shows an address that wraps after a / or before the #, never inside a word.
const breakable = (code, addr) => {
  for (const part of addr.split(/(?<=\/)(?!\/)|(?=#)/)) code.append(part, document.createElement('wbr'));
};
for (const list of document.querySelectorAll('.question-links')) {
  for (const li of list.children) {
    const a = li.querySelector('a');
    const place = a.href.startsWith(root.href) ? a.href.slice(root.href.length) : a.href;
    const addr = list.dataset.base ? list.dataset.base + place : fromDisk ? place : a.href;
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
