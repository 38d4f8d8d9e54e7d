// The likelihood lab's first chart: the fitted distribution with the data drawn on it. For a
// Gaussian or Laplace model, its density over x with each data point marked at the height of
// its density (how likely the model finds it); for Bernoulli, two bars: the model's P(y = 0)
// and P(y = 1) beside the share of each label in the data. The chart is rebuilt only when the
// kind (curve or bars) changes; the curve's colour follows the loss via `palette.loss`.
import { Chart, numberTick } from '../../charts/chart_setup.js';
import { createBarChart } from '../../charts/bar_chart.js';
import { createCurveChart } from '../../charts/curve_chart.js';
import { roundCeiling } from '../../charts/round_bounds.js';
import { formatNumber } from '../../shared/number_format.js';
import { formatGrid, spacedTick } from './spaced_format.js';

const HEADROOM = 1.1; // the y-axis ends at least a tenth above the peak

function createDensityCurve(canvas, colors) {
  const chart = createCurveChart(canvas, colors, {
    series: [{ label: 'fitted density', colorKey: 'loss', dash: [] }],
    xTitle: 'value x',
    yTitle: 'density f(x)',
    titleOf: (x) => `x = ${formatNumber(x)}`,
  });
  chart.options.plugins.legend.display = false; // one curve: the card's title names it
  chart.options.scales.y.min = 0;
  chart.options.scales.x.ticks.includeBounds = false; // no odd tick at each data-driven end
  chart.options.scales.x.ticks.callback = spacedTick; // data near 10⁶ need more than 4 digits
  chart.options.scales.y.ticks.callback = numberTick;
  return chart;
}

function createBars(canvas, colors) {
  const bars = createBarChart(canvas, colors, {
    series: [
      { label: 'model P(y)', colorKey: 'loss' },
      { label: 'share in the data', colorKey: 'text', outlined: true },
    ],
    yTitle: 'probability',
    yMin: 0,
    yMax: 1,
  });
  bars.chart.options.scales.x.title.text = 'outcome y';
  return bars;
}

/**
 * @param {HTMLCanvasElement} canvas
 * @param {object} colors  readThemeColors() output
 */
export function createDensityChart(canvas, colors) {
  let theme = { ...colors };
  let kind = null; // 'curve' or 'bars'
  let drawn = null;
  let lossKey = 'mse';

  // The bars are Bernoulli's alone (always the CE colour); the curve switches between models.
  const applyLossColor = () => {
    if (kind === 'curve') drawn.palette.loss = theme[lossKey];
  };

  function use(nextKind) {
    if (kind === nextKind) return;
    Chart.getChart(canvas)?.destroy();
    const withLoss = { ...theme, loss: theme[lossKey] };
    drawn =
      nextKind === 'curve' ? createDensityCurve(canvas, withLoss) : createBars(canvas, withLoss);
    kind = nextKind;
  }

  return {
    get chart() {
      return drawn.chart;
    },
    /** A density curve: {x, density} from the core, the data and each datum's density. */
    setCurve(grid, data, densities, location, colorKey) {
      lossKey = colorKey;
      use('curve');
      applyLossColor();
      drawn.setSeries(grid.x, [grid.density]);
      const [lo, hi] = [grid.x[0], grid.x[grid.x.length - 1]];
      Object.assign(drawn.options.scales.x, { min: lo, max: hi });
      // Rows of the numbers table are at least this grid's mean spacing apart; the tooltip
      // writes x as the table does.
      const formatX = formatGrid(lo, hi, grid.x.length);
      drawn.chart.$formatX = formatX;
      drawn.options.plugins.tooltip.callbacks.title = (items) =>
        items.length ? `x = ${formatX(items[0].parsed.x)}` : '';
      // A round top (round_bounds.js): the peak's height wobbles with where the grid samples
      // it, and a top that followed it would lay the chart out again on every slider step.
      drawn.options.scales.y.max = roundCeiling([HEADROOM * Math.max(...grid.density)]);
      drawn.invalidate();
      drawn.setMarkers([
        { x: location, y: 0, colorKey: 'text', style: 'triangle', rotation: 0 },
        ...data.map((x, i) => ({ x, y: densities[i], colorKey, style: 'circle', radius: 6 })),
      ]);
    },
    /** Two bars per outcome: the model's probabilities and the data's shares. */
    setBars(labels, model, shares, colorKey) {
      lossKey = colorKey;
      use('bars');
      drawn.set(labels, [model, shares]);
    },
    setColors(next) {
      theme = { ...next };
      drawn?.setColors({ ...next, loss: next[lossKey] });
      applyLossColor();
    },
    render() {
      drawn.render();
    },
  };
}
