// The likelihood lab's state and its URL form. Only the chosen distribution's part is written:
//   ?dist=gaussian&data=1,2,2.5,4,9&mu=3&sigma=2
//   ?dist=laplace&data=1,2,2.5,4,9&mu=3&b=2
//   ?dist=bernoulli&outcomes=1,1,0,1,1,1,0,1&z=0
// Gaussian and Laplace share the data and μ, so switching between them compares the two
// models on the same numbers. Bernoulli is parameterised by the logit z (p = σ(z) rounds to 1
// from z ≈ 37 on, but the costs, softplus(∓z), keep their digits). The ranges come from the
// core (core.limits.likelihood).
import { likelihoodLimit } from '../../shared/core_limits.js';
import { parseNumber, quote } from '../../shared/number_input.js';
import { commaList, number, oneOf, param } from '../../shared/params.js';

export const DISTRIBUTIONS = Object.freeze(['bernoulli', 'gaussian', 'laplace']);
// A short list, so that a link stays readable; the core itself takes far more.
export const DATA_COUNT = Object.freeze({ min: 2, max: 40 });
export const OUTCOME_COUNT = Object.freeze({ min: 1, max: 40 });

export const VALUE_SPEC = likelihoodLimit('value', { name: 'each value', example: '2.5' });
export const MU_SPEC = likelihoodLimit('location', { name: 'μ', example: '3' });
export const Z_SPEC = likelihoodLimit('location', { name: 'z', example: '0' });
export const SIGMA_SPEC = likelihoodLimit('scale', { name: 'σ', example: '2' });
export const B_SPEC = likelihoodLimit('scale', { name: 'b', example: '2' });
const OUTCOME_NAME = 'each outcome';

export const dataKind = commaList(VALUE_SPEC, DATA_COUNT, {
  items: 'numbers',
  example: '1, 2, 2.5, 4, 9',
  rule: () => `${VALUE_SPEC().name} between ${VALUE_SPEC().min} and ${VALUE_SPEC().max}`,
  parseEntry: (part) => parseNumber(part, VALUE_SPEC()),
});

/** An outcome is a label, 0 or 1, and nothing else (not 0.5, which a range would allow). */
function parseOutcome(part) {
  const parsed = parseNumber(part, { name: OUTCOME_NAME });
  if (parsed.ok && (parsed.value === 0 || parsed.value === 1)) return parsed;
  const got = part.trim() === '' ? 'nothing' : `“${quote(part)}”`;
  return { ok: false, message: `${OUTCOME_NAME} must be 0 or 1, got ${got}.` };
}

export const outcomesKind = commaList(() => ({ name: OUTCOME_NAME }), OUTCOME_COUNT, {
  items: 'outcomes',
  example: '1, 1, 0, 1',
  rule: () => `${OUTCOME_NAME} 0 or 1`,
  parseEntry: parseOutcome,
});

const is = (dist) => (state) => state.dist === dist;
const continuous = (state) => state.dist !== 'bernoulli';

export const table = {
  parameters: [
    param('dist', oneOf('dist', DISTRIBUTIONS)),
    param('data', dataKind, { when: continuous }),
    param('mu', number(MU_SPEC), { when: continuous }),
    param('sigma', number(SIGMA_SPEC), { when: is('gaussian') }),
    param('b', number(B_SPEC), { when: is('laplace') }),
    param('outcomes', outcomesKind, { when: is('bernoulli') }),
    param('z', number(Z_SPEC), { when: is('bernoulli') }),
  ],
  defaults: Object.freeze({
    dist: 'gaussian',
    data: [1, 2, 2.5, 4, 9],
    mu: 3,
    sigma: 2,
    b: 2,
    outcomes: [1, 1, 0, 1, 1, 1, 0, 1],
    z: 0,
  }),
};

/** What the core is asked about in a state: the distribution, its data, location and scale
 * (Bernoulli has no scale; the core checks one anyway, so it gets 1). */
export function modelOf(state) {
  if (state.dist === 'bernoulli') {
    return { dist: 'bernoulli', data: state.outcomes, location: state.z, scale: 1 };
  }
  const scale = state.dist === 'gaussian' ? state.sigma : state.b;
  return { dist: state.dist, data: state.data, location: state.mu, scale };
}

/** The controls the benchmark drives on this lab's page (web/panels/registry.js `bench`). */
export const bench = [{ control: '#lk-location-slider', longSession: true }];
