// Tables of calls that must throw, shared by the core's suites: each row is
// [call(core), the error's class, a fragment its message must contain].
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corePromise } from './load_core.mjs';

/** Each call throws an error of its row's class whose message contains its row's fragment. */
export function assertEachThrows(core, cases) {
  for (const [call, ErrorClass, fragment] of cases) {
    assert.throws(
      () => call(core),
      (error) => {
        assert.ok(error instanceof ErrorClass, `${fragment}: got ${error.name}: ${error.message}`);
        assert.ok(
          error.message.includes(fragment),
          `message "${error.message}" lacks "${fragment}"`,
        );
        return true;
      },
    );
  }
}

/** A test that each call of `cases` throws as its row says, and that the core still gives
 *  the right value afterwards (`stillWorks(core)` asserts one). */
export function testErrorTable(cases, stillWorks) {
  test('bad arguments throw errors that name the argument and its range', async () => {
    const core = await corePromise;
    assertEachThrows(core, cases);
    stillWorks(core);
  });
}
