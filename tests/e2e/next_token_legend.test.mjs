// The next-token lab's "Loss at each word" legend draws what the chart draws: the mean loss as
// a dashed line (not a box), and the bars as the two looks they have, one filled (the word the
// reader picked) and one outlined (the other words). Read from the canvas's pixels, since the
// chart object is not reachable from the page: the legend is the first band of the canvas in
// the series' colours, above the plot, and its swatches are told apart by shape.
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { pageSuite } from './page_helpers.mjs';

const lab = pageSuite('next-token.html');

/**
 * In the page: the legend's swatches of the loss chart, per series colour (`--ce` for the bars,
 * `--mse` for the mean), each as its bounding box in CSS pixels, whether its centre is painted
 * in its colour (filled) and, along its most painted row, how many separate runs of that colour
 * it has (a dashed line has several, a box one).
 */
function legendSwatches() {
  const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById('nt-loss-chart'));
  const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  const rgbOf = (name) => {
    probe.clearRect(0, 0, 1, 1);
    probe.fillStyle = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    probe.fillRect(0, 0, 1, 1);
    return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  };
  const { width, height } = canvas;
  const scale = width / canvas.clientWidth;
  const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const colors = { ce: rgbOf('--ce'), mse: rgbOf('--mse') };
  // Anti-aliased edges blend with the background; a swatch's core is its colour to rounding.
  const isColor = (x, y, rgb) =>
    rgb.every((channel, c) => Math.abs(data[(y * width + x) * 4 + c] - channel) <= 24);
  const inAnySeries = (y) => {
    for (let x = 0; x < width; x += 1) {
      if (isColor(x, y, colors.ce) || isColor(x, y, colors.mse)) return true;
    }
    return false;
  };
  // The legend: from the first row in a series colour to the first row after it in none.
  let top = 0;
  while (top < height && !inAnySeries(top)) top += 1;
  let bottom = top;
  while (bottom < height && inAnySeries(bottom)) bottom += 1;

  const swatchesOf = (rgb) => {
    const columns = [];
    for (let x = 0; x < width; x += 1) {
      for (let y = top; y < bottom; y += 1) {
        if (isColor(x, y, rgb)) {
          columns.push(x);
          break;
        }
      }
    }
    // A dash's gap is a few pixels; the text between two items is far wider.
    const groups = [];
    for (const x of columns) {
      const last = groups.at(-1);
      if (last && x - last.at(-1) <= 8 * scale) last.push(x);
      else groups.push([x]);
    }
    return groups.map((xs) => describeSwatch(xs[0], xs.at(-1), rgb));
  };
  const describeSwatch = (left, right, rgb) => {
    const rows = [];
    for (let y = top; y < bottom; y += 1) {
      let painted = 0;
      for (let x = left; x <= right; x += 1) painted += isColor(x, y, rgb) ? 1 : 0;
      if (painted > 0) rows.push({ y, painted });
    }
    const fullest = rows.reduce((a, b) => (b.painted > a.painted ? b : a));
    let runs = 0;
    for (let x = left; x <= right; x += 1) {
      if (isColor(x, fullest.y, rgb) && (x === left || !isColor(x - 1, fullest.y, rgb))) runs += 1;
    }
    const middle = Math.round((rows[0].y + rows.at(-1).y) / 2);
    return {
      width: (right - left + 1) / scale,
      height: (rows.at(-1).y - rows[0].y + 1) / scale,
      filled: isColor(Math.round((left + right) / 2), middle, rgb),
      runs,
    };
  };
  return { bars: swatchesOf(colors.ce), mean: swatchesOf(colors.mse) };
}

describe('the loss chart’s legend matches what the chart draws', () => {
  for (const colorScheme of ['light', 'dark']) {
    lab.test(`${colorScheme} theme`, { colorScheme }, async ({ page }) => {
      await page.locator('#nt-loss-chart').scrollIntoViewIfNeeded();
      const { bars, mean } = await page.evaluate(legendSwatches);
      assert.equal(mean.length, 1, `one swatch for the mean: ${JSON.stringify(mean)}`);
      const [line] = mean;
      assert.ok(
        line.height <= 4,
        `the mean's swatch is a line, not a box: ${JSON.stringify(line)}`,
      );
      assert.ok(line.width >= 15, `the mean's line is long enough to see: ${JSON.stringify(line)}`);
      assert.ok(line.runs >= 2, `the mean's line is dashed, with gaps: ${JSON.stringify(line)}`);
      assert.equal(bars.length, 2, `two swatches for the bars: ${JSON.stringify(bars)}`);
      assert.deepEqual(
        bars.map((bar) => bar.filled),
        [true, false],
        `the picked word's swatch filled, then the others' outlined: ${JSON.stringify(bars)}`,
      );
      for (const bar of bars) {
        assert.ok(bar.height >= 8, `a bar's swatch is a box: ${JSON.stringify(bar)}`);
      }
    });
  }
});
