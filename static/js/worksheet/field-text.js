// field-text.js: text, textarea, number and date, one control (.ws-input) each.
const oneInput = {
  get: (f) => $('.ws-input', f).value,
  set(f, v) {
    const n = $('.ws-input', f);
    n.value = typeof v === 'string' ? v : text(v);
    return n.value !== '' || empty(v); // a number or date input refuses text that is not one
  },
};
fieldTypes.text = fieldTypes.textarea = fieldTypes.number = fieldTypes.date = oneInput;
