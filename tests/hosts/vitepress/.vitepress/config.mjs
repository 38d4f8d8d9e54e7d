// A minimal VitePress site that embeds lossplay both ways: the <loss-playground> element
// (element.md) and the iframe route (iframe.md). tests/hosts/build_hosts.mjs builds it with the
// built site (dist/) copied under public/lossplay/, and tests/e2e/host_sites.test.mjs checks it
// in Chromium under the Content-Security-Policy below.
import { defineConfig } from 'vitepress';

// The site lives under /vitepress/ on the test server. head entries are not prefixed with
// `base` by VitePress, so the script URLs below carry it themselves.
const base = '/vitepress/';

export default defineConfig({
  base,
  lang: 'en',
  title: 'lossplay in VitePress',
  description: 'The lossplay widget embedded in a VitePress site.',
  themeConfig: {
    nav: [
      { text: 'Element', link: '/element' },
      { text: 'Iframe', link: '/iframe' },
    ],
    sidebar: [
      {
        text: 'Embedding lossplay',
        items: [
          { text: 'The element', link: '/element' },
          { text: 'The iframe', link: '/iframe' },
        ],
      },
    ],
  },
  // #region readme
  // No inline scripts, so the policy below needs no 'unsafe-inline' for scripts: no dark-mode
  // toggle (its script is inline), the site's metadata in a file of its own, and without the
  // default theme's one-line platform check (it only styles the search button's shortcut).
  appearance: false,
  metaChunk: true,
  transformHtml: (html) => html.replace(/<script id="check-mac-os">[^]*?<\/script>\s*/, ''),
  head: [
    [
      'meta',
      {
        'http-equiv': 'Content-Security-Policy',
        content:
          "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
          "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'",
      },
    ],
    // The element, loaded in the browser only: VitePress renders the tag, the script upgrades it.
    ['script', { src: `${base}lossplay/lossplay-embed.js`, defer: '' }],
    // Only for the iframe route: sizes iframe[data-lossplay] frames to their content.
    ['script', { src: `${base}lossplay/lossplay-iframe-resizer.js`, defer: '' }],
  ],
  // Vue must leave <loss-playground> alone rather than look for a Vue component of that name.
  vue: {
    template: {
      compilerOptions: { isCustomElement: (tag) => tag === 'loss-playground' },
    },
  },
  // #endregion readme
});
