// Chart.js with the pieces every chart uses (a linear axis, tooltip, legend), the options every
// chart shares, and colours read from the page's CSS so both themes match. Each kind of chart
// registers what else it draws (curve_chart.js lines, bar_chart.js bars, a log axis where one
// is used), so a page's bundle holds only the Chart.js pieces that page draws.
import { Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { toFont } from 'chart.js/helpers';
import { formatNumber } from '../shared/number_format.js';

Chart.register(LinearScale, Tooltip, Legend);

// Chart.js labels linear ticks with Intl.NumberFormat, whose first use on a page costs ~25 ms
// (60–70 ms on a phone) before the first chart shows; the playground's own number format
// (a proper minus sign, no NaN) labels them instead.
/**
 * A linear axis's tick label in the playground's number format.
 * @param {number | string} value  always a number on a linear axis (Chart.js types the
 *   callback for category axes too)
 */
export const numberTick = (value) => formatNumber(/** @type {number} */ (value));
Chart.defaults.scales.linear.ticks.callback = numberTick;

export { Chart };

/** The size of axis and legend text for a chart `width` px wide on `canvas`'s page: it grows
 *  with the chart, for projectors, and stays small on phones. */
function fontSizeFor(canvas, width) {
  // Present mode (a lecture): read from the back of the room.
  if (canvas.ownerDocument.documentElement.dataset.present === 'true') {
    return width < 420 ? 15 : width < 640 ? 17 : 22;
  }
  return width < 420 ? 11 : width < 640 ? 13 : 15;
}

/** As a scriptable font option (for an option that is scriptable for another reason). */
export const chartFont = (context) => ({
  size: fontSizeFor(context.chart.canvas, context.chart.width),
});

/**
 * A font option of plain values whose size follows the chart's width (fitFonts). A scriptable
 * font would do the same, but Chart.js resolves a scriptable option once per tick on every
 * update, which was an eighth of a slider step's time; this one is set when the chart is
 * built, resized, or enters or leaves present mode.
 */
export const fittedFont = () => ({ size: 13, fitted: true });

/** Sets every fittedFont of `chart`'s options to the size its width (or `width`) calls for. */
export function fitFonts(chart, width = chart.width) {
  const size = fontSizeFor(chart.canvas, width);
  const visit = (node, depth) => {
    if (node === null || typeof node !== 'object' || depth > 6) return;
    if (node.fitted === true) node.size = size;
    else for (const value of Object.values(node)) visit(value, depth + 1);
  };
  visit(chart.config.options, 0);
}

Chart.register({
  id: 'fittedFonts',
  beforeInit: (chart) => fitFonts(chart),
  resize: (chart, { size }) => fitFonts(chart, size.width),
});

/**
 * The size of a label a plugin draws on the chart (a zone's name, a bracket's value, a marker's
 * epoch): `normal` on a page, and in present mode the size of the axes' text, so nothing on a
 * projected chart is smaller than its ticks.
 */
export function annotationFontSize(chart, normal) {
  return chart.canvas.ownerDocument.documentElement.dataset.present === 'true'
    ? chartFont({ chart }).size
    : normal;
}

// The height a chart's layout leaves outside its plot (legend, x-axis, padding), as of its
// last layout: what a y-axis title has is the chart's height less this.
Chart.register({
  id: 'reservedHeight',
  afterLayout(chart) {
    chart.$reservedHeight = chart.height - (chart.chartArea.bottom - chart.chartArea.top);
  },
});

/**
 * What a chart's layout (the scales' ticks and sizes, the legend, the plot area) is made from:
 * its size, type size and present mode, the legend's entries, each scale's bounds and titles,
 * the extent of the data on each axis (Chart.js takes a scale's range from it), and what else
 * the chart's code says its layout depends on (`chart.$layoutExtra`, such as a tick drawn in
 * bold). Equal keys mean an equal layout.
 */
export function layoutKey(chart) {
  const { options, data } = chart.config;
  const extents = {};
  const widen = (axis, value) => {
    if (typeof value !== 'number') return;
    const extent = (extents[axis] ??= [value, value]);
    if (value < extent[0]) extent[0] = value;
    if (value > extent[1]) extent[1] = value;
  };
  const legend = data.datasets.map((dataset, k) => {
    for (const point of dataset.data) {
      if (typeof point === 'number') widen('v', point);
      else if (point) {
        widen('x', point.x);
        widen('y', point.y);
      }
    }
    return [dataset.label, dataset.data.length > 0, chart.isDatasetVisible(k)];
  });
  const scales = Object.entries(options.scales ?? {}).map(([id, scale]) => [
    id,
    scale.type,
    scale.min,
    scale.max,
    scale.suggestedMin,
    scale.suggestedMax,
    scale.title?.text,
  ]);
  // An axis whose bounds are both set takes nothing from the data.
  const fixed = (axis) =>
    typeof options.scales?.[axis]?.min === 'number' &&
    typeof options.scales?.[axis]?.max === 'number';
  if (fixed('x')) delete extents.x;
  if (fixed('y')) {
    delete extents.y;
    delete extents.v;
  }
  const present = chart.canvas.ownerDocument.documentElement.dataset.present;
  const extra = chart.$layoutExtra;
  return JSON.stringify([
    chart.width,
    chart.height,
    present,
    data.labels,
    legend,
    scales,
    extents,
    extra,
  ]);
}

// A slider step that moves a curve but leaves every scale's range as it was needs no new
// layout: Chart.js would still measure every tick label and legend entry again, half of such an
// update's time. The layout is skipped when its key (layoutKey) is the one last laid out; any
// update but a silent one ('none': a theme's new colours, a resize) lays out in full.
export const steadyLayout = {
  id: 'steadyLayout',
  /** @param {import('chart.js').Chart} chart @param {{mode: string}} args */
  beforeUpdate(chart, { mode }) {
    if (building) return false; // see buildChart
    const key = layoutKey(chart);
    chart.$layoutSteady = mode === 'none' && key === chart.$layoutKey;
    chart.$layoutKey = key;
  },
  /** @param {import('chart.js').Chart} chart */
  beforeLayout: (chart) => !chart.$layoutSteady,
};
Chart.register(steadyLayout);

let building = false;

/**
 * A Chart.js chart that is laid out and drawn first by its own first update. Chart.js's
 * constructor lays the chart out and draws it twice (once as the canvas is found attached, once
 * more at its end), with no data yet; every panel's first render then does it all again with
 * its data. Cancelling the constructor's updates (steadyLayout's beforeUpdate) leaves one layout
 * and one drawing per chart for a page's first render.
 * @param {HTMLCanvasElement} canvas
 * @param {import('chart.js').ChartConfiguration<any>} config
 */
export function buildChart(canvas, config) {
  building = true;
  try {
    return new Chart(canvas, config);
  } finally {
    building = false;
  }
}

/** `text` in two lines, broken at the space nearest its middle. */
function inTwoLines(text) {
  const middle = text.length / 2;
  let at = -1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) {
    if (at === -1 || Math.abs(i - middle) < Math.abs(at - middle)) at = i;
  }
  return [text.slice(0, at), text.slice(at + 1)];
}

/**
 * A y-axis title that takes two lines when one would be longer than the axis, as on a
 * projector's short charts: Chart.js draws a title in one piece, and the canvas cuts what
 * does not fit. Scriptable, so each update decides it from the chart's size as it is then.
 * @param {string | string[]} text
 * @returns {string | string[]} as Chart.js's types have it: they list a title's text as a plain
 *   value, though scale options are resolved as scriptable ones at run time
 */
export function fittedAxisTitle(text) {
  if (Array.isArray(text) || !text.includes(' ')) return text;
  const widths = new Map(); // by font: measured once, not on every update
  /** @param {import('chart.js').ScriptableScaleContext} context */
  const fitted = (context) => {
    const { chart } = context;
    const length = chart.height - (chart.$reservedHeight ?? 0.35 * chart.height);
    const font = toFont(chartFont(context)).string;
    let width = widths.get(font);
    if (width === undefined) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = font;
      width = ctx.measureText(text).width;
      ctx.restore();
      widths.set(font, width);
    }
    return width <= length ? text : inTwoLines(text);
  };
  return /** @type {any} */ (fitted);
}

export const CE_DASH = [];
export const MSE_DASH = [7, 5];
export const MAE_DASH = [2, 4];
export const CLAMPED_DASH = [2, 3];
export const HUBER_DASH = [12, 4, 2, 4];

/**
 * Options for live charts: no animation, pre-parsed {x, y} points, fixed scales.
 * @returns {import('chart.js').ChartOptions<'line'>}
 */
export function baseOptions(colors, { xTitle, yTitle, titleOf }) {
  return {
    animation: false,
    parsing: false,
    normalized: true,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    plugins: {
      legend: {
        labels: {
          color: colors.text,
          font: fittedFont(),
          boxWidth: 28,
          boxHeight: 0, // a line sample, dashed like its curve
          // A curve shown only in some states (the clamped CE) has no entry while it is empty.
          filter: (item, data) => data.datasets[item.datasetIndex].data.length > 0,
        },
      },
      tooltip: {
        callbacks: {
          title: (items) => (items.length ? titleOf(items[0].parsed.x) : ''),
          label: (item) => `${item.dataset.label}: ${formatNumber(item.parsed.y)}`,
        },
      },
    },
    scales: {
      x: {
        type: 'linear',
        title: { display: true, text: xTitle, color: colors.text, font: fittedFont() },
        ticks: { color: colors.muted, font: fittedFont() },
        grid: { color: colors.grid },
      },
      y: {
        type: 'linear',
        title: {
          display: true,
          text: fittedAxisTitle(yTitle),
          color: colors.text,
          font: fittedFont(),
        },
        ticks: { color: colors.muted, font: fittedFont() },
        grid: { color: colors.grid },
      },
    },
  };
}

// Dataset colours are plain values, never functions: Chart.js resolves options shared by a
// dataset once per update, but a scriptable option (a function) once per data point, which
// made every slider step resolve thousands of points. A new theme writes the new colours into
// the datasets (colorDataset) before the update that draws them.

/** Copies theme colours into the shared palette and onto the chart's axes and legend. */
export function applyThemeColors(chart, palette, colors) {
  Object.assign(palette, colors);
  for (const scale of Object.values(chart.options.scales)) {
    scale.title.color = colors.text;
    scale.ticks.color = colors.muted;
    scale.grid.color = colors.grid;
  }
  chart.options.plugins.legend.labels.color = colors.text;
}

/** Gives a curve dataset the colour `color` (a line and its hover point). */
export function colorDataset(dataset, color) {
  Object.assign(dataset, {
    borderColor: color,
    backgroundColor: color,
    pointBackgroundColor: color,
    pointBorderColor: color,
  });
}

/** Dataset for a curve: a line without point markers, in the palette's `colorKey` colour. */
export function curveDataset(label, colorKey, dash, palette) {
  const dataset = {
    label,
    data: [],
    borderWidth: 2.5,
    borderDash: dash,
    pointRadius: 0,
    pointHoverRadius: 4,
    tension: 0,
  };
  colorDataset(dataset, palette[colorKey]);
  return dataset;
}

/** Destroys every chart drawn under `root` (a page or a widget's shadow root): called from a
 *  panel's dispose, so that a panel taken down leaves no chart, listener or canvas behind. */
export function destroyChartsIn(root) {
  for (const canvas of root.querySelectorAll('canvas')) Chart.getChart(canvas)?.destroy();
}

/** Options every chart over categories shares (bars per class, a loss per word): no animation,
 *  one tooltip per category, in the playground's number format.
 *  @returns {import('chart.js').ChartOptions<'bar'>} */
export function categoryOptions(colors) {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: /** @type {const} */ ('index'), intersect: false },
    plugins: {
      legend: { labels: { color: colors.text, font: fittedFont() } },
      tooltip: {
        callbacks: {
          /** @param {import('chart.js').TooltipItem<any>} item */
          label: (item) => `${item.dataset.label}: ${formatNumber(item.parsed.y)}`,
        },
      },
    },
  };
}
