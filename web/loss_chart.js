// Chart 1: CE and MSE against the predicted probability p for the current label, with the
// operating point on each curve. The y-axis stops at LOSS_AXIS_MAX so the MSE parabola stays
// readable; a CE value above it is drawn as a triangle on the top edge.
import {
  Chart,
  CE_DASH,
  MSE_DASH,
  applyThemeColors,
  baseOptions,
  curveDataset,
} from './chart_setup.js';
import { operatingPointsPlugin } from './operating_points.js';
import { formatNumber } from './number_format.js';

export const LOSS_AXIS_MAX = 4;

export function createLossChart(canvas, colors) {
  const palette = { ...colors };
  const options = baseOptions(colors, {
    xTitle: 'predicted probability p = σ(z)',
    yTitle: `loss (axis stops at ${LOSS_AXIS_MAX}; CE rises without bound)`,
    titleOf: (p) => `p = ${formatNumber(p)}`,
  });
  options.scales.x.min = 0;
  options.scales.x.max = 1;
  options.scales.y.min = 0;
  options.scales.y.max = LOSS_AXIS_MAX;
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        curveDataset('Cross-entropy', 'ce', CE_DASH, palette),
        curveDataset('MSE', 'mse', MSE_DASH, palette),
      ],
    },
    options,
    plugins: [operatingPointsPlugin],
  });
  let dirty = true; // curves or options changed since the last full update

  return {
    chart,
    /** curve: core.binaryCurve output (its p, ce and mse arrays are used). */
    setCurve(curve) {
      const ce = new Array(curve.p.length);
      const mse = new Array(curve.p.length);
      for (let i = 0; i < curve.p.length; i += 1) {
        ce[i] = { x: curve.p[i], y: curve.ce[i] };
        mse[i] = { x: curve.p[i], y: curve.mse[i] };
      }
      chart.data.datasets[0].data = ce;
      chart.data.datasets[1].data = mse;
      dirty = true;
    },
    /** point: core.binaryPoint output. Returns whether CE is above the axis. */
    setPoint(point) {
      const ceOffScale = point.ce > LOSS_AXIS_MAX;
      chart.$operatingPoints = [
        {
          x: point.p,
          y: Math.min(point.ce, LOSS_AXIS_MAX),
          color: palette.ce,
          border: palette.surface,
          style: ceOffScale ? 'triangle' : 'circle',
          rotation: 0,
        },
        {
          x: point.p,
          y: point.mse,
          color: palette.mse,
          border: palette.surface,
          style: 'rectRot',
          rotation: 0,
        },
      ];
      return ceOffScale;
    },
    setColors(next) {
      applyThemeColors(chart, palette, next);
      dirty = true;
    },
    render() {
      if (dirty) {
        chart.update('none');
        dirty = false;
      } else {
        chart.draw();
      }
    },
  };
}
