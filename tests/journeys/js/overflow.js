// Elements wider than the window (what would need sideways scrolling), as `tag#id.class`.
// Run by `text_at_200_percent_on_a_phone_needs_no_sideways_scrolling` (screens.rs).
const width = document.documentElement.clientWidth;
const zoom = parseFloat(getComputedStyle(document.body).zoom) || 1;
const wide = [];
for (const e of document.querySelectorAll('main *, header *, footer *')) {
  if (e.children.length > 0 || e.closest('[hidden]')) continue;
  const r = e.getBoundingClientRect();
  const right = Math.max(r.right, r.right * zoom);
  if (r.width > 0 && right > width + 1) {
    let path = [];
    for (let a = e; a && a !== document.body && path.length < 6; a = a.parentElement) {
      const ar = a.getBoundingClientRect();
      path.push(`${a.tagName.toLowerCase()}.${String(a.className).split(' ')[0]}[${Math.round(ar.left)}-${Math.round(ar.right)}]`);
    }
    wide.push(`"${(e.textContent || '').trim().slice(0, 30)}" ${path.join(' < ')}`);
  }
}
return { scroll: document.documentElement.scrollWidth, width, zoom, wide: wide.slice(0, 8) };
