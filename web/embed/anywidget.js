// lossplay-anywidget.mjs: any panel in a Jupyter, JupyterLab, Colab or marimo notebook, or on a
// MyST page, through anywidget's front-end contract (`export default { render({ model, el }) }`).
// The widget is the <loss-playground> element; the model's traits are its attributes:
//   panel, theme, hide, background, and the panel's own parameters under their URL names
//   (z, y, outlier, logits …). Lists may be a Python list or a comma-separated string.
// Only the traits the Python class declares are read and written. A trait set from Python
// updates the widget in place (a new `panel` rebuilds it); the state the reader settles on is
// written back into every declared trait of the panel, each in its own type (a Float stays a
// number, a Unicode stays text), and saved with save_changes().
import './element.js';
import { PANELS } from '../panels/registry.js';
import { stateAttribute } from './options.js';

const OPTIONS = ['panel', 'theme', 'hide', 'background'];
const ALL_KEYS = [...new Set([...OPTIONS, ...PANELS.flatMap(parameterKeys)])];

function parameterKeys(panel) {
  return panel.table.parameters.map((parameter) => parameter.key);
}

/** A trait's value as attribute text: lists joined with commas; null for none. */
function attributeText(value) {
  if (value === null || value === undefined) return null;
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** The widget's text for a parameter in the type the trait already has; undefined if it cannot
 *  be (a number trait and a text that is not one). */
function traitValue(text, current) {
  if (typeof current === 'number') {
    const value = Number(text);
    return Number.isFinite(value) ? value : undefined;
  }
  if (Array.isArray(current)) {
    const parts = text.split(',');
    return current.every((item) => typeof item === 'number') ? parts.map(Number) : parts;
  }
  if (typeof current === 'boolean') return undefined; // the widget writes words, not booleans
  return text;
}

const sameValue = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function render({ model, el }) {
  const widget = document.createElement('loss-playground');
  const declared = ALL_KEYS.filter((key) => model.get(key) !== undefined);
  const panelKeys = () => {
    const panel = PANELS.find((one) => one.id === model.get('panel')) ?? PANELS[0];
    return new Set(parameterKeys(panel));
  };
  let writing = false; // the model's change events while it takes the widget's own state

  /** The element's attributes from the traits: the options and the shown panel's own. */
  function showTraits(keys) {
    const own = panelKeys();
    for (const key of keys) {
      const name = OPTIONS.includes(key) ? key : stateAttribute(key);
      const text = OPTIONS.includes(key) || own.has(key) ? attributeText(model.get(key)) : null;
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

  const writeBack = (event) => {
    const own = panelKeys();
    let changed = false;
    writing = true;
    try {
      for (const [key, text] of new URLSearchParams(event.detail.query)) {
        if (!own.has(key) || !declared.includes(key)) continue;
        const value = traitValue(text, model.get(key));
        if (value === undefined || sameValue(value, model.get(key))) continue;
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
