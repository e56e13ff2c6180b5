// field-colour.js: the browser half of the toy field type of recipe_test.go, a colour
// picker. A site puts it in its static/js/worksheet/; the build joins it into the
// worksheet script, where it registers the type's code by the name the Go half gives
// data-type.
fieldTypes.colour = {
  get: (f) => $('.ws-input', f).value,
  set(f, v) {
    $('.ws-input', f).value = v || '#000000';
    return true;
  },
};
