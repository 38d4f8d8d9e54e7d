// Fills every number quoted in the explanations from the core as the page renders. Markup:
//   <span class="live" data-of="binary" data-z="-8" data-y="1" data-value="ce">…</span>
// data-of names the computation, data-value the quantity; the other data- attributes are its
// inputs. A span that cannot be computed keeps its placeholder and is reported.
import { nextTask } from '../../shared/next_frame.js';
import { formatNumber } from '../../shared/number_format.js';
import { whenNearScreen } from '../../shared/on_screen.js';
import { pointNumbers } from './story.js';

// Descent from a saturated logit under MSE takes millions of steps (~90 ms in one call): it is
// counted in chunks of ~1.5 ms (~6 ms on a phone), one task each, so the page answers input
// meanwhile. Each chunk goes on from where the last one stopped, so the count is exactly that
// of one uninterrupted run.
const DESCENT_CHUNK_STEPS = 5e4;
const LONG_SOURCES = new Set(['descent']);
const DESCENT_MAX_STEPS = 1e8;

const number = (text) => Number(text);

const SOURCES = {
  binary: (core, { z, y }) => pointNumbers(core, number(z), number(y)),
  clamped(core, { z, y, eps }) {
    const point = core.clampedBinaryPoint(number(z), number(y), number(eps));
    return { ce: point.ce, dce: Math.abs(point.dceDz) };
  },
  // Steps of plain gradient descent on one logit (y = 1) from z to the target `to`.
  async descent(core, { z, loss, rate, to }) {
    let steps = 0;
    let from = number(z);
    while (steps < DESCENT_MAX_STEPS) {
      const chunk = Math.min(DESCENT_CHUNK_STEPS, DESCENT_MAX_STEPS - steps);
      const count = core.countDescentSteps(from, 1, loss, number(rate), number(to), chunk);
      steps += count.steps;
      if (count.reached) return { steps };
      from = count.z;
      await nextTask();
    }
    throw new Error(`z = ${to} not reached in 10⁸ steps`);
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

/** Fills one span; returns its problem, or null. */
async function fillSpan(span, core) {
  const { of: source, value: quantity, ...inputs } = span.dataset;
  try {
    const value = (await SOURCES[source](core, inputs))[quantity];
    if (typeof value !== 'number') throw new Error(`no quantity "${quantity}"`);
    span.textContent = formatNumber(value);
    return null;
  } catch (error) {
    return `${source}/${quantity}: ${error.message}`;
  }
}

/**
 * Fills every span: at once, except the descent counts (LONG_SOURCES), each counted once it
 * comes near the screen (well below the fold everywhere), so their chunks never share the
 * first seconds after load with the reader's first input.
 * @returns {Promise<string[]>} problems, one per span that could not be filled
 */
export async function fillLiveNumbers(root, core) {
  const spans = [...root.querySelectorAll('.live')];
  const now = spans.filter((span) => !LONG_SOURCES.has(span.dataset.of));
  const later = spans.filter((span) => LONG_SOURCES.has(span.dataset.of));
  const problems = [];
  for (const span of now) problems.push(await fillSpan(span, core));
  const counted = later.map((span) => whenNearScreen(span).then(() => fillSpan(span, core)));
  problems.push(...(await Promise.all(counted)));
  return problems.filter((problem) => problem !== null);
}
