// copy.js: "Copy link" buttons (data-copy, the address; data-copied, what they say once
// done) copy a worksheet's address. They are hidden until this shows them.
for (const b of document.querySelectorAll('button[data-copy]')) {
  if (!navigator.clipboard) break;
  b.hidden = false;
  const label = b.innerHTML;
  b.addEventListener('click', () => {
    navigator.clipboard.writeText(b.dataset.copy).then(() => {
      b.textContent = b.dataset.copied || 'Copied';
      setTimeout(() => { b.innerHTML = label; }, 2000);
    });
  });
}
