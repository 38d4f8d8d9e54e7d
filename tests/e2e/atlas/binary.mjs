// The binary playground's edge states: the read-outs, the clipped CE and the chain-rule card
// against binaryPoint and clampedPoint (closed forms in plain JS), and every sentence (the
// verdict, the chart notes and labels, the clip's hint and note, the chain's summary, the race
// link) against what the state is: the side of the boundary z = 0 the logit is on and the side
// of ½ the label is on, how sure the model is, and what has rounded to 0 or left the doubles.
import assert from 'node:assert/strict';
import { binaryPoint, sigmoid } from '../reference.mjs';
import { binaryCe, binaryEntropy, ceSlopeInP, clampedPoint, shows } from './binary_reference.mjs';

const LOSS_AXIS_MAX = 4; // the loss chart's y-axis stops at 4 (its hint says so)
const Z_AXIS = 10; // the gradient chart's z-axis: −10 to 10, like the slider
const RACE_LOGIT = 50; // the race's starting logit: −50 to 50 (cpp/core/limits.hpp)

export const states = [
  { name: 'the default', query: '' },
  { name: 'z just above 0, label 1: right, barely', query: '?z=1e-300&y=1' },
  { name: 'z just below 0, label 1: wrong, barely', query: '?z=-1e-300&y=1' },
  { name: 'z just below 0, label 0: right, barely', query: '?z=-1e-300&y=0' },
  { name: 'z exactly 0, label 1: undecided', query: '?z=0&y=1' },
  { name: 'z exactly 0, label 0, signed log axis', query: '?z=0&y=0&axis=log&gradient=signed' },
  { name: 'p rounds to 0, the MSE gradient to 0', query: '?z=-800&y=1' },
  { name: 'p is below 10⁻³⁰⁴ but not 0', query: '?z=-700&y=1' },
  { name: 'p rounds to 1, label 1: CE rounds to 0', query: '?z=800&y=1' },
  { name: 'p rounds to 1, label 0: confidently wrong', query: '?z=800&y=0' },
  { name: 'CE near the largest double', query: '?z=-1.7e308&y=1' },
  { name: 'confidently wrong at z = 30', query: '?z=30&y=0' },
  { name: 'soft label ½ at z = 0: p = y', query: '?z=0&y=0.5' },
  { name: 'soft label ½, p rounds to 1: not wrong', query: '?z=1e308&y=0.5' },
  { name: 'soft label 0.3 on its side', query: '?z=-3&y=0.3' },
  { name: 'soft label 0.3, logit on the other side', query: '?z=2&y=0.3' },
  { name: 'soft label 0.7, z = 0', query: '?z=0&y=0.7' },
  { name: 'soft mode with y = 1', query: '?z=-2&y=1&labels=soft' },
  { name: 'a soft label of 10⁻³⁰⁰, logit on the wrong side', query: '?z=5&y=1e-300' },
  { name: 'a soft label of 10⁻³⁰⁰ near its p', query: '?z=-700&y=1e-300' },
  { name: 'a soft label a hair below 1', query: '?z=3&y=0.9999999999999999' },
  { name: 'soft label ½ exactly at z = −10⁻³⁰⁰', query: '?z=-1e-300&y=0.5' },
  { name: 'the clip at its smallest ε, active', query: '?z=40&y=1&ce=clamped&eps=1e-12' },
  { name: 'the clip at its largest ε, active', query: '?z=-5&y=1&ce=clamped&eps=0.1' },
  { name: 'the clip at its largest ε, inactive', query: '?z=1&y=0&ce=clamped&eps=0.1' },
  { name: 'the clip with a soft label far out', query: '?z=-800&y=0.6&ce=clamped&eps=0.001' },
  { name: 'signed gradients on a linear axis', query: '?z=-2&y=1&gradient=signed' },
];

const NUMBERS = ['p', 'ce', 'mse', 'dce', 'dmse', 'ratio', 'clamped-ce', 'clamped-dce'];
const CHAIN = ['z', 'y', 'p', 'dce-dp', 'dmse-dp', 'ce-sigma', 'mse-sigma', 'dce-dz', 'dmse-dz'];
const SENTENCES = {
  verdict: '#verdict',
  'loss-note': '#loss-chart-note',
  'gradient-note': '#gradient-chart-note',
  'eps-hint': '#eps-hint',
  'clamp-note': '#clamp-note',
  'chain-summary': '#chain-summary',
};

export async function read(page) {
  const shown = (selector) => page.$eval(selector, (el) => !el.closest('[hidden]'));
  const numbers = {};
  for (const id of NUMBERS) {
    if (await shown(`#out-${id}`)) numbers[id] = await page.textContent(`#out-${id}`);
  }
  for (const id of CHAIN) numbers[`chain-${id}`] = await page.textContent(`#chain-${id}`);
  const sentences = {};
  for (const [label, selector] of Object.entries(SENTENCES)) {
    if (await shown(selector)) sentences[label] = await page.textContent(selector);
  }
  sentences['race-link'] = await page.$eval('#race-link', (a) => a.parentElement.textContent);
  for (const chart of ['loss-chart', 'gradient-chart']) {
    sentences[`${chart}-label`] = await page.getAttribute(`#${chart}`, 'aria-label');
  }
  return { numbers, sentences };
}

/** A ratio as a sentence quotes it: the number, or "more than" the largest double, 1.7977 ×
 * 10³⁰⁸ to four digits (as text: shownNumber reads 1.798 × 10³⁰⁸ as 1.798 · 10³⁰⁸ = ∞). */
const times = (ratio) => (Number.isFinite(ratio) ? ratio : /more than 1\.798 × 10³⁰⁸/);

/** The verdict: right or wrong by the side of 0 the logit is on and the side of ½ y is on. */
function verdict({ z, y }, point) {
  const dce = Math.abs(point.dceDz);
  const dmse = Math.abs(point.dmseDz);
  const labelSide = Math.sign(y - 0.5);
  const hard = y === 0 || y === 1;
  const h = binaryEntropy(y);
  if (labelSide !== 0 && Math.sign(z) === -labelSide) {
    if (point.ratio < 10) {
      return shows`Wrong but unsure: both gradients are working, CE's is ${times(point.ratio)} times MSE's.`;
    }
    return dmse === 0
      ? shows`Confidently wrong: cross-entropy still pushes with ${dce}, while MSE's gradient has rounded to 0. CE pushes ${times(point.ratio)} times harder.`
      : shows`Confidently wrong: cross-entropy still pushes with ${dce}, MSE only with ${dmse}. CE pushes ${times(point.ratio)} times harder.`;
  }
  if (labelSide !== 0 && z === 0) {
    return hard
      ? shows`Undecided: at z = 0, p is exactly ½, on neither side; CE's gradient is ${point.ratio} times MSE's.`
      : shows`Undecided: at z = 0, p is exactly ½, on neither side; CE's gradient is ${point.ratio} times MSE's. CE's lowest value for this label is H(y) = ${h}, not 0.`;
  }
  if (hard) {
    return dce < 0.05
      ? 'Close to the label: both losses are small and both gradients fade, as they should.'
      : shows`On the right side of the boundary but not there yet: CE's gradient is ${times(point.ratio)} times MSE's.`;
  }
  return dce < 0.05
    ? shows`Close to the soft label: MSE is near 0 and CE near its floor (CE's lowest value for this label is H(y) = ${h}, not 0); both gradients fade.`
    : shows`p is ${dce} away from the soft label y: CE's gradient is ${times(point.ratio)} times MSE's. CE's lowest value for this label is H(y) = ${h}, not 0.`;
}

/** The chain-rule card's summary, from the factors in plain JS. */
function chainSummary(point, slope, sigmaPrime) {
  if (point.dceDz === 0) return 'Here p equals y: both gradients are 0, whatever the factors.';
  const cancel = Number.isFinite(slope)
    ? shows`CE's first factor, ${slope}, carries 1/σ′(z); multiplied by σ′(z) = ${sigmaPrime} the two cancel, leaving p − y = ${point.dceDz}.`
    : sigmaPrime === 0
      ? shows`CE's first factor no longer fits in a double, and σ′(z) has rounded to 0; on paper they cancel, leaving p − y = ${point.dceDz}.`
      : shows`CE's first factor no longer fits in a double, and σ′(z) = ${sigmaPrime} is tiny; on paper they cancel, leaving p − y = ${point.dceDz}.`;
  const ratio = Math.abs(point.dceDz / point.dmseDz);
  const keep =
    point.dmseDz === 0
      ? 'MSE keeps σ′(z), which has rounded to 0 here, so its gradient is 0 to double precision.'
      : shows`MSE keeps σ′(z), so its gradient is ${times(ratio)} times smaller than CE's.`;
  const end = " That is why the core computes CE's gradient as p − y directly.";
  return (text, label) => {
    // The three parts in order: split at the sentence boundaries the page writes.
    const flat = text.replace(/\s+/g, ' ').trim();
    const at = flat.indexOf('. ') + 2;
    const stop = flat.lastIndexOf(end.trim());
    cancel(flat.slice(0, at), `${label} (the cancelling)`);
    if (typeof keep === 'string') assert.equal(flat.slice(at, stop).trim(), keep, label);
    else keep(flat.slice(at, stop), `${label} (what MSE keeps)`);
    assert.equal(flat.slice(stop), end.trim(), label);
  };
}

function chainNumbers({ z, y }, point) {
  const sigmaPrime = sigmoid(z) * sigmoid(-z);
  const slope = ceSlopeInP(z, y);
  return {
    numbers: {
      'chain-z': z,
      'chain-y': y,
      'chain-p': point.p,
      'chain-dce-dp': slope,
      'chain-dmse-dp': 2 * point.dceDz,
      'chain-ce-sigma': sigmaPrime,
      'chain-mse-sigma': sigmaPrime,
      'chain-dce-dz': point.dceDz,
      'chain-dmse-dz': point.dmseDz,
    },
    summary: chainSummary(point, slope, sigmaPrime),
  };
}

function clampExpectations({ z, y, eps }, point) {
  const clipped = clampedPoint(z, y, eps);
  const edge = Math.abs(clipped.edge);
  return {
    'clamped-ce': clipped.ce,
    'clamped-dce': Math.abs(clipped.dceDz),
    'eps-hint': shows`From 10⁻¹² to 0.1. With ε = ${eps} the clip starts at z = ±${edge}: beyond it p is held at ε or 1 − ε.`,
    'clamp-note': clipped.clamped
      ? shows`The clip is active at this z: the clipped CE is stuck at ${clipped.ce} and its gradient is exactly 0, while the logit form still pushes with ${Math.abs(point.dceDz)}.`
      : shows`The clip is not active at this z (|z| < ${edge}): both forms agree. Move z past ±${edge} to see the clipped gradient drop to 0.`,
  };
}

function chartSentences(state, point) {
  const { z, y } = state;
  const edge = Math.abs(clampedPoint(z, y, state.eps).edge);
  let gradientNote = `Shaded: where p(1 − p) is tiny. Solid: cross-entropy. Dashed: MSE.`;
  if (Math.abs(z) > Z_AXIS) {
    gradientNote = shows`z = ${z} lies outside the axis; the triangles at the edge mark its gradients.`;
  } else if (state.logScale && state.signed) {
    gradientNote = 'A logarithmic axis shows magnitudes only; untick “Show sign” to use it.';
  } else if (state.clamp) {
    gradientNote = shows`${gradientNote} Dotted: the clipped CE, whose gradient is 0 beyond z = ±${edge}.`;
  }
  return {
    'loss-note':
      point.ce > LOSS_AXIS_MAX
        ? shows`CE = ${point.ce} is above the axis (it stops at ${LOSS_AXIS_MAX}); the triangle on the top edge marks it.`
        : shows`Solid line: cross-entropy. Dashed line: MSE. Markers: the current p = ${point.p}.`,
    'gradient-note': gradientNote,
    'loss-chart-label': shows`Loss against p for y = ${y}: cross-entropy and MSE curves. At the current p = ${point.p}, CE is ${point.ce} and MSE is ${point.mse}.`,
    'gradient-chart-label': shows`Gradients against z for y = ${y}. At z = ${z}, |dCE/dz| is ${Math.abs(point.dceDz)} and |dMSE/dz| is ${Math.abs(point.dmseDz)}.`,
    'race-link':
      Math.abs(z) <= RACE_LOGIT
        ? shows`Train a model that starts at z = ${z} and watch both losses learn from there.`
        : shows`Train a model that starts at z = ${Math.sign(z) * RACE_LOGIT}, the nearest to ${z} the race allows, and watch both losses learn from there.`,
  };
}

export function expected(state) {
  const point = { ...binaryPoint(state.z, state.y), ce: binaryCe(state.z, state.y) };
  const chain = chainNumbers(state, point);
  return {
    p: point.p,
    ce: point.ce,
    mse: point.mse,
    dce: Math.abs(point.dceDz),
    dmse: Math.abs(point.dmseDz),
    ratio: point.ratio,
    ...chain.numbers,
    verdict: verdict(state, point),
    'chain-summary': chain.summary,
    ...chartSentences(state, point),
    ...(state.clamp ? clampExpectations(state, point) : {}),
  };
}
