// Types into a field and measures the input event to the validated, re-rendered field.
// Run by `keystroke_to_validated_render_in_the_500_field_form` (screens.rs) through WebDriver.
const [id, rounds, done] = arguments;
const input = document.getElementById(id);
const times = [];
let i = 0;
function next() {
  if (i >= rounds) { done(times); return; }
  const value = (i % 2 === 0) ? ('x'.repeat(1 + (i % 7))) : '';
  const t0 = performance.now();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  setTimeout(() => { times.push(performance.now() - t0); i++; setTimeout(next, 5); }, 0);
}
next();
