// Chart 1: CE and MSE against the predicted probability p for the current label, with the
// operating point on each curve. The y-axis stops at LOSS_AXIS_MAX so the MSE parabola stays
// readable; a CE value above it is drawn as a triangle on the top edge.
import { CE_DASH, MSE_DASH } from '../../charts/chart_setup.js';
import { createCurveChart } from '../../charts/curve_chart.js';
import { lossMarkers } from '../../charts/loss_markers.js';
import { formatNumber } from '../../shared/number_format.js';

export const LOSS_AXIS_MAX = 4;

export function createLossChart(canvas, colors) {
  const pair = createCurveChart(canvas, colors, {
    series: [
      { label: 'Cross-entropy', colorKey: 'ce', dash: CE_DASH },
      { label: 'MSE', colorKey: 'mse', dash: MSE_DASH },
    ],
    xTitle: 'predicted probability p = σ(z)',
    yTitle: `loss (axis cut at ${LOSS_AXIS_MAX}; CE → ∞)`,
    titleOf: (p) => `p = ${formatNumber(p)}`,
  });
  Object.assign(pair.options.scales.x, { min: 0, max: 1 });
  Object.assign(pair.options.scales.y, { min: 0, max: LOSS_AXIS_MAX });

  return {
    chart: pair.chart,
    /** curve: core.binaryCurve output (its p, ce and mse arrays are used). */
    setCurve(curve) {
      pair.setSeries(curve.p, [curve.ce, curve.mse]);
    },
    /** point: core.binaryPoint output. Returns whether CE is above the axis. */
    setPoint(point) {
      const { offScale, markers } = lossMarkers(point.p, point.ce, point.mse, LOSS_AXIS_MAX);
      pair.setMarkers(markers);
      return offScale;
    },
    setColors: pair.setColors,
    render: pair.render,
  };
}
