// Fills the visible fields of the current wizard page from `arguments[0]` (nested answers by
// element id) the way a person would. Run by `wizard::fill_page` through WebDriver.
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
const visible = el => !el.closest('[hidden]');
function type(input, text) {
  if (input.value === text) return 0;
  input.focus();
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return 1;
}
function click(input) { if (input && !input.checked) { input.click(); return 1; } return 0; }
let changed = 0;
const files = [];
for (const rep of document.querySelectorAll('[data-repeat]')) {
  if (!visible(rep)) continue;
  const want = get(rep.dataset.repeat);
  if (Array.isArray(want) && want.length > +rep.dataset.count) {
    rep.querySelector(':scope > .repeat-add').click();
    changed++;
  }
}
for (const f of document.querySelectorAll('.wizard-field[data-path]')) {
  if (!visible(f) || f.dataset.computed === 'true') continue;
  const v = get(f.dataset.path);
  if (v === undefined || v === null) continue;
  const k = f.dataset.kind;
  if (k === 'yes_no') changed += click(f.querySelector(`input[value="${v ? 'yes' : 'no'}"]`));
  else if (k === 'choice') {
    const sel = f.querySelector('select');
    if (sel) { if (sel.value !== v) { sel.value = v; sel.dispatchEvent(new Event('change', { bubbles: true })); changed++; } }
    else changed += click(f.querySelector(`input[value="${v}"]`));
  } else if (k === 'choice_multiple') { for (const c of v) changed += click(f.querySelector(`input[value="${c}"]`)); }
  else if (k === 'address') {
    const base = f.querySelector('input').id;
    for (const [part, text] of Object.entries(v)) {
      const input = document.getElementById(part === 'strasse' ? base : `${base}-${part}`);
      if (input) changed += type(input, String(text));
    }
  } else if (k === 'attachment') {
    const have = f.querySelectorAll('.attachment').length;
    const want = Array.isArray(v) ? v.length : 1;
    if (have < want) files.push(f.querySelector('input[type=file]').id + '#' + have);
  } else if (k === 'date') {
    const [y, m, d] = String(v).split('-');
    changed += type(f.querySelector('input'), `${d}.${m}.${y}`);
  } else if (k === 'money') {
    const cents = Number(v);
    changed += type(f.querySelector('input'), `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`);
  } else {
    const input = f.querySelector('input, textarea');
    if (input) changed += type(input, String(v));
  }
}
return { changed, files };
