// Records what a person does to the form, with whether the browser says a
// person did it (isTrusted), and keeps the name in localStorage.
const log = [];
const note = (s) => { log.push(s); document.getElementById('log').textContent = log.join('\n'); };
const name = document.getElementById('name');
name.value = localStorage.getItem('name') || '';
name.addEventListener('keydown', (e) => note('key ' + e.key + ' ' + e.isTrusted));
name.addEventListener('input', () => localStorage.setItem('name', name.value));
document.getElementById('go').addEventListener('click', (e) => note('click ' + e.isTrusted));
document.getElementById('file').addEventListener('change', async (e) => {
  const f = e.target.files[0];
  note('file ' + f.name + ' ' + (await f.text()).trim() + ' ' + e.isTrusted);
});
