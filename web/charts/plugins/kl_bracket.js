// A Chart.js plugin that draws a labelled vertical bracket between two y values at one x:
// on the soft-targets chart, the KL divergence between the BCE at p and its floor H(t).
// Reads chart.$bracket = {x, from, to, label, color} (data units), or nothing.
import { annotationFontSize } from '../chart_setup.js';

export const bracketPlugin = {
  id: 'bracket',
  afterDatasetsDraw(chart) {
    const bracket = chart.$bracket;
    if (!bracket) return;
    const { ctx, chartArea, scales } = chart;
    const x = scales.x.getPixelForValue(bracket.x);
    const clampY = (value) => Math.min(chartArea.bottom, Math.max(chartArea.top, value));
    const top = clampY(scales.y.getPixelForValue(bracket.to));
    const bottom = clampY(scales.y.getPixelForValue(bracket.from));
    if (bottom - top < 2) return;
    ctx.save();
    ctx.strokeStyle = bracket.color;
    ctx.fillStyle = bracket.color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (const y of [top, bottom]) {
      ctx.moveTo(x - 5, y);
      ctx.lineTo(x + 5, y);
    }
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.font = `${annotationFontSize(chart, 13)}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    const onRight = x < (chartArea.left + chartArea.right) / 2;
    ctx.textAlign = onRight ? 'left' : 'right';
    ctx.fillText(bracket.label, x + (onRight ? 9 : -9), (top + bottom) / 2);
    ctx.restore();
  },
};
