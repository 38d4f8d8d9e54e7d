// The Embed dialog's preview: the <loss-playground> element itself, with the chosen
// attributes, laid out in a 680 px column (the width of a typical blog's text) and scaled down
// when the dialog is narrower, with its measured height in words. The element's script,
// lossplay-embed.js, is loaded the first time the preview is shown.
export const PREVIEW_COLUMN = 680;

let scriptPromise = null;

function loadWidgetScript(doc) {
  scriptPromise ??= new Promise((resolve, reject) => {
    if (window.customElements.get('loss-playground')) {
      resolve();
      return;
    }
    const script = doc.createElement('script');
    script.src = 'lossplay-embed.js'; // beside every page, in dist/
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error('lossplay-embed.js did not load')));
    doc.head.append(script);
  });
  return scriptPromise;
}

/** "about 1,250 px tall in a 680 px column", to the nearest 10 px. */
export function heightText(height) {
  const rounded = Math.round(height / 10) * 10;
  return `About ${rounded.toLocaleString('en-US')} px tall in a ${PREVIEW_COLUMN} px column.`;
}

/**
 * @param {HTMLElement} box     where the scaled column goes
 * @param {HTMLElement} status  where the height is written
 * @returns {{show(attributes: [string, string][]): void}}
 */
export function createPreview(box, status) {
  const doc = box.ownerDocument;
  const column = doc.createElement('div');
  column.className = 'embed-preview-column';
  box.replaceChildren(column);
  let widget = null;
  let shown = '';
  let timer = 0;
  const layout = () => {
    if (!widget) return;
    const scale = Math.min(1, box.clientWidth / PREVIEW_COLUMN) || 1;
    const height = widget.offsetHeight; // its layout height: the scaling does not change it
    column.style.transform = scale < 1 ? `scale(${scale})` : '';
    box.style.height = `${Math.ceil(height * scale)}px`;
    if (widget.dataset.ready === 'true') {
      status.textContent = heightText(height);
      status.dataset.height = String(Math.round(height));
    }
  };
  const observer = new ResizeObserver(layout);
  observer.observe(box);
  const build = async (attributes) => {
    try {
      await loadWidgetScript(doc);
    } catch (error) {
      status.textContent = `No preview: ${error.message}.`;
      return;
    }
    if (widget) observer.unobserve(widget);
    widget = doc.createElement('loss-playground');
    for (const [name, value] of attributes) widget.setAttribute(name, value);
    widget.setAttribute('loading', 'eager'); // measured while it may be scrolled out of view
    widget.addEventListener('lossplay-ready', layout);
    column.replaceChildren(widget);
    observer.observe(widget);
  };
  return {
    show(attributes) {
      const key = JSON.stringify(attributes);
      if (key === shown) return;
      shown = key;
      status.textContent = 'Measuring…';
      delete status.dataset.height;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => build(attributes), 120);
    },
  };
}
