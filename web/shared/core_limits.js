// The input limits the core enforces, read from the core itself (core.limits) so that no page
// copies them. Parameter tables refer to a limit by name; it is looked up when a value is
// parsed, after the core has started (mountPanel calls useCoreLimits first).
let current = null;

export function useCoreLimits(limits) {
  current = limits;
}

/**
 * A parameter spec read from core.limits at `path` (["race", "learningRate"]):
 * () => {name, min, max, integer, openMin}, plus `extra` (the field's name in messages and an
 * example it accepts).
 */
const limitAt = (path, extra) => () => {
  const limit = path.reduce((node, key) => node?.[key], current);
  if (!limit) throw new Error(`the core's limits are not loaded (${path.join('.')})`);
  return {
    min: limit.min,
    max: limit.max,
    integer: Boolean(limit.integer),
    openMin: limit.open === 'min',
    ...extra,
  };
};

/** One of the core's top-level limits (core.limits[key], e.g. "tokenLogit"). */
export const coreLimit = (key, extra) => limitAt([key], extra);

/** One of the race's limits (core.limits.race[key], e.g. "learningRate"). */
export const raceLimit = (key, extra) => limitAt(['race', key], extra);

/** One of the likelihood panel's limits (core.limits.likelihood[key], e.g. "scale"). */
export const likelihoodLimit = (key, extra) => limitAt(['likelihood', key], extra);

/** One of the landscape lab's limits (core.limits.landscape[key], e.g. "momentum"). */
export const landscapeLimit = (key, extra) => limitAt(['landscape', key], extra);

/** One of the your-model lab's limits (core.limits.model[key], e.g. "temperature"). */
export const modelLimit = (key, extra) => limitAt(['model', key], extra);
