// The multi-class lab: softmax with cross-entropy against MSE for K classes, two common
// mistakes as toggles, and the overflow that log-sum-exp avoids. Every number comes from the
// core: multiclassPoint, softmaxTwicePoint, softmax and naiveSoftmax.
import { createAnnouncer } from './announcer.js';
import { createBarChart } from './bar_chart.js';
import { readThemeColors } from './chart_setup.js';
import {
  DEFAULT_MULTICLASS_STATE,
  LOGIT_SPEC,
  MAX_CLASSES,
  MIN_CLASSES,
  TARGET_SPEC,
  defaultName,
  multiclassStateFromQuery,
  parseName,
  queryFromMulticlassState,
} from './multiclass_state.js';
import { bindNumberField } from './number_field.js';
import { formatNumber } from './number_format.js';
import { parseNumber } from './number_input.js';

const SLIDER = { min: -10, max: 10 };
const URL_DELAY_MS = 200;
const MISTAKE_TEXT = {
  twice:
    'Softmax applied twice: the model already ends in softmax and the loss applies it again. Gradients flow back through both.',
  probs:
    'Probabilities passed as logits: the loss receives numbers between 0 and 1 and squashes them again, so it can never see a confident prediction.',
};

/** Losses and gradients as the chosen mistake computes them, and the correct ones. */
function evaluate(core, state) {
  const target = state.targetProbs ?? state.targetClass;
  const correct = core.multiclassPoint(state.logits, target);
  let seen = correct;
  if (state.mistake === 'twice') seen = core.softmaxTwicePoint(state.logits, target);
  if (state.mistake === 'probs') seen = core.multiclassPoint(core.softmax(state.logits), target);
  return { correct, seen };
}

export async function startMulticlassLab(corePromise, notices, doc = document, win = window) {
  const $ = (id) => doc.getElementById(id);
  const el = {
    k: $('mc-k'),
    rows: $('mc-classes'),
    modes: [...doc.querySelectorAll('input[name="mc-target-mode"]')],
    mistakes: [...doc.querySelectorAll('input[name="mc-mistake"]')],
    demoField: $('mc-demo'),
    demoError: $('mc-demo-error'),
    demoRows: $('mc-demo-rows'),
  };
  let colors = readThemeColors(win.themeElement);
  const probChart = createBarChart($('mc-prob-chart'), colors, {
    series: [
      { label: 'softmax probability', colorKey: 'ce' },
      { label: 'target', colorKey: 'muted', outlined: true },
    ],
    yTitle: 'probability',
    yMin: 0,
    yMax: 1,
  });
  const gradientChart = createBarChart($('mc-grad-chart'), colors, {
    series: [
      { label: 'CE gradient', colorKey: 'ce' },
      { label: 'MSE gradient', colorKey: 'mse', outlined: true },
    ],
    yTitle: 'gradient',
  });
  const core = await corePromise;
  const fromUrl = multiclassStateFromQuery(win.location.search);
  fromUrl.notices.forEach((message) => notices.show(message));
  let state = null;
  let rowControls = [];
  let demoShown = null;
  const announcer = createAnnouncer($('mc-live'));
  let urlTimer = 0;

  // ---- class rows (rebuilt when the number of classes changes) ---------------------------

  function buildRows(k) {
    el.rows.replaceChildren();
    rowControls = [];
    for (let i = 0; i < k; i += 1) {
      const row = doc.createElement('div');
      row.className = 'class-row';
      row.innerHTML = `
        <input class="name-field" type="text" autocomplete="off" spellcheck="false" maxlength="16" />
        <input class="slider" type="range" min="${SLIDER.min}" max="${SLIDER.max}" step="0.1" />
        <input class="number-field logit-field" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" />
        <label class="target-class"><input type="radio" name="mc-target" /> <span>true</span></label>
        <input class="number-field prob-field" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" />
        <p class="field-error" role="alert" hidden></p>`;
      const [name, slider, logit, radioLabel, prob, error] = row.children;
      const radio = radioLabel.querySelector('input');
      error.id = `mc-row-${i}-error`;
      name.id = `mc-name-${i}`;
      slider.id = `mc-logit-slider-${i}`;
      logit.id = `mc-logit-${i}`;
      radio.id = `mc-target-${i}`;
      prob.id = `mc-prob-${i}`;
      for (const input of [name, logit, prob]) input.setAttribute('aria-describedby', error.id);
      el.rows.append(row);

      const logitField = bindNumberField({
        field: logit,
        errorBox: error,
        spec: { ...LOGIT_SPEC, name: 'the logit' },
        onValue: (value) => commit(withLogit(i, value), `logit-${i}`),
      });
      const probField = bindNumberField({
        field: prob,
        errorBox: error,
        spec: TARGET_SPEC,
        onValue: (value) => commit(withTargetProbability(i, value), `prob-${i}`),
      });
      slider.addEventListener('input', () => {
        logitField.clearError();
        commit(withLogit(i, Number(slider.value)), `slider-${i}`);
      });
      name.addEventListener('input', () => {
        const parsed = parseName(name.value);
        if (parsed.ok) {
          logitField.clearError();
          commit(
            { ...state, names: state.names.map((n, j) => (j === i ? parsed.value : n)) },
            `name-${i}`,
          );
        } else {
          logitField.showError(parsed.message);
        }
      });
      radio.addEventListener('change', () => {
        if (radio.checked) commit({ ...state, targetClass: i, targetProbs: null }, 'target');
      });
      rowControls.push({ name, slider, logit, radio, radioLabel, prob, logitField, probField });
    }
  }

  const withLogit = (i, value) => ({
    ...state,
    logits: state.logits.map((z, j) => (j === i ? value : z)),
  });

  // Setting one target probability rescales the others so the vector still sums to 1.
  function withTargetProbability(i, value) {
    const others = state.targetProbs.reduce((sum, p, j) => (j === i ? sum : sum + p), 0);
    const k = state.targetProbs.length;
    const targetProbs = state.targetProbs.map((p, j) => {
      if (j === i) return value;
      return others > 0 ? (p / others) * (1 - value) : (1 - value) / (k - 1);
    });
    return { ...state, targetProbs };
  }

  function resize(k) {
    const logits = Array.from({ length: k }, (_, i) => state.logits[i] ?? 0);
    const names = Array.from({ length: k }, (_, i) => state.names[i] ?? defaultName(i));
    const targetProbs = state.targetProbs
      ? Array.from({ length: k }, (_, i) => (i === 0 ? 1 : 0))
      : null;
    return {
      ...state,
      logits,
      names,
      targetProbs,
      targetClass: Math.min(state.targetClass, k - 1),
    };
  }

  // ---- rendering ---------------------------------------------------------------------------

  function renderRows(source) {
    const soft = state.targetProbs !== null;
    state.logits.forEach((z, i) => {
      const row = rowControls[i];
      row.slider.value = String(Math.min(SLIDER.max, Math.max(SLIDER.min, z)));
      row.slider.setAttribute('aria-label', `Logit of ${state.names[i]}`);
      row.slider.setAttribute('aria-valuetext', `${state.names[i]}: logit ${formatNumber(z)}`);
      row.logit.setAttribute('aria-label', `Logit of ${state.names[i]}`);
      row.name.setAttribute('aria-label', `Name of class ${i + 1}`);
      row.radio.setAttribute('aria-label', `${state.names[i]} is the true class`);
      row.prob.setAttribute('aria-label', `Target probability of ${state.names[i]}`);
      if (source !== `logit-${i}`) row.logit.value = String(z);
      if (source !== `name-${i}`) row.name.value = state.names[i];
      row.radio.checked = !soft && state.targetClass === i;
      row.radioLabel.hidden = soft;
      row.prob.hidden = !soft;
      if (soft && source !== `prob-${i}`) row.prob.value = String(state.targetProbs[i]);
    });
    el.k.value = String(state.logits.length);
    for (const radio of el.modes) radio.checked = radio.value === (soft ? 'soft' : 'class');
    for (const radio of el.mistakes) radio.checked = radio.value === state.mistake;
  }

  function renderReadouts({ correct, seen }) {
    const mistaken = state.mistake !== 'none';
    $('mc-out-ce').textContent = formatNumber(seen.ce);
    $('mc-out-mse').textContent = formatNumber(seen.mse);
    const trueClass = state.targetProbs ? null : state.targetClass;
    $('mc-out-ptrue-box').hidden = trueClass === null;
    if (trueClass !== null) {
      $('mc-out-ptrue-label').textContent =
        `Probability the loss gives the true class, ${state.names[trueClass]}`;
      $('mc-out-ptrue').textContent = formatNumber(seen.probs[trueClass]);
    }
    const comparison = $('mc-comparison');
    comparison.hidden = !mistaken;
    if (mistaken) {
      const largest = (values) => Math.max(...Array.from(values, Math.abs));
      comparison.textContent =
        `${MISTAKE_TEXT[state.mistake]} Computed correctly, CE is ${formatNumber(correct.ce)} ` +
        `and the largest CE gradient ${formatNumber(largest(correct.dceDlogits))}; with the ` +
        `mistake they are ${formatNumber(seen.ce)} and ${formatNumber(largest(seen.dceDlogits))}.`;
    }
  }

  function renderCharts({ seen }) {
    const target =
      state.targetProbs ?? state.logits.map((_, i) => (i === state.targetClass ? 1 : 0));
    probChart.set(state.names, [seen.probs, target]);
    gradientChart.set(state.names, [seen.dceDlogits, seen.dmseDlogits]);
    gradientChart.fitSymmetric([seen.dceDlogits, seen.dmseDlogits]);
    const input = state.mistake === 'probs' ? 'its input' : 'the logit';
    gradientChart.setLabels([`CE gradient w.r.t. ${input}`, `MSE gradient w.r.t. ${input}`]);
    probChart.render();
    gradientChart.render();
    $('mc-prob-chart').setAttribute(
      'aria-label',
      `Probabilities the loss sees: ${state.names.map((n, i) => `${n} ${formatNumber(seen.probs[i])}`).join(', ')}.`,
    );
    $('mc-grad-chart').setAttribute(
      'aria-label',
      `CE gradients: ${state.names.map((n, i) => `${n} ${formatNumber(seen.dceDlogits[i])}`).join(', ')}. MSE gradients: ${state.names.map((n, i) => `${n} ${formatNumber(seen.dmseDlogits[i])}`).join(', ')}.`,
    );
  }

  function renderDemo(source) {
    const naive = core.naiveSoftmax(state.demo);
    const stable = core.softmax(state.demo);
    el.demoRows.replaceChildren();
    state.demo.forEach((z, i) => {
      const row = doc.createElement('tr');
      const naiveText = Number.isFinite(naive[i])
        ? formatNumber(naive[i])
        : Number.isNaN(naive[i])
          ? 'NaN (∞ ÷ ∞)'
          : '∞ (overflow)';
      const cells = [
        `class ${i + 1}`,
        formatNumber(z),
        naiveText,
        formatNumber(stable[i]),
        formatNumber(core.multiclassPoint(state.demo, i).ce),
      ];
      cells.forEach((text, c) => {
        const cell = doc.createElement(c === 0 ? 'th' : 'td');
        if (c === 0) cell.scope = 'row';
        if (c === 2 && !Number.isFinite(naive[i])) cell.className = 'broken';
        cell.textContent = text;
        row.append(cell);
      });
      el.demoRows.append(row);
    });
    if (source !== 'demo') el.demoField.value = state.demo.join(', ');
  }

  function render(source) {
    if (rowControls.length !== state.logits.length) buildRows(state.logits.length);
    const result = evaluate(core, state);
    renderRows(source);
    renderReadouts(result);
    announcer.announce(
      () => `Cross-entropy ${formatNumber(result.seen.ce)}, MSE ${formatNumber(result.seen.mse)}.`,
    );
    renderCharts(result);
    // The stability table depends on its own logits only.
    if (demoShown !== state.demo) {
      renderDemo(source);
      demoShown = state.demo;
    }
  }

  function commit(next, source) {
    try {
      evaluate(core, next);
      core.softmax(next.demo);
    } catch (error) {
      notices.show(error.message);
      return false;
    }
    state = next;
    render(source);
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      win.history.replaceState(null, '', `${queryFromMulticlassState(state)}${win.location.hash}`);
    }, URL_DELAY_MS);
    return true;
  }

  // ---- panel-wide controls ------------------------------------------------------------------

  for (let k = MIN_CLASSES; k <= MAX_CLASSES; k += 1) {
    const option = doc.createElement('option');
    option.value = String(k);
    option.textContent = String(k);
    el.k.append(option);
  }
  el.k.addEventListener('change', () => commit(resize(Number(el.k.value)), 'k'));
  for (const radio of el.modes) {
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      const targetProbs =
        radio.value === 'soft'
          ? state.logits.map((_, i) => (i === state.targetClass ? 1 : 0))
          : null;
      commit({ ...state, targetProbs }, 'mode');
    });
  }
  for (const radio of el.mistakes) {
    radio.addEventListener('change', () => {
      if (radio.checked) commit({ ...state, mistake: radio.value }, 'mistake');
    });
  }
  bindNumberField({
    field: el.demoField,
    errorBox: el.demoError,
    parse: (text) => {
      const parts = text.split(',');
      if (parts.length < MIN_CLASSES || parts.length > MAX_CLASSES) {
        return {
          ok: false,
          message: `List ${MIN_CLASSES} to ${MAX_CLASSES} logits, separated by commas.`,
        };
      }
      const values = parts.map((part) => parseNumber(part, { ...LOGIT_SPEC, name: 'each logit' }));
      return values.find((value) => !value.ok) ?? { ok: true, value: values.map((v) => v.value) };
    },
    onValue: (demo) => commit({ ...state, demo }, 'demo'),
  });
  win.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    colors = readThemeColors(win.themeElement);
    probChart.setColors(colors);
    gradientChart.setColors(colors);
    commit(state, 'theme');
  });

  if (!commit(fromUrl.state, 'url')) commit({ ...DEFAULT_MULTICLASS_STATE }, 'url');
  return {
    getState: () => JSON.parse(JSON.stringify(state)),
    memoryBytes: () => core.memoryBytes(),
  };
}
