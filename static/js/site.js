// site.js: small helpers on every page. The site works without it.
// - The quick-exit button replaces this page in the history, so Back does not return here;
//   pressing Escape three times in a row does the same.
// - On wide screens the menu is shown open.
// - "Copy link" buttons copy a worksheet's address.
// - It registers the service worker (sw.js, see internal/render/offline.go) that keeps the
//   site on the device, and when a new version of the site is ready, offers a Reload
//   button instead of changing the pages under the reader.
(function () {
  "use strict";
  var me = document.currentScript;
  var swURL = me && me.getAttribute("data-sw");
  // Not on file:// (a portable copy opened from disk): browsers refuse workers there.
  if (swURL && "serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    var sw = navigator.serviceWorker, reloading = false;
    var offer = function (worker) {
      // No controller: this is the first worker, which takes over quietly.
      if (!sw.controller || document.querySelector("[data-update]")) return;
      var box = document.createElement("div"), p = document.createElement("p");
      var button = document.createElement("button");
      box.className = "alert";
      box.setAttribute("role", "status");
      box.setAttribute("data-update", "");
      button.type = "button";
      button.textContent = me.getAttribute("data-sw-reload");
      button.addEventListener("click", function () {
        reloading = true;
        button.disabled = true;
        worker.postMessage("skip-waiting");
      });
      box.appendChild(p);
      (document.getElementById("main") || document.body).prepend(box);
      // Filled in after it is on the page, so that screen readers announce it.
      setTimeout(function () { p.append(me.getAttribute("data-sw-update") + " ", button); }, 100);
    };
    sw.addEventListener("controllerchange", function () { if (reloading) location.reload(); });
    var track = function (w) {
      if (!w) return;
      if (w.state === "installed") offer(w);
      else w.addEventListener("statechange", function () { if (w.state === "installed") offer(w); });
    };
    sw.register(swURL).then(function (reg) {
      // The browser may have started installing a new version before this ran.
      track(reg.waiting);
      track(reg.installing);
      reg.addEventListener("updatefound", function () { track(reg.installing); });
      // A tab left open for days still hears of a new version when it is looked at again.
      var checked = Date.now();
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState !== "visible" || Date.now() - checked < 36e5) return;
        checked = Date.now();
        reg.update().catch(function () {});
      });
    }).catch(function () {}); // No worker (private mode, storage off): the site works online.
  }
  var exit = document.querySelector("[data-quickexit]");
  if (exit) {
    var leave = function (e) {
      if (e) e.preventDefault();
      document.body.hidden = true;
      window.location.replace(exit.getAttribute("data-quickexit"));
    };
    exit.querySelector("a").addEventListener("click", leave);
    var presses = 0, timer = 0;
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") return;
      presses++;
      clearTimeout(timer);
      timer = setTimeout(function () { presses = 0; }, 1500);
      if (presses >= 3) leave();
    });
  }
  document.querySelectorAll("button[data-copy]").forEach(function (b) {
    if (!navigator.clipboard) return;
    b.hidden = false;
    var label = b.innerHTML;
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(b.getAttribute("data-copy")).then(function () {
        b.textContent = b.getAttribute("data-copied") || "Copied";
        setTimeout(function () { b.innerHTML = label; }, 2000);
      });
    });
  });
})();
