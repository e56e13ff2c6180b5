// The search script, on the search page (templates/search.html). When the reader first
// comes to the search box, it loads the index, search-index.<lang>.<hash>.js, which puts
// it in self.iptsiteSearch (see internal/search): a script, not a fetch, so search works
// from a folder opened from disk. It matches what the reader types against the index and
// lists the pages that hold the most of the words, best first, each with its best
// sentence and the words marked. The query never leaves the browser: there is no form,
// no request, nothing in the URL. The build joins the files of this folder, in name
// order, inside one function (see internal/render).
//
// fold.js: words as matching sees them. Matching ignores case and accents, and a word
// matches the start of a longer one ("grie" finds "grief").
const wordChar = /[\p{L}\p{N}]/u;
const nonASCII = /[^\x00-\x7f]/;
const marks = /[\u0300-\u036f]/g;
const folded = {};

// fold returns s in lower case without accents, one character for each character of s,
// so that a match in the folded text is at the same place in s.
function fold(s) {
  if (!nonASCII.test(s)) return s.toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    let f = folded[c];
    if (f === undefined) {
      f = c.normalize('NFD').replace(marks, '').toLowerCase();
      if (c === '\u2019' || c === '\u2018') f = "'";
      if (f.length !== 1) f = c.toLowerCase().length === 1 ? c.toLowerCase() : c;
      folded[c] = f;
    }
    out += f;
  }
  return out;
}

// text returns s with its folded form.
const text = (s) => ({ s, f: fold(s) });

// find returns where term starts a word in the folded text f, from index from, or -1.
function find(f, term, from) {
  let i = f.indexOf(term, from || 0);
  while (i > 0 && wordChar.test(f[i - 1])) i = f.indexOf(term, i + 1);
  return i;
}

// terms returns the words of the query, folded; one-letter words only when alone.
function terms(q) {
  const ws = fold(q).match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) || [];
  const long = ws.filter((w) => w.length > 1);
  return (long.length ? long : ws).filter((w, i, all) => all.indexOf(w) === i);
}
