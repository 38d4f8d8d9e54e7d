// What a page does in an iframe (embed=1), called by startPage before the panel mounts: takes
// the embedded view's styles (markEmbeddedPage: the column-sized layout, the background=
// option), then tells the parent page how tall the content is whenever it changes, as
// {type: "lossplay:height", height} — the message lossplay-iframe-resizer.js listens for.
// The height is not private, so any parent may receive it.
import { markEmbeddedPage } from '../shared/view_options.js';

/** @param {import('../shared/view_options.js').ViewOptions} options */
export function reportHeightToParent(options) {
  markEmbeddedPage(document.documentElement, options);
  if (window.parent === window) return;
  // A story scrolls inside its frame, at the height the author gave it, with the figure
  // pinned to the frame's top: a frame grown to its content would have nothing to pin to. It
  // says only that it has started, so the parent can tell it the page's look.
  if (options.story) {
    window.parent.postMessage({ type: 'lossplay:started' }, '*');
    return;
  }
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'lossplay:height', height }, '*');
    }
  };
  new ResizeObserver(post).observe(document.documentElement);
  post();
}
