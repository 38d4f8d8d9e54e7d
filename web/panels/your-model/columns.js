// Which columns of the reader's table are the logits and which the label: from the header's
// names where it has recognisable ones, else by place (the last column is the label), or the
// column the reader chose. Binary: one logit column and a 0/1 or soft label; K classes: K logit
// columns and an integer class (0 to K − 1) or K probability columns.

const LABEL_NAMES = new Set(['label', 'labels', 'target', 'targets', 'class', 'y', 'truth']);
const LOGIT_NAME = /^(logits?|z|scores?|outputs?)[_ ]?(\d+)?$/;
const PROBABILITY_NAME = /^(p|prob|target|y)[_ ]?(\d+)$/;

const cleaned = (name) => name.trim().toLowerCase();

/** Column indices whose names match `pattern`, in the order of their numbers (z0, z1, …). */
function numbered(names, pattern) {
  const found = names
    .map((name, column) => ({ column, match: pattern.exec(name) }))
    .filter(({ match }) => match);
  return found.sort((a, b) => Number(a.match[2] ?? 0) - Number(b.match[2] ?? 0));
}

/** The roles from the header's names, or null where the names say nothing. */
function rolesByName(names) {
  const label = names.findIndex((name) => LABEL_NAMES.has(name));
  const probabilities = numbered(names, PROBABILITY_NAME).map(({ column }) => column);
  const logits = numbered(names, LOGIT_NAME).map(({ column }) => column);
  if (label >= 0) {
    const others = names.map((_, column) => column).filter((column) => column !== label);
    return { label: [label], logits: logits.length > 0 ? logits : others, kind: 'class' };
  }
  if (probabilities.length >= 2) {
    const taken = new Set(probabilities);
    const others = names.map((_, column) => column).filter((column) => !taken.has(column));
    return {
      label: probabilities,
      logits: logits.length > 0 ? logits : others,
      kind: 'probability',
    };
  }
  return null;
}

/** The roles when the reader named the label column (1-based), or by place: the last. */
function rolesByPlace(columns, chosen) {
  const label = chosen === 'auto' ? columns - 1 : chosen - 1;
  const logits = Array.from({ length: columns }, (_, column) => column).filter((c) => c !== label);
  return { label: [label], logits, kind: 'class' };
}

/** The values of `columns` of every row, row after row. */
function gather(table, columns) {
  const out = new Float64Array(table.rows * columns.length);
  for (let row = 0; row < table.rows; row += 1) {
    const start = row * table.columns;
    for (let k = 0; k < columns.length; k += 1) {
      out[row * columns.length + k] = table.values[start + columns[k]];
    }
  }
  return out;
}

const columnName = (table, column) => table.header[column] ?? `column ${column + 1}`;

/**
 * The model's logits and labels in the table. Throws an Error with a message for the reader
 * when the columns cannot be a model's output (no logit column, a label column that is not
 * there, probability columns that do not match the logits).
 * @param {{header: string[], columns: number, rows: number, values: Float64Array,
 *          firstLine: number}} table  as core.createTableReader() reads it
 * @param {'auto' | number} chosen  the label column (1-based), or auto
 */
export function modelColumns(table, chosen) {
  if (table.columns < 2) {
    throw new Error(
      `The table has ${table.columns} column; it needs the logits and the label, e.g. a header “logit,label” and rows like “2.3,1”.`,
    );
  }
  if (table.rows === 0) {
    throw new Error('The table has a header but no rows: add one row per example below it.');
  }
  if (chosen !== 'auto' && chosen > table.columns) {
    throw new Error(
      `The label column is ${chosen}, but the table has ${table.columns} columns; choose one from 1 to ${table.columns}.`,
    );
  }
  const byName = chosen === 'auto' && table.header.length > 0;
  const roles =
    (byName && rolesByName(table.header.map(cleaned))) || rolesByPlace(table.columns, chosen);
  if (roles.kind === 'probability' && roles.label.length !== roles.logits.length) {
    throw new Error(
      `The table has ${roles.label.length} probability columns (${roles.label.map((c) => columnName(table, c)).join(', ')}) but ${roles.logits.length} logit columns; a row needs one probability per logit.`,
    );
  }
  const classes = roles.logits.length;
  return {
    classes,
    kind: roles.kind,
    rows: table.rows,
    columns: table.columns,
    header: table.header,
    firstLine: table.firstLine,
    logits: gather(table, roles.logits),
    labels: gather(table, roles.label),
    logitNames: roles.logits.map((column) => columnName(table, column)),
    labelNames: roles.label.map((column) => columnName(table, column)),
    labelColumn: roles.kind === 'class' ? roles.label[0] + 1 : null,
  };
}
