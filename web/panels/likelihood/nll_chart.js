// The likelihood lab's second chart: the mean NLL against the location (μ, or the logit z)
// as a wide band, and the loss mapped onto it (scale · loss + constant) as a dashed line on
// top. The two are the same curve, which is the point. Markers: the current location on both,
// and the best location (both ends of the interval when a Laplace fit has one; an arrow at the
// edge when the best logit is infinite).
import { MSE_DASH, numberTick } from '../../charts/chart_setup.js';
import { createCurveChart } from '../../charts/curve_chart.js';
import { formatNumber } from '../../shared/number_format.js';
import { spacedTick } from './spaced_format.js';

const BAND_WIDTH = 7;

export function createNllChart(canvas, colors) {
  let theme = { ...colors };
  let lossKey = 'mse';
  const chart = createCurveChart(
    canvas,
    { ...colors, loss: colors.mse },
    {
      series: [
        { label: 'mean NLL', colorKey: 'muted', dash: [] },
        { label: 'scale × loss + constant', colorKey: 'loss', dash: MSE_DASH },
      ],
      xTitle: 'location μ',
      yTitle: 'mean negative log-likelihood',
      titleOf: (x) => `at ${formatNumber(x)}`,
    },
  );
  const [band, line] = chart.chart.data.datasets;
  band.borderWidth = BAND_WIDTH;
  // Chart.js draws lower `order` on top: the dashed loss over the NLL band.
  Object.assign(band, { order: 1 });
  Object.assign(line, { order: 0 });
  chart.options.scales.y.ticks.callback = numberTick;
  chart.options.scales.x.ticks.includeBounds = false; // no crowded tick at each end
  chart.options.scales.x.ticks.callback = spacedTick; // 999999, 1000000: not 1.000 × 10⁶ twice

  return {
    chart: chart.chart,
    /**
     * curve: core.likelihoodCurve output; labels: [NLL label, mapped-loss label]; xTitle and
     * titleOf for the location's name; formatX: how the numbers table writes a location;
     * colorKey: the loss's color.
     */
    setCurve(curve, { labels, xTitle, titleOf, formatX, colorKey }) {
      lossKey = colorKey;
      chart.palette.loss = theme[colorKey];
      chart.setSeries(curve.location, [curve.meanNll, curve.mappedLoss]);
      chart.setLabels(labels);
      const last = curve.location.length - 1;
      Object.assign(chart.options.scales.x, { min: curve.location[0], max: curve.location[last] });
      chart.options.scales.x.title.text = xTitle;
      chart.chart.$formatX = formatX;
      chart.options.plugins.tooltip.callbacks.title = (items) =>
        items.length ? titleOf(items[0].parsed.x) : '';
      chart.invalidate();
    },
    /** The current point (location, mean NLL, mapped loss) and the best markers. */
    setPoints(current, best) {
      chart.setMarkers([
        ...best,
        { x: current.location, y: current.meanNll, colorKey: 'text', style: 'circle', rotation: 0 },
        {
          x: current.location,
          y: current.mappedLoss,
          colorKey: lossKey,
          style: 'rectRot',
          rotation: 0,
          radius: 5,
        },
      ]);
    },
    setColors(next) {
      theme = { ...next };
      chart.setColors({ ...next, loss: next[lossKey] });
    },
    render: chart.render,
  };
}
