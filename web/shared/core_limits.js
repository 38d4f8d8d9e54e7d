// The input limits the core enforces, read from the core itself (core.limits) so that no page
// copies them. Parameter tables refer to a limit by name; it is looked up when a value is
// parsed, after the core has started (mountPanel calls useCoreLimits first).
let current = null;

export function useCoreLimits(limits) {
  current = limits;
}

/**
 * A parameter spec for one of the race's limits: () => {name, min, max, integer, openMin}.
 * @param {string} key  its key in core.limits.race, e.g. "learningRate"
 * @param {object} extra  the field's name in messages and an example it accepts
 */
export const raceLimit = (key, extra) => () => {
  const limit = current?.race?.[key];
  if (!limit) throw new Error(`the core's limits are not loaded (race.${key})`);
  return {
    min: limit.min,
    max: limit.max,
    integer: Boolean(limit.integer),
    openMin: limit.open === 'min',
    ...extra,
  };
};
