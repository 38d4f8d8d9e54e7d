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

/** The row indices a table shows: every bar, or an even sample of a curve. */
function rowIndices(chart, bars) {
  const datasets = chart.data.datasets;
  if (bars) return [...chart.data.labels.keys()];
  const longest = datasets.reduce((a, b) => (b.data.length > a.data.length ? b : a), datasets[0]);
  return evenlySpacedIndices(
    (longest?.data ?? []).map((point) => point.x),
    ROWS,
  );
}

/** A curve's values as a reader should see them: the actual values when the chart rescaled
 * them to fit one axis (dataset.$actual), else the values drawn. */
const valueAt = (dataset, i, bars) =>
  bars ? dataset.data[i] : (dataset.$actual?.[i] ?? dataset.data[i]?.y);

function fillTable(doc, table, chart) {
  const datasets = chart.data.datasets;
  const head = doc.createElement('tr');
  const body = doc.createElement('tbody');
  const bars = chart.config.type === 'bar';
  const xTitle = chart.options.scales.x.title?.text ?? (bars ? 'class' : 'x');
  head.append(cell(doc, 'th', xTitle), ...datasets.map((d) => cell(doc, 'th', d.label)));
  for (const th of head.children) th.scope = 'col';
  for (const i of rowIndices(chart, bars)) {
    const row = doc.createElement('tr');
    const x = bars ? chart.data.labels[i] : formatNumber(datasets[0].data[i]?.x);
    const rowHeader = cell(doc, 'th', x);
    rowHeader.scope = 'row';
    row.append(rowHeader);
    for (const dataset of datasets) {
      const value = valueAt(dataset, i, bars);
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
