// The likelihood lab's edge states: one value (refused for numbers, kept for a label), all
// values equal, ties for the median and for the costliest point, σ and b at both ends of their
// range (densities that underflow to 0, costs in the millions, a scale near 10⁻¹³), data near
// 10⁶ and near 0, a value far out, μ at the data's edge and at its own limit, labels that all
// agree, one label, and z at ±10⁶ where p rounds to exactly 1 or 0; then every scene. Each
// read-out, row of the per-point table and generated sentence is checked against
// likelihood_reference.mjs (textbook densities in log form, mean, median, logit(k/n)).
import { panelById } from '../../../web/panels/registry.js';
import { writeQuery } from '../../../web/shared/params.js';
import { SCENES } from '../../../web/panels/likelihood/scenes.js';
import { likelihoodModel, plural, sentence, signedTerm } from './likelihood_reference.mjs';

const { table } = panelById('likelihood');
const SCALE_MAX = 1e6; // the documented range of σ and b (docs/core-api.md): 0.001 to 10⁶

export const states = [
  { name: 'the default', query: '' },
  {
    name: 'Gaussian, σ at its least: every density underflows, x = 9 costs most',
    query: '?dist=gaussian&data=1,2,2.5,4,9&mu=3&sigma=0.001',
  },
  {
    name: 'Gaussian, densities above 1 and negative costs',
    query: '?dist=gaussian&data=3,3.0005&mu=3&sigma=0.001',
  },
  {
    name: 'Gaussian, data near 10⁶ (its limit) one and two apart',
    query: '?dist=gaussian&data=999997,999998,1000000&mu=999998&sigma=1',
  },
  { name: 'Gaussian, all values equal at μ', query: '?dist=gaussian&data=2,2,2&mu=2&sigma=1' },
  {
    name: 'Gaussian, σ at its most',
    query: '?dist=gaussian&data=1,2,2.5,4,9&mu=3&sigma=1000000',
  },
  { name: 'Gaussian, a value far out', query: '?dist=gaussian&data=1,2,3,1000000&mu=2&sigma=1' },
  {
    name: 'Gaussian, data near 0',
    query: '?dist=gaussian&data=0.000001,0.000002,0.000004&mu=0.000002&sigma=0.001',
  },
  { name: 'Gaussian, μ at the data’s top', query: '?dist=gaussian&data=1,2,2.5,4,9&mu=9&sigma=2' },
  {
    name: 'Gaussian, μ at its limit, far from two values',
    query: '?dist=gaussian&data=1,2&mu=-1000000&sigma=0.001',
  },
  { name: 'one value: refused, the defaults stay', query: '?dist=gaussian&data=5&mu=5' },
  {
    name: 'Laplace, b at its least: x = 9 costs most though x = 2.5’s density survives',
    query: '?dist=laplace&data=1,2,2.5,4,9&mu=3&b=0.001',
  },
  { name: 'Laplace, even count: a median interval', query: '?dist=laplace&data=9,1,4,2&mu=3&b=1' },
  {
    name: 'Laplace, even count with tied middle values; x = 1 and 5 tie for the most cost',
    query: '?dist=laplace&data=1,3,3,5&mu=3&b=2',
  },
  { name: 'Laplace, b at its most', query: '?dist=laplace&data=1,2,2.5,4,9&mu=2.5&b=1000000' },
  {
    name: 'Laplace, data near 0: a negative mean NLL',
    query: '?dist=laplace&data=-0.002,0,0.001&mu=0&b=0.001',
  },
  { name: 'Bernoulli, the default labels', query: '?dist=bernoulli' },
  { name: 'Bernoulli, all ones', query: '?dist=bernoulli&outcomes=1,1,1,1,1&z=3' },
  { name: 'Bernoulli, all zeros', query: '?dist=bernoulli&outcomes=0,0,0&z=-2' },
  { name: 'Bernoulli, one label, a 1', query: '?dist=bernoulli&outcomes=1&z=0' },
  { name: 'Bernoulli, one label, a 0', query: '?dist=bernoulli&outcomes=0&z=5' },
  { name: 'Bernoulli, z = 40: p rounds to 1', query: '?dist=bernoulli&outcomes=1,1,0,1&z=40' },
  { name: 'Bernoulli, z at +10⁶', query: '?dist=bernoulli&outcomes=1,0&z=1000000' },
  {
    name: 'Bernoulli, z at −10⁶: p rounds to 0',
    query: '?dist=bernoulli&outcomes=1,0,0&z=-1000000',
  },
  { name: 'Bernoulli, half and half at the best z', query: '?dist=bernoulli&outcomes=1,0,1,0&z=0' },
  ...SCENES.map((scene) => ({
    name: `scene ${scene.id}`,
    query: writeQuery({ ...table.defaults, ...scene.state }, table),
  })),
];

const READOUTS = ['location', 'nll', 'loss', 'scale', 'offset'];
const WHY = ['sigma', 'scale', 'offset', 'sigma-other', 'scale-other', 'offset-other', 'best'];

/** The best center's read-out: one number, an interval (two) or words (z → ±∞). */
function readBest(text, numbers, sentences) {
  const interval = text.match(/^any μ from (.+) to (.+)$/);
  if (interval) [numbers.bestLow, numbers.bestHigh] = interval.slice(1);
  else if (text.startsWith('z →')) sentences.best = text;
  else numbers.best = text;
}

export async function read(page) {
  // The announcement is set once the input settles: wait for it, never for a time.
  await page.waitForFunction(() => document.getElementById('lk-live').textContent !== '');
  const text = (selector) => page.textContent(selector);
  const numbers = {};
  for (const id of READOUTS) numbers[id] = await text(`#lk-out-${id}`);
  for (const id of [...WHY, 'best-other']) numbers[`why-${id}`] = await text(`#lk-why-${id}`);
  const rows = await page.$$eval('#lk-points tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
  );
  rows.forEach(([x, f, cost], i) =>
    Object.assign(numbers, { [`x${i}`]: x, [`f${i}`]: f, [`cost${i}`]: cost }),
  );
  const sentences = {
    relation: await text('#lk-relation'),
    nllNote: await text('#lk-nll-note'),
    densityNote: await text('#lk-density-note'),
    caption: await text('#lk-points-caption'),
    hint: await text('#lk-location-hint'),
    fHeader: await page.$eval('#lk-points-f', (el) => el.parentElement.textContent),
    densityHint: (await page.isHidden('#lk-points-density'))
      ? '(hidden)'
      : await text('#lk-points-density'),
    densityChart: await page.getAttribute('#lk-density-chart', 'aria-label'),
    nllChart: await page.getAttribute('#lk-nll-chart', 'aria-label'),
    announcement: await text('#lk-live'),
    // A state the lab refuses says so; every other opens without a notice.
    notices:
      (await page.$$eval('#notices .notice span', (spans) => spans.map((s) => s.textContent))).join(
        ' ',
      ) || '(none)',
  };
  readBest(await text('#lk-out-best'), numbers, sentences);
  return { numbers, sentences };
}

const TITLES = { gaussian: 'Gaussian', laplace: 'Laplace', bernoulli: 'Bernoulli' };
const LOSSES = { gaussian: 'MSE', laplace: 'MAE', bernoulli: 'CE' };

/** The best center as the read-out and the sentences write it. */
function bestParts(ref) {
  if (ref.dist === 'bernoulli' && !Number.isFinite(ref.best[0])) {
    return [`z → ${ref.best[0] > 0 ? '+' : '−'}∞ (none finite)`];
  }
  return ref.best.length === 2 ? ['any μ from ', ref.best[0], ' to ', ref.best[1]] : [ref.best[0]];
}

/** "x = 1 and x = 5": the values of the largest cost, from the costs themselves. */
function costliest(ref) {
  const most = Math.max(...ref.costs);
  const values = [...new Set(ref.data.filter((x, i) => ref.costs[i] === most))];
  const named = values.map((x) => ['x = ', x]);
  const list = named.length === 1 ? named : [named.slice(0, -1), ' and ', named.at(-1)];
  const every = ref.costs.every((cost) => cost === most);
  const underflow = ref.densities[ref.costs.indexOf(most)] === 0;
  return { most, values, list, every, underflow };
}

function densityNote(ref) {
  if (ref.dist === 'bernoulli') {
    return sentence(
      "Filled bars: the model's probabilities, with p = ",
      ref.p,
      ' for a 1. Outlined: the share of each label in the data (',
      plural(ref.ones, 'one'),
      ' and ',
      plural(ref.zeros, 'zero'),
      '). The NLL is smallest when the two match.',
    );
  }
  const worst = costliest(ref);
  const lead = worst.every
    ? [
        'Every point costs the same, −ln f = ',
        worst.most,
        ', so the model finds none less likely than another.',
      ]
    : [
        'The model finds ',
        worst.list,
        ` least likely: ${worst.values.length === 1 ? 'it costs' : 'each costs'} −ln f = `,
        worst.most,
        ', the most of any point.',
      ];
  const several = worst.every || worst.values.length > 1;
  const tail = !worst.underflow
    ? []
    : several
      ? ' Those densities are too small for a double and show as 0; the costs come from the ' +
        'logarithm directly, so they keep their digits.'
      : ' That density is too small for a double and shows as 0; the cost comes from the ' +
        'logarithm directly, so it keeps its digits.';
  return sentence(
    'Dots: the data, each at the height of its density; the triangle marks the center. ',
    lead,
    tail,
  );
}

function nllNote(ref) {
  if (ref.dist === 'bernoulli') {
    const lead =
      'Band: the mean NLL. Dashed: the mean cross-entropy with scale 1 and constant 0, the ' +
      'same numbers exactly. ';
    if (Number.isFinite(ref.best[0])) {
      return sentence(
        lead,
        'Both are lowest at z = ',
        ref.best[0],
        ', where p = ',
        ref.share,
        ' is the share of ones (',
        ref.ones,
        ' of ',
        ref.n,
        ').',
      );
    }
    const label = ref.ones ? 1 : 0;
    const these = ref.n === 1 ? 'this label' : 'these labels';
    const which = ref.n === 1 ? 'The only label is' : `All ${plural(ref.n, 'label')} are`;
    return sentence(
      lead,
      `${which} ${label}: the NLL keeps dropping toward 0 as z `,
      ref.best[0] > 0 ? 'grows' : 'falls',
      `, so no finite z is best, and a model fitted to ${these} would push z on without end.`,
    );
  }
  const gaussian = ref.dist === 'gaussian';
  const formula = gaussian
    ? 'MSE × 1/(2σ²) + ½ ln(2πσ²) with σ = '
    : 'MAE × 1/b + ln(2b) with b = ';
  const lead = [
    'Band: the mean NLL. Dashed: ',
    ref.lossScale,
    ` × ${LOSSES[ref.dist]} `,
    signedTerm(ref.offset),
    ', that is ',
    formula,
    ref.scale,
    '. They are one curve, so they are lowest at the same place: ',
  ];
  if (ref.best.length === 2) {
    return sentence(
      lead,
      'all along μ = ',
      ref.best[0],
      ' to ',
      ref.best[1],
      '. With an even count every point between the two middle values is a median; the page ' +
        'marks both ends.',
    );
  }
  return sentence(
    lead,
    'μ = ',
    ref.best[0],
    `, ${gaussian ? 'the mean' : 'the median'} of the data.`,
  );
}

/** The density chart's text alternative. */
function densityChart(ref) {
  if (ref.dist === 'bernoulli') {
    return sentence(
      'Bernoulli model with p = ',
      ref.p,
      ': P(y = 0) = ',
      ref.q,
      ', P(y = 1) = ',
      ref.p,
      '; the data hold ',
      plural(ref.ones, 'one'),
      ' and ',
      plural(ref.zeros, 'zero'),
      '.',
    );
  }
  const spread = ref.dist === 'gaussian' ? 'σ' : 'b';
  const dots = ref.data.map((x, i) => [i ? ', ' : '', x, ' at ', ref.densities[i]]);
  return sentence(
    `${TITLES[ref.dist]} density with μ = `,
    ref.location,
    ` and ${spread} = `,
    ref.scale,
    '; the data at their densities: ',
    dots,
    '.',
  );
}

/** The NLL chart's text alternative, which names its legend. */
function nllChart(ref) {
  const where = ref.dist === 'bernoulli' ? 'z' : 'μ';
  const legend =
    ref.dist === 'bernoulli'
      ? ['mean CE (scale ', 1, ', constant ', 0, ')']
      : [ref.lossScale, ` × ${LOSSES[ref.dist]} `, signedTerm(ref.offset)];
  return sentence(
    'Mean NLL and ',
    legend,
    ` against ${where}, one curve. At ${where} = `,
    ref.location,
    ' both are ',
    ref.meanNll,
    '.',
  );
}

function sentences(ref) {
  const bernoulli = ref.dist === 'bernoulli';
  const where = bernoulli ? 'z' : 'μ';
  const rounded =
    ref.p === 0 || ref.p === 1
      ? ' once rounded to a double; the costs are worked out from z and keep their digits'
      : '';
  const best = bestParts(ref);
  return {
    relation: sentence(
      'Mean NLL ',
      ref.meanNll,
      ' = ',
      ref.lossScale,
      ` × ${LOSSES[ref.dist]} `,
      ref.loss,
      ' ',
      signedTerm(ref.offset),
      ' (',
      ref.total,
      ' in total over ',
      plural(ref.n, bernoulli ? 'label' : 'point'),
      ').',
    ),
    nllNote: nllNote(ref),
    densityNote: densityNote(ref),
    caption: sentence(
      `Under the ${TITLES[ref.dist]} model: the costs add up to `,
      ref.total,
      ', a mean of ',
      ref.meanNll,
      ` per ${bernoulli ? 'label' : 'point'}.`,
    ),
    hint: bernoulli
      ? sentence(
          'p = 1/(1 + e⁻ᶻ) = ',
          ref.p,
          rounded,
          '. The field goes beyond the slider, such as −700.',
        )
      : 'The field goes beyond the slider, such as 100.',
    fHeader: bernoulli ? 'probability f' : 'density f',
    densityHint: bernoulli
      ? '(hidden)'
      : 'Here f is a density, not a probability: it can exceed 1, and then its cost is negative.',
    densityChart: densityChart(ref),
    nllChart: nllChart(ref),
    announcement: sentence(
      `${TITLES[ref.dist]}, ${where} = `,
      ref.location,
      ': mean NLL ',
      ref.meanNll,
      `, ${LOSSES[ref.dist]} `,
      ref.loss,
      `; best ${where} `,
      best,
      '.',
    ),
  };
}

/** The "why" section compares the Gaussian model of the data at σ and at 2σ (σ/2 when 2σ is
 * beyond the range): the scale and constant change, the best μ, the mean, does not. */
function whyNumbers(state) {
  const sigmas = [state.sigma, state.sigma * 2 <= SCALE_MAX ? state.sigma * 2 : state.sigma / 2];
  const [now, other] = sigmas.map((sigma) =>
    likelihoodModel({ ...state, dist: 'gaussian', sigma }),
  );
  return {
    'why-sigma': sigmas[0],
    'why-scale': now.lossScale,
    'why-offset': now.offset,
    'why-sigma-other': sigmas[1],
    'why-scale-other': other.lossScale,
    'why-offset-other': other.offset,
    'why-best': now.best[0],
    'why-best-other': other.best[0],
  };
}

export function expected(state, query) {
  const ref = likelihoodModel(state);
  // One value is too few for the data field (2 to 40): the link's data are refused.
  const refused = query.get('data')?.split(',').length === 1;
  const numbers = {
    location: ref.dist === 'bernoulli' ? ref.p : ref.location,
    nll: ref.meanNll,
    loss: ref.loss,
    scale: ref.lossScale,
    offset: ref.offset,
    ...whyNumbers(state),
  };
  ref.data.forEach((x, i) =>
    Object.assign(numbers, {
      [`x${i}`]: x,
      [`f${i}`]: ref.densities[i],
      [`cost${i}`]: ref.costs[i],
    }),
  );
  const best = bestParts(ref);
  const all = {
    ...numbers,
    ...sentences(ref),
    notices: refused ? /List 2 to 40 numbers, separated by commas/ : '(none)',
  };
  // One number, an interval's two ends, or the words for no finite best (as read() splits it).
  if (best.length === 4) Object.assign(all, { bestLow: best[1], bestHigh: best[3] });
  else all.best = best[0];
  return all;
}
