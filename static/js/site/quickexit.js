// quickexit.js: the quick-exit button ([data-quickexit], its URL) replaces this page in
// the history, so Back does not return here; pressing Escape three times in a row does
// the same.
const exit = document.querySelector('[data-quickexit]');
if (exit) {
  const leave = (e) => {
    if (e) e.preventDefault();
    document.body.hidden = true;
    window.location.replace(exit.dataset.quickexit);
  };
  exit.querySelector('a').addEventListener('click', leave);
  let presses = 0, timer = 0;
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    presses++;
    clearTimeout(timer);
    timer = setTimeout(() => { presses = 0; }, 1500);
    if (presses >= 3) leave();
  });
}
