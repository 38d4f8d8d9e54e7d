// The data as a strip the reader can edit: label-1 points on the top line, label-0 points on the
// bottom line, and each run's current model p = σ(w·x + b) drawn between them (p = 1 at the top).
// Drag a point sideways to move it, across the middle to relabel it, off the strip to remove
// it; tap a point to flip its label; tap empty space to add a point (top half: label 1).
// Each point is a focusable slider: ←/→ move it, Space or Enter flips its label, Delete
// removes it.
import { formatNumber } from '../../shared/number_format.js';

const SVG = 'http://www.w3.org/2000/svg';
export const STRIP_RANGE = Object.freeze([-4, 4]);
const PAD = { x: 14, top: 12, bottom: 22 };
const RADIUS = 7;
const DRAG_SLOP_PX = 4;
const REMOVE_BEYOND_PX = 28;
const CURVE_SAMPLES = 97;
const KEY_STEP = 0.1;

const round2 = (v) => Math.round(v * 100) / 100;
const clampToStrip = (x) => Math.min(STRIP_RANGE[1], Math.max(STRIP_RANGE[0], x));

function element(doc, name, attributes = {}) {
  const node = doc.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

/** Pixel mapping of the strip at a size: x ↔ px, and p (0 at the bottom line, 1 at the top). */
function geometryOf({ width, height }) {
  const top = PAD.top;
  const bottom = height - PAD.bottom;
  const span = STRIP_RANGE[1] - STRIP_RANGE[0];
  return {
    px: (x) => PAD.x + ((x - STRIP_RANGE[0]) / span) * (width - 2 * PAD.x),
    xOf: (px) => STRIP_RANGE[0] + ((px - PAD.x) / (width - 2 * PAD.x)) * span,
    py: (p) => bottom - p * (bottom - top),
    labelAt: (py) => (py < (top + bottom) / 2 ? 1 : 0),
    width,
    height,
  };
}

function drawAxis(axis, g) {
  const doc = axis.ownerDocument;
  axis.replaceChildren();
  for (const p of [0, 1]) {
    axis.append(element(doc, 'line', { x1: PAD.x, x2: g.width - PAD.x, y1: g.py(p), y2: g.py(p) }));
  }
  for (let x = STRIP_RANGE[0]; x <= STRIP_RANGE[1]; x += 2) {
    const label = element(doc, 'text', { x: g.px(x), y: g.height - 4, 'text-anchor': 'middle' });
    label.textContent = formatNumber(x);
    axis.append(label);
  }
}

function drawCurves(curves, models, g) {
  models.forEach((model, k) => {
    let d = '';
    for (let s = 0; s < CURVE_SAMPLES; s += 1) {
      const x = STRIP_RANGE[0] + ((STRIP_RANGE[1] - STRIP_RANGE[0]) * s) / (CURVE_SAMPLES - 1);
      d += `${s === 0 ? 'M' : 'L'}${g.px(x).toFixed(1)},${g.py(model.probability(x)).toFixed(1)}`;
    }
    curves[k].setAttribute('d', d);
  });
}

/** One focusable circle per point, reused across renders so that focus stays put. */
function drawPoints(points, data, g) {
  while (points.children.length > data.x.length) points.lastChild.remove();
  data.x.forEach((x, i) => {
    let node = points.children[i];
    if (!node) {
      node = element(points.ownerDocument, 'circle', { r: RADIUS, tabindex: '0', role: 'slider' });
      node.dataset.index = String(i);
      node.setAttribute('aria-valuemin', String(STRIP_RANGE[0]));
      node.setAttribute('aria-valuemax', String(STRIP_RANGE[1]));
      points.append(node);
    }
    const label = data.y[i];
    node.setAttribute('cx', g.px(clampToStrip(x)).toFixed(1));
    node.setAttribute('cy', g.py(label).toFixed(1));
    node.setAttribute('class', `strip-point label-${label}`);
    node.setAttribute('aria-valuenow', String(x));
    node.setAttribute('aria-label', `Point ${i + 1}`);
    node.setAttribute('aria-valuetext', `x = ${formatNumber(x)}, label ${label}`);
  });
}

const outside = (py, g) => py < -REMOVE_BEYOND_PX || py > g.height + REMOVE_BEYOND_PX;

/** Pointer input: drag a point (sideways, across the middle, off the strip), tap to flip or add. */
function wirePointer(svg, strip, hooks) {
  let drag = null;
  const local = (event) => {
    const box = svg.getBoundingClientRect();
    return { px: event.clientX - box.left, py: event.clientY - box.top };
  };
  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    const index = event.target.dataset?.index;
    drag = { index: index === undefined ? null : Number(index), start: local(event), moved: false };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener('pointermove', (event) => {
    if (!drag || drag.index === null) return;
    const at = local(event);
    const distance = Math.hypot(at.px - drag.start.px, at.py - drag.start.py);
    if (!drag.moved && distance < DRAG_SLOP_PX) return;
    drag.moved = true;
    const g = strip.geometry();
    strip.points.children[drag.index]?.classList.toggle('leaving', outside(at.py, g));
    if (outside(at.py, g)) return;
    hooks.onMove(drag.index, round2(clampToStrip(g.xOf(at.px))), g.labelAt(at.py));
  });
  const release = (event) => {
    if (!drag) return;
    const { index, moved } = drag;
    drag = null;
    if (event.type === 'pointercancel') return;
    const at = local(event);
    const g = strip.geometry();
    if (index !== null && moved) {
      if (outside(at.py, g)) hooks.onRemove(index);
    } else if (index !== null) {
      hooks.onToggle(index);
    } else if (at.px >= PAD.x && at.px <= g.width - PAD.x) {
      hooks.onAdd(round2(g.xOf(at.px)), g.labelAt(at.py));
    }
  };
  svg.addEventListener('pointerup', release);
  svg.addEventListener('pointercancel', release);
}

/** Keys on a focused point: arrows move it, Space or Enter flips it, Delete removes it. */
function wireKeys(svg, strip, hooks) {
  svg.addEventListener('keydown', (event) => {
    const index = event.target.dataset?.index;
    if (index === undefined) return;
    const i = Number(index);
    const { x, y } = strip.data();
    const step = event.shiftKey ? 5 * KEY_STEP : KEY_STEP;
    const moves = { ArrowLeft: -step, ArrowDown: -step, ArrowRight: step, ArrowUp: step };
    if (event.key in moves) {
      hooks.onMove(i, round2(clampToStrip(x[i] + moves[event.key])), y[i]);
    } else if (event.key === ' ' || event.key === 'Enter') {
      hooks.onToggle(i);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      hooks.onRemove(i);
      const next = strip.points.children[Math.min(i, x.length - 2)];
      queueMicrotask(() => next?.focus());
    } else {
      return;
    }
    event.preventDefault();
  });
}

/**
 * @param {SVGSVGElement} svg
 * @param {{onMove(i, x, label), onToggle(i), onAdd(x, label), onRemove(i)}} hooks
 */
export function createDataStrip(svg, hooks) {
  const doc = svg.ownerDocument;
  const curves = [
    element(doc, 'path', { class: 'strip-curve ce' }),
    element(doc, 'path', { class: 'strip-curve mse' }),
  ];
  const axis = element(doc, 'g', { class: 'strip-axis' });
  const points = element(doc, 'g', { class: 'strip-points' });
  svg.append(axis, ...curves, points);
  let size = { width: 300, height: 110 };
  let data = { x: [], y: [] };
  let models = [];
  const geometry = () => geometryOf(size);
  const draw = () => {
    const g = geometry();
    svg.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
    drawAxis(axis, g);
    drawCurves(curves, models, g);
    drawPoints(points, data, g);
  };
  const strip = { geometry, points, data: () => data };
  wirePointer(svg, strip, hooks);
  wireKeys(svg, strip, hooks);
  const resize = new doc.defaultView.ResizeObserver(([entry]) => {
    const { width, height } = entry.contentRect;
    if (width > 0 && height > 0 && (width !== size.width || height !== size.height)) {
      size = { width, height };
      draw();
    }
  });
  resize.observe(svg);

  return {
    /** models: [{probability(x)}] for the CE run and the MSE run, in that order. */
    render(nextData, nextModels) {
      data = nextData;
      models = nextModels;
      draw();
    },
    dispose: () => resize.disconnect(),
  };
}
