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

/** Axis and legend text that grows with the chart, for projectors, and stays small on phones. */
export const chartFont = (context) => {
  const { width, canvas } = context.chart;
  // Present mode (a lecture): read from the back of the room.
  if (canvas.ownerDocument.documentElement.dataset.present === 'true') {
    return { size: width < 420 ? 15 : width < 640 ? 17 : 22 };
  }
  return { size: width < 420 ? 11 : width < 640 ? 13 : 15 };
};

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
  /** @param {import('chart.js').ScriptableScaleContext} context */
  const fitted = (context) => {
    const { chart } = context;
    const length = chart.height - (chart.$reservedHeight ?? 0.35 * chart.height);
    const { ctx } = chart;
    ctx.save();
    ctx.font = toFont(chartFont(context)).string;
    const width = ctx.measureText(text).width;
    ctx.restore();
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
          font: chartFont,
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
        title: { display: true, text: xTitle, color: colors.text, font: chartFont },
        ticks: { color: colors.muted, font: chartFont },
        grid: { color: colors.grid },
      },
      y: {
        type: 'linear',
        title: {
          display: true,
          text: fittedAxisTitle(yTitle),
          color: colors.text,
          font: chartFont,
        },
        ticks: { color: colors.muted, font: chartFont },
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
      legend: { labels: { color: colors.text, font: chartFont } },
      tooltip: {
        callbacks: {
          /** @param {import('chart.js').TooltipItem<any>} item */
          label: (item) => `${item.dataset.label}: ${formatNumber(item.parsed.y)}`,
        },
      },
    },
  };
}
