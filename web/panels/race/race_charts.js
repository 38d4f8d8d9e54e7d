// The race's three learning-curve charts over epochs: each run's loss (relative to its value
// at epoch 0, so both fit one axis; hovering shows the actual loss), training and test
// accuracy, and the gradient norm on a logarithmic axis, where an MSE stall shows as a floor.
// Colour tells the runs apart (the loss they train with); the line style means the same for
// both: solid for the training data, dashed for the test data. The accuracy chart marks the
// epoch each run first reached 90 % and 100 % training accuracy. The newest epoch of every
// curve is a dot, so epoch 0 shows before the race starts.
import { toFont } from 'chart.js/helpers';
import { LogarithmicScale } from 'chart.js';
import { Chart } from '../../charts/chart_setup.js';
import { createCurveChart } from '../../charts/curve_chart.js';
import { epochMarkersPlugin } from '../../charts/plugins/epoch_markers.js';
import { decadeBounds, roundCeiling } from '../../charts/round_bounds.js';
import { formatNumber, powerOfTenTick } from '../../shared/number_format.js';
import { MILESTONES, milestoneEpochs, percent } from './verdict.js';

Chart.register(LogarithmicScale);

export const TRAIN_DASH = [];
export const TEST_DASH = [6, 4];
const SHORT = { ce: 'CE', mse: 'MSE' };

function epochChart(canvas, colors, series, yTitle, plugins = []) {
  const chart = createCurveChart(canvas, colors, {
    series,
    xTitle: 'epoch',
    yTitle,
    titleOf: (epoch) => `epoch ${formatNumber(epoch)}`,
    plugins,
  });
  chart.colorKeys = series.map((one) => one.colorKey); // for the head dots (markHeads)
  return chart;
}

const HEAD_RADIUS = 4;

/** A dot at each curve's newest epoch (the only point there is before Play, the head while
 *  training), drawn as a marker: a per-point radius would make Chart.js resolve the options of
 *  every point on every update. */
function markHeads(chart) {
  chart.setMarkers(
    chart.chart.data.datasets.flatMap((dataset, k) => {
      const head = dataset.data.at(-1);
      if (!head || head.y === null) return [];
      const { x, y } = head;
      return [{ x, y, colorKey: chart.colorKeys[k], style: 'circle', radius: HEAD_RADIUS, k }];
    }),
  );
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

/** One vertical line per run and epoch, labelled with the milestones reached there. */
function milestoneMarkers(history, palette) {
  const first = milestoneEpochs(history);
  return ['ce', 'mse'].flatMap((name, row) => {
    const byEpoch = new Map();
    first[name].forEach((epoch, i) => {
      if (epoch !== null) byEpoch.set(epoch, [...(byEpoch.get(epoch) ?? []), MILESTONES[i]]);
    });
    return [...byEpoch].map(([epoch, levels]) => ({
      x: epoch,
      label: `${SHORT[name]} ${levels.map(percent).join(', ')}`,
      color: palette[name],
      row,
      run: name,
      levels,
    }));
  });
}

// Steps that divide 1, so that 1 (100 %) is always a labelled tick. Chart.js alone steps by
// 0.2 and then, on a short chart, skips every other label, which stopped at 0.8 and left 100 %
// along the border without one.
const SHARE_STEPS = [0.1, 0.2, 0.25, 0.5, 1];
const MIN_TICK_SPACING_PX = 28;

/** The accuracy axis's ticks: the finest step that divides 1 and leaves each label room. */
function tickEveryShare(axis) {
  const room = Math.max(Math.floor(axis.height / MIN_TICK_SPACING_PX) + 1, 2);
  const step = SHARE_STEPS.find((s) => Math.round(1 / s) + 1 <= room) ?? 1;
  const count = Math.round(1 / step);
  axis.ticks = Array.from({ length: count + 1 }, (_, k) => ({ value: k / count }));
}

function createCharts(canvases, colors) {
  const loss = epochChart(
    canvases.loss,
    colors,
    [
      { label: 'CE run, training loss', colorKey: 'ce', dash: TRAIN_DASH },
      { label: 'MSE run, training loss', colorKey: 'mse', dash: TRAIN_DASH },
    ],
    ['training loss ÷', 'loss at epoch 0'],
  );
  Object.assign(loss.options.scales.y, { min: 0 });
  const accuracy = epochChart(
    canvases.accuracy,
    colors,
    [
      { label: 'CE, training', colorKey: 'ce', dash: TRAIN_DASH },
      { label: 'CE, test', colorKey: 'ce', dash: TEST_DASH },
      { label: 'MSE, training', colorKey: 'mse', dash: TRAIN_DASH },
      { label: 'MSE, test', colorKey: 'mse', dash: TEST_DASH },
    ],
    'accuracy',
    [epochMarkersPlugin],
  );
  Object.assign(accuracy.options.scales.y, { min: 0, max: 1, afterBuildTicks: tickEveryShare });
  accuracy.options.scales.y.ticks.autoSkip = false; // the step above already leaves room
  const norm = epochChart(
    canvases.norm,
    colors,
    [
      { label: 'CE run', colorKey: 'ce', dash: TRAIN_DASH },
      { label: 'MSE run', colorKey: 'mse', dash: TRAIN_DASH },
    ],
    ['gradient norm', '(log scale)'],
  );
  Object.assign(norm.options.scales.y, { type: 'logarithmic' });
  norm.options.scales.y.ticks.callback = powerOfTenTick;
  return { loss, accuracy, norm };
}

/** The y-axis title's lines, each with its drawn width, and the axis length they must fit. */
function yTitleSize(chart) {
  const scale = chart.scales.y;
  const lines = [scale.options.title.text].flat();
  const { ctx } = chart;
  ctx.save();
  ctx.font = toFont(scale.options.title.font).string;
  const widths = lines.map((line) => ctx.measureText(line).width);
  ctx.restore();
  return { lines, widths, axisLength: scale.height };
}

/** What each chart holds, for the browser tests: its curves' styles and points, and markers. */
function describeChart({ chart }) {
  return {
    datasets: chart.data.datasets.map((dataset, k) => ({
      label: dataset.label,
      borderDash: [...dataset.borderDash],
      points: dataset.data.map(({ x, y }) => ({ x, y })),
      // The epochs drawn as a visible dot (the line alone shows nothing for one point).
      dots: (chart.$operatingPoints ?? []).filter((dot) => dot.k === k).map((dot) => dot.x),
    })),
    markers: (chart.$epochMarkers ?? []).map(({ x, label, run, levels }) => ({
      x,
      label,
      run,
      levels,
    })),
    markerPixels: chart.$epochMarkerPixels ?? [],
    yTitle: yTitleSize(chart),
    // The y axis as drawn: its range and each tick's value and label.
    yScale: {
      min: chart.scales.y.min,
      max: chart.scales.y.max,
      ticks: chart.scales.y.ticks.map(({ value, label }) => ({ value, label })),
    },
  };
}

export function createRaceCharts(canvases, colors) {
  const { loss, accuracy, norm } = createCharts(canvases, colors);
  let rawLoss = [[], []];
  loss.options.plugins.tooltip.callbacks.label = (item) =>
    `${item.dataset.label}: ${formatNumber(rawLoss[item.datasetIndex][item.dataIndex])}`;
  accuracy.chart.$epochMarkerBackground = colors.surface;
  const all = [loss, accuracy, norm];
  /** Each chart's curves (and the accuracy chart's milestones) from the history. */
  const updates = [
    (history, shown) => {
      rawLoss = [pick(history.ce.loss, shown), pick(history.mse.loss, shown)];
      const relative = rawLoss.map((values) => values.map((v) => v / (values[0] || 1)));
      loss.setSeries(shown, relative);
      // A round top (round_bounds.js) keeps the chart's layout while the curves grow.
      loss.options.scales.y.max = roundCeiling(relative.flat());
    },
    (history, shown) => {
      const { ce, mse } = history;
      accuracy.setSeries(
        shown,
        [ce.trainAccuracy, ce.testAccuracy, mse.trainAccuracy, mse.testAccuracy].map((values) =>
          pick(values, shown),
        ),
      );
      accuracy.chart.$epochMarkers = milestoneMarkers(history, accuracy.palette);
    },
    ({ ce, mse }, shown) => {
      // Epoch 0 has no gradient yet; a diverged run's arrays are shorter (missing = not drawn).
      const norms = [ce.gradientNorm, mse.gradientNorm].map((values) => pick(values, shown));
      norm.setSeries(shown, norms, (value) => (value > 0 ? value : null));
      Object.assign(norm.options.scales.y, decadeBounds(norms.flat()));
    },
  ];
  return {
    /** The number of charts, for a caller that redraws one at a time (chart = 0 … count − 1). */
    count: all.length,
    /** history: shared/race_history.js's; maxEpochs: the x-axis length; `chart`: only that
     *  one of the charts, else all of them. */
    update(history, maxEpochs, chart = null) {
      const shown = drawnEpochs(Math.max(history.ce.loss.length, history.mse.loss.length));
      for (const k of chart === null ? all.keys() : [chart]) {
        Object.assign(all[k].options.scales.x, { min: 0, max: maxEpochs });
        all[k].invalidate();
        updates[k](history, shown);
        markHeads(all[k]);
        all[k].render();
      }
    },
    setColors(next) {
      for (const chart of all) chart.setColors(next);
      accuracy.chart.$epochMarkerBackground = next.surface;
      for (const marker of accuracy.chart.$epochMarkers ?? []) marker.color = next[marker.run];
    },
    describe: () => ({
      loss: describeChart(loss),
      accuracy: describeChart(accuracy),
      norm: describeChart(norm),
    }),
  };
}
