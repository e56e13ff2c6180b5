// field-choice.js: choice (one of the options) and checklist (any of them), saved as
// {selected: [option…], other: text}; the "other" option (data-other) is ticked by
// typing in its text box (data-other-text).
fieldTypes.choice = choiceType(true);
fieldTypes.checklist = choiceType(false);

function choiceType(one) {
  const options = (f) => $$('input[name]:not([data-other])', f);
  return {
    get(f) {
      const v = { selected: $$('input[name]:checked:not([data-other])', f).map((n) => n.value) };
      if ($('[data-other]', f)?.checked) v.other = $('[data-other-text]', f).value;
      return v;
    },
    // set takes the options by their saved or their shown words; one it does not have
    // goes into "other" when the field has one.
    set(f, v) {
      if (typeof v === 'string' || typeof v === 'number') v = { selected: v === '' ? [] : [String(v)] };
      if (!isObj(v) || !Array.isArray(v.selected)) return empty(v);
      const opts = options(f);
      const sel = v.selected.map((s) => (opts.find((n) => n.value === s) || opts.find((n) => shown(n) === s) || { value: String(s) }).value);
      const keep = sel.filter((s) => opts.some((n) => n.value === s)).slice(0, one ? 1 : undefined);
      const rest = sel.filter((s) => !keep.includes(s));
      for (const n of opts) n.checked = keep.includes(n.value);
      const other = $('[data-other]', f);
      if (!other) return rest.length === 0;
      const on = 'other' in v || rest.length > 0;
      const o = [v.other, ...rest].filter((x) => x);
      if (on && one && keep.length) o.unshift(keep[0]); // a radio group holds one answer
      other.checked = on;
      $('[data-other-text]', f).value = o.join(', ');
      return true;
    },
    input(f, e) {
      if (e.target.matches('[data-other-text]') && e.target.value) $('[data-other]', f).checked = true;
    },
    copy: (f, v) => [$$('input:checked:not([data-other])', f).map(shown).concat('other' in v ? [v.other] : []).join(', ')],
    show(f, v) {
      if (isObj(v) && Array.isArray(v.selected)) {
        const opts = options(f);
        v = { ...v, selected: v.selected.map((s) => shown(opts.find((n) => n.value === s) || { value: s })) };
      }
      return text(v);
    },
  };
}
