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

const cellImage = document.createElement('canvas');

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

  // Regions: one pixel per grid cell in a small image (row 0 at the bottom), mixed toward the
  // page background so the points stand out, then scaled up smoothly in one drawImage.
  const image = new ImageData(nx, ny);
  for (let iy = 0; iy < ny; iy += 1) {
    for (let ix = 0; ix < nx; ix += 1) {
      const value = grid[iy * nx + ix];
      const offset = 4 * ((ny - 1 - iy) * nx + ix);
      for (let k = 0; k < 3; k += 1) {
        const c =
          classes === 2
            ? colors[0][k] + (colors[1][k] - colors[0][k]) * value
            : colors[value % colors.length][k];
        image.data[offset + k] = base[k] + (c - base[k]) * 0.35;
      }
      image.data[offset + 3] = 255;
    }
  }
  cellImage.width = nx;
  cellImage.height = ny;
  cellImage.getContext('2d').putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(cellImage, 0, 0, width, height);

  const toPixel = (x, y) => [
    ((x - x0) / (x1 - x0)) * width,
    height - ((y - y0) / (y1 - y0)) * height,
  ];
  const radius = 3 * ratio;
  for (const { part, filled } of [
    { part: points.train, filled: true },
    { part: points.test, filled: false },
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
