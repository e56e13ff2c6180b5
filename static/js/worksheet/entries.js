// entries.js: repeatable worksheets (front matter repeat: true, data-repeat on the
// worksheet): each completion is a dated entry {id, date, answers} in the record's
// entries, oldest first; the last one is in the fields (and in answers). "Start a new
// one" keeps the others. A record from before entries has its answers as the first.
const repeat = !!root?.hasAttribute('data-repeat');
let fresh = false; // "Start a new one" was pressed: the next answers start an entry
const entriesOf = (r) => r.entries || (empty(r.answers) ? [] : [{ id: r.updated || '', date: r.updated || '', answers: r.answers }]);
// withEntry returns this worksheet's entries with answers as the last one, or a new one.
function withEntry(answers, date) {
  const es = rec ? entriesOf(rec).slice() : [];
  if (fresh || !es.length) es.push({ id: Math.random().toString(36).slice(2), date, answers });
  else es[es.length - 1] = { ...es.at(-1), answers };
  return es;
}
const badEntries = (r) => r.entries && !(Array.isArray(r.entries) && r.entries.length <= MAXROWS
  && r.entries.every((e) => isObj(e?.answers) && Date.parse(e.date) > 0));
// entriesNote is what My answers says of a record's entries: how many, and the latest date.
const entriesNote = (r) => (r.entries?.length ? T('entries', { n: r.entries.length,
  date: new Date(r.entries.at(-1).date).toLocaleDateString(lang, { day: 'numeric', month: 'short' }) }) : ''); // Intl's, in the page's language
// entryPlan adds to the import's preview and plan a repeatable worksheet's entries that are
// not here (by id, so none twice), all ordered by date; the latest is then in the fields.
function entryPlan(r, mine, content, plan) {
  const ids = entriesOf(mine).map((e) => e.id);
  const add = entriesOf(r).filter((e) => !ids.includes(e.id));
  const es = entriesOf(mine).concat(add).sort((x, y) => (x.date > y.date) - (x.date < y.date));
  if (!add.length) return;
  content.push(el('h3', {}, r.title || mine.title || r.id), el('p', {}, T('importEntries', { n: add.length })));
  plan.push({ r, mine, add: [], boxes: [], es, k: add.reduce((k, e) => k + Object.keys(e.answers).length, 0) });
}
// newEntry keeps the answers in the fields as an entry and empties the fields for the next.
function newEntry() {
  save();
  if (!rec || empty(rec.answers)) return;
  const r = rec;
  clearFields();
  rec = { ...r, answers: {} };
  fresh = true;
  showEntries();
  say(T('entryNew'));
  $('input, textarea, select', root).focus();
}
// showEntries hands the entries to js/trend.js, which lists them and draws their chart.
const showEntries = () => { const b = $('#ws-entries'); if (b) b.dataset.entries = json(rec ? entriesOf(rec) : []); };
