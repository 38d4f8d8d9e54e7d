// The soft-targets chart: BCE and MSE against p for the current target t, the floor H(t)
// that BCE cannot go below, the operating point, the two minima at p = t, and a bracket
// showing the KL divergence (BCE above its floor) at the current p.
import { CE_DASH, MSE_DASH } from '../../charts/chart_setup.js';
import { createCurveChart } from '../../charts/curve_chart.js';
import { lossMarkers } from '../../charts/loss_markers.js';
import { bracketPlugin } from '../../charts/plugins/kl_bracket.js';
import { formatNumber } from '../../shared/number_format.js';

export const SOFT_AXIS_MAX = 3;
const FLOOR_DASH = [2, 4];

export function createSoftTargetChart(canvas, colors) {
  const chart = createCurveChart(canvas, colors, {
    series: [
      { label: 'BCE', colorKey: 'ce', dash: CE_DASH },
      { label: 'MSE', colorKey: 'mse', dash: MSE_DASH },
      { label: 'BCE floor H(t)', colorKey: 'muted', dash: FLOOR_DASH },
    ],
    xTitle: 'predicted probability p',
    yTitle: `loss (axis cut at ${SOFT_AXIS_MAX})`,
    titleOf: (p) => `p = ${formatNumber(p)}`,
    plugins: [bracketPlugin],
  });
  Object.assign(chart.options.scales.x, { min: 0, max: 1 });
  Object.assign(chart.options.scales.y, { min: 0, max: SOFT_AXIS_MAX });

  return {
    chart: chart.chart,
    /** curve: core.binaryCurve(t, …); entropy: H(t) from the core. */
    setCurve(curve, entropy) {
      chart.setSeries(curve.p, [curve.ce, curve.mse, new Array(curve.p.length).fill(entropy)]);
    },
    /** point: core.softTargetPointAtP at the current p; t the target. */
    setPoint(point, t) {
      const { offScale, markers } = lossMarkers(point.p, point.bce, point.mse, SOFT_AXIS_MAX);
      chart.setMarkers([
        ...markers,
        { x: t, y: point.entropy, colorKey: 'ce', style: 'crossRot', rotation: 0 },
        { x: t, y: 0, colorKey: 'mse', style: 'crossRot', rotation: 0 },
      ]);
      chart.chart.$bracket = {
        x: point.p,
        from: point.entropy,
        to: Math.min(point.bce, SOFT_AXIS_MAX),
        label: `KL = ${formatNumber(point.kl)}`,
        color: chart.palette.text,
      };
      return offScale;
    },
    setColors: chart.setColors,
    render: chart.render,
  };
}
