// A Chart.js plugin that shades ranges of the x-axis and labels them, drawn beneath the
// curves. Used for the logit ranges where p(1 − p) is tiny and the MSE gradient fades.
// It reads chart.$saturationZones = {zones: [{from, to, lines}], color, textColor}, not plugin
// options, which Chart.js resolves once and caches. A zone's label goes where no curve runs
// through the zone (label_band.js), in smaller type if it must, and is left out where it
// cannot fit clear of them: a label over a curve hides the point the chart makes.
import { annotationFontSize } from '../chart_setup.js';
import { freeBandCentre } from './label_band.js';

const NORMAL_SIZE = 13;
const SMALLER_BY = 2; // the smaller type tried where the normal one does not fit
const MARGIN = 4; // pixels kept clear above and below a label

/** The pixel heights of every shown curve's points between the pixels left and right. */
function curveHeights(chart, left, right) {
  const ys = [];
  chart.data.datasets.forEach((_, i) => {
    if (!chart.isDatasetVisible(i)) return;
    for (const point of chart.getDatasetMeta(i).data) {
      if (point.x >= left && point.x <= right && Number.isFinite(point.y)) ys.push(point.y);
    }
  });
  return ys;
}

/** Draws a zone's label lines centred in the zone, clear of the curves, if they fit. */
function drawLabel(chart, zone, left, right) {
  const { ctx, chartArea } = chart;
  const ys = curveHeights(chart, left, right);
  const size = annotationFontSize(chart, NORMAL_SIZE);
  for (const fontSize of [size, size - SMALLER_BY]) {
    const lineHeight = fontSize + 3;
    const height = zone.lines.length * lineHeight + 2 * MARGIN;
    const centre = freeBandCentre(ys, chartArea, height);
    if (centre === null) continue;
    ctx.font = `${fontSize}px system-ui, sans-serif`;
    const top = centre - ((zone.lines.length - 1) * lineHeight) / 2;
    zone.lines.forEach((line, i) => {
      ctx.fillText(line, (left + right) / 2, top + i * lineHeight, right - left - 4);
    });
    return;
  }
}

export const saturationZonesPlugin = {
  id: 'saturationZones',
  beforeDatasetsDraw(chart) {
    const options = chart.$saturationZones;
    const zones = options?.zones ?? [];
    if (zones.length === 0) return;
    const { ctx, chartArea } = chart;
    const x = chart.scales.x;
    ctx.save();
    for (const zone of zones) {
      const left = Math.max(chartArea.left, x.getPixelForValue(zone.from));
      const right = Math.min(chartArea.right, x.getPixelForValue(zone.to));
      if (right <= left) continue;
      ctx.fillStyle = options.color;
      ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
      ctx.fillStyle = options.textColor;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      drawLabel(chart, zone, left, right);
    }
    ctx.restore();
  },
};
