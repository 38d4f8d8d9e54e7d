// Fills the numbers quoted in the next-token explanations from the core as the page renders:
//   <span class="live" data-of-scene="knows-nothing" data-value="perplexity">…</span>
// data-of-scene names a scene (scenes.js) whose state is computed, data-value one of the
// quantities of sequence_point.js. A span that cannot be computed keeps its placeholder and
// is reported. (Not data-scene: that marks the "Show me" buttons.)
import { formatNumber } from '../../shared/number_format.js';
import { SCENES } from './scenes.js';
import { quantitiesOf, sequencePoint } from './sequence_point.js';

/** @returns {string[]} problems, one per span that could not be filled */
export function fillExplanationNumbers(root, core) {
  const problems = [];
  for (const span of root.querySelectorAll('.live[data-of-scene]')) {
    const { ofScene: id, value: quantity } = span.dataset;
    try {
      const scene = SCENES.find((one) => one.id === id);
      if (!scene) throw new Error('no such scene');
      const value = quantitiesOf(sequencePoint(core, scene.state), scene.state)[quantity];
      if (typeof value !== 'number') throw new Error(`no quantity "${quantity}"`);
      span.textContent = formatNumber(value);
    } catch (error) {
      problems.push(`${id}/${quantity}: ${error.message}`);
    }
  }
  return problems;
}
