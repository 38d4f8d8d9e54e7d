// The "Embed" button: shows ready-to-paste snippets for both ways of embedding the current
// view (the <loss-playground> element and an iframe), built from the page's current URL.
import { panelById } from '../panels/registry.js';

const STATE_EXCLUDED = new Set(['embed', 'hide', 'panel']);

function attributeQuote(text) {
  return String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Both snippets for a panel and its state query. */
export function embedSnippets(panel, query, base) {
  const params = new URLSearchParams(query);
  const state = [...params].filter(([key]) => !STATE_EXCLUDED.has(key));
  const attributes = state.map(
    ([key, value]) => ` ${key.toLowerCase()}="${attributeQuote(value)}"`,
  );
  const script = new URL('lossplay-embed.js', base).href;
  const element =
    `<script src="${attributeQuote(script)}"></script>\n` +
    `<loss-playground panel="${panel}"${attributes.join('')}></loss-playground>`;
  const iframeQuery = new URLSearchParams([['panel', panel], ...state]);
  const frameSource = new URL(`embed.html?${iframeQuery}`, base).href;
  const resizer = new URL('lossplay-iframe-resizer.js', base).href;
  const iframe =
    `<iframe data-lossplay src="${attributeQuote(frameSource)}" title="lossplay" width="100%" height="640" frameborder="0"></iframe>\n` +
    `<script src="${attributeQuote(resizer)}"></script>`;
  return { element, iframe };
}

export function wireEmbedButton(doc) {
  const button = doc.getElementById('embed-button');
  const dialog = doc.getElementById('embed-dialog');
  if (!button || !dialog) return;
  const panel = doc.body.dataset.panel;
  if (!panelById(panel)) return;
  button.addEventListener('click', () => {
    const snippets = embedSnippets(panel, window.location.search, window.location.href);
    doc.getElementById('embed-element').value = snippets.element;
    doc.getElementById('embed-iframe').value = snippets.iframe;
    dialog.showModal();
  });
  for (const copy of dialog.querySelectorAll('[data-copy]')) {
    copy.addEventListener('click', async () => {
      const field = doc.getElementById(copy.dataset.copy);
      field.select();
      try {
        await window.navigator.clipboard.writeText(field.value);
        copy.textContent = 'Copied';
      } catch {
        copy.textContent = 'Select and copy';
      }
    });
  }
  doc.getElementById('embed-close').addEventListener('click', () => dialog.close());
}
