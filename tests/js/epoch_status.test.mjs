// The line that says where training is: whole epochs, the share of an epoch that spans frames
// (floored, so 99.9 % is never called 100 %), and the start while it is worked out; its
// numbers never part from their units across a line break.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { epochStatus } from '../../web/shared/race_history.js';

test('epochStatus says how far training is', () => {
  const NBSP = '\u00a0';
  assert.equal(epochStatus({ epoch: 3, fraction: 0, started: true }, 100), 'Epoch 3 of 100');
  assert.equal(
    epochStatus({ epoch: 0, fraction: 0.4, started: true }, 100),
    `Epoch 0 of 100 · 40${NBSP}% into epoch${NBSP}1`,
  );
  // Under 1 % is not worth a word; 99.9 % is still 99 %.
  assert.equal(epochStatus({ epoch: 7, fraction: 0.004, started: true }, 10), 'Epoch 7 of 10');
  assert.equal(
    epochStatus({ epoch: 7, fraction: 0.999, started: true }, 10),
    `Epoch 7 of 10 · 99${NBSP}% into epoch${NBSP}8`,
  );
  assert.equal(
    epochStatus({ epoch: 0, fraction: 0.25, started: false }, 10),
    `Working out the start: 25${NBSP}%`,
  );
});
