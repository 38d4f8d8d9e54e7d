// The deep network lab's two charts. Layer norms: the length of each layer's weight gradient,
// layer 1 (at the input) to the output layer, on a logarithmic axis, for both runs, at the
// start (thin, hollow points) and now (thick). Training loss: each run's loss over epochs
// divided by its loss at epoch 0, so both fit one axis.
import { Chart, CE_DASH, MSE_DASH } from '../../charts/chart_setup.js';
import { LogarithmicScale } from 'chart.js';
import { createCurveChart } from '../../charts/curve_chart.js';
import { formatNumber, powerOfTenTick } from '../../shared/number_format.js';

Chart.register(LogarithmicScale);

const START_WIDTH = 1.5;
const NOW_WIDTH = 3;

function styleSeries(chart) {
  chart.chart.data.datasets.forEach((dataset, k) => {
    const now = k < 2;
    dataset.borderWidth = now ? NOW_WIDTH : START_WIDTH;
    dataset.pointRadius = now ? 4.5 : 3.5;
    dataset.pointHoverRadius = 6;
    if (!now) dataset.pointBackgroundColor = () => chart.palette.surface;
  });
}

export function createLayerChart(canvas, colors) {
  const chart = createCurveChart(canvas, colors, {
    series: [
      { label: 'CE now', colorKey: 'ce', dash: CE_DASH },
      { label: 'MSE now', colorKey: 'mse', dash: MSE_DASH },
      { label: 'CE at start', colorKey: 'ce', dash: CE_DASH },
      { label: 'MSE at start', colorKey: 'mse', dash: MSE_DASH },
    ],
    xTitle: 'layer (1 = next to the input)',
    yTitle: 'gradient length (log)',
    titleOf: (layer) => `layer ${formatNumber(layer)}`,
  });
  styleSeries(chart);
  Object.assign(chart.options.scales.y, { type: 'logarithmic' });
  chart.options.scales.y.ticks.callback = powerOfTenTick;
  Object.assign(chart.options.scales.x.ticks, { stepSize: 1, precision: 0 });
  chart.options.interaction = { mode: 'nearest', axis: 'x', intersect: false };
  return {
    chart,
    /** norms: {now: {ce, mse}, start: {ce, mse}}, each one value per layer. */
    update(norms, lastLayerName) {
      const layers = norms.now.ce.length;
      const xs = Array.from({ length: layers }, (_, k) => k + 1);
      chart.setSeries(xs, [norms.now.ce, norms.now.mse, norms.start.ce, norms.start.mse]);
      Object.assign(chart.options.scales.x, { min: 0.75, max: layers + 0.25 });
      // One tick per layer, whatever Chart.js would choose for this range.
      chart.options.scales.x.afterBuildTicks = (axis) => {
        axis.ticks = xs.map((value) => ({ value }));
      };
      chart.options.scales.x.ticks.callback = (value) =>
        value === layers ? lastLayerName : String(value);
      chart.invalidate();
      chart.render();
    },
    setColors: (next) => chart.setColors(next),
  };
}

export function createLossChart(canvas, colors) {
  const chart = createCurveChart(canvas, colors, {
    series: [
      { label: 'CE run', colorKey: 'ce', dash: CE_DASH },
      { label: 'MSE run', colorKey: 'mse', dash: MSE_DASH },
    ],
    xTitle: 'epoch',
    yTitle: 'loss ÷ loss at epoch 0',
    titleOf: (epoch) => `epoch ${formatNumber(epoch)}`,
  });
  Object.assign(chart.options.scales.y, { min: 0 });
  return {
    chart,
    update(history, epochs) {
      const n = history.ce.loss.length;
      const xs = Array.from({ length: n }, (_, k) => k);
      const relative = (run) => run.loss.map((loss) => loss / run.loss[0]);
      chart.setSeries(xs, [relative(history.ce), relative(history.mse)]);
      Object.assign(chart.options.scales.x, { min: 0, max: epochs });
      chart.invalidate();
      chart.render();
    },
    setColors: (next) => chart.setColors(next),
  };
}
