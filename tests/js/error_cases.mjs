// Tables of calls that must throw, shared by the core's suites: each row is
// [call(core), the error's class, a fragment its message must contain].
import assert from 'node:assert/strict';

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
