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
import './element.js';
import { ALL_PARAMETER_KEYS, PANELS } from '../panels/registry.js';
import { OPTION_ATTRIBUTES, stateAttribute } from '../shared/view_options.js';

const ALL_KEYS = [...OPTION_ATTRIBUTES, ...ALL_PARAMETER_KEYS];

/** The panel a model shows (the element's own fallback for a missing or unknown one). */
const panelOf = (model) => PANELS.find((one) => one.id === model.get('panel')) ?? PANELS[0];
const parameterOf = (panel, key) => panel.table.parameters.find((one) => one.key === key);

/** A trait's value as attribute text, written as the parameter's kind writes it (lists with
 *  commas, a flag's word for a Bool); null for none. */
function attributeText(value, parameter) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || !parameter) return String(value);
  return parameter.kind.format(value);
}

/** A settled value for a trait: a text trait (Unicode) takes it as a link writes it, any
 *  other the typed value itself (a number, a list of numbers, a flag's true or false), so that
 *  a Float, a List or a Bool — or a trait still None — gets a value of its type. */
function traitValue(value, current, parameter) {
  return typeof current === 'string' ? parameter.kind.format(value) : value;
}

const sameValue = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function render({ model, el }) {
  const widget = document.createElement('loss-playground');
  const declared = ALL_KEYS.filter((key) => model.get(key) !== undefined);
  let writing = false; // the model's change events while it takes the widget's own state

  /** The element's attributes from the traits: the options and the shown panel's own. */
  function showTraits(keys) {
    const panel = panelOf(model);
    for (const key of keys) {
      const option = OPTION_ATTRIBUTES.includes(key);
      const parameter = parameterOf(panel, key);
      const text = option || parameter ? attributeText(model.get(key), parameter) : null;
      const name = option ? key : stateAttribute(key);
      if (text === null) widget.removeAttribute(name);
      else widget.setAttribute(name, text);
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
        changed = true;
      }
    } finally {
      writing = false;
    }
    if (changed) model.save_changes();
  };

  showTraits(declared);
  widget.addEventListener('lossplay-change', writeBack);
  el.append(widget);
  return () => {
    for (const [key, handler] of handlers) model.off(`change:${key}`, handler);
    widget.removeEventListener('lossplay-change', writeBack);
    widget.remove();
  };
}

export default { render };
