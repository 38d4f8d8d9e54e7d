// The multi-class lab's class rows (name, logit slider and field, true-class radio or target
// probability), rebuilt when the number of classes changes. Each control proposes a state.
import { formatNumber } from '../../shared/number_format.js';
import { number } from '../../shared/params.js';
import { LOGIT_SPEC, TARGET_SPEC, nameKind } from './state.js';

const SLIDER = { min: -10, max: 10 };
const LOGIT = number({ ...LOGIT_SPEC, name: 'the logit' });
const TARGET = number(TARGET_SPEC);
const ROW_HTML = `
  <input class="name-field" type="text" autocomplete="off" spellcheck="false" maxlength="16" />
  <input class="slider" type="range" min="${SLIDER.min}" max="${SLIDER.max}" step="0.1" />
  <input class="number-field logit-field" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" />
  <label class="target-class"><input type="radio" name="mc-target" /> <span>true</span></label>
  <input class="number-field prob-field" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" />
  <p class="field-error" role="alert" hidden></p>`;

const replaced = (values, i, value) => values.map((v, j) => (j === i ? value : v));

// Setting one target probability rescales the others so the vector still sums to 1.
function withTargetProbability(state, i, value) {
  const others = state.targetProbs.reduce((sum, p, j) => (j === i ? sum : sum + p), 0);
  const k = state.targetProbs.length;
  const targetProbs = state.targetProbs.map((p, j) => {
    if (j === i) return value;
    return others > 0 ? (p / others) * (1 - value) : (1 - value) / (k - 1);
  });
  return { ...state, targetProbs };
}

function buildRow(ctx, i) {
  const row = ctx.doc.createElement('div');
  row.className = 'class-row';
  row.innerHTML = ROW_HTML;
  const [name, slider, logit, radioLabel, prob, error] = row.children;
  const radio = radioLabel.querySelector('input');
  error.id = `mc-row-${i}-error`;
  [name.id, slider.id, logit.id, radio.id, prob.id] = [
    'name',
    'logit-slider',
    'logit',
    'target',
    'prob',
  ].map((part) => `mc-${part}-${i}`);
  for (const input of [name, logit, prob]) input.setAttribute('aria-describedby', error.id);

  const propose = (next, source) => ctx.propose(next, source);
  const logitField = ctx.bindField({
    field: logit,
    errorBox: error,
    parse: LOGIT.parse,
    onValue: (z) =>
      propose({ ...ctx.state(), logits: replaced(ctx.state().logits, i, z) }, logit.id),
  });
  ctx.bindField({
    field: prob,
    errorBox: error,
    parse: TARGET.parse,
    onValue: (value) => propose(withTargetProbability(ctx.state(), i, value), prob.id),
  });
  slider.addEventListener('input', () => {
    ctx.clearErrors();
    const state = ctx.state();
    propose({ ...state, logits: replaced(state.logits, i, Number(slider.value)) }, slider.id);
  });
  name.addEventListener('input', () => {
    const parsed = nameKind.parse(name.value);
    if (!parsed.ok) return logitField.showError(parsed.message);
    return propose(
      { ...ctx.state(), names: replaced(ctx.state().names, i, parsed.value) },
      name.id,
    );
  });
  radio.addEventListener('change', () => {
    if (radio.checked) propose({ ...ctx.state(), targetClass: i, targetProbs: null }, 'target');
  });
  return { row, name, slider, logit, radio, radioLabel, prob };
}

/** @returns {{render(state, source): void}} */
export function createClassRows(ctx, container) {
  let rows = [];
  function renderRow(row, state, i, source) {
    const soft = state.targetProbs !== null;
    const z = state.logits[i];
    const name = state.names[i];
    row.slider.value = String(Math.min(SLIDER.max, Math.max(SLIDER.min, z)));
    row.slider.setAttribute('aria-label', `Logit of ${name}`);
    row.slider.setAttribute('aria-valuetext', `${name}: logit ${formatNumber(z)}`);
    row.logit.setAttribute('aria-label', `Logit of ${name}`);
    row.name.setAttribute('aria-label', `Name of class ${i + 1}`);
    row.radio.setAttribute('aria-label', `${name} is the true class`);
    row.prob.setAttribute('aria-label', `Target probability of ${name}`);
    if (source !== row.logit.id) row.logit.value = String(z);
    if (source !== row.name.id) row.name.value = name;
    row.radio.checked = !soft && state.targetClass === i;
    row.radioLabel.hidden = soft;
    row.prob.hidden = !soft;
    if (soft && source !== row.prob.id) row.prob.value = String(state.targetProbs[i]);
  }
  return {
    render(state, source) {
      if (rows.length !== state.logits.length) {
        rows = state.logits.map((_, i) => buildRow(ctx, i));
        container.replaceChildren(...rows.map((row) => row.row));
      }
      rows.forEach((row, i) => renderRow(row, state, i, source));
    },
  };
}
