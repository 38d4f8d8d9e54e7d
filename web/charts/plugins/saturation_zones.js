// A Chart.js plugin that shades ranges of the x-axis and labels them, drawn beneath the
// curves. Used for the logit ranges where p(1 − p) is tiny and the MSE gradient fades.
// It reads chart.$saturationZones = {zones: [{from, to, lines, anchor}], color, textColor},
// not plugin options, which Chart.js resolves once and caches.
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
      const fontSize = right - left < 90 ? 11 : 13;
      const lineHeight = fontSize + 3;
      ctx.font = `${fontSize}px system-ui, sans-serif`;
      // zone.anchor: where the label's centre sits, as a fraction of the height from the top,
      // chosen by the chart to stay clear of the curves running through the zone.
      const centre = chartArea.top + (zone.anchor ?? 0.5) * (chartArea.bottom - chartArea.top);
      const top = centre - ((zone.lines.length - 1) * lineHeight) / 2;
      zone.lines.forEach((line, i) => {
        ctx.fillText(line, (left + right) / 2, top + i * lineHeight, right - left - 4);
      });
    }
    ctx.restore();
  },
};
