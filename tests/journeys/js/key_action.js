// What a keyboard user does at the focused element to give the answer in `arguments[0]`.
// Run by `keyboard_only_parking_permit` (citizen.rs) through WebDriver.
const answers = arguments[0];
function get(path) {
  let cur = answers;
  for (const part of path.split('.')) {
    const m = part.match(/^([^\[]+)(?:\[(\d+)\])?$/);
    if (cur == null || !m) return undefined;
    cur = cur[m[1]];
    if (m[2] !== undefined) { if (!Array.isArray(cur)) return undefined; cur = cur[+m[2]]; }
  }
  return cur;
}
const el = document.activeElement;
if (!el) return { action: 'none', id: '' };
const id = el.id || '';
const field = el.closest('.wizard-field[data-path]');
if (!field || field.dataset.computed === 'true') return { action: 'none', id };
const v = get(field.dataset.path);
if (v === undefined || v === null) return { action: 'none', id };
const k = field.dataset.kind;
if (k === 'yes_no') {
  const want = v ? 'yes' : 'no';
  if (el.checked && el.value === want) return { action: 'none', id };
  return want === 'yes' ? { action: 'space', id } : { action: 'arrow', n: 1, id };
}
if (k === 'choice' && el.type === 'radio') {
  const radios = [...field.querySelectorAll('input[type=radio]')];
  const target = radios.findIndex(r => r.value === v);
  const here = radios.indexOf(el);
  if (el.value === v && el.checked) return { action: 'none', id };
  if (target === here) return { action: 'space', id };
  return { action: 'arrow', n: target - here, id };
}
if (k === 'choice' && el.tagName === 'SELECT') {
  const index = [...el.options].findIndex(o => o.value === v);
  if (el.selectedIndex === index) return { action: 'none', id };
  return { action: 'arrow', n: index - el.selectedIndex, id };
}
if (k === 'choice_multiple') return { action: (v.includes(el.value) && !el.checked) ? 'space' : 'none', id };
if (k === 'attachment') return { action: field.querySelectorAll('.attachment').length ? 'none' : 'file', id, accept: el.accept || '' };
if (el.value !== '') return { action: 'none', id };
let text = String(v);
if (k === 'address') {
  const part = el.id === field.querySelector('input').id ? 'strasse' : el.id.split('-').pop();
  text = v[part] === undefined ? '' : String(v[part]);
} else if (k === 'date') { const [y, m, d] = text.split('-'); text = `${d}.${m}.${y}`; }
else if (k === 'money') { const c = Number(v); text = `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`; }
return text ? { action: 'type', text, id } : { action: 'none', id };
