// The rows of the table of the examples each loss minds most.
import { SORT_KEYS } from './state.js';

export const WORST_ROWS = 20;

/** The WORST_ROWS examples with the largest `key`, largest first (ties: the earlier row). One
 *  pass keeping the best so far in order: a million rows are not sorted for twenty. */
export function worstRows(scores, key) {
  const values = scores[SORT_KEYS[key]];
  const kept = [];
  const before = (i, j) => values[i] > values[j] || (values[i] === values[j] && i < j);
  for (let i = 0; i < values.length; i += 1) {
    if (kept.length === WORST_ROWS && !before(i, kept[WORST_ROWS - 1])) continue;
    let at = kept.length === WORST_ROWS ? WORST_ROWS - 1 : kept.length;
    while (at > 0 && before(i, kept[at - 1])) {
      kept[at] = kept[at - 1];
      at -= 1;
    }
    kept[at] = i;
  }
  return kept;
}
