// target.js: a link to one question or heading (a therapist's link to
// worksheets/role-dispute/#what-i-want) lands on it below the sticky quick-exit bar
// (scroll-margin-top in site.css), marks it until the reader does something, and moves
// the keyboard focus to it, so a screen reader starts there too (WCAG 2.4.11).
const mark = () => {
  document.querySelector('.linked')?.classList.remove('linked');
  let t = null;
  try { t = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch { t = null; }
  if (!t || t.id === 'main') return;
  t.classList.add('linked');
  if (!t.matches('a, button, input, select, textarea, [tabindex]')) t.setAttribute('tabindex', '-1');
  t.focus({ preventScroll: true });
  const done = (e) => {
    if (e.type === 'keydown' && e.key === 'Tab') return; // moving on with the keyboard is not yet acting
    t.classList.remove('linked');
    for (const ev of ['pointerdown', 'keydown', 'input']) removeEventListener(ev, done, true);
  };
  for (const ev of ['pointerdown', 'keydown', 'input']) addEventListener(ev, done, true);
};
mark();
addEventListener('hashchange', mark);
