package worksheet_test

// demoJS fills the charts of the default site's worksheets as a person might, for the
// chart tests and screenshots. fillRows(id, rows) fills the rows of field id (adding rows
// as needed): a string is a control's value, a number the index of a drop-down's option.
const demoJS = `const fillRows = (id, data) => {
  const f = document.getElementById(id);
  const rs = () => f.querySelectorAll('[data-rows] > *');
  while (rs().length < data.length) f.querySelector('[data-act=add]').click();
  data.forEach((o, i) => {
    for (const [k, v] of Object.entries(o)) {
      const n = rs()[i].querySelector('[data-k="' + k + '"]');
      if (typeof v === 'number') n.selectedIndex = v; else n.value = v;
      n.dispatchEvent(new Event('input', {bubbles: true}));
      n.dispatchEvent(new Event('change', {bubbles: true}));
    }
  });
};
const demo = {
  'closeness-circle': () => fillRows('circle', [{name: 'Maria', ring: 1}, {name: 'Dad', ring: 2}, {name: 'Sam from work', ring: 3},
    {name: 'Grandma Rosa', ring: 1}, {name: 'Alex', ring: 2}, {name: 'Coach', ring: 0}]),
  'life-timeline': () => fillRows('events', [
    {when: 'Age 8', what: 'We moved to a new town and I changed schools', mood: 4},
    {when: '2015', what: 'Finished school, started my first job', mood: 8},
    {when: '2019', what: 'My grandmother died', mood: 2},
    {when: 'Last spring', what: 'Lost my job and moved back in with my parents', mood: 3},
    {when: 'Now', what: 'Started therapy', mood: 6}]),
  'social-rhythm': () => fillRows('rhythm', [
    {d1: '07:00', d2: '07:15', d3: '07:00', d4: '09:30', d5: '07:00', d6: '10:00', d7: '10:30'},
    {d1: '08:00', d2: '08:30', d3: '08:00', d4: '11:00', d5: '08:00', d6: '12:00', d7: '11:30'},
    {d1: '09:00', d2: '09:00', d3: '09:15', d4: '13:00', d5: '09:00'},
    {d1: '18:00', d2: '19:30', d3: '18:00', d5: '18:30', d6: '20:00'},
    {d1: '23:00', d2: '23:30', d3: '23:00', d4: '01:30', d5: '23:00', d6: '00:30', d7: '23:30'}]),
};
`
