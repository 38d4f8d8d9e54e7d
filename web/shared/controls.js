// Controls that every panel builds the same way. Each proposes a whole state through the
// panel (ctx.propose) and returns a render(state, source) that shows the state again; a text
// field the person is typing in (source = its id) is left alone.
import { formatNumber } from './number_format.js';

const clamp = (value, min, max) => Math.min(max, Math.max(min, value));

/**
 * A number as a slider and a text field side by side (either may be absent).
 * @param {object} ctx  the panel context
 * @param {{key?: string, kind: object, slider?: string, field?: string, error?: string,
 *          read?: (state) => number, write?: (state, value) => object,
 *          valueText?: (state) => string}} options  ids, the parameter's kind, and how the
 *   number sits in the state (default: state[key])
 */
export function numberControl(ctx, options) {
  const { key, kind, valueText } = options;
  const read = options.read ?? ((state) => state[key]);
  const write = options.write ?? ((state, value) => ({ ...state, [key]: value }));
  const slider = options.slider ? ctx.$(options.slider) : null;
  const field = options.field ? ctx.$(options.field) : null;
  if (slider) {
    slider.addEventListener('input', () => {
      ctx.clearErrors();
      ctx.propose(write(ctx.state(), Number(slider.value)), slider.id);
    });
  }
  if (field) {
    ctx.bindField({
      field,
      errorBox: ctx.$(options.error),
      parse: (text) => kind.parse(text),
      onValue: (value) => ctx.propose(write(ctx.state(), value), field.id),
    });
  }
  return {
    slider,
    field,
    render(state, source) {
      const value = read(state);
      if (slider) {
        slider.value = String(clamp(value, Number(slider.min), Number(slider.max)));
        slider.setAttribute(
          'aria-valuetext',
          valueText ? valueText(state) : `${key} = ${formatNumber(value)}`,
        );
      }
      if (field && source !== field.id) field.value = String(value);
    },
  };
}

/**
 * A <select> or a group of radio buttons bound to one word of the state.
 * @param {object} ctx  the panel context
 * @param {{key?: string, select?: string, radios?: string,
 *          write?: (state: object, value: string) => object}} options  the state's key, the
 *   select's id or the radios' name, and how the word sits in the state (default: state[key])
 */
export function choiceControl(ctx, { key, select, radios, write }) {
  const toState = write ?? ((state, value) => ({ ...state, [key]: value }));
  const element = select ? ctx.$(select) : null;
  const buttons = radios ? [...ctx.root.querySelectorAll(`input[name="${radios}"]`)] : [];
  element?.addEventListener('change', () => ctx.propose(toState(ctx.state(), element.value), key));
  for (const radio of buttons) {
    radio.addEventListener('change', () => {
      if (radio.checked) ctx.propose(toState(ctx.state(), radio.value), key);
    });
  }
  return {
    render(value) {
      if (element) element.value = value;
      for (const radio of buttons) radio.checked = radio.value === value;
    },
  };
}

/**
 * Fills a table body with rows of text cells; the first cell of each row is its header.
 * @param {Document} doc
 * @param {HTMLTableSectionElement} body
 * @param {string[][]} rows
 * @param {(row: number, column: number) => string} [classOf]  a cell's class, if any
 */
export function fillRows(doc, body, rows, classOf = () => '') {
  body.replaceChildren(
    ...rows.map((cells, r) => {
      const row = doc.createElement('tr');
      cells.forEach((text, c) => {
        const cell = doc.createElement(c === 0 ? 'th' : 'td');
        if (c === 0) cell.scope = 'row';
        const className = classOf(r, c);
        if (className) cell.className = className;
        cell.textContent = text;
        row.append(cell);
      });
      return row;
    }),
  );
}
