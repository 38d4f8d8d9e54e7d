// The glide between a story's steps (web/shared/story.js glideStates): in-between states only
// where every changed field may glide and is a number at both ends, eased out, never reaching
// or passing the target, and nothing where anything else changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { glideStates, stepState } from '../../web/shared/story.js';

test('a logit glides from −5 to −8 through states strictly between, closing in', () => {
  const states = glideStates({ z: -5, y: 1 }, { z: -8, y: 1 }, ['z'], 6);
  assert.equal(states.length, 5);
  const zs = states.map((state) => state.z);
  for (const z of zs) assert.ok(z < -5 && z > -8, `${z} lies strictly between`);
  for (let i = 1; i < zs.length; i += 1) assert.ok(zs[i] < zs[i - 1], 'each frame moves on');
  // Eased out: the first frame covers more ground than the last.
  assert.ok(-5 - zs[0] > zs[3] - zs[4]);
  assert.ok(states.every((state) => state.y === 1));
});

test('no glide when a field that may not glide changes, or when nothing changes', () => {
  assert.deepEqual(glideStates({ z: -5, y: 0 }, { z: -8, y: 1 }, ['z']), []);
  assert.deepEqual(glideStates({ z: -5, y: 1 }, { z: -5, y: 1 }, ['z']), []);
  assert.deepEqual(glideStates({ z: -5 }, { z: -8 }, []), []);
  assert.deepEqual(glideStates({ rows: [1, 2] }, { rows: [1, 3] }, ['rows']), []);
});

test("a step's state is the defaults with its scene over them, copied", () => {
  const table = { defaults: { z: -2, y: 1, rows: [1, 2] } };
  const scene = { state: { z: -8 } };
  const state = stepState(table, scene);
  assert.deepEqual(state, { z: -8, y: 1, rows: [1, 2] });
  state.rows.push(3);
  assert.deepEqual(table.defaults.rows, [1, 2], 'the defaults stay as they were');
});
