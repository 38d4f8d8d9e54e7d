// In an iframe (embed=1), tells the parent page how tall the content is whenever it changes,
// as {type: "lossplay:height", height} — the message lossplay-iframe-resizer.js listens for.
// The height is not private, so any parent may receive it.
export function reportHeightToParent() {
  if (window.parent === window) return;
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
