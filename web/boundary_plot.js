// Draws a model's decision regions over the 2-D data: each grid cell shaded by the predicted
// probability of class 1 (two classes) or by the predicted class, with the training points
// filled and the test points outlined. Plain canvas drawing: no chart library needed.
const CLASS_COLORS = [
  '#1864c8',
  '#c2410c',
  '#1f7a4d',
  '#7b3fb3',
  '#b7791f',
  '#0f766e',
  '#be185d',
  '#4b5563',
  '#65a30d',
  '#9333ea',
];

function hexToRgb(hex) {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * @param {HTMLCanvasElement} canvas
 * @param {{grid: Float64Array, nx: number, ny: number, bounds: number[], classes: number,
 *          points: {train: {x, y}, test: {x, y}}, background: string}} view
 */
export function drawBoundary(canvas, { grid, nx, ny, bounds, classes, points, background }) {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const ctx = canvas.getContext('2d');
  const [x0, x1, y0, y1] = bounds;
  const colors = CLASS_COLORS.map(hexToRgb);
  const base = hexToRgb(background);

  // Regions, one rectangle per grid cell, mixed toward the page background so points stand out.
  const cellWidth = width / nx;
  const cellHeight = height / ny;
  for (let iy = 0; iy < ny; iy += 1) {
    for (let ix = 0; ix < nx; ix += 1) {
      const value = grid[iy * nx + ix];
      let rgb;
      if (classes === 2) {
        rgb = colors[0].map((c, k) => c + (colors[1][k] - c) * value);
      } else {
        rgb = colors[value % colors.length];
      }
      const mixed = rgb.map((c, k) => Math.round(base[k] + (c - base[k]) * 0.35));
      ctx.fillStyle = `rgb(${mixed[0]}, ${mixed[1]}, ${mixed[2]})`;
      ctx.fillRect(ix * cellWidth, height - (iy + 1) * cellHeight, cellWidth + 1, cellHeight + 1);
    }
  }

  const toPixel = (x, y) => [
    ((x - x0) / (x1 - x0)) * width,
    height - ((y - y0) / (y1 - y0)) * height,
  ];
  const radius = 3 * ratio;
  for (const [part, filled] of [
    [points.train, true],
    [points.test, false],
  ]) {
    for (let i = 0; i < part.y.length; i += 1) {
      const [px, py] = toPixel(part.x[2 * i], part.x[2 * i + 1]);
      const [r, g, b] = colors[part.y[i] % colors.length];
      ctx.beginPath();
      ctx.arc(px, py, radius, 0, 2 * Math.PI);
      ctx.lineWidth = 1.5 * ratio;
      ctx.strokeStyle = filled ? 'rgba(255, 255, 255, 0.9)' : `rgb(${r}, ${g}, ${b})`;
      ctx.fillStyle = `rgb(${r}, ${g}, ${b})`;
      if (filled) ctx.fill();
      ctx.stroke();
    }
  }
}
