// Fills every number quoted in the explanations from the core as the page renders. Markup:
//   <span class="live" data-of="binary" data-z="-8" data-y="1" data-value="ce">…</span>
// data-of names the computation, data-value the quantity; the other data- attributes are its
// inputs. A span that cannot be computed keeps its placeholder and is reported.
import { formatNumber } from '../../shared/number_format.js';

const number = (text) => Number(text);

const SOURCES = {
  binary(core, { z, y }) {
    const point = core.binaryPoint(number(z), number(y));
    return {
      p: point.p,
      ce: point.ce,
      mse: point.mse,
      dce: Math.abs(point.dceDz),
      dmse: Math.abs(point.dmseDz),
      ratio: point.ratio,
    };
  },
  clamped(core, { z, y, eps }) {
    const point = core.clampedBinaryPoint(number(z), number(y), number(eps));
    return { ce: point.ce, dce: Math.abs(point.dceDz) };
  },
  // Steps of plain gradient descent on one logit (y = 1) from z to the target `to`.
  descent(core, { z, loss, rate, to }) {
    const count = core.countDescentSteps(number(z), 1, loss, number(rate), number(to), 1e8);
    if (!count.reached) throw new Error(`z = ${to} not reached in 10⁸ steps`);
    return { steps: count.steps };
  },
  logit(core, { p }) {
    return { value: core.logit(number(p)) };
  },
  // Softmax applied twice: what a logits-taking loss sees when given probabilities.
  twice(core, { logits, class: classIndex }) {
    const z = logits.split(',').map(number);
    const index = number(classIndex);
    const right = core.multiclassPoint(z, index);
    const twice = core.multiclassPoint(core.softmax(z), index);
    const oneHot = z.map((_, i) => (i === index ? 1 : 0));
    return {
      p: right.probs[index],
      ce: right.ce,
      pTwice: twice.probs[index],
      ceTwice: twice.ce,
      ceTwiceFloor: core.multiclassPoint(oneHot, index).ce,
    };
  },
};

/** @returns {string[]} problems, one per span that could not be filled */
export function fillLiveNumbers(root, core) {
  const problems = [];
  for (const span of root.querySelectorAll('.live')) {
    const { of: source, value: quantity, ...inputs } = span.dataset;
    try {
      const value = SOURCES[source](core, inputs)[quantity];
      if (typeof value !== 'number') throw new Error(`no quantity "${quantity}"`);
      span.textContent = formatNumber(value);
    } catch (error) {
      problems.push(`${source}/${quantity}: ${error.message}`);
    }
  }
  return problems;
}
