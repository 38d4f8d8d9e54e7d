// `npm run bench`: ns per point of the binary curve for 10^6 points, natively (g++ -O3), as
// WebAssembly under Node, and in plain JS with the same formulas; then the ratios.
//
// Two columns, because at 10^6 points (48 MB of output) allocating the result costs as much
// as computing it:
//   kernel - output buffers allocated once and reused;
//   call   - new arrays for every call: core.binaryCurve as a page calls it, a native call
//            that allocates six vectors, the plain-JS function allocating six Float64Arrays.
// Figures are printed, never asserted: timing belongs to benchmarks, not tests.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import createLossCore from '../dist/lossplay-core.mjs';
import { allocateCurve, binaryCurvePlain } from './binary_curve_plain.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --compare DIR: another build's dist/ (say, of an earlier commit), measured beside this one;
// --record-weights: record this build's page weights as the new baseline.
const { values: options } = parseArgs({
  options: { compare: { type: 'string' }, 'record-weights': { type: 'boolean' } },
});
const POINTS = 1_000_000;
const REPEATS = 15;

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', env });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
  }
  return result.stdout;
}

function lastJsonLine(output) {
  return JSON.parse(output.trim().split('\n').pop());
}

function nativeFigures() {
  run('cmake', ['--preset', 'native']);
  run('cmake', ['--build', '--preset', 'native', '--target', 'binary_curve_bench']);
  const binary = path.join(root, 'build', 'native', 'binary_curve_bench');
  return lastJsonLine(run(binary, [String(POINTS), String(REPEATS)]));
}

function wasmProgramFigures() {
  const env = { ...process.env, NODE_PATH: '/usr/share/nodejs' };
  run('cmake', ['--build', '--preset', 'wasm', '--target', 'binary_curve_bench_wasm'], env);
  const program = path.join(root, 'build', 'wasm', 'binary_curve_bench_wasm.cjs');
  return lastJsonLine(run(process.execPath, [program, String(POINTS), String(REPEATS)]));
}

/** Median ns per point of fn over REPEATS runs, after two warm-up runs. */
function nsPerPoint(fn) {
  const times = [];
  let checksum = 0;
  for (let r = 0; r < REPEATS + 2; r += 1) {
    const start = process.hrtime.bigint();
    const curve = fn(r % 2 === 0 ? 1 : 0.6);
    const elapsed = Number(process.hrtime.bigint() - start);
    if (r >= 2) times.push(elapsed);
    checksum += curve.ce[POINTS >> 2];
  }
  if (!Number.isFinite(checksum)) throw new Error('non-finite benchmark result');
  times.sort((a, b) => a - b);
  return times[times.length >> 1] / POINTS;
}

const core = await createLossCore();
const native = nativeFigures();
const wasm = wasmProgramFigures();
const warmOut = allocateCurve(POINTS);
const figures = {
  native: { kernel: native.warmNsPerPoint, call: native.freshNsPerPoint },
  wasm: {
    kernel: wasm.warmNsPerPoint,
    call: nsPerPoint((y) => core.binaryCurve(y, -20, 20, POINTS)),
  },
  js: {
    kernel: nsPerPoint((y) => binaryCurvePlain(y, -20, 20, POINTS, warmOut)),
    call: nsPerPoint((y) => binaryCurvePlain(y, -20, 20, POINTS)),
  },
};

const cell = (value) => value.toFixed(2).padStart(8);
const ratio = (a, b) => `${(a / b).toFixed(2)}x`.padStart(8);
console.log(`binaryCurve, ${POINTS.toLocaleString('en')} points, median of ${REPEATS} runs`);
console.log(`${''.padEnd(30)}  kernel    call   (ns/point)`);
console.log(
  `${'native C++ (g++ -O3)'.padEnd(30)}${cell(figures.native.kernel)}${cell(figures.native.call)}`,
);
console.log(
  `${`WASM, Node ${process.versions.node}`.padEnd(30)}${cell(figures.wasm.kernel)}${cell(figures.wasm.call)}`,
);
console.log(
  `${'plain JS, same formulas'.padEnd(30)}${cell(figures.js.kernel)}${cell(figures.js.call)}`,
);
console.log(
  `${'WASM / native (target <= 1.5)'.padEnd(30)}${ratio(figures.wasm.kernel, figures.native.kernel)}${ratio(figures.wasm.call, figures.native.call)}`,
);
console.log(
  `${'WASM / JS     (target <= 1.0)'.padEnd(30)}${ratio(figures.wasm.kernel, figures.js.kernel)}${ratio(figures.wasm.call, figures.js.call)}`,
);
console.log(
  'call, WASM: core.binaryCurve including the copy of its six Float64Arrays out of wasm memory',
);

const landscapeBench = await import('./landscape_bench.mjs');
landscapeBench.printLandscape(landscapeBench.measureLandscape(core));

const raceBench = await import('./race_bench.mjs');
const { summary } = await import('./page_bench.mjs');
const { csvPath, csv } = raceBench.breastCancerCsv();
// A run of 1,000 epochs lasts ~60 ms natively, where one hiccup of the machine shows: native and
// WASM runs alternate RACE_RUNS times and the medians are compared.
const RACE_RUNS = 7;
const raceRuns = { native: [], wasm: [] };
for (let run = 0; run < RACE_RUNS; run += 1) {
  raceRuns.native.push(raceBench.nativeRaceThroughput(csvPath));
  raceRuns.wasm.push(raceBench.wasmRaceThroughput(core, csv));
}
console.log(
  `\ntraining race, breast cancer (398 training rows × 30 features), epochs per second: median (min–max) of ${RACE_RUNS} alternating runs`,
);
for (const [key, label] of [
  ['logistic', 'logistic regression'],
  ['mlp16', 'MLP, 16 tanh units'],
]) {
  const [native, wasm] = ['native', 'wasm'].map((side) =>
    summary(raceRuns[side].map((r) => r[key])),
  );
  const cell = (s) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`.padEnd(20);
  console.log(
    `  ${label.padEnd(22)} native ${cell(native)} WASM ${cell(wasm)} native/WASM ${(native.median / wasm.median).toFixed(2)}x (target <= 1.5x)`,
  );
}
const depthBench = await import('./depth_bench.mjs');
depthBench.printDepthHeavy(await depthBench.measureDepthHeavy());

const historyBench = await import('./race_history_bench.mjs');
historyBench.printHistoryReads(historyBench.measureHistoryReads(core));

const { measureSite, printSites } = await import('./pages_report.mjs');
const weight = await import('./page_weight.mjs');
const sites = [];
if (options.compare) sites.push(await measureSite('before (--compare)', options.compare));
sites.push(await measureSite(options.compare ? 'now' : 'dist/', path.join(root, 'dist')));
const now = sites.at(-1);
if (options['record-weights']) weight.recordBaseline(now.weight);
const baseline = weight.readBaseline();
printSites(sites, baseline);
const { measureDrag, printDrag } = await import('./drag_bench.mjs');
const { prepareBenchSite } = await import('./bench_site.mjs');
const drags = [];
if (options.compare) {
  const before = await prepareBenchSite('before (--compare)', options.compare);
  drags.push({ name: 'before (--compare)', figures: await measureDrag(before) });
}
const nowSite = await prepareBenchSite(now.name, path.join(root, 'dist'));
drags.push({ name: now.name, figures: await measureDrag(nowSite) });
printDrag(drags);
const growth = weight.weightGrowth(now.weight, baseline);
if (growth.length > 0) {
  console.error(`\nPAGE WEIGHT REGRESSION: ${growth.join('; ')}`);
  console.error('If the growth is intended, record it: npm run bench -- --record-weights');
  process.exitCode = 1;
}

const { measureLongSession } = await import('./memory_bench.mjs');
const session = await measureLongSession();
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const total = Object.keys(session.panels).length * session.perPanel;
console.log(
  `\nlong session: ${total.toLocaleString('en')} state changes across the panels (target growth < 1 MB each)`,
);
for (const [name, r] of Object.entries(session.panels)) {
  console.log(
    `  ${name.padEnd(18)} ${session.perPanel.toLocaleString('en')} changes in ${r.seconds.toFixed(1)} s   wasm memory ${kb(r.before.wasm)} → ${kb(r.after.wasm)} (growth ${kb(r.after.wasm - r.before.wasm)})   JS heap growth ${kb(r.after.js - r.before.js)}`,
  );
}

const yourModel = await import('./your_model_bench.mjs');
yourModel.printYourModel(await yourModel.measureYourModel());

const { measureWidgets } = await import('./widget_bench.mjs');
const widgets = await measureWidgets();
const { chapter, single } = widgets.memory;
const ms = (value) => `${value.toFixed(2)} ms`;
console.log('\n<loss-playground> widgets, headless Chromium on localhost, 1024×768');
console.log(
  `  first widget's first render (median of ${widgets.loads} loads)   chapter of ${chapter.widgets} ${ms(widgets.firstRender.chapter)}   page of ${single.widgets} ${ms(widgets.firstRender.single)}   ratio ${(widgets.firstRender.chapter / widgets.firstRender.single).toFixed(2)}x`,
);
console.log(
  `  JS heap after gc, all started                   ${chapter.widgets} widgets ${kb(chapter.js)}   ${single.widgets} widget ${kb(single.js)}   ratio ${(chapter.js / single.js).toFixed(2)}x   (${kb((chapter.js - single.js) / (chapter.widgets - single.widgets))} per further widget)`,
);
console.log(
  `  wasm memory, all started                        ${chapter.widgets} widgets ${kb(chapter.wasm)}   ${single.widgets} widget ${kb(single.wasm)}   ratio ${(chapter.wasm / single.wasm).toFixed(2)}x`,
);
console.log(
  `  JS heap growth per attribute change             ${(widgets.perChange.bytes / 1024).toFixed(2)} KB over ${widgets.measured} changes (${ms(widgets.perChange.ms)} each)`,
);
console.log(
  `  JS heap growth per widget added and removed     ${(widgets.perCycle.bytes / 1024).toFixed(2)} KB over ${widgets.measured} cycles (${ms(widgets.perCycle.ms)} each)`,
);
