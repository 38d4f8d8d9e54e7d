// A Chart.js plugin that draws labelled vertical lines at chosen x values, on top of the
// curves: on the race's accuracy chart, the epoch each run first reached 90 % and 100 %
// training accuracy, in the run's colour. Labels sit at the foot of the plot (where the curves
// have risen past by then), one row per `row`, beside their line on whichever side has room.
//
// Reads chart.$epochMarkers = [{x, label, color, row}] in data units (not plugin options, which
// Chart.js resolves once and caches) and chart.$epochMarkerBackground, the colour behind a
// label. Where each was drawn is kept in chart.$epochMarkerPixels for the browser tests.
import { annotationFontSize } from '../chart_setup.js';

const NORMAL_SIZE = 12;
const PAD = 3;

export const epochMarkersPlugin = {
  id: 'epochMarkers',
  afterDatasetsDraw(chart) {
    const markers = chart.$epochMarkers ?? [];
    const { ctx, chartArea, scales } = chart;
    const pixels = [];
    const fontSize = annotationFontSize(chart, NORMAL_SIZE);
    ctx.save();
    ctx.font = `${fontSize}px system-ui, sans-serif`;
    ctx.textBaseline = 'bottom';
    for (const marker of markers) {
      const x = scales.x.getPixelForValue(marker.x);
      if (x < chartArea.left - 0.5 || x > chartArea.right + 0.5) continue;
      ctx.strokeStyle = marker.color;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();
      const width = ctx.measureText(marker.label).width;
      const onRight = x + PAD + width <= chartArea.right;
      const left = onRight ? x + PAD : x - PAD - width;
      const bottom = chartArea.bottom - PAD - (marker.row ?? 0) * (fontSize + 2 * PAD);
      ctx.fillStyle = chart.$epochMarkerBackground ?? 'transparent';
      ctx.fillRect(left - 1, bottom - fontSize - 1, width + 2, fontSize + 2);
      ctx.fillStyle = marker.color;
      ctx.textAlign = 'left';
      ctx.fillText(marker.label, left, bottom);
      pixels.push({ x, label: marker.label, color: marker.color });
    }
    ctx.restore();
    chart.$epochMarkerPixels = pixels;
  },
};
