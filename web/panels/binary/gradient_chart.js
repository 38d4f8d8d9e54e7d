// Chart 2: the two gradients against the logit z for the current label, as magnitudes or
// signed, on a linear or logarithmic axis, with the saturation zones shaded and the operating
// point marked (pinned to the edge, as a triangle, when it lies outside the axis range). With
// the clamp on, a third, dotted curve: the textbook clamped CE's gradient, 0 past the clamp.
import {
  Chart,
  CE_DASH,
  CLAMPED_DASH,
  MSE_DASH,
  fittedAxisTitle,
} from '../../charts/chart_setup.js';
import { LogarithmicScale } from 'chart.js';
import { createCurveChart } from '../../charts/curve_chart.js';
import { formatNumber, powerOfTenTick } from '../../shared/number_format.js';
import { saturationZonesPlugin } from '../../charts/plugins/saturation_zones.js';

Chart.register(LogarithmicScale); // the gradient axis can be logarithmic

export const Z_AXIS = Object.freeze({ min: -10, max: 10 });
const LOG_AXIS = Object.freeze({ min: 1e-10, max: 2 });

function yAxisFor({ logScale, signed }) {
  if (logScale && !signed) {
    return {
      type: 'logarithmic',
      min: LOG_AXIS.min,
      max: LOG_AXIS.max,
      ticks: { callback: powerOfTenTick },
      afterBuildTicks: undefined,
    };
  }
  // Fixed ticks: Chart.js would otherwise swap the tick at 1 for the 1.05 headroom.
  const step = signed ? 0.5 : 0.2;
  const ticks = [];
  for (let value = signed ? -1 : 0; value <= 1 + 1e-9; value += step) {
    ticks.push({ value: Math.round(value * 10) / 10 });
  }
  return {
    type: 'linear',
    min: signed ? -1.05 : 0,
    max: 1.05,
    ticks: { callback: (value) => formatNumber(value) },
    afterBuildTicks: (scale) => {
      scale.ticks = ticks;
    },
  };
}

const SERIES = [
  { label: '|dCE/dz|', colorKey: 'ce', dash: CE_DASH },
  { label: '|dMSE/dz|', colorKey: 'mse', dash: MSE_DASH },
  { label: 'clipped |dCE/dz|', colorKey: 'ce', dash: CLAMPED_DASH },
];

/** A gradient as drawn: signed or its magnitude; a gap for 0 on a logarithmic axis. */
function displayedValue(view, value) {
  const shown = view.signed ? value : Math.abs(value);
  return view.logScale && !view.signed && shown === 0 ? null : shown;
}

/** The y-axis and the legend's names for a view ({logScale, signed}). */
function applyView(pair, view) {
  const axis = yAxisFor(view);
  const y = pair.options.scales.y;
  Object.assign(y, { type: axis.type, min: axis.min, max: axis.max });
  y.ticks.callback = axis.ticks.callback;
  y.afterBuildTicks = axis.afterBuildTicks;
  y.title.text = fittedAxisTitle(
    view.signed ? 'gradient dLoss/dz (signed)' : 'gradient magnitude |dLoss/dz|',
  );
  const [open, close] = view.signed ? ['', ''] : ['|', '|'];
  pair.setLabels([
    `${open}dCE/dz${close}`,
    `${open}dMSE/dz${close}`,
    `clipped ${open}dCE/dz${close}`,
  ]);
}

/** A marker in data units; pinned to an axis edge (as a triangle) when off the axes. */
function edgeMarker(chart, shown, z, colorKey, baseStyle) {
  const axis = chart.options.scales.y;
  let x = z;
  let y = shown ?? axis.min;
  let style = baseStyle;
  let rotation = 0;
  if (z < Z_AXIS.min || z > Z_AXIS.max) {
    x = Math.min(Z_AXIS.max, Math.max(Z_AXIS.min, z));
    style = 'triangle';
    rotation = z < Z_AXIS.min ? -90 : 90;
  }
  if (y < axis.min) {
    y = axis.min;
    style = 'triangle';
    rotation = 180;
  }
  return { x, y, colorKey, style, rotation };
}

export function createGradientChart(canvas, colors) {
  const pair = createCurveChart(canvas, colors, {
    series: SERIES,
    xTitle: 'logit z',
    yTitle: 'gradient',
    titleOf: (z) => `z = ${formatNumber(z)}`,
    plugins: [saturationZonesPlugin],
  });
  const { chart } = pair;
  Object.assign(pair.options.scales.x, { min: Z_AXIS.min, max: Z_AXIS.max });
  chart.$saturationZones = { zones: [], color: colors.zone, textColor: colors.muted };
  let view = { logScale: false, signed: false };
  let rawZones = [];
  let curve = null;
  let clamped = null; // {z, dceDz} of the clamped CE, or null when the clamp is off

  // The plugin places each label clear of the curves (saturation_zones.js).
  function placeZoneLabels() {
    chart.$saturationZones.zones = rawZones;
    pair.invalidate();
  }

  const displayed = (value) => displayedValue(view, value);

  function fillCurves() {
    if (curve) {
      pair.setSeries(curve.z, [curve.dceDz, curve.dmseDz, clamped?.dceDz ?? []], displayed);
    }
  }

  return {
    chart,
    /** view: {logScale, signed}; rebuilds the axis and the displayed curves. */
    setView(next) {
      view = { logScale: next.logScale, signed: next.signed };
      applyView(pair, view);
      fillCurves();
      placeZoneLabels();
    },
    /** curve: core.binaryCurve output over Z_AXIS. */
    setCurve(next) {
      curve = next;
      fillCurves();
    },
    /** The clamped CE's gradient over the same z as the curve, or null to hide it. */
    setClampedCurve(next) {
      clamped = next;
      fillCurves();
    },
    /** zones: [{from, to, lines: string[]}] in z units. */
    setZones(zones) {
      rawZones = zones;
      placeZoneLabels();
    },
    /** Returns whether z lies outside the drawn range. */
    setPoint(z, point, clampedPoint = null) {
      pair.setMarkers([
        edgeMarker(chart, displayed(point.dceDz), z, 'ce', 'circle'),
        edgeMarker(chart, displayed(point.dmseDz), z, 'mse', 'rectRot'),
        ...(clampedPoint
          ? [edgeMarker(chart, displayed(clampedPoint.dceDz), z, 'ce', 'crossRot')]
          : []),
      ]);
      return z < Z_AXIS.min || z > Z_AXIS.max;
    },
    setColors(next) {
      pair.setColors(next);
      chart.$saturationZones.color = next.zone;
      chart.$saturationZones.textColor = next.muted;
    },
    render: pair.render,
  };
}
