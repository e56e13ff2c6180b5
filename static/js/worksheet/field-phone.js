// field-phone.js: phone, a number the person types (a friend's, say), saved as its text.
// Beside each tel input, of a phone field or of a table's phone column, a Call link
// (data-call: its name for screen readers, with {number}) follows what is typed: shown
// once the box holds 3 digits or more, it calls those digits, after the + typed first.
fieldTypes.phone = {
  get: (f) => $('.ws-input', f).value,
  set(f, v) {
    $('.ws-input', f).value = typeof v === 'string' ? v : text(v);
    return true;
  },
  update: callLinks,
};

// callLinks points every Call link in el at the number in the box before it.
function callLinks(el) {
  for (const a of $$('[data-call]', el)) {
    const v = a.previousElementSibling.value.trim();
    const digits = v.replace(/\D/g, '');
    a.hidden = digits.length < 3;
    if (a.hidden) {
      a.removeAttribute('href');
      a.removeAttribute('aria-label');
      continue;
    }
    a.href = 'tel:' + (v.startsWith('+') ? '+' : '') + digits;
    a.setAttribute('aria-label', a.dataset.call.replace('{number}', v));
  }
}
