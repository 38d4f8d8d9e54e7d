// The grammar checker of the atlas's sentences (tests/sentence_grammar.mjs) on sentences whose
// verdict is known: it must flag what reads wrong and pass what reads right.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grammarProblems } from '../sentence_grammar.mjs';

const broken = (text) => grammarProblems(text).map((problem) => problem.why);

test('a comparison left open after a bare value is caught within its sentence only', () => {
  const open = /comparison left open/;
  assert.match(broken('It is 0, where the other is 3 than the first.').join(), open);
  assert.match(broken('It is 0, where the other is 2.073 than the first.').join(), open);
  // A full stop ends the clause: the next sentence's "than" is its own comparison.
  assert.deepEqual(
    broken(
      "The run's is 0, where the squared-error run's is 0. Layer 1's is 2.073 times smaller than the output layer's.",
    ),
    [],
  );
});

test('the checker passes plain sentences and catches the classic slips', () => {
  assert.deepEqual(broken('1 step, 2 steps, about as long as the other.'), []);
  assert.match(broken('1 steps').join(), /one with a plural noun/);
  assert.match(broken('about as longer').join(), /comparative after "as"/);
  assert.match(broken('a loss of NaN').join(), /a number that is not one/);
});
