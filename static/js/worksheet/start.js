// start.js: the page starts once every file of the script has run, so that a field
// type's code is registered whichever file it is in.
function start() {
  if (!box) return;
  doc.documentElement.classList.add('ws-on');
  startFiles();
  if (lockBox) startLock();
  addEventListener('storage', otherTab);
  if (root) startWorksheet(); else startAnswers();
}
queueMicrotask(start);
