// The next-token lab's word rows: one per vocabulary word, holding the logit the model gives
// that word at the chosen prediction, as a slider and a field. The row of the word that really
// comes next is marked. Each control proposes a state.
import { formatNumber } from '../../shared/number_format.js';
import { number } from '../../shared/params.js';
import { LOGIT_SPEC, TARGETS, VOCABULARY, withLogit } from './state.js';

const SLIDER = { min: -10, max: 10 };
const ROW_HTML = `
  <label class="vocab-word"><span class="vocab-name"></span><span class="next-badge" hidden><span class="visually-hidden">, the right </span>next</span></label>
  <input class="slider" type="range" min="${SLIDER.min}" max="${SLIDER.max}" step="0.1" />
  <input class="number-field" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" />
  <p class="field-error" role="alert" hidden></p>`;

function buildRow(ctx, i) {
  const word = VOCABULARY[i];
  const row = ctx.doc.createElement('div');
  row.className = 'vocab-row';
  row.innerHTML = ROW_HTML;
  const [label, slider, field, error] = row.children;
  label.querySelector('.vocab-name').textContent = word;
  [slider.id, field.id, error.id] = [`nt-logit-slider-${i}`, `nt-logit-${i}`, `nt-row-${i}-error`];
  label.htmlFor = field.id;
  field.setAttribute('aria-describedby', error.id);
  slider.setAttribute('aria-label', `Logit of ${word}`);
  const kind = number(() => ({ ...LOGIT_SPEC(), name: `the logit of “${word}”` }));
  ctx.bindField({
    field,
    errorBox: error,
    parse: kind.parse,
    onValue: (z) => ctx.propose(withLogit(ctx.state(), i, z), field.id),
  });
  slider.addEventListener('input', () => {
    ctx.clearErrors();
    ctx.propose(withLogit(ctx.state(), i, Number(slider.value)), slider.id);
  });
  return { row, badge: label.querySelector('.next-badge'), slider, field, word };
}

/** @returns {{render(state, source): void}} */
export function createVocabRows(ctx, container) {
  const rows = VOCABULARY.map((_, i) => buildRow(ctx, i));
  container.replaceChildren(...rows.map((one) => one.row));
  return {
    render(state, source) {
      const logits = state.logits[state.position];
      const target = TARGETS[state.position];
      rows.forEach((one, i) => {
        const z = logits[i];
        one.row.classList.toggle('is-next', i === target);
        one.badge.hidden = i !== target;
        one.slider.value = String(Math.min(SLIDER.max, Math.max(SLIDER.min, z)));
        one.slider.setAttribute('aria-valuetext', `${one.word}: logit ${formatNumber(z)}`);
        if (source !== one.field.id) one.field.value = String(z);
      });
    },
  };
}
