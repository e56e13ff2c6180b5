// dialog.js: a modal dialog.

// dialog shows a modal with the given content; buttons ([label, value, keep]) resolve the
// promise with their value, or with keep call it and leave the dialog open.
function dialog(title, content, buttons) {
  return new Promise((done) => {
    const d = el('dialog', { class: 'ws-dialog', 'aria-labelledby': 'ws-dialog-title' },
      el('h2', { id: 'ws-dialog-title' }, title), ...content);
    const row = el('p', { class: 'ws-dialog-buttons' });
    for (const [label, value, keep] of buttons) {
      row.append(el('button', { type: 'button', on: () => { if (keep) return value(); d.close(); done(value); } }, label));
    }
    d.append(row);
    d.addEventListener('close', () => { d.remove(); done(null); });
    doc.body.append(d);
    d.showModal();
  });
}
