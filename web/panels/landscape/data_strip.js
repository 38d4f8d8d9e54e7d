// The data as a strip the reader can edit: label-1 points on the top line, label-0 points on the
// bottom line, and each run's current model p = σ(w·x + b) drawn between them (p = 1 at the top).
// Drag a point sideways to move it, across the middle to relabel it, off the strip to remove
// it; tap a point to flip its label; tap empty space to add a point (top half: label 1). A
// swipe that starts on empty space is the page's (it scrolls on a phone), not a tap.
// The points are one list and one tab stop (roving tabindex): ←/→ go to the next point by x,
// Home/End to the ends; Shift + ←/→ (Page Up/Down: further) move the focused point, ↑/↓ put
// it on the top or bottom line, Space or Enter flips its label, Delete removes it, Insert adds
// one beside it.
import { formatNumber } from '../../shared/number_format.js';

const SVG = 'http://www.w3.org/2000/svg';
/** The element (in the page) that describes the keys on a point, once for all of them. */
const KEYS_ID = 'ls-strip-keys';
export const STRIP_RANGE = Object.freeze([-4, 4]);
const PAD = { x: 14, top: 12, bottom: 22 };
const RADIUS = 7;
const DRAG_SLOP_PX = 4;
const REMOVE_BEYOND_PX = 28;
const CURVE_SAMPLES = 97;
const KEY_STEP = 0.1;
const INSERT_OFFSET = 0.5;

const round2 = (v) => Math.round(v * 100) / 100;
const clampToStrip = (x) => Math.min(STRIP_RANGE[1], Math.max(STRIP_RANGE[0], x));

function element(doc, name, attributes = {}) {
  const node = doc.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

/** Sets an attribute only when its value changes: a drag redraws the strip on every move, and
 *  each write, even of the same value, has the browser match styles on the node again. */
function write(node, key, value) {
  if (node.getAttribute(key) !== value) node.setAttribute(key, value);
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

/** The points' indices in the order of their x (ties in the order of the data). */
export function orderByX(x) {
  return x.map((_, i) => i).sort((i, j) => x[i] - x[j] || i - j);
}

/** One option per point, reused across renders so that focus stays put; only `current` is in
 *  the tab order. Its name is its x and label; its place in x order is its position. */
function drawPoints(points, data, g, current) {
  while (points.children.length > data.x.length) points.lastChild.remove();
  const rank = new Map(orderByX(data.x).map((i, k) => [i, k]));
  data.x.forEach((x, i) => {
    let node = points.children[i];
    if (!node) {
      node = element(points.ownerDocument, 'circle', { r: RADIUS, role: 'option' });
      node.dataset.index = String(i);
      node.setAttribute('aria-describedby', KEYS_ID);
      points.append(node);
    }
    const label = data.y[i];
    write(node, 'cx', g.px(clampToStrip(x)).toFixed(1));
    write(node, 'cy', g.py(label).toFixed(1));
    write(node, 'class', `strip-point label-${label}`);
    write(node, 'aria-label', `x = ${formatNumber(x)}, label ${label}`);
    write(node, 'aria-posinset', String(rank.get(i) + 1));
    write(node, 'aria-setsize', String(data.x.length));
  });
  markCurrent(points, current);
}

/** The roving tab stop: the current point is reached by Tab and selected, the others not. */
function markCurrent(points, current) {
  [...points.children].forEach((node, i) => {
    write(node, 'tabindex', i === current ? '0' : '-1');
    write(node, 'aria-selected', String(i === current));
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
  // The strip lets the page scroll vertically (touch-action: pan-y, so a phone's reader can
  // swipe past it), but a finger on a point drags the point: cancelling its touchstart keeps
  // the page still for that touch, while the pointer events still arrive.
  svg.addEventListener(
    'touchstart',
    (event) => strip.isPoint(event.target) && event.preventDefault(),
    {
      passive: false,
    },
  );
  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    const index = strip.isPoint(event.target) ? Number(event.target.dataset.index) : null;
    drag = { index, start: local(event), moved: false };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const at = local(event);
    const distance = Math.hypot(at.px - drag.start.px, at.py - drag.start.py);
    if (!drag.moved && distance < DRAG_SLOP_PX) return;
    // Past the slop a press on empty space is a swipe, not a tap: it adds nothing.
    drag.moved = true;
    if (drag.index === null) return;
    const g = strip.geometry();
    strip.points.children[drag.index]?.classList.toggle('leaving', outside(at.py, g));
    if (outside(at.py, g)) return;
    hooks.onMove(drag.index, round2(clampToStrip(g.xOf(at.px))), g.labelAt(at.py), true);
  });
  const release = (event) => {
    if (!drag) return;
    const { index, moved } = drag;
    drag = null;
    const g = strip.geometry();
    const at = local(event);
    if (index !== null && moved) {
      hooks.onSettle(); // the maps, exact again where the drag left the point
      // Let go off the strip: removed. A removal the lab refuses (the last point) leaves the
      // point where it was drawn.
      if (event.type !== 'pointercancel' && outside(at.py, g))
        Promise.resolve(hooks.onRemove(index)).then((ok) => ok || strip.redraw());
      return;
    }
    if (event.type === 'pointercancel') return;
    if (index !== null) {
      hooks.onToggle(index);
    } else if (!moved && at.px >= PAD.x && at.px <= g.width - PAD.x) {
      hooks.onAdd(round2(g.xOf(at.px)), g.labelAt(at.py));
    }
  };
  svg.addEventListener('pointerup', release);
  svg.addEventListener('pointercancel', release);
}

/** ←/→ to the neighbour by x, Home/End to the ends: the index to focus, or null. */
function neighbourFor(event, x, i) {
  if (event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return null;
  const order = orderByX(x);
  const rank = order.indexOf(i);
  const to = { ArrowLeft: rank - 1, ArrowRight: rank + 1, Home: 0, End: order.length - 1 };
  if (!(event.key in to)) return null;
  return order[Math.min(order.length - 1, Math.max(0, to[event.key]))];
}

/** The edit a key asks of point i, as a call of one hook; null for a key that edits nothing. */
function editFor(event, { x, y }, i, hooks) {
  const move = (dx) => () => hooks.onMove(i, round2(clampToStrip(x[i] + dx)), y[i]);
  const shifted = event.shiftKey ? { ArrowLeft: move(-KEY_STEP), ArrowRight: move(KEY_STEP) } : {};
  const edits = {
    ...shifted,
    PageDown: move(-5 * KEY_STEP),
    PageUp: move(5 * KEY_STEP),
    ArrowUp: () => hooks.onMove(i, x[i], 1),
    ArrowDown: () => hooks.onMove(i, x[i], 0),
    ' ': () => hooks.onToggle(i),
    Enter: () => hooks.onToggle(i),
  };
  return edits[event.key] ?? null;
}

/** Delete removes point i and hands the focus to its neighbour by x (indices after i shift). */
function removeAndRefocus(strip, hooks, x, i) {
  const order = orderByX(x);
  const rank = order.indexOf(i);
  const next = order[rank + 1] ?? order[rank - 1];
  Promise.resolve(hooks.onRemove(i)).then((removed) => {
    if (removed && next !== undefined) strip.focusPoint(next > i ? next - 1 : next);
  });
}

/** Insert adds a point beside point i (to its right, or its left at the strip's end), with
 *  its label, and moves the focus to it. */
function insertBeside(strip, hooks, { x, y }, i) {
  const right = x[i] + INSERT_OFFSET <= STRIP_RANGE[1];
  const at = round2(right ? x[i] + INSERT_OFFSET : x[i] - INSERT_OFFSET);
  Promise.resolve(hooks.onAdd(clampToStrip(at), y[i])).then((added) => {
    if (added) strip.focusPoint(x.length);
  });
}

/** Keys on the focused point: see the header. */
function wireKeys(svg, strip, hooks) {
  svg.addEventListener('keydown', (event) => {
    if (!strip.isPoint(event.target)) return;
    const i = Number(event.target.dataset.index);
    const data = strip.data();
    const neighbour = neighbourFor(event, data.x, i);
    const edit = editFor(event, data, i, hooks);
    if (neighbour !== null) strip.focusPoint(neighbour);
    else if (edit) edit();
    else if (event.key === 'Delete' || event.key === 'Backspace') {
      removeAndRefocus(strip, hooks, data.x, i);
    } else if (event.key === 'Insert') insertBeside(strip, hooks, data, i);
    else return;
    event.preventDefault();
  });
  // Focus by pointer or by script makes that point the tab stop.
  svg.addEventListener('focusin', (event) => {
    if (strip.isPoint(event.target)) strip.setCurrent(Number(event.target.dataset.index));
  });
}

/**
 * @param {SVGSVGElement} svg
 * @param {{onMove(i, x, label, dragging?), onSettle(), onToggle(i), onAdd(x, label),
 *          onRemove(i)}} hooks  each proposes a state and returns whether it was shown (or a
 *   promise of that); onMove is `dragging` while a pointer drags the point, and onSettle
 *   follows when it lets go
 */
export function createDataStrip(svg, hooks) {
  const doc = svg.ownerDocument;
  const curves = [
    element(doc, 'path', { class: 'strip-curve ce' }),
    element(doc, 'path', { class: 'strip-curve mse' }),
  ];
  const axis = element(doc, 'g', { class: 'strip-axis' });
  const points = element(doc, 'g', { class: 'strip-points', role: 'listbox' });
  points.setAttribute('aria-label', 'Points');
  svg.append(axis, ...curves, points);
  let size = { width: 300, height: 110 };
  let data = { x: [], y: [] };
  let models = [];
  let current = 0;
  const geometry = () => geometryOf(size);
  const draw = () => {
    const g = geometry();
    svg.setAttribute('viewBox', `0 0 ${size.width} ${size.height}`);
    drawAxis(axis, g);
    drawCurves(curves, models, g);
    drawPoints(points, data, g, current);
  };
  const strip = {
    geometry,
    redraw: draw,
    points,
    data: () => data,
    isPoint: (node) => node?.parentNode === points && node.dataset?.index !== undefined,
    setCurrent(i) {
      current = i;
      markCurrent(points, current);
    },
    focusPoint(i) {
      strip.setCurrent(i);
      points.children[i]?.focus();
    },
  };
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
      current = Math.min(current, data.x.length - 1);
      draw();
    },
    dispose: () => resize.disconnect(),
  };
}
