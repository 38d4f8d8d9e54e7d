// The comparison phrases read as English for every ratio a page can meet — equal, within
// 10 %, 0 against a value, both 0, ratios that underflow or overflow a double, values beyond a
// double — with every set of adjectives the pages use, and say the right direction.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as ratioWords from '../../web/shared/ratio_words.js';
import { grammarProblems } from '../sentence_grammar.mjs';
import { shownNumber } from '../e2e/reference.mjs';

const { compareWords } = ratioWords;
const WORD_SETS = Object.entries(ratioWords).filter(([, value]) => typeof value === 'object');
const B = 2.5;
const RATIOS = [0, 1e-300, 1e-5, 0.5, 0.9, 0.99, 1, 1.01, 1.1000001, 2, 1e5, 1e300, Infinity];

test('the word sets are the comparatives and plain adjectives the pages use', () => {
  assert.deepEqual(WORD_SETS.map(([name]) => name).sort(), ['LENGTH', 'SIZE']);
});

for (const [name, words] of WORD_SETS) {
  test(`${name}: every ratio reads as English and says the right thing`, () => {
    for (const ratio of RATIOS) {
      const a = ratio * B;
      const phrase = compareWords(a, B, words, 'the other one');
      const sentence = `The first one is ${phrase}. Next sentence.`;
      assert.deepEqual(grammarProblems(sentence), [], sentence);
      assert.doesNotMatch(phrase, /NaN|Infinity/);
      if (ratio === 1) assert.equal(phrase, `exactly as ${words.same} as the other one`);
      else if (ratio === 0) assert.equal(phrase, '0, where the other one is 2.5');
      else if (ratio === Infinity)
        assert.equal(phrase, '> 1.8 × 10³⁰⁸, where the other one is 2.5');
      else if (Math.abs(Math.log(ratio)) <= Math.log(1.1)) {
        assert.equal(phrase, `about as ${words.same} as the other one`);
      } else {
        const [, times, adjective] = phrase.match(/^(.+) times (\w+) than the other one$/);
        assert.equal(adjective, ratio > 1 ? words.more : words.less, phrase);
        const factor = ratio > 1 ? ratio : 1 / ratio;
        if (Number.isFinite(factor)) {
          const shown = shownNumber(times);
          assert.ok(Math.abs(shown / factor - 1) < 6e-4, `${phrase}: factor ${factor}`);
        }
      }
    }
  });
}

test('ratios beyond a double and values beyond a double', () => {
  const tiny = compareWords(1e-300, 1e300, ratioWords.LENGTH, 'the other one');
  assert.equal(tiny, 'more than 1.798 × 10³⁰⁸ times shorter than the other one');
  assert.equal(compareWords(0, 0, ratioWords.SIZE, 'the other one'), '0, as is the other one');
  const overflowed = compareWords(Infinity, 3, ratioWords.SIZE, 'the other one');
  assert.equal(overflowed, '> 1.8 × 10³⁰⁸, where the other one is 3');
  for (const phrase of [tiny, overflowed]) {
    assert.deepEqual(grammarProblems(`It is ${phrase}.`), []);
  }
});

test('the grammar rules catch the sentences the pages once printed', () => {
  const broken = [
    'The squared-error gradient there is about as longer than the cross-entropy one.',
    'It is 0, where the other is 1.381 × 10⁻²³⁸ than the cross-entropy one.',
    'The fit uses all data over 1 points.',
    'All 1 labels are 0.',
    'After 1 steps, it stops.',
    'The loss is 3 + −5.989.',
  ];
  for (const sentence of broken) assert.notDeepEqual(grammarProblems(sentence), [], sentence);
});
