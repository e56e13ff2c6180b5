// update.js (after summary.js): draw the summary now and whenever the answers may have
// changed (unlocked, the page's own date and text typed); print it on one page
// (session.css) or copy it as text.
render();
new MutationObserver(render).observe(document.documentElement, { attributes: true });
addEventListener('input', render);
$s('.session-print').onclick = () => print();
$s('.session-copy').onclick = (e) => navigator.clipboard.writeText($s('.session-body').innerText).then(() => e.target.classList.add('ok')); // session.css ticks it
