// Space on a focused slider: a slider has no use for it, and the browser's default scrolls the
// page (or, around a widget, the host's page) by a screen under the reader's hand.

/** Keeps Space on a focused slider from scrolling. Returns the function that stops it. */
export function keepSpaceOnSliders(root) {
  const onKey = (event) => {
    const target = event.composedPath()[0];
    const onSlider = target instanceof HTMLInputElement && target.type === 'range';
    if (onSlider && event.key === ' ') event.preventDefault();
  };
  root.addEventListener('keydown', onKey);
  return () => root.removeEventListener('keydown', onKey);
}
