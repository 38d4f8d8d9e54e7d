// Example data for the data and label fields. A preset changes the data only: the model, its
// center and its spread stay, so the reader sees what the new data do to the same model.
import { formatNumber } from '../../shared/number_format.js';

export const PRESETS = Object.freeze([
  { id: 'outlier', name: 'one outlier', patch: { data: [1, 2, 2.5, 4, 9] } },
  { id: 'far', name: 'a far outlier', patch: { data: [1, 2, 2.5, 4, 50] } },
  { id: 'even', name: 'an even count', patch: { data: [1, 2, 4, 9] } },
  { id: 'tidy', name: 'no outlier', patch: { data: [1, 2, 3, 4, 5] } },
  { id: 'mostly-ones', name: 'mostly ones', patch: { outcomes: [1, 1, 0, 1, 1, 1, 0, 1] } },
  { id: 'half', name: 'half and half', patch: { outcomes: [1, 0, 1, 0] } },
  { id: 'all-ones', name: 'all ones', patch: { outcomes: [1, 1, 1, 1, 1] } },
]);

/** A preset button's text: its name and its values ("one outlier: 1, 2, 2.5, 4, 9"). */
export function presetLabel(preset) {
  const values = preset.patch.data ?? preset.patch.outcomes;
  return `${preset.name}: ${values.map(formatNumber).join(', ')}`;
}

/** Wires every [data-preset] button under `container`; `apply(patch)` proposes the data. */
export function wirePresets(container, apply) {
  for (const button of container.querySelectorAll('[data-preset]')) {
    const preset = PRESETS.find((one) => one.id === button.dataset.preset);
    if (!preset) {
      button.hidden = true;
      continue;
    }
    button.textContent = presetLabel(preset);
    button.addEventListener('click', () => apply(structuredClone(preset.patch)));
  }
}
