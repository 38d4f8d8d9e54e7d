// The next-token lab's questions (web/shared/questions.js): predict, then check. Every answer is
// judged from the core's numbers for the question's own state, never from a typed key, and its
// reason quotes those numbers.
import { counted } from '../../shared/counted.js';
import { formatNumber as f } from '../../shared/number_format.js';
import { SCENES } from './scenes.js';
import { quantitiesOf, sequencePoint } from './sequence_point.js';
import { VOCABULARY, defaultLogits, nextWordOf } from './state.js';

const V = VOCABULARY.length;
const sceneState = (id) => structuredClone(SCENES.find((scene) => scene.id === id).state);
const computed = (core, state) => {
  const point = sequencePoint(core, state);
  return { point, q: quantitiesOf(point, state) };
};
/** The id of the choice whose value is nearest to `value` by `distance`. */
const nearest = (value, values, distance) =>
  Object.entries(values).reduce((best, entry) =>
    distance(value, entry[1]) < distance(value, best[1]) ? entry : best,
  )[0];
const logDistance = (a, b) => Math.abs(Math.log(a) - Math.log(b));

const UNIFORM = sceneState('knows-nothing');
const WRONG = sceneState('confidently-wrong');
const PERFECT = sceneState('nearly-perfect');
const FIRST_STEP = { position: 0, logits: defaultLogits() };
const [CAT, DOG] = ['cat', 'dog'].map((word) => VOCABULARY.indexOf(word));

export const QUESTIONS = Object.freeze([
  {
    id: 'uniform-perplexity',
    prompt: `A model that knows nothing gives all ${counted(V, 'word')} of its vocabulary the same logit at every step. What is its perplexity?`,
    choices: [
      { id: 'one', text: '1' },
      { id: 'vocab', text: `${V}, the vocabulary size` },
      { id: 'inf', text: 'Infinite' },
    ],
    state: UNIFORM,
    shows: 'nt-loss-chart',
    answer(core) {
      const { point, q } = computed(core, UNIFORM);
      return {
        choice: nearest(q.perplexity, { one: 1, vocab: V, inf: Infinity }, logDistance),
        why:
          `Every word gets p = ${f(point.probs[0])}, so every step costs −ln p = ` +
          `${f(q.chosenLoss)}, the mean loss is ${f(q.meanLoss)} and the perplexity, e to the ` +
          `mean loss, is ${f(q.perplexity)}: as unsure as a fair pick among the ${counted(V, 'word')}. ` +
          'It is not infinite, because no word ever gets probability 0.',
      };
    },
  },
  {
    id: 'one-wrong-word',
    prompt:
      'The model predicts “cat”, “sat”, “on” and “the” well, then is sure the last word is “rug”, not “mat”. How much of the mean loss comes from that one word?',
    choices: [
      { id: 'share', text: 'Its fair share, as one word among several' },
      { id: 'half', text: 'About half' },
      { id: 'most', text: 'Most of it' },
    ],
    state: WRONG,
    shows: 'nt-loss-chart',
    answer(core) {
      const { q } = computed(core, WRONG);
      const share = q.contribution / q.meanLoss;
      return {
        choice: share > 0.6 ? 'most' : share > 0.35 ? 'half' : 'share',
        why:
          `“${nextWordOf(WRONG.position)}” gets p = ${f(q.chosenProbability)} and costs −ln p = ` +
          `${f(q.chosenLoss)}, while the other words average ${f(q.meanLossWithout)}. So this ` +
          `one word makes up ${f(q.contribution)} of the mean loss of ${f(q.meanLoss)}, and ` +
          `the perplexity goes from ${f(q.perplexityWithout)} without it to ${f(q.perplexity)}.`,
      };
    },
  },
  {
    id: 'push-dog',
    prompt:
      'After “the”, the right next word is “cat”, but the model gives “dog” some probability too. Which way does one training step move the logit of “dog”?',
    choices: [
      { id: 'up', text: 'Up: “dog” is a sensible guess' },
      { id: 'down', text: 'Down' },
      { id: 'still', text: 'Nowhere: only the right word’s logit changes' },
    ],
    state: FIRST_STEP,
    shows: 'nt-prob-chart',
    answer(core) {
      const { point } = computed(core, FIRST_STEP);
      const [dog, cat] = [point.dlossDlogits[DOG], point.dlossDlogits[CAT]];
      return {
        choice: dog > 0 ? 'down' : dog < 0 ? 'up' : 'still',
        why:
          `The loss’s gradient on the logit of “dog” is its probability, ${f(dog)}, and ` +
          'training moves every logit against its gradient, so “dog” goes down. “cat” has ' +
          `gradient p − 1 = ${f(cat)}, so it goes up: the probability “dog” held moves to the ` +
          'right word.',
      };
    },
  },
  {
    id: 'perfect-perplexity',
    prompt:
      'A nearly perfect model gives the right word almost all the probability at every step. What is its perplexity close to?',
    choices: [
      { id: 'zero', text: '0' },
      { id: 'one', text: '1' },
      { id: 'vocab', text: `${V}, the vocabulary size` },
    ],
    state: PERFECT,
    shows: 'nt-loss-chart',
    answer(core) {
      const { q } = computed(core, PERFECT);
      return {
        choice: nearest(q.perplexity, { zero: 0, one: 1, vocab: V }, (a, b) => Math.abs(a - b)),
        why:
          `Each right word gets p = ${f(q.chosenProbability)}, so the mean loss is ` +
          `${f(q.meanLoss)} and the perplexity ${f(q.perplexity)}: the model is as unsure as a ` +
          'choice among one word, that is, not at all. It never goes below one, because no ' +
          'loss is negative.',
      };
    },
  },
]);
