// The multi-class lab's edge states: ties (all logits equal, K = 2 and K = 10), one logit at
// ±10¹⁵⁰, soft targets (uniform, one-hot, spread), both mistakes (softmax applied twice,
// probabilities passed as logits) and the overflow table with logits that overflow, underflow,
// overflow only in their sum, or fit. Every read-out, every table cell and every sentence (the
// mistake's comparison, the charts' labels, the table's explanation) against multiclassPoint
// and softmaxTwicePoint (closed forms in plain JS) and a naive softmax written here.
import { multiclassPoint, softmax, softmaxTwicePoint } from '../reference.mjs';
import { sentence } from './binary_reference.mjs';

const MISTAKE_TEXT = {
  twice:
    'Softmax applied twice: the model already ends in softmax and the loss applies it again. Gradients flow back through both.',
  probs:
    'Probabilities passed as logits: the loss receives numbers between 0 and 1 and squashes them again, so it can never see a confident prediction.',
};
const RISING = '1,2,3,4,5,6,7,8,9,10';

export const states = [
  { name: 'the default', query: '' },
  { name: 'three equal logits: a tie', query: '?logits=0,0,0&demo=1,2,3' },
  { name: 'ten equal logits, the last class true', query: '?logits=5,5,5,5,5,5,5,5,5,5&target=9' },
  { name: 'two classes, the fewest', query: '?logits=1,-1&target=1&demo=0,0' },
  { name: 'ten classes, the most', query: `?logits=${RISING}&target=0&demo=${RISING}` },
  { name: 'one logit at 10¹⁵⁰, another class true', query: '?logits=1e150,0,0&target=1' },
  { name: 'one logit at 10¹⁵⁰, its class true', query: '?logits=1e150,0,0&target=0' },
  { name: 'one logit at −10¹⁵⁰, its class true', query: '?logits=-1e150,0,0&target=0' },
  { name: 'a spread soft target', query: '?logits=2,0.5,-1&target=0.7,0.2,0.1' },
  // A uniform target of thirds would not do: ⅓ is no double, and the MSE of softmax's ⅓ against
  // the target's is rounding noise of order 10⁻³³ that no double computation gets to 4 digits.
  {
    name: 'a uniform soft target on a tie: MSE 0',
    query: '?logits=7,7,7,7&target=0.25,0.25,0.25,0.25',
  },
  { name: 'a one-hot soft target', query: '?logits=2,0.5,-1&target=0,0,1' },
  { name: 'softmax applied twice', query: '?mistake=twice' },
  { name: 'softmax twice on logits ±1000', query: '?logits=1000,0,-1000&mistake=twice' },
  { name: 'softmax twice, soft target', query: '?logits=3,1&target=0.5,0.5&mistake=twice' },
  { name: 'probabilities as logits', query: '?mistake=probs&names=a,b,c' },
  { name: 'probabilities as logits, a tie', query: '?logits=4,4&mistake=probs' },
  { name: 'the naive softmax underflows', query: '?demo=-1000,-1001,-1002' },
  { name: 'every term fits, their sum overflows', query: '?demo=709,709,709' },
  { name: 'overflow beside a class that is fine', query: '?demo=1000,0' },
  { name: 'the naive terms are subnormal', query: '?demo=-740,-741' },
  { name: 'two tied at 10¹⁵⁰, twice', query: '?logits=1e150,1e150,0&target=2&mistake=twice' },
  { name: 'probabilities as logits, soft target', query: '?mistake=probs&target=0.2,0.3,0.5' },
  {
    name: 'three classes grown to ten',
    query: '?target=2',
    act: async (page) => {
      await page.selectOption('#mc-k', '10');
      await page.waitForFunction(() => window.lossplay.getState().logits.length === 10);
    },
  },
];

export async function read(page) {
  const numbers = {
    ce: await page.textContent('#mc-out-ce'),
    mse: await page.textContent('#mc-out-mse'),
  };
  const sentences = {
    'prob-chart-label': await page.getAttribute('#mc-prob-chart', 'aria-label'),
    'grad-chart-label': await page.getAttribute('#mc-grad-chart', 'aria-label'),
    'demo-why': await page.textContent('#mc-demo-why'),
  };
  if (await page.isVisible('#mc-out-ptrue-box')) {
    numbers.ptrue = await page.textContent('#mc-out-ptrue');
    sentences['ptrue-label'] = await page.textContent('#mc-out-ptrue-label');
  }
  if (await page.isVisible('#mc-comparison')) {
    sentences.comparison = await page.textContent('#mc-comparison');
  }
  const cells = await page.$$eval('#mc-demo-rows tr', (rows) =>
    rows.map((row) => [...row.cells].map((cell) => cell.textContent)),
  );
  cells.forEach((row, i) => {
    ['name', 'logit', 'naive', 'stable', 'ce'].forEach((column, j) => {
      const into = column === 'name' ? sentences : numbers;
      into[`demo-${i}-${column}`] = row[j];
    });
  });
  return { numbers, sentences };
}

/** "cat 0.786, dog 0.175, bird 0.039" as a check: each name, then its number. */
function listed(names, values) {
  return names.map((name, i) => [`${i === 0 ? '' : ', '}${name} `, values[i]]);
}

/** The naive softmax as the textbook writes it: exp of each logit, divided by their sum. */
function naiveSoftmax(demo) {
  const exponentials = demo.map(Math.exp);
  const sum = exponentials.reduce((a, b) => a + b, 0);
  return { exponentials, sum, probs: exponentials.map((e) => e / sum) };
}

function demoExpectations(demo) {
  const naive = naiveSoftmax(demo);
  const stable = softmax(demo);
  const want = {};
  demo.forEach((z, i) => {
    const p = naive.probs[i];
    want[`demo-${i}-name`] = `class ${i + 1}`;
    want[`demo-${i}-logit`] = z;
    want[`demo-${i}-naive`] = Number.isNaN(p)
      ? `not a number (${naive.exponentials[i] === Infinity ? '∞ ÷ ∞' : '0 ÷ 0'})`
      : p;
    want[`demo-${i}-stable`] = stable[i];
    want[`demo-${i}-ce`] = multiclassPoint(demo, i).ce;
  });
  const largest = Math.max(...demo);
  if (naive.sum === Infinity) {
    want['demo-why'] = naive.exponentials.includes(Infinity)
      ? sentence(
          'Here the naive formula overflows: exp(',
          largest,
          ') is larger than any double, so it and the sum become ∞, and ∞ ÷ ∞ has no defined value.',
        )
      : 'Here the naive formula overflows: each exp(z) fits in a double but their sum does not, so the sum is ∞ and every probability comes out as 0.';
  } else if (naive.sum === 0) {
    want['demo-why'] = sentence(
      'Here the naive formula underflows: even the largest term, exp(',
      largest,
      '), is smaller than the smallest positive double, so every term and the sum round to 0, and 0 ÷ 0 has no defined value.',
    );
  } else if (Math.max(...naive.exponentials) < 2 ** -1022) {
    // Below the smallest normal double (2⁻¹⁰²²) the terms carry fewer digits.
    want['demo-why'] = sentence(
      'Here the naive formula barely works: even the largest term, exp(',
      largest,
      '), is smaller than the smallest normal double, where doubles keep fewer digits, so its probabilities lose accuracy; compare them with the stable ones.',
    );
  } else {
    want['demo-why'] =
      'Here the naive formula works: every exp(z) and their sum fit in a double. A large enough logit makes it overflow, and logits that are all negative enough make it underflow.';
  }
  return want;
}

const largestMagnitude = (values) => Math.max(...values.map(Math.abs));

export function expected(state) {
  const { logits, mistake, demo } = state;
  const target = state.targetProbs ?? state.targetClass;
  const names = state.names;
  const correct = multiclassPoint(logits, target);
  const seen =
    mistake === 'twice'
      ? softmaxTwicePoint(logits, target)
      : mistake === 'probs'
        ? multiclassPoint(softmax(logits), target)
        : correct;
  const want = {
    ce: seen.ce,
    mse: seen.mse,
    'prob-chart-label': sentence('Probabilities the loss sees: ', listed(names, seen.probs), '.'),
    'grad-chart-label': sentence(
      'CE gradients: ',
      listed(names, seen.dceDlogits),
      '. MSE gradients: ',
      listed(names, seen.dmseDlogits),
      '.',
    ),
    ...demoExpectations(demo),
  };
  if (!state.targetProbs) {
    want.ptrue = seen.probs[state.targetClass];
    want['ptrue-label'] = `Probability the loss gives the true class, ${names[state.targetClass]}`;
  }
  if (mistake !== 'none') {
    want.comparison = sentence(
      `${MISTAKE_TEXT[mistake]} Computed correctly, CE is `,
      correct.ce,
      ' and the largest CE gradient ',
      largestMagnitude(correct.dceDlogits),
      '; with the mistake they are ',
      seen.ce,
      ' and ',
      largestMagnitude(seen.dceDlogits),
      '.',
    );
  }
  return want;
}
