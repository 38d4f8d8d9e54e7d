// One loss map on a canvas: the shaded surface over (w, b), its contour lines, the hatched
// region where it is not convex, the descent path with its start and its head, and axes.
// Plain canvas drawing (a chart library has no image plot). Pointer input is turned into
// (w, b): a tap or click picks a start, a mouse drag pans, Ctrl/⌘ + wheel (or a trackpad pinch)
// zooms; page scrolling is never taken over.
import { formatNumber } from '../../shared/number_format.js';

const CLICK_SLOP_PX = 5;

function hexToRgb(color) {
  const value = Number.parseInt(color.replace('#', '').slice(0, 6), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

const fontSize = (width, present) =>
  present ? (width < 420 ? 15 : 18) : width < 300 ? 10 : width < 480 ? 12 : 14;

/** Pixel layout of the plot area inside the canvas (CSS pixels), of `size` (read from the
 *  canvas when not given). */
function layoutOf(canvas, size = { width: canvas.clientWidth, height: canvas.clientHeight }) {
  const { width, height } = size;
  const present = canvas.ownerDocument.documentElement.dataset.present === 'true';
  const font = fontSize(width, present);
  const left = Math.round(font * 3.6);
  const bottom = Math.round(font * 2.6);
  return {
    width,
    height,
    font,
    plot: { x: left, y: 6, w: Math.max(1, width - left - 8), h: Math.max(1, height - bottom - 6) },
  };
}

function toPixel(plot, view, w, b) {
  const [w0, w1, b0, b1] = view;
  return [plot.x + ((w - w0) / (w1 - w0)) * plot.w, plot.y + (1 - (b - b0) / (b1 - b0)) * plot.h];
}

function toModel(plot, view, px, py) {
  const [w0, w1, b0, b1] = view;
  return [w0 + ((px - plot.x) / plot.w) * (w1 - w0), b1 - ((py - plot.y) / plot.h) * (b1 - b0)];
}

const surfaceImage = () => document.createElement('canvas');

function drawShade(ctx, plot, layers, side, { surface, color }) {
  const image = new ImageData(side, side);
  const [base, tint] = [hexToRgb(surface), hexToRgb(color)];
  for (let j = 0; j < side; j += 1) {
    for (let i = 0; i < side; i += 1) {
      const t = 0.04 + 0.66 * layers.shade[j * side + i];
      const o = 4 * ((side - 1 - j) * side + i); // row 0 is b = bMin, at the bottom
      for (let k = 0; k < 3; k += 1) image.data[o + k] = base[k] + (tint[k] - base[k]) * t;
      image.data[o + 3] = 255;
    }
  }
  const cells = surfaceImage();
  cells.width = side;
  cells.height = side;
  cells.getContext('2d').putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(cells, plot.x, plot.y, plot.w, plot.h);
}

/** Traces d3-contour polygons (grid units, cell i's centre at i + 0.5; one unit is `step` of
 * the plot's width and height) as one path. */
function tracePolygons(ctx, plot, step, multiPolygon) {
  const sx = plot.w * step;
  const sy = plot.h * step;
  ctx.beginPath();
  for (const polygon of multiPolygon.coordinates) {
    for (const ring of polygon) {
      ring.forEach(([gx, gy], k) => {
        const px = plot.x + (gx - 0.5) * sx;
        const py = plot.y + plot.h - (gy - 0.5) * sy;
        if (k === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      });
      ctx.closePath();
    }
  }
}

/** Hatching over the cells of `mask` (side × side, row 0 at the bottom): the pattern is cut to
 * the mask's shape by compositing, with no contouring. */
function drawHatch(ctx, plot, side, mask, color) {
  const doc = ctx.canvas.ownerDocument;
  const cells = doc.createElement('canvas');
  cells.width = side;
  cells.height = side;
  const image = new ImageData(side, side);
  for (let j = 0; j < side; j += 1) {
    for (let i = 0; i < side; i += 1) {
      if (mask[j * side + i]) image.data[4 * ((side - 1 - j) * side + i) + 3] = 255;
    }
  }
  cells.getContext('2d').putImageData(image, 0, 0);
  const ratio = ctx.getTransform().a; // device pixels per CSS pixel: crisp lines on any screen
  const layer = doc.createElement('canvas');
  layer.width = Math.max(1, Math.round(plot.w * ratio));
  layer.height = Math.max(1, Math.round(plot.h * ratio));
  const l = layer.getContext('2d');
  l.fillStyle = hatchPattern(l, color, ratio);
  l.fillRect(0, 0, layer.width, layer.height);
  l.globalCompositeOperation = 'destination-in';
  l.imageSmoothingEnabled = true;
  l.drawImage(cells, 0, 0, layer.width, layer.height);
  // Light enough that the shading and the contours stay readable underneath.
  ctx.globalAlpha = 0.4;
  ctx.drawImage(layer, plot.x, plot.y, plot.w, plot.h);
  ctx.globalAlpha = 1;
}

function hatchPattern(ctx, color, ratio) {
  const tile = surfaceImage();
  const size = Math.round(9 * ratio);
  tile.width = size;
  tile.height = size;
  const t = tile.getContext('2d');
  t.strokeStyle = color;
  t.lineWidth = 1.2 * ratio;
  t.beginPath();
  t.moveTo(0, size);
  t.lineTo(size, 0);
  t.stroke();
  return ctx.createPattern(tile, 'repeat');
}

function drawPath(ctx, plot, view, path, index, colors) {
  const points = [];
  for (let k = 0; k <= index; k += 1) points.push(toPixel(plot, view, path.w[k], path.b[k]));
  ctx.lineJoin = 'round';
  for (const [stroke, width] of [
    [colors.surface, 5],
    [colors.text, 2],
  ]) {
    ctx.beginPath();
    points.forEach(([px, py], k) => (k === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
    ctx.strokeStyle = stroke;
    ctx.lineWidth = width;
    ctx.stroke();
  }
  const [sx, sy] = points[0];
  ctx.beginPath();
  ctx.arc(sx, sy, 6, 0, 2 * Math.PI);
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = colors.text;
  ctx.stroke();
  const [hx, hy] = points[points.length - 1];
  ctx.beginPath();
  ctx.arc(hx, hy, 4.5, 0, 2 * Math.PI);
  ctx.fillStyle = colors.text;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = colors.surface;
  ctx.stroke();
}

function drawAxes(ctx, layout, view, colors) {
  const { plot, font } = layout;
  const [w0, w1, b0, b1] = view;
  ctx.strokeStyle = colors.muted;
  ctx.lineWidth = 1;
  ctx.strokeRect(plot.x + 0.5, plot.y + 0.5, plot.w - 1, plot.h - 1);
  ctx.fillStyle = colors.muted;
  ctx.font = `${font}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  const ticks = (low, high) => [low, (low + high) / 2, high];
  ticks(w0, w1).forEach((w, k) => {
    ctx.textAlign = ['left', 'center', 'right'][k];
    ctx.fillText(formatNumber(w), toPixel(plot, view, w, b0)[0], plot.y + plot.h + 3);
  });
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const b of ticks(b0, b1)) {
    const y = toPixel(plot, view, w0, b)[1];
    const inside = Math.min(Math.max(y, plot.y + font / 2), plot.y + plot.h - font / 2);
    ctx.fillText(formatNumber(b), plot.x - 4, inside);
  }
  ctx.fillStyle = colors.text;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText('weight w', plot.x + plot.w / 2, layout.height - 1);
  ctx.save();
  ctx.translate(font * 0.9, plot.y + plot.h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText('bias b', 0, 0);
  ctx.restore();
}

/** The map's surface in an image of the plot's size in device pixels: shading, the hatched
 * region where the Hessian has a negative eigenvalue, and the contour lines. */
function drawSurface(image, plot, ratio, { layers, concave, side, colors, color }) {
  const [width, height] = [Math.round(plot.w * ratio), Math.round(plot.h * ratio)];
  // The same image each time: a new canvas would allocate its pixels again on every redraw.
  if (image.width !== Math.max(1, width) || image.height !== Math.max(1, height)) {
    image.width = Math.max(1, width);
    image.height = Math.max(1, height);
  }
  const ctx = image.getContext('2d');
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.clearRect(0, 0, image.width, image.height);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const local = { x: 0, y: 0, w: plot.w, h: plot.h };
  drawShade(ctx, local, layers, side, { surface: colors.surface, color });
  if (concave) drawHatch(ctx, local, side, concave.mask, colors.text);
  ctx.globalAlpha = 0.55;
  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.text;
  for (const line of layers.lines) {
    tracePolygons(ctx, local, layers.lineStep, line);
    ctx.stroke();
  }
  return image;
}

/** Pointer and keyboard input on a map, as calls in (w, b) terms. */
function wireInput(canvas, current, hooks) {
  let press = null;
  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    press = { x: event.offsetX, y: event.offsetY, view: current().view, panned: false };
    if (event.pointerType === 'mouse') canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!press || event.pointerType !== 'mouse') return;
    const dx = event.offsetX - press.x;
    const dy = event.offsetY - press.y;
    if (!press.panned && Math.hypot(dx, dy) < CLICK_SLOP_PX) return;
    press.panned = true;
    const { plot } = layoutOf(canvas);
    const [w0, w1, b0, b1] = press.view;
    const dw = (-dx / plot.w) * (w1 - w0);
    const db = (dy / plot.h) * (b1 - b0);
    hooks.onView([w0 + dw, w1 + dw, b0 + db, b1 + db]);
  });
  const release = (event) => {
    if (!press) return;
    const pressed = press;
    press = null;
    if (pressed.panned || event.type === 'pointercancel') return;
    const { plot } = layoutOf(canvas);
    const { offsetX: px, offsetY: py } = event;
    if (px < plot.x || px > plot.x + plot.w || py < plot.y || py > plot.y + plot.h) return;
    hooks.onPick(...toModel(plot, current().view, px, py));
  };
  canvas.addEventListener('pointerup', release);
  canvas.addEventListener('pointercancel', release);
  canvas.addEventListener(
    'wheel',
    (event) => {
      if (!event.ctrlKey && !event.metaKey) return; // plain scrolling scrolls the page
      event.preventDefault();
      const { plot } = layoutOf(canvas);
      const at = toModel(plot, current().view, event.offsetX, event.offsetY);
      hooks.onZoom(Math.exp(event.deltaY * 0.002), at);
    },
    { passive: false },
  );
  canvas.addEventListener('keydown', (event) => {
    const handled = hooks.onKey(event.key, event.shiftKey);
    if (handled) event.preventDefault();
  });
}

/**
 * @param {HTMLCanvasElement} canvas
 * @param {{onPick: (w: number, b: number) => void, onView: (view: number[]) => void,
 *          onZoom: (factor: number, at: number[]) => void,
 *          onKey: (key: string, shift: boolean) => boolean}} hooks  a pick of (w, b), a new
 *   view [w0, w1, b0, b1], a zoom by `factor` about `at` = [w, b], and a key (true if handled)
 */
export function createLandscapeMap(canvas, hooks) {
  let model = null;
  let surface = null;
  const surfaceCanvas = canvas.ownerDocument.createElement('canvas');
  // The canvas's CSS size as its ResizeObserver last said: reading clientWidth on every draw
  // would force a layout whenever something on the page changed since the last frame (the
  // hover under a dragging finger does).
  let size = null;
  const resize = new canvas.ownerDocument.defaultView.ResizeObserver(([entry]) => {
    const { width, height } = entry.contentRect;
    if (size && width === size.width && height === size.height) return;
    size = { width, height };
    if (model) map.draw(model);
  });
  resize.observe(canvas);
  wireInput(canvas, () => model, hooks);
  const map = {
    /** model: {view, side, layers, concave?, path, index, colors, color} */
    draw(next) {
      model = next;
      const ratio = canvas.ownerDocument.defaultView.devicePixelRatio || 1;
      size ??= { width: canvas.clientWidth, height: canvas.clientHeight };
      const layout = layoutOf(canvas, size);
      const width = Math.max(1, Math.round(layout.width * ratio));
      const height = Math.max(1, Math.round(layout.height * ratio));
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      const ctx = canvas.getContext('2d');
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, layout.width, layout.height);
      const { plot } = layout;
      const { colors } = next;
      // The surface (shading, hatching, contours) changes only with the maps, the size or the
      // theme; playing or moving the start redraws just the path over a cached image of it.
      const { layers, concave, color } = next;
      const key = [layers, concave, plot.w, plot.h, ratio, colors.surface, colors.text, color];
      if (!surface || key.some((part, i) => part !== surface.key[i])) {
        surface = { key, image: drawSurface(surfaceCanvas, plot, ratio, next) };
      }
      ctx.drawImage(surface.image, plot.x, plot.y, plot.w, plot.h);
      ctx.save();
      ctx.beginPath();
      ctx.rect(plot.x, plot.y, plot.w, plot.h);
      ctx.clip();
      drawPath(ctx, plot, next.view, next.path, next.index, colors);
      ctx.restore();
      drawAxes(ctx, layout, next.view, colors);
    },
    /** The head of the path in CSS pixels (tests and the present mode's pointer). */
    headPixels() {
      if (!model) return null;
      const { plot } = layoutOf(canvas);
      return toPixel(plot, model.view, model.path.w[model.index], model.path.b[model.index]);
    },
    /** CSS pixel position of (w, b) on the canvas (tests click there). */
    pixelOf: (w, b) => toPixel(layoutOf(canvas).plot, model.view, w, b),
    dispose: () => resize.disconnect(),
  };
  return map;
}
