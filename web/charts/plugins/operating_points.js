// A Chart.js plugin that draws the operating-point markers on top of the curves. Markers are
// not datasets: moving them only needs chart.draw(), not a chart.update() that would
// re-process every curve point, which keeps a slider step well inside one frame.
//
// chart.$operatingPoints = [{x, y, color, border, style, rotation, radius?}] in data units; a point
// outside the axes is pinned to the nearest edge. Where and in which colour each was drawn
// is kept in chart.$operatingPixels for the browser tests.
import { drawPoint } from 'chart.js/helpers';

const RADIUS = 8;

export const operatingPointsPlugin = {
  id: 'operatingPoints',
  afterDatasetsDraw(chart) {
    const points = chart.$operatingPoints ?? [];
    const { ctx, chartArea, scales } = chart;
    const pixels = [];
    ctx.save();
    for (const point of points) {
      const x = Math.min(
        chartArea.right,
        Math.max(chartArea.left, scales.x.getPixelForValue(point.x)),
      );
      const y = Math.min(
        chartArea.bottom,
        Math.max(chartArea.top, scales.y.getPixelForValue(point.y)),
      );
      ctx.fillStyle = point.color;
      // Outline shapes (crosses, stars) are drawn by their stroke, filled ones by their fill.
      const outline = /^(cross|star|line|dash)/.test(point.style);
      ctx.strokeStyle = outline ? point.color : point.border;
      ctx.lineWidth = 2;
      drawPoint(
        ctx,
        {
          pointStyle: point.style,
          rotation: point.rotation,
          radius: point.radius ?? RADIUS,
          borderWidth: 2,
        },
        x,
        y,
      );
      pixels.push({ x, y, color: point.color });
    }
    ctx.restore();
    chart.$operatingPixels = pixels;
  },
};
