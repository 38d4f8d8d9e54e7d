// Bars are painted in their series' colours on the first paint, in both themes, on the pages
// and in the widgets: the pixels of the plot area (below the legend) include a bar's worth of
// each filled series' colour, and the dashed outline of each outlined series whose colour
// nothing else on the chart uses. Chart.js's default translucent grey would show none. The
// colours come from the theme's CSS custom properties, turned into pixels by the browser.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { animationFrames, pageSuite } from './page_helpers.mjs';

const site = pageSuite();

// [page, canvas id, [{css variable, filled}]] — the series' colours as the theme names them.
const CHARTS = [
  ['multiclass.html', 'mc-prob-chart', [{ color: '--ce', filled: true }]],
  [
    'multiclass.html',
    'mc-grad-chart',
    [
      { color: '--ce', filled: true },
      { color: '--mse', filled: false },
    ],
  ],
  ['next-token.html', 'nt-prob-chart', [{ color: '--ce', filled: true }]],
  ['likelihood.html?dist=bernoulli', 'lk-density-chart', [{ color: '--ce', filled: true }]],
  [
    'your-model.html',
    'ym-gradient-chart',
    [
      { color: '--ce', filled: true },
      { color: '--mse', filled: false },
    ],
  ],
  [
    'your-model.html',
    'ym-loss-chart',
    [
      { color: '--ce', filled: true },
      { color: '--mse', filled: false },
    ],
  ],
];

/**
 * In the page: for each series colour, how many pixels of the canvas below its legend band
 * have exactly that colour (±3 per channel). `hostSelector` names a widget whose shadow root
 * holds the canvas, or is null for the page itself.
 */
function countSeriesPixels({ canvasId, series, hostSelector }) {
  const host = hostSelector ? document.querySelector(hostSelector) : document.documentElement;
  const root = hostSelector ? host.shadowRoot : document;
  const canvas = root.getElementById(canvasId);
  const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const rgbOf = (cssColor) => {
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = cssColor;
    probe.fillRect(0, 0, 1, 1);
    return probe.getImageData(0, 0, 1, 1).data;
  };
  const style = getComputedStyle(host);
  const { width, height } = canvas;
  const legendBand = Math.round(32 * (width / canvas.clientWidth)); // the legend's rows
  const pixels = canvas.getContext('2d').getImageData(0, legendBand, width, height - legendBand);
  const scale = (width / canvas.clientWidth) ** 2; // device pixels per CSS pixel²
  return series.map(({ color }) => {
    const [r, g, b] = rgbOf(style.getPropertyValue(color).trim());
    let count = 0;
    for (let i = 0; i < pixels.data.length; i += 4) {
      const d = pixels.data;
      if (Math.abs(d[i] - r) <= 3 && Math.abs(d[i + 1] - g) <= 3 && Math.abs(d[i + 2] - b) <= 3) {
        count += 1;
      }
    }
    return count / scale; // in CSS pixels
  });
}

async function assertBarsColoured(page, { canvasId, series, hostSelector = null }, where) {
  const counts = await page.evaluate(countSeriesPixels, { canvasId, series, hostSelector });
  series.forEach(({ color, filled }, k) => {
    // A filled bar of a 200-px-tall plot is thousands of CSS pixels; a dashed 2-px outline of
    // one bar is well over a hundred.
    const least = filled ? 1500 : 100;
    assert.ok(counts[k] >= least, `${where}: ${color} covers ${counts[k]} px (at least ${least})`);
  });
}

for (const colorScheme of ['light', 'dark']) {
  describe(`bars in their series' colours on first paint, ${colorScheme}`, () => {
    for (const [path, canvasId, series] of CHARTS) {
      site.test(`${path} #${canvasId}`, { path, colorScheme }, async ({ page }) => {
        await assertBarsColoured(page, { canvasId, series }, `${path} ${colorScheme}`);
      });
    }
    site.test(
      'the chapter’s multi-class widget',
      { path: 'examples/chapter.html', ready: false, colorScheme },
      async ({ page }) => {
        // The first multi-class widget: widgets start when they near the viewport.
        const host = 'loss-playground[panel="multiclass"]';
        await page.evaluate((selector) => document.querySelector(selector).scrollIntoView(), host);
        await page.waitForFunction(
          (selector) => document.querySelector(selector).dataset.ready === 'true',
          host,
        );
        await animationFrames(page, 2);
        const chart = { canvasId: 'mc-grad-chart', series: CHARTS[1][2], hostSelector: host };
        await assertBarsColoured(page, chart, `chapter widget ${colorScheme}`);
      },
    );
  });
}
