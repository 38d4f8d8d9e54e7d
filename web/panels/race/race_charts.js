// The race's three learning-curve charts over epochs: each run's loss (relative to its value
// at epoch 0, so both fit one axis; hovering shows the actual loss), training and test
// accuracy, and the gradient norm on a logarithmic axis, where an MSE stall shows as a floor.
import { CE_DASH, MSE_DASH } from '../../charts/chart_setup.js';
import { createCurveChart } from '../../charts/curve_chart.js';
import { formatNumber } from '../../shared/number_format.js';

const TEST_DASH = [2, 3];
const MSE_TEST_DASH = [9, 3, 2, 3];

function epochChart(canvas, colors, series, yTitle) {
  return createCurveChart(canvas, colors, {
    series,
    xTitle: 'epoch',
    yTitle,
    titleOf: (epoch) => `epoch ${formatNumber(epoch)}`,
  });
}

const MAX_POINTS = 300; // long races are drawn with every k-th epoch, and always the last

/** The epochs drawn: all of them up to MAX_POINTS, then an even subset plus the last one. */
function drawnEpochs(n) {
  const stride = Math.max(1, Math.ceil(n / MAX_POINTS));
  const picked = [];
  for (let i = 0; i < n; i += stride) picked.push(i);
  if (n > 0 && picked[picked.length - 1] !== n - 1) picked.push(n - 1);
  return picked;
}

const pick = (values, indices) => indices.filter((i) => i < values.length).map((i) => values[i]);

export function createRaceCharts(canvases, colors) {
  const loss = epochChart(
    canvases.loss,
    colors,
    [
      { label: 'cross-entropy run: CE', colorKey: 'ce', dash: CE_DASH },
      { label: 'MSE run: MSE', colorKey: 'mse', dash: MSE_DASH },
    ],
    'training loss ÷ its value at epoch 0',
  );
  let rawLoss = [[], []];
  loss.options.plugins.tooltip.callbacks.label = (item) =>
    `${item.dataset.label}: ${formatNumber(rawLoss[item.datasetIndex][item.dataIndex])}`;
  Object.assign(loss.options.scales.y, { min: 0 });

  const accuracy = epochChart(
    canvases.accuracy,
    colors,
    [
      { label: 'CE, training', colorKey: 'ce', dash: CE_DASH },
      { label: 'CE, test', colorKey: 'ce', dash: TEST_DASH },
      { label: 'MSE, training', colorKey: 'mse', dash: MSE_DASH },
      { label: 'MSE, test', colorKey: 'mse', dash: MSE_TEST_DASH },
    ],
    'accuracy',
  );
  Object.assign(accuracy.options.scales.y, { min: 0, max: 1 });

  const norm = epochChart(
    canvases.norm,
    colors,
    [
      { label: 'CE run', colorKey: 'ce', dash: CE_DASH },
      { label: 'MSE run', colorKey: 'mse', dash: MSE_DASH },
    ],
    'gradient norm per epoch (log scale)',
  );
  Object.assign(norm.options.scales.y, { type: 'logarithmic' });
  norm.options.scales.y.ticks.callback = (value) => {
    const exponent = Math.round(Math.log10(value));
    return Math.abs(value / 10 ** exponent - 1) < 1e-9 ? formatNumber(value) : '';
  };

  const all = [loss, accuracy, norm];
  return {
    /** history: race.history(); maxEpochs: the x-axis length. */
    update(history, maxEpochs) {
      const { ce, mse } = history;
      for (const chart of all) {
        Object.assign(chart.options.scales.x, { min: 0, max: maxEpochs });
        chart.invalidate();
      }
      const shown = drawnEpochs(Math.max(ce.loss.length, mse.loss.length));
      rawLoss = [pick(ce.loss, shown), pick(mse.loss, shown)];
      const relative = (values) => values.map((v) => v / (values[0] || 1));
      loss.setSeries(shown, rawLoss.map(relative));
      accuracy.setSeries(
        shown,
        [ce.trainAccuracy, ce.testAccuracy, mse.trainAccuracy, mse.testAccuracy].map((values) =>
          pick(values, shown),
        ),
      );
      // Epoch 0 has no gradient yet; a diverged run's arrays are shorter (missing = not drawn).
      norm.setSeries(
        shown,
        [ce.gradientNorm, mse.gradientNorm].map((values) => pick(values, shown)),
        (value) => (value > 0 ? value : null),
      );
      for (const chart of all) chart.render();
    },
    setColors(next) {
      for (const chart of all) chart.setColors(next);
    },
  };
}
