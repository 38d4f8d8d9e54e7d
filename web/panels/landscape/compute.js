// Every core call of the landscape lab, once per state. The maps depend on the data and the
// window alone, the paths on the data, the start, the learning rate and the momentum: a state
// that only takes more steps (Play) or moves the window reuses what did not change. Paths are
// computed ahead (PATH_AHEAD steps at least, doubling), so playing costs no core call per frame.
import { dataOf } from './state.js';

export const MAP_SIDE = 200; // cells per side of each map
// While a data point is dragged, the maps follow the finger at this side (a sixteenth of the
// cells), shaded only: no contours, no hatching, no figure taken from them.
export const DRAG_SIDE = 50;
// What a set of maps holds, by the source that asked for it: 'coarse' while a point is dragged
// ('ls-drag'); 'shaded', the exact cells with shading only, in the frame a point is let go
// ('ls-settle'), so the exact maps follow the finger at once; 'detailed' otherwise, with the
// curvature maps the contour figures and the concave region come from (the next frame after
// a release asks for them: 'ls-detail').
const STAGE_OF_SOURCE = { 'ls-drag': 'coarse', 'ls-settle': 'shaded' };
const STAGES = ['coarse', 'shaded', 'detailed'];
// Cross-entropy's curvature is only quoted (its smallest value, ≥ 0 everywhere in theory), not
// drawn: a coarser grid says as much for a quarter of the work.
const CE_CURVATURE_SIDE = 100;
const PATH_AHEAD = 250;
export const LOSSES = Object.freeze(['ce', 'mse']);

const sameList = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The maps of `stage` for the state's data and window; `shaded`: the same data's shaded maps,
 *  whose loss cells a detailed set takes over. */
function computeMaps(core, state, stage, shaded) {
  const data = dataOf(state);
  const [w0, w1, b0, b1] = state.view;
  const side = stage === 'coarse' ? DRAG_SIDE : MAP_SIDE;
  const grid = (fn, loss, cells = side) => fn(data, loss, w0, w1, b0, b1, cells, cells);
  const maps = {
    x: state.x,
    y: state.y,
    view: state.view,
    side,
    stage,
    ce: shaded?.ce ?? grid(core.landscape, 'ce'),
    mse: shaded?.mse ?? grid(core.landscape, 'mse'),
  };
  if (stage !== 'detailed') return maps;
  const ceCurvature = grid(core.landscapeCurvature, 'ce', CE_CURVATURE_SIDE);
  return {
    ...maps,
    mseCurvature: grid(core.landscapeCurvature, 'mse'),
    ceCurvatureMin: ceCurvature.reduce((a, b) => Math.min(a, b), Infinity),
  };
}

const pathKey = (state) =>
  JSON.stringify([state.x, state.y, state.w, state.b, state.lr, state.momentum]);

function computePaths(core, state, previous) {
  const key = pathKey(state);
  if (previous && previous.key === key && previous.capacity >= state.steps) return previous;
  const capacity = Math.max(
    state.steps,
    PATH_AHEAD,
    previous?.key === key ? 2 * previous.capacity : 0,
  );
  const path = (loss) =>
    core.descentPath(dataOf(state), loss, state.w, state.b, state.lr, capacity, state.momentum);
  return { key, capacity, ce: path('ce'), mse: path('mse') };
}

/** The point of a path after `steps` steps, or where it stopped if that came first. */
function pointAt(path, steps) {
  const last = path.w.length - 1;
  const i = Math.min(steps, last);
  return {
    index: i,
    stopped: i < steps,
    w: path.w[i],
    b: path.b[i],
    loss: path.loss[i],
    gradNorm: path.gradNorm[i],
    startLoss: path.loss[0],
    startGradNorm: path.gradNorm[0],
  };
}

export function compute(core, state, previous) {
  const before = previous.results;
  const stage = STAGE_OF_SOURCE[previous.source] ?? 'detailed';
  const sameData =
    before &&
    sameList(before.maps.view, state.view) &&
    sameList(before.maps.x, state.x) &&
    sameList(before.maps.y, state.y);
  const reusable = sameData && STAGES.indexOf(before.maps.stage) >= STAGES.indexOf(stage);
  const shaded = sameData && before.maps.stage === 'shaded' ? before.maps : undefined;
  const maps = reusable ? before.maps : computeMaps(core, state, stage, shaded);
  const paths = computePaths(core, state, before?.paths);
  return {
    maps,
    paths,
    at: { ce: pointAt(paths.ce, state.steps), mse: pointAt(paths.mse, state.steps) },
  };
}
