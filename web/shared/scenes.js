// Scenes: the states a panel's explanations point to ("Show me" buttons) and that present mode
// steps through, in a panel's own scenes.js as one list:
//   { id, title: what the reader should notice, label: the state in short ("z = −8, y = 1"),
//     state: the part of the panel's state it sets, shows: the id of the chart it is about }
// A "Show me" button names its scene (data-scene="…"); its label is written from the scene, so
// the button always says what it does, and it brings the chart it talks about into view.

/** A maker of scenes that all show the same chart: scenesShowing('rg-chart')(id, title, …). */
export const scenesShowing = (shows) => (id, title, label, state) => ({
  id,
  title,
  label,
  state,
  shows,
});

/** Brings a scene's chart to the top of the view, below a stuck control strip (its
 * scroll-margin-top is the strip's height, see watchStripHeight). */
export function revealScene(root, scene, host) {
  const target = root.getElementById(scene.shows);
  const card = target?.closest('section') ?? target;
  const reducedMotion = host.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // After the frame that lays out the new state: a smooth scroll started before it can be
  // cut short when the state's own layout changes (a longer note, a taller card) land.
  const view = (root.ownerDocument ?? root).defaultView;
  view.requestAnimationFrame(() =>
    card?.scrollIntoView({ behavior: reducedMotion ? 'auto' : 'smooth', block: 'start' }),
  );
}

/**
 * Wires every [data-scene] button under `container`: its label is written from its scene
 * ("Show me: " + label on .show-me buttons, the bare label on presets), a click shows the scene
 * with `show(scene)` and brings its chart into view.
 */
export function wireSceneButtons(container, scenes, show, host) {
  const root = container.getRootNode();
  for (const button of container.querySelectorAll('[data-scene]')) {
    const scene = scenes.find((one) => one.id === button.dataset.scene);
    if (!scene) {
      button.hidden = true; // a stale id must not leave a button that does nothing
      continue;
    }
    button.textContent = button.classList.contains('show-me')
      ? `Show me: ${scene.label}`
      : scene.label;
    button.title = scene.title;
    button.addEventListener('click', async () => {
      await show(scene);
      revealScene(root, scene, host);
    });
  }
}

/**
 * Keeps `--strip-height` on the playground equal to the control strip's height while the strip
 * is sticky (narrow screens), so scrolled-to charts land below it rather than under it.
 */
export function watchStripHeight(root) {
  const strip = root.querySelector('.playground > .strip');
  if (!strip || typeof ResizeObserver !== 'function') return () => {};
  const playground = strip.parentElement;
  const observer = new ResizeObserver(() => {
    const sticky = getComputedStyle(strip).position === 'sticky';
    const height = sticky ? Math.ceil(strip.getBoundingClientRect().height) + 8 : 0;
    playground.style.setProperty('--strip-height', `${height}px`);
  });
  observer.observe(strip);
  return () => observer.disconnect();
}
