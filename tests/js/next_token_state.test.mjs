// The next-token lab's URL state (fast-check): any valid state survives the round trip through
// its query exactly; the defaults write only the position; only rows that differ from the
// defaults are written; hostile queries never throw and never yield a state the core refuses;
// the "confidently wrong" row does what its button says for any row, at the logit cap too.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import { corePromise } from './load_core.mjs';
import { HOSTILE } from '../hostile_values.mjs';
import { panelById } from '../../web/panels/registry.js';
import { useCoreLimits } from '../../web/shared/core_limits.js';
import { readQuery, writeQuery } from '../../web/shared/params.js';
import { CONFIDENT_MARGIN, confidentlyWrongRow } from '../../web/panels/next-token/scenes.js';

before(async () => useCoreLimits((await corePromise).limits));

const { table } = panelById('next-token');
const [POSITIONS, V] = [5, 7];
const logit = fc
  .double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true })
  .map((v) => (Object.is(v, -0) ? 0 : v));
const stateArbitrary = fc
  .record({
    position: fc.integer({ min: 0, max: POSITIONS - 1 }),
    logits: fc.array(
      fc.oneof(
        fc.array(logit, { minLength: V, maxLength: V }),
        fc.constant(null), // keep this prediction's default row
      ),
      { minLength: POSITIONS, maxLength: POSITIONS },
    ),
  })
  .map(({ position, logits }) => ({
    position,
    logits: logits.map((row, n) => row ?? [...table.defaults.logits[n]]),
  }));

test('state → query → state is the identity', () => {
  fc.assert(
    fc.property(stateArbitrary, (state) => {
      const { state: back, notices } = readQuery(writeQuery(state, table), table);
      assert.deepEqual(notices, []);
      assert.deepEqual(back, state);
    }),
  );
});

test('only the position and the rows that differ from the defaults are written', () => {
  assert.equal(writeQuery(table.defaults, table), '?position=1');
  const logits = structuredClone(table.defaults.logits);
  logits[4][6] = 8;
  assert.equal(
    decodeURIComponent(writeQuery({ position: 4, logits }, table)),
    '?position=5&logits5=-1.5,0.5,0.3,-2,-2,2,8',
  );
});

test('hostile queries never throw; what they yield, the core accepts', async () => {
  const core = await corePromise;
  const keys = ['position', 'logits1', 'logits3', 'logits5', 'other'];
  const value = fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.string(),
    fc.array(fc.double(), { minLength: 1, maxLength: 9 }).map((values) => values.join(',')),
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 6 }), (pairs) => {
      const query = `?${new URLSearchParams(pairs)}`;
      const { state } = readQuery(query, table);
      assert.ok(Number.isInteger(state.position) && state.position >= 0 && state.position < 5);
      const point = core.tokenSequencePoint(state.logits.flat(), [1, 3, 4, 0, 5], state.position);
      assert.ok(Number.isFinite(point.perplexity));
    }),
  );
});

/** The softmax of one entry of a row, in plain JS. */
const softmaxAt = (row, i) => 1 / row.reduce((sum, z) => sum + Math.exp(z - row[i]), 0);

test('"confidently wrong" gives a likeliest wrong word the lead it promises, under the cap', () => {
  const CAP = 100;
  // Rows near the cap are where rising by the margin is not possible.
  const row = fc.array(fc.oneof(logit, fc.double({ min: 90, max: 100, noNaN: true })), {
    minLength: V,
    maxLength: V,
  });
  fc.assert(
    fc.property(row, fc.integer({ min: 0, max: V - 1 }), (before, target) => {
      const after = confidentlyWrongRow(before, target, CAP);
      const wrongTop = Math.max(...before.filter((_, i) => i !== target));
      // The first of the likeliest wrong words is the one raised: the one that now leads.
      const likeliest = before
        .map((_, i) => i)
        .filter((i) => i !== target && before[i] === wrongTop);
      const raised = likeliest.reduce((best, i) => (after[i] > after[best] ? i : best));
      for (const z of after) assert.ok(z >= -CAP && z <= CAP, `${z} within the cap`);
      const lead = after[raised] - Math.max(...after.filter((_, i) => i !== raised));
      assert.ok(lead >= CONFIDENT_MARGIN - 1e-12, `lead ${lead}`);
      // So the wrong word takes nearly all the probability, and the right word keeps little.
      assert.ok(
        softmaxAt(after, raised) >= 1 / (1 + (V - 1) * Math.exp(-CONFIDENT_MARGIN)) - 1e-12,
      );
      assert.ok(softmaxAt(after, target) <= Math.exp(-CONFIDENT_MARGIN) * (1 + 1e-9));
      // Below the cap nothing but the wrong word moves.
      if (Math.max(...before) + CONFIDENT_MARGIN <= CAP) {
        assert.deepEqual(
          after.filter((_, i) => i !== raised),
          before.filter((_, i) => i !== raised),
        );
      }
    }),
  );
});
