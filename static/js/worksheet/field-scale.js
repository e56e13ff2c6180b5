// field-scale.js: scale, one of a row of numbers, saved as the number's text.
fieldTypes.scale = {
  get: (f) => checked(f)[0] || '',
  set(f, v) {
    if (typeof v === 'number') v = String(v);
    for (const n of $$('input', f)) n.checked = n.value === v;
    return v === '' || checked(f)[0] === v;
  },
};
