// lossplay-anywidget.mjs: any panel in a Jupyter, JupyterLab, Colab or marimo notebook, or on a
// MyST page, through anywidget's front-end contract (`export default { render({ model, el }) }`).
// The widget is the <loss-playground> element; the model's traits are its attributes:
//   panel, theme, hide, background, and the panel's own parameters under their URL names
//   (z, y, outlier, logits …). Lists may be a Python list or a comma-separated string.
// Only the traits the Python class declares are read and written. A trait set from Python
// updates the widget in place (a new `panel` rebuilds it); the state that settles is written
// back into every declared trait of the panel's parameters in use (a parameter not in use, such
// as eps without the clamped CE, would switch its use on when the traits are applied again),
// each in its own type (a Unicode trait gets the text, a Float a number, a List a list, a Bool
// true or false), and saved with save_changes().
// A key that two panels use (y, z, lr …) takes the type of the panel shown.
// A trait is read as a link's parameter is: None leaves it out (the default), and a value the
// widget cannot use (a dict, nan, a number where a list goes, a list holding None) is not
// applied: a notice in the widget names the trait, what it takes and a value it accepts, and
// the widget keeps what it had (its default, at the start) until the trait's next good value,
// which clears the notice. Text is the widget's to judge, as an attribute's is.
import './element.js';
import { quote } from '../shared/number_input.js';
import { writeQuery } from '../shared/params.js';
import { ALL_PARAMETER_KEYS, PANELS, PANEL_IDS } from '../panels/registry.js';
import { defaultLogits } from '../panels/next-token/state.js';
import { OFFERED_DATA_SETS } from '../panels/race/race_data.js';
import {
  BACKGROUNDS,
  HIDE_KEYS,
  OPTION_ATTRIBUTES,
  THEMES,
  stateAttribute,
} from '../shared/view_options.js';

const ALL_KEYS = [...OPTION_ATTRIBUTES, ...ALL_PARAMETER_KEYS];
/** The words each option other than hide takes. */
const OPTION_WORDS = {
  panel: PANEL_IDS,
  theme: THEMES,
  background: BACKGROUNDS,
  loading: ['lazy', 'eager'],
};
const MAX_SHOWN_ENTRIES = 6;
/** Words a kind knows that this module cannot offer, by panel and key: the race's real data
 *  sets travel only with lossplay-embed.js, and a notebook loads no script file. */
const OFFERED = { race: { data: OFFERED_DATA_SETS } };

/** The panel a model shows (the element's own fallback for a missing or unknown one). */
const panelOf = (model) => PANELS.find((one) => one.id === model.get('panel')) ?? PANELS[0];
const parameterOf = (panel, key) => panel.table.parameters.find((one) => one.key === key);

/** A value as Python prints it: None, True, nan, inf, "text", [1, None], {"a": 1}. */
function pythonText(value) {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    return Number.isFinite(value) ? String(value) : `${value < 0 ? '-' : ''}inf`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  const entries = Array.isArray(value)
    ? value.map(pythonText)
    : Object.entries(value).map(([key, entry]) => `${JSON.stringify(key)}: ${pythonText(entry)}`);
  const shown = entries.slice(0, MAX_SHOWN_ENTRIES).join(', ');
  const more = entries.length > MAX_SHOWN_ENTRIES ? ', …' : '';
  return Array.isArray(value) ? `[${shown}${more}]` : `{${shown}${more}}`;
}

/** A list's text ("2,0.5,-1", "cat,dog") as a Python list ([2, 0.5, -1], ["cat", "dog"]). */
const pythonList = (text) =>
  `[${text
    .split(',')
    .map((entry) => (Number.isFinite(Number(entry)) ? entry : JSON.stringify(entry)))
    .join(', ')}]`;

/** Whether a kind writes lists: its format joins a list, so a lone number is not one. */
function writesLists(kind) {
  try {
    kind.format(0);
    return false;
  } catch {
    return true;
  }
}

/**
 * What the trait `key` takes on `panel`: its shape (list, number, flag or word), the words it
 * takes, and an accepted value as text (the panel's default, as a link writes it).
 */
function traitForm(panel, key) {
  if (key === 'hide') return { shape: 'list', words: HIDE_KEYS, example: 'explanations,questions' };
  if (key in OPTION_WORDS) return { shape: 'word', words: OPTION_WORDS[key] };
  const parameter = parameterOf(panel, key);
  if ('values' in parameter.kind) {
    const offered = OFFERED[panel.id]?.[key] ?? parameter.kind.values;
    const missing = parameter.kind.values.filter((word) => !offered.includes(word));
    return { shape: 'word', words: offered, missing };
  }
  const { defaults } = panel.table;
  if (typeof defaults[parameter.field] === 'boolean') {
    return { shape: 'flag', words: [false, true].map((on) => parameter.kind.format(on)) };
  }
  const example =
    new URLSearchParams(writeQuery(defaults, panel.table, { every: true })).get(key) ??
    leftOutExample(panel, key);
  return { shape: writesLists(parameter.kind) ? 'list' : 'number', example };
}

/** An example for the parameters a link leaves out at their defaults, the next-token rows
 *  (logits1 … logits5): the row itself. */
function leftOutExample(panel, key) {
  const row = panel.id === 'next-token' ? /^logits(\d)$/.exec(key) : null;
  return row ? (defaultLogits()[Number(row[1]) - 1]?.join(',') ?? null) : null;
}

/** What the trait takes, in words, with a value it accepts.
 *  @param {{shape: string, words?: readonly string[], example?: string | null}} form */
function takesText({ shape, words, example }) {
  const quoted = (words ?? []).map((word) => JSON.stringify(word)).join(', ');
  if (shape === 'flag') return `It takes True or False (or the words ${quoted})`;
  if (shape === 'word') return `It takes one of ${quoted}`;
  if (shape === 'number') return `It takes a number${example ? `, such as ${example}` : ''}`;
  const of = words ? ` of ${quoted}` : '';
  if (!example) return `It takes a list${of}, or the same as text with commas`;
  return `It takes a list${of}, such as ${pythonList(example)}, or the same as text, "${example}"`;
}

const isFiniteNumber = (value) => typeof value === 'number' && Number.isFinite(value);

/** Why `value` is of no type a trait of this shape can take, or null if it is of one. Text
 *  always is: the widget judges it as it judges an attribute. */
function typeProblem(value, shape) {
  if (typeof value === 'string') return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return 'is not a finite number';
  if (typeof value === 'boolean') return shape === 'flag' ? null : 'is True or False';
  if (typeof value === 'number') return shape === 'number' ? null : 'is a number';
  if (!Array.isArray(value)) return 'is a dict';
  // A number's trait may still take a list: the multi-class target takes probabilities.
  if (shape !== 'list' && shape !== 'number') return 'is a list';
  const bad = value.findIndex((entry) => typeof entry !== 'string' && !isFiniteNumber(entry));
  return bad < 0 ? null : `has ${pythonText(value[bad])} at position ${bad + 1}`;
}

/**
 * A trait's value as attribute text, {text} (null for None: the default), or {problem}, the
 * notice that says why it was not applied (`starting`: at the first render, where the widget
 * has nothing to keep but its default).
 */
function attributeText(panel, key, value, starting) {
  if (value === null || value === undefined) return { text: null };
  const form = traitForm(panel, key);
  const problem = form.missing?.includes(value)
    ? 'is a data set that travels only with lossplay-embed.js, not with this notebook module'
    : typeProblem(value, form.shape);
  if (problem === null) {
    if (typeof value === 'string') return { text: value };
    if (Array.isArray(value)) return { text: value.join(',') };
    return { text: parameterOf(panel, key)?.kind.format(value) ?? String(value) };
  }
  const keeps = starting ? 'The widget starts from its default.' : 'The widget keeps what it had.';
  const shown = quote(pythonText(value));
  return {
    problem: `The trait ${key} was not applied: ${shown} ${problem}. ${takesText(form)}. ${keeps}`,
  };
}

/** A settled value for a trait: a text trait (Unicode) takes it as a link writes it, any
 *  other the typed value itself (a number, a list of numbers, a flag's true or false), so that
 *  a Float, a List or a Bool — or a trait still None — gets a value of its type. */
function traitValue(value, current, parameter) {
  return typeof current === 'string' ? parameter.kind.format(value) : value;
}

const sameValue = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function render({ model, el }) {
  const widget = /** @type {any} */ (document.createElement('loss-playground'));
  const declared = ALL_KEYS.filter((key) => model.get(key) !== undefined);
  let writing = false; // the model's change events while it takes the widget's own state

  /** The element's attributes from the traits: the options and the shown panel's own. A value
   *  the widget cannot use leaves its attribute as it was, and says so. */
  function showTraits(keys, starting = false) {
    const panel = panelOf(model);
    for (const key of keys) {
      const option = OPTION_ATTRIBUTES.includes(key);
      const read =
        option || parameterOf(panel, key)
          ? attributeText(panel, key, model.get(key), starting)
          : { text: null };
      widget.setHostNotice(key, read.problem ?? null);
      if (read.problem) continue;
      const name = option ? key : stateAttribute(key);
      if (read.text === null) widget.removeAttribute(name);
      else widget.setAttribute(name, read.text);
    }
  }

  const handlers = declared.map((key) => {
    const handler = () => {
      if (writing) return;
      showTraits(key === 'panel' ? declared : [key]);
    };
    model.on(`change:${key}`, handler);
    return [key, handler];
  });

  /** The settled state into the declared traits of the panel it is about. */
  const writeBack = (event) => {
    const panel = panelOf(model);
    if (event.detail.panel !== panel.id) return; // a panel being replaced
    let changed = false;
    writing = true;
    try {
      for (const [key, settled] of Object.entries(event.detail.values)) {
        const parameter = parameterOf(panel, key);
        if (!parameter || !declared.includes(key)) continue;
        const value = traitValue(settled, model.get(key), parameter);
        if (sameValue(value, model.get(key))) continue;
        model.set(key, value);
        widget.setHostNotice(key, null); // the trait holds a value the widget uses
        changed = true;
      }
    } finally {
      writing = false;
    }
    if (changed) model.save_changes();
  };

  showTraits(declared, true);
  widget.addEventListener('lossplay-change', writeBack);
  el.append(widget);
  return () => {
    for (const [key, handler] of handlers) model.off(`change:${key}`, handler);
    widget.removeEventListener('lossplay-change', writeBack);
    widget.remove();
  };
}

export default { render };
