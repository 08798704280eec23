// What `screen_fits` (screens.rs) checks of a screen: its width, its main headings, and the
// boxes of the four main navigation links.
const nav = ['nav-services', 'nav-applications', 'nav-inbox', 'nav-settings'].map(id => {
  const r = document.getElementById(id)?.getBoundingClientRect();
  return r ? { w: r.width, h: r.height, right: r.right } : null; });
const h1 = [...document.querySelectorAll('h1')].filter(h => h.getBoundingClientRect().height > 0);
return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, h1: h1.length, nav };
