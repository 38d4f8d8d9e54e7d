// The lab's four charts: two histograms over the examples (their gradient sizes and their
// losses, cross-entropy against Brier on the same bins), the reliability diagram, and the
// expected scores of a forecaster's report.
import { createBarChart } from '../../charts/bar_chart.js';
import { CE_DASH, MAE_DASH, MSE_DASH } from '../../charts/chart_setup.js';
import { createCurveChart, writePoints } from '../../charts/curve_chart.js';
import { formatNumber, powerOfTenTick } from '../../shared/number_format.js';

const PAIR = [
  { label: 'cross-entropy', colorKey: 'ce' },
  { label: 'Brier', colorKey: 'mse', outlined: true },
];
/** The expected-score chart's y-axis ends here: the log score runs off it near r = 0 and 1. */
export const SCORE_AXIS_MAX = 1.5;

export function createModelCharts($, colors) {
  const gradients = createBarChart($('ym-gradient-chart'), colors, {
    series: PAIR,
    xTitle: 'gradient size (one bar per power of ten)',
    yTitle: 'examples',
    yMin: 0,
  });
  const losses = createBarChart($('ym-loss-chart'), colors, {
    series: PAIR,
    xTitle: 'loss (one bar per power of ten)',
    yTitle: 'examples',
    yMin: 0,
  });
  const reliability = createCurveChart($('ym-reliability-chart'), colors, {
    series: [
      { label: 'perfectly calibrated', colorKey: 'muted', dash: MSE_DASH },
      { label: 'as given (T = 1)', colorKey: 'mae', dash: MAE_DASH },
      { label: 'at T', colorKey: 'ce', dash: CE_DASH },
    ],
    xTitle: 'mean confidence in the bin',
    yTitle: 'how often right',
    titleOf: (x) => `confidence ${formatNumber(x)}`,
  });
  Object.assign(reliability.options.scales.x, { min: 0, max: 1 });
  Object.assign(reliability.options.scales.y, { min: 0, max: 1 });
  const scores = createCurveChart($('ym-score-chart'), colors, {
    series: [
      { label: 'log score', colorKey: 'ce', dash: CE_DASH },
      { label: 'Brier', colorKey: 'mse', dash: MSE_DASH },
      { label: 'absolute error', colorKey: 'mae', dash: MAE_DASH },
    ],
    xTitle: 'report r',
    yTitle: 'expected score',
    titleOf: (x) => `r = ${formatNumber(x)}`,
  });
  Object.assign(scores.options.scales.x, { min: 0, max: 1 });
  Object.assign(scores.options.scales.y, { min: 0, max: SCORE_AXIS_MAX });
  return { gradients, losses, reliability, scores };
}

/** Each bar's label: "< 10⁻¹²" for the values below the bins, then each bin's lower edge. */
const binLabels = ({ edges }) => [
  `< ${powerOfTenTick(edges[0])}`,
  ...Array.from(edges.subarray(0, -1), (edge) => `≥ ${powerOfTenTick(edge)}`),
];

/** Both series' counts, with the values below the bins as the first bar; nothing for null. */
export function drawHistogram(chart, pair) {
  if (pair === null) chart.set([], [[], []]);
  else {
    const { a, b } = pair;
    chart.set(binLabels(a), [
      [a.below, ...a.counts],
      [b.below, ...b.counts],
    ]);
  }
  chart.render();
}

/** The diagram's curves: the diagonal, the bins as given and at T (the same when T = 1). */
export function drawReliability(chart, given, atT, showGiven) {
  const points = (bins) => bins.map((bin) => [bin.meanConfidence, bin.meanOutcome]);
  const diagonal = [
    [0, 0],
    [1, 1],
  ];
  const series = [diagonal, showGiven ? points(given.bins) : [], points(atT.bins)];
  series.forEach((values, k) =>
    writePoints(chart.chart.data.datasets[k], values.length, (point, i) => {
      [point.x, point.y] = values[i];
    }),
  );
  chart.invalidate();
  chart.setMarkers(
    atT.bins.map((bin) => ({
      x: bin.meanConfidence,
      y: bin.meanOutcome,
      colorKey: 'ce',
      style: 'circle',
    })),
  );
  chart.render();
}

export function drawScores(chart, curves, report, r) {
  chart.setSeries(curves.r, [curves.logScore, curves.brier, curves.absolute]);
  chart.setMarkers(
    [
      { y: report.logScore, colorKey: 'ce' },
      { y: report.brier, colorKey: 'mse' },
      { y: report.absolute, colorKey: 'mae' },
    ]
      .filter(({ y }) => y <= SCORE_AXIS_MAX)
      .map((marker) => ({ ...marker, x: r, style: 'circle' })),
  );
  chart.render();
}
