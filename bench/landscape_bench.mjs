// ms per 200 × 200 loss map of 50 points, as the landscape lab asks for one: core.landscape (the
// factored wasm kernels, no exp or log1p per cell and point) against the plain-JS map written the
// direct way (one exp and one log1p per cell and point, as the textbook stable forms need), for
// CE and MSE; and the wasm curvature maps. Median, min–max over n timed runs after warm-up;
// figures only, never asserted. `node bench/landscape_bench.mjs` after a build, or `npm run bench`.
import { pathToFileURL } from 'node:url';

const SIDE = 200;
const POINTS = 50;
const WARM_UP = 5;
const RUNS = 30;
const WINDOW = [-10, 10, -10, 10];

// 50 points over [−2.5, 2.5], labelled by the sign of x with every fourth label flipped, so the
// map holds both a good fit and confidently wrong regions.
const DATA = (() => {
  const x = Array.from({ length: POINTS }, (_, k) => -2.5 + (5 * k) / (POINTS - 1));
  const y = x.map((v, k) => (v > 0 !== (k % 4 === 3) ? 1 : 0));
  return { x, y };
})();

const softplus = (u) => Math.max(u, 0) + Math.log1p(Math.exp(-Math.abs(u)));

/** The same map in plain JS, one exp (and for CE one log1p) per cell and point. */
export function landscapePlain({ x, y }, loss, wMin, wMax, bMin, bMax, nw, nb) {
  const out = new Float64Array(nw * nb);
  const n = x.length;
  for (let j = 0; j < nb; j += 1) {
    const b = bMin + (j * (bMax - bMin)) / (nb - 1);
    for (let i = 0; i < nw; i += 1) {
      const w = wMin + (i * (wMax - wMin)) / (nw - 1);
      let total = 0;
      for (let k = 0; k < n; k += 1) {
        const z = w * x[k] + b;
        if (loss === 'ce') {
          total += y[k] === 1 ? softplus(-z) : softplus(z);
        } else {
          const r = 1 / (1 + Math.exp(-z)) - y[k];
          total += r * r;
        }
      }
      out[j * nw + i] = total / n;
    }
  }
  return out;
}

/** {median, min, max, n} in ms of fn() over RUNS runs after WARM_UP untimed ones. */
function time(fn) {
  const times = [];
  let checksum = 0;
  for (let r = 0; r < WARM_UP + RUNS; r += 1) {
    const start = process.hrtime.bigint();
    const map = fn();
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (r >= WARM_UP) times.push(elapsed);
    checksum += map[(SIDE * SIDE) >> 1];
  }
  if (!Number.isFinite(checksum)) throw new Error('non-finite benchmark result');
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], min: times[0], max: times.at(-1), n: times.length };
}

export function measureLandscape(core) {
  const args = (loss) => [DATA, loss, ...WINDOW, SIDE, SIDE];
  const figures = {};
  for (const loss of ['ce', 'mse']) {
    // The two must draw the same map, or the comparison means nothing.
    const wasm = core.landscape(...args(loss));
    const plain = landscapePlain(...args(loss));
    wasm.forEach((value, c) => {
      if (!(Math.abs(value - plain[c]) <= 1e-12 * Math.abs(plain[c]))) {
        throw new Error(`landscape ${loss}: wasm ${value} and plain JS ${plain[c]} differ at ${c}`);
      }
    });
    figures[loss] = {
      wasm: time(() => core.landscape(...args(loss))),
      js: time(() => landscapePlain(...args(loss))),
      curvature: time(() => core.landscapeCurvature(...args(loss))),
    };
  }
  return figures;
}

export function printLandscape(figures) {
  const cell = ({ median, min, max }) =>
    `${median.toFixed(2).padStart(6)} (${min.toFixed(2)}–${max.toFixed(2)})`.padEnd(24);
  console.log(
    `\nloss landscape, ${SIDE} × ${SIDE} map of ${POINTS} points, ms per map: median (min–max), n = ${RUNS}`,
  );
  console.log(
    `  ${''.padEnd(5)}${'WASM'.padEnd(24)}${'plain JS, exp + log1p'.padEnd(24)}JS / WASM`,
  );
  for (const [loss, f] of Object.entries(figures)) {
    console.log(
      `  ${loss.padEnd(5)}${cell(f.wasm)}${cell(f.js)}${(f.js.median / f.wasm.median).toFixed(2)}x   (target WASM <= 5 ms)`,
    );
  }
  for (const [loss, f] of Object.entries(figures)) {
    console.log(`  ${`${loss} λ_min map, WASM`.padEnd(21)}${cell(f.curvature)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { default: createLossCore } = await import('../dist/lossplay-core.mjs');
  printLandscape(measureLandscape(await createLossCore()));
}
