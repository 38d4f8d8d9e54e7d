// Every core call of the lab, grouped by what each depends on, so that a change recomputes only
// what it touches: the data (read, columns, the fitted temperature, the scores at T = 1), the
// temperature (the scores at T), the binning (the reliability diagram), the belief q (the
// expected scores' curves) and the report r.
import { EXAMPLES } from './examples.js';
import { modelColumns } from './columns.js';
import { worstRows } from './worst_rows.js';
import { nextTask } from '../../shared/next_frame.js';

export const HISTOGRAM_DECADES = 12; // one bin per decade
export const SCORE_CURVE_POINTS = 199;

/** A whole (small) table read by the core at once: a bundled example, or a link's paste. */
export function readTable(core, text) {
  const reader = core.createTableReader();
  try {
    reader.read(text);
    return reader.finish();
  } finally {
    reader.dispose();
  }
}

/** A message as a sentence: the core's end without a full stop. */
export const asSentence = (message) => (/[.!?]$/.test(message) ? message : `${message}.`);

/** The core's messages name a data row ("(row 12)", "the labels of row 12"); the reader knows
 *  the file's lines. */
export const withLines = (message, firstLine) => {
  const line = (row) => firstLine + Number(row) - 1;
  return asSentence(
    message
      .replace(/^\w+\([^)]*\): /, '')
      .replace(/\(row (\d+)\)/g, (_, row) => `(line ${line(row)} of the data)`)
      .replace(/\bof row (\d+)\b/g, (_, row) => `of line ${line(row)}`)
      .replace(/^the /, 'The '),
  );
};

function tableOf(core, state) {
  if (state.data !== 'pasted') return readTable(core, EXAMPLES[state.data].text);
  return state.model ?? readTable(core, state.csv);
}

const sameData = (a, b) =>
  a.data === b.data && a.csv === b.csv && a.model === b.model && a.label === b.label;

function largest(...arrays) {
  let top = 0;
  for (const values of arrays) for (const value of values) if (value > top) top = value;
  return top;
}

/**
 * Two series over the same bins, one per power of ten, over the HISTOGRAM_DECADES below the
 * power of ten above the larger of the two's largest value: most examples of a good model have
 * a loss and a gradient near 0, and on an even scale they would all be one bar, hiding the few
 * large ones that matter. Values further down are counted in the series' `below`.
 */
function pairedHistogram(core, first, second) {
  const max = largest(first, second);
  if (max === 0) return null; // every example exactly right: nothing to bin
  const top = 10 ** Math.ceil(Math.log10(max));
  const settings = {
    bins: HISTOGRAM_DECADES,
    min: top * 10 ** -HISTOGRAM_DECADES,
    max: top,
    log: true,
  };
  return { a: core.histogram(first, settings), b: core.histogram(second, settings) };
}

/** The core's messages name a data row; these name the file's line instead. */
function onLines(model, fn) {
  try {
    return fn();
  } catch (error) {
    throw new Error(withLines(error.message, model.firstLine), { cause: error });
  }
}

/** Data of more entries (rows × logits) than this are computed a core call per task, the
 *  temperature a step per task, so that the page keeps drawing and responding in between. */
const ENTRIES_IN_ONE_TASK = 200_000;

/** The data's part: scores at T = 1, the fitted T and the histograms, yielding between core
 *  calls (and temperature steps) where a large data set gives the page a task back. */
function* dataParts(core, model) {
  const settings = { labelKind: model.kind };
  const args = [model.logits, model.classes, model.labels, settings];
  const given = onLines(model, () => core.scoreExamples(...args));
  yield;
  const fitter = onLines(model, () => core.createTemperatureFit(...args));
  let fit;
  try {
    while (!fitter.step()) yield;
    fit = fitter.result();
  } finally {
    fitter.dispose();
  }
  yield;
  const losses = pairedHistogram(core, given.crossEntropy, given.brier);
  yield;
  const gradients = pairedHistogram(core, given.crossEntropyGradient, given.brierGradient);
  return { model, given, fit, losses, gradients };
}

/** Runs dataParts a step per task. */
async function inTasks(steps) {
  for (;;) {
    const { done, value } = steps.next();
    if (done) return value;
    await nextTask();
  }
}

/** Runs dataParts at once. */
function atOnce(steps) {
  for (;;) {
    const { done, value } = steps.next();
    if (done) return value;
  }
}

/** The data's part for a state: at once for small data, a promise of it for large. */
function computeData(core, state) {
  const model = modelColumns(tableOf(core, state), state.label);
  const steps = dataParts(core, model);
  return model.logits.length > ENTRIES_IN_ONE_TASK ? inTasks(steps) : atOnce(steps);
}

/** The reliability diagram's event: class 1 for one logit, "the top class is right" for K. */
export function calibrationEvent(model, scores) {
  return model.classes === 1
    ? { confidence: scores.positive, outcome: model.labels }
    : { confidence: scores.confidence, outcome: scores.correct };
}

function reliabilityOf(core, model, scores, state) {
  const { confidence, outcome } = calibrationEvent(model, scores);
  return core.reliability(confidence, outcome, {
    bins: state.bins,
    equalMass: state.binning === 'mass',
  });
}

/** Everything but the data's part: the scores at T, the diagram, the table and the scores. */
function computeViews(core, state, old, data) {
  const keepData = old && data === old.results.data;
  const { model } = data;
  const scores =
    state.t === 1
      ? data.given
      : keepData && old.state.t === state.t
        ? old.results.scores
        : core.scoreExamples(model.logits, model.classes, model.labels, {
            labelKind: model.kind,
            temperature: state.t,
          });
  const sameBins = keepData && old.state.bins === state.bins && old.state.binning === state.binning;
  const reliability =
    sameBins && scores === old.results.scores
      ? old.results.reliability
      : reliabilityOf(core, model, scores, state);
  const givenReliability =
    state.t === 1
      ? reliability
      : sameBins && old.results.givenReliability
        ? old.results.givenReliability
        : reliabilityOf(core, model, data.given, state);
  return {
    data,
    scores,
    reliability,
    givenReliability,
    worst:
      keepData && old.state.sort === state.sort
        ? old.results.worst
        : worstRows(data.given, state.sort),
    curves:
      old?.state.q === state.q
        ? old.results.curves
        : core.expectedScoreCurves(state.q, SCORE_CURVE_POINTS),
    report: core.expectedScore(state.q, state.r),
  };
}

export function compute(core, state, previous) {
  const old = previous.state ? previous : null;
  if (old && sameData(old.state, state)) return computeViews(core, state, old, old.results.data);
  const data = computeData(core, state);
  if (data instanceof Promise) return data.then((ready) => computeViews(core, state, old, ready));
  return computeViews(core, state, old, data);
}
