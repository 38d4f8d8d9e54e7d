// The regression lab's fit chart: MSE, MAE and Huber as functions of one constant prediction
// c, each divided by its largest value in view so the three shapes can be compared on one
// axis (hovering shows the actual loss). Markers sit at each loss's minimiser and at the data.
import { HUBER_DASH, MAE_DASH, MSE_DASH } from '../../charts/chart_setup.js';
import { createCurveChart } from '../../charts/curve_chart.js';
import { formatNumber } from '../../shared/number_format.js';

export function createConstantFitChart(canvas, colors) {
  const chart = createCurveChart(canvas, colors, {
    series: [
      { label: 'MSE', colorKey: 'mse', dash: MSE_DASH },
      { label: 'MAE', colorKey: 'mae', dash: MAE_DASH },
      { label: 'Huber', colorKey: 'huber', dash: HUBER_DASH },
    ],
    xTitle: 'constant prediction c',
    yTitle: 'loss ÷ its largest value in view',
    titleOf: (c) => `c = ${formatNumber(c)}`,
  });
  Object.assign(chart.options.scales.y, {
    min: 0,
    max: 1.05,
    afterBuildTicks: (scale) => {
      scale.ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].map((value) => ({ value }));
    },
  });
  let raw = [[], [], []];
  chart.options.plugins.tooltip.callbacks.label = (item) =>
    `${item.dataset.label}: ${formatNumber(raw[item.datasetIndex][item.dataIndex])}`;

  return {
    chart: chart.chart,
    /**
     * curve: core.constantLossCurve output; minima: [{c, mse|mae|huber value}] per loss;
     * targets: the data, drawn along the axis.
     */
    set(curve, minima, targets) {
      raw = [curve.mse, curve.mae, curve.huber];
      const largest = raw.map((values) => Math.max(...values));
      const scaled = raw.map((values, k) => Array.from(values, (v) => v / largest[k]));
      chart.setSeries(curve.c, scaled);
      // The "Show the numbers" table lists the actual losses, not the scaled ones.
      raw.forEach((values, k) => {
        chart.chart.data.datasets[k].$actual = values;
      });
      Object.assign(chart.options.scales.x, { min: curve.c[0], max: curve.c[curve.c.length - 1] });
      chart.invalidate();
      chart.setMarkers([
        ...minima.map(({ c, value, colorKey, style, radius }, k) => ({
          x: c,
          y: value / largest[k],
          colorKey,
          style,
          radius,
          rotation: 0,
        })),
        ...targets.map((t) => ({ x: t, y: 0, colorKey: 'text', style: 'triangle', rotation: 0 })),
      ]);
    },
    setColors: chart.setColors,
    render: chart.render,
  };
}
