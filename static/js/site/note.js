// note.js: a therapist's note, in the link (#note=…) or kept on this device, is shown by
// js/note.js (static/js/note/), which only a page with a note loads: the place for it
// (#therapist-note, on worksheets and the list of worksheets) names the script. A page
// without that place, or with storage turned off, throws here and loads nothing.
try {
  if (location.hash.startsWith('#note=') || localStorage.getItem('iptsite-note:' + location.pathname)) {
    document.head.append(Object.assign(document.createElement('script'), { src: document.getElementById('therapist-note').dataset.src }));
  }
} catch { /* nothing to show */ }
