// field-list.js: list, a numbered list of short answers, saved as [text…].
fieldTypes.list = {
  get: (f) => rows(f).map((r) => $('input', r).value).filter((x) => x),
  set: setRows,
  copy: (f, v) => v.map((x) => '- ' + x),
};
