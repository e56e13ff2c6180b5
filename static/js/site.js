// site.js: small helpers on every page. The site works without it.
// - The quick-exit button replaces this page in the history, so Back does not return here;
//   pressing Escape three times in a row does the same.
// - On wide screens the menu is shown open.
// - "Copy link" buttons copy a worksheet's address.
(function () {
  "use strict";
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
