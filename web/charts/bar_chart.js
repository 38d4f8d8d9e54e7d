// Grouped bars, one group per class: the multi-class lab's probabilities (prediction and
// target) and its gradients (CE and MSE). Colour and a hatch-free outline style tell the two
// series apart (solid fill for the first, outlined bars for the second).
import {
  Chart,
  buildChart,
  applyThemeColors,
  categoryOptions,
  fittedFont,
  fittedAxisTitle,
  numberTick,
} from './chart_setup.js';
import { roundCeiling } from './round_bounds.js';
import { BarController, BarElement, CategoryScale } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale);

/** Plain colour values (see chart_setup.js), written again when the theme changes. */
function colorBars(datasets, series, palette) {
  series.forEach(({ colorKey, outlined }, k) => {
    datasets[k].borderColor = palette[colorKey];
    datasets[k].backgroundColor = outlined ? palette.surface : palette[colorKey];
  });
}

/**
 * @param {{series: {label: string, colorKey: string, outlined?: boolean}[], yTitle: string,
 *          xTitle?: string, yMin?: number, yMax?: number}} config  xTitle: default "class"
 */
export function createBarChart(canvas, colors, config) {
  const palette = { ...colors };
  const datasets = config.series.map(({ label, outlined }) => ({
    label,
    data: [],
    borderWidth: 2,
    borderDash: outlined ? [5, 3] : [],
  }));
  // Coloured before the chart exists: Chart.js resolves a dataset's bar style once into
  // options its bars share, and an update('none') never resolves them again.
  colorBars(datasets, config.series, palette);
  // After a theme change, one full update (instant: animation is off) re-resolves them.
  let restyled = false;
  const chart = buildChart(canvas, {
    type: 'bar',
    data: { labels: [], datasets },
    options: {
      ...categoryOptions(colors),
      scales: {
        x: {
          type: 'category',
          title: {
            display: true,
            text: config.xTitle ?? 'class',
            color: colors.text,
            font: fittedFont(),
          },
          ticks: { color: colors.muted, font: fittedFont() },
          grid: { color: colors.grid },
        },
        y: {
          type: 'linear',
          min: config.yMin,
          max: config.yMax,
          title: {
            display: true,
            text: fittedAxisTitle(config.yTitle),
            color: colors.text,
            font: fittedFont(),
          },
          ticks: { color: colors.muted, font: fittedFont(), callback: numberTick },
          grid: { color: colors.grid },
        },
      },
    },
  });

  return {
    chart,
    /** labels: class names; values[k]: the numbers of series k, one per class. */
    set(labels, values) {
      chart.data.labels = labels;
      values.forEach((series, k) => {
        chart.data.datasets[k].data = Array.from(series);
      });
    },
    setLabels(labels) {
      labels.forEach((label, k) => {
        chart.data.datasets[k].label = label;
      });
    },
    /** Symmetric y-range around 0 that fits every value (gradients change sign and size), in
     *  round steps (round_bounds.js), so a slider's step keeps the chart's layout. */
    fitSymmetric(values) {
      const largest = Math.max(1e-3, ...values.flatMap((series) => Array.from(series, Math.abs)));
      const bound = roundCeiling([largest]);
      Object.assign(chart.options.scales.y, { min: -bound, max: bound });
    },
    setColors(next) {
      applyThemeColors(chart, palette, next);
      colorBars(chart.data.datasets, config.series, palette);
      restyled = true;
    },
    render() {
      chart.update(restyled ? 'default' : 'none');
      restyled = false;
    },
  };
}
