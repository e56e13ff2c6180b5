// note.js: a therapist's note, in the link (#note=…) or kept on this device, is shown by
// js/note.js (static/js/note/), which only a page with a note loads: the place for it
// (#therapist-note, on worksheets and the list of worksheets) names the script.
const noteBox = document.getElementById('therapist-note');
if (noteBox) {
  const ws = document.getElementById('worksheet');
  let kept = false;
  try { kept = !!(ws && localStorage.getItem(ws.dataset.storageKey + '-note:' + ws.dataset.worksheetId)); } catch { kept = false; }
  const load = () => {
    if (!location.hash.startsWith('#note=') && !kept) return false;
    document.head.append(Object.assign(document.createElement('script'), { src: noteBox.dataset.src }));
    return true;
  };
  if (!load()) addEventListener('hashchange', function once() { if (load()) removeEventListener('hashchange', once); });
}
