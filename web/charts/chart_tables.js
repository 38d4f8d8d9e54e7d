// A text alternative for every chart: a "Show the numbers" disclosure under it with a table
// of the values drawn (a sample of about 20 points for curves; every bar for bar charts),
// refreshed while it is open. The numbers are the chart's own, which come from the core.
import { Chart } from './chart_setup.js';
import { formatNumber } from '../shared/number_format.js';

const ROWS = 21;
const REFRESH_MS = 500;

function cell(doc, tag, text) {
  const element = doc.createElement(tag);
  element.textContent = text;
  return element;
}

/**
 * Indices of about `rows` points spread evenly along the x-axis (not along the array: a curve
 * drawn from z has its points bunched near p = 0 and p = 1). xs must be increasing.
 */
export function evenlySpacedIndices(xs, rows) {
  const n = xs.length;
  if (n <= rows) return [...Array(n).keys()];
  const [first, last] = [xs[0], xs[n - 1]];
  const picked = new Set();
  let i = 0;
  for (let k = 0; k < rows; k += 1) {
    const target = first + ((last - first) * k) / (rows - 1);
    while (i + 1 < n && Math.abs(xs[i + 1] - target) <= Math.abs(xs[i] - target)) i += 1;
    picked.add(i);
  }
  return [...picked];
}

/** The longest dataset of a curve chart: its x values set the rows (the others may have
 *  stopped early, as a descent that left the window or a race whose run diverged). */
const longestDataset = (datasets) =>
  datasets.reduce((a, b) => (b.data.length > a.data.length ? b : a), datasets[0]);

/** The row indices a table shows: every bar, or an even sample of the longest curve. */
function rowIndices(chart, bars) {
  if (bars) return [...chart.data.labels.keys()];
  return evenlySpacedIndices(
    (longestDataset(chart.data.datasets)?.data ?? []).map((point) => point.x),
    ROWS,
  );
}

/** A curve's value at x as a reader should see it: the actual value when the chart rescaled
 * it to fit one axis (dataset.$actual), else the value drawn; undefined where the curve has no
 * point at x. */
function curveValueAt(dataset, x, hint) {
  const i = dataset.data[hint]?.x === x ? hint : dataset.data.findIndex((point) => point?.x === x);
  if (i < 0) return undefined;
  return dataset.$actual?.[i] ?? dataset.data[i].y;
}

function fillTable(doc, table, chart) {
  const datasets = chart.data.datasets;
  const head = doc.createElement('tr');
  const body = doc.createElement('tbody');
  const bars = chart.config.type === 'bar';
  const xTitle = chart.options.scales.x.title?.text ?? (bars ? 'class' : 'x');
  head.append(cell(doc, 'th', xTitle), ...datasets.map((d) => cell(doc, 'th', d.label)));
  for (const th of head.children) th.scope = 'col';
  const rowsFrom = bars ? null : longestDataset(datasets);
  const formatX = chart.$formatX ?? formatNumber; // a panel may need more digits to tell rows apart
  for (const i of rowIndices(chart, bars)) {
    const row = doc.createElement('tr');
    const x = bars ? chart.data.labels[i] : rowsFrom.data[i].x;
    const rowHeader = cell(doc, 'th', bars ? x : formatX(x));
    rowHeader.scope = 'row';
    row.append(rowHeader);
    for (const dataset of datasets) {
      const value = bars ? dataset.data[i] : curveValueAt(dataset, x, i);
      row.append(
        cell(doc, 'td', value === null || value === undefined ? '—' : formatNumber(value)),
      );
    }
    body.append(row);
  }
  const thead = doc.createElement('thead');
  thead.append(head);
  table.replaceChildren(thead, body);
}

/** Adds the disclosure under every chart in `root` (a document or a widget's shadow root). */
export function addChartTables(root) {
  const doc = root.ownerDocument ?? root;
  for (const canvas of root.querySelectorAll('.chart-box > canvas')) {
    const box = canvas.parentElement;
    if (canvas.dataset.numbersTable) continue;
    canvas.dataset.numbersTable = 'added';
    const details = doc.createElement('details');
    details.className = 'chart-numbers';
    const summary = cell(doc, 'summary', 'Show the numbers');
    const scroll = doc.createElement('div');
    scroll.className = 'table-scroll';
    scroll.tabIndex = 0;
    const table = doc.createElement('table');
    table.className = 'numbers';
    table.append(
      cell(
        doc,
        'caption',
        `The values drawn in: ${canvas.getAttribute('aria-label') ?? 'the chart'}`,
      ),
    );
    scroll.append(table);
    details.append(summary, scroll);
    // At the end of the chart's panel, after any note that explains the chart.
    const panel = box.closest('.panel');
    if (panel) panel.append(details);
    else box.after(details);
    let timer = 0;
    const refresh = () => {
      const chart = Chart.getChart(canvas);
      // A disposed panel (a widget removed from its page) has no chart left: stop for good.
      if (!chart || !canvas.isConnected) {
        clearInterval(timer);
        return;
      }
      fillTable(doc, table, chart);
      const rescaled = chart.data.datasets.some((dataset) => dataset.$actual);
      table.prepend(
        cell(
          doc,
          'caption',
          `The values drawn in: ${canvas.getAttribute('aria-label') ?? 'the chart'}` +
            (rescaled ? ' The table lists the actual values; the chart rescales each curve.' : ''),
        ),
      );
    };
    details.addEventListener('toggle', () => {
      clearInterval(timer);
      if (details.open) {
        refresh();
        timer = setInterval(refresh, REFRESH_MS);
      }
    });
  }
}
