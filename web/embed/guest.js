// What a widget needs to be a good guest on a host page it does not control: it starts only
// near the viewport, keeps the keys its controls use, and leaves nothing behind.

// One observer for every widget on the page. The margins start a widget about a screen before
// it scrolls into view, in the page or in a scrolling box (a notebook's output, a dialog), so
// the reader does not see it start.
let observer = null;
const onVisibility = new WeakMap();

/** Calls onChange(visible) whenever the element comes near the viewport or leaves it (a slide
 *  hidden at load is not visible; its widget starts when the slide shows). Returns the stop. */
export function observeVisibility(element, onChange) {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) onVisibility.get(entry.target)?.(entry.isIntersecting);
    },
    // scrollMargin reaches every scrolling box, the page's included; it adds to rootMargin, so
    // one of the two, whichever the browser has.
    'scrollMargin' in IntersectionObserver.prototype
      ? { scrollMargin: '100% 0px' }
      : { rootMargin: '100% 0px' },
  );
  onVisibility.set(element, onChange);
  observer.observe(element);
  return () => {
    observer.unobserve(element);
    onVisibility.delete(element);
  };
}

// Keys a focused control uses itself. Document-level shortcuts (a slide deck's arrow keys, its
// letter keys) would otherwise see them too: seen from outside, the focus is on the widget
// element, not on the field inside its shadow root, so the deck cannot tell the reader is
// typing a number or moving a slider.
const CONTROL_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  ' ',
]);
const KEY_CONTROLS = 'input, select, [role="slider"]';
const TEXT_ENTRY =
  'textarea, [contenteditable], input:not([type]), input[type="text"], input[type="number"], input[type="search"]';
const LEAVES_THE_FIELD = new Set(['Tab', 'Escape']);

/** Keeps a focused control's keys inside the widget: every key typed into a text field (but
 *  Tab and Escape), the arrows and the like on a slider, a choice or a checkbox. Keys on
 *  anything else (a button, the widget's text) go on to the host page. */
export function keepKeysInControls(shadow) {
  const keep = (event) => {
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return;
    const typing = target.matches(TEXT_ENTRY) && !LEAVES_THE_FIELD.has(event.key);
    if (typing || (CONTROL_KEYS.has(event.key) && target.matches(KEY_CONTROLS))) {
      event.stopPropagation();
    }
  };
  for (const type of ['keydown', 'keypress', 'keyup']) shadow.addEventListener(type, keep);
}

/**
 * Takes the radio buttons out of their groups before the widget's content is removed. Chromium
 * keeps a removed radio button in its shadow root's radio group (with its listeners, its panel
 * and the charts behind them) for as long as the shadow root lives; a radio with no name is in
 * no group.
 */
export function releaseRadios(shadow) {
  for (const radio of shadow?.querySelectorAll('input[type="radio"]') ?? []) radio.name = '';
}
