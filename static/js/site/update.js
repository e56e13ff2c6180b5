// The site script, on every page: small helpers; the site works without it. The build
// joins the files of this folder, in name order, inside one function (see
// internal/render), as it does the worksheet and search scripts.
//
// update.js: registers the service worker (sw.js, see internal/render/offline.go) that
// keeps the site on the device, and when a new version of the site is ready, offers a
// Reload button instead of changing the pages under the reader. The script tag's data-sw
// is the worker's URL (none under iptsite serve), data-sw-update and data-sw-reload the
// words of the offer.
const me = document.currentScript;
const swURL = me?.dataset.sw;
// Not on file:// (a portable copy opened from disk): browsers refuse workers there.
if (swURL && 'serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  const sw = navigator.serviceWorker;
  let reloading = false;
  const offer = (worker) => {
    // No controller: this is the first worker, which takes over quietly.
    if (!sw.controller || document.querySelector('[data-update]')) return;
    const box = document.createElement('div'), p = document.createElement('p');
    const button = document.createElement('button');
    box.className = 'alert';
    box.setAttribute('role', 'status');
    box.setAttribute('data-update', '');
    button.type = 'button';
    button.textContent = me.dataset.swReload;
    button.addEventListener('click', () => {
      reloading = true;
      button.disabled = true;
      worker.postMessage('skip-waiting');
    });
    box.append(p);
    (document.getElementById('main') || document.body).prepend(box);
    // Filled in after it is on the page, so that screen readers announce it.
    setTimeout(() => p.append(me.dataset.swUpdate + ' ', button), 100);
  };
  sw.addEventListener('controllerchange', () => { if (reloading) location.reload(); });
  const track = (w) => {
    if (!w) return;
    if (w.state === 'installed') offer(w);
    else w.addEventListener('statechange', () => { if (w.state === 'installed') offer(w); });
  };
  sw.register(swURL).then((reg) => {
    // The browser may have started installing a new version before this ran.
    track(reg.waiting);
    track(reg.installing);
    reg.addEventListener('updatefound', () => track(reg.installing));
    // A tab left open for days still hears of a new version when it is looked at again.
    let checked = Date.now();
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState !== 'visible' || Date.now() - checked < 36e5) return;
      checked = Date.now();
      reg.update().catch(() => {});
    });
  }).catch(() => {}); // No worker (private mode, storage off): the site works online.
}
