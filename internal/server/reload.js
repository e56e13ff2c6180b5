// reload.js: the one script iptsite serve adds to every page (internal/server). It
// listens to the server's events: after a good rebuild it reloads the page, after a
// failed one it shows the problems over the page, which stays the last good version.
(() => {
  'use strict';
  const me = document.currentScript;
  const es = new EventSource(me.src.replace(/reload\.js(\?.*)?$/, 'events'));
  let seen = null, box = null;
  const show = (text) => {
    if (!box) {
      box = document.createElement('div');
      box.setAttribute('role', 'alert');
      Object.assign(box.style, {
        position: 'fixed', left: '0', right: '0', bottom: '0', maxHeight: '50vh',
        overflow: 'auto', background: '#fff3f3', color: '#5c0000', borderTop: '4px solid #b00020',
        padding: '1rem', font: '14px/1.4 ui-monospace, monospace', zIndex: '2147483647', whiteSpace: 'pre-wrap',
      });
      document.body.append(box);
    }
    box.textContent = 'iptsite: the site could not be rebuilt. You are seeing the last good version.\n\n' + text;
  };
  // hello carries the build's version: a page opened before a rebuild it missed reloads.
  es.addEventListener('hello', (e) => {
    if (seen !== null && e.data !== seen) location.reload();
    seen = e.data;
  });
  es.addEventListener('reload', () => location.reload());
  es.addEventListener('problems', (e) => show(e.data));
})();
