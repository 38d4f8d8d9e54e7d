// The layout a chart update skips (web/charts/chart_setup.js, steadyLayout): only a silent
// update whose layout key is the last one laid out keeps the layout; anything a tick, the
// legend or the plot area is made from (the data's extent on an axis, a scale's bounds, the
// category labels, a legend entry, the size, present mode, what the chart's code adds) lays out
// again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { steadyLayout } from '../../web/charts/chart_setup.js';

function fakeChart() {
  return {
    width: 600,
    height: 300,
    canvas: { ownerDocument: { documentElement: { dataset: {} } } },
    isDatasetVisible: () => true,
    config: {
      options: { scales: { x: { type: 'linear' }, y: { type: 'linear', min: 0 } } },
      data: {
        labels: undefined,
        datasets: [
          {
            label: 'CE',
            data: [
              { x: -1, y: 2 },
              { x: 0, y: 0.5 },
              { x: 1, y: 0.1 },
            ],
          },
          {
            label: 'MSE',
            data: [
              { x: -1, y: 1 },
              { x: 1, y: 0 },
            ],
          },
        ],
      },
    },
  };
}

/** Whether an update of `chart` in `mode` keeps the layout, as Chart.js would ask. */
function keeps(chart, mode = 'none') {
  steadyLayout.beforeUpdate(chart, { mode });
  return steadyLayout.beforeLayout(chart) === false;
}

test('a curve moved within its extent keeps the layout; one that changes it does not', () => {
  const chart = fakeChart();
  assert.equal(keeps(chart), false, 'the first update lays out');
  assert.equal(keeps(chart), true, 'nothing changed');
  chart.config.data.datasets[0].data[1].y = 1.5; // the extent stays [0, 2]
  assert.equal(keeps(chart), true);
  chart.config.data.datasets[0].data[1].y = 2.5; // past the top
  assert.equal(keeps(chart), false);
  assert.equal(keeps(chart), true);
  chart.config.data.datasets[1].data[0].x = -1.5; // past the left end
  assert.equal(keeps(chart), false);
});

test('an axis with both bounds set takes nothing from the data', () => {
  const chart = fakeChart();
  chart.config.options.scales.y.max = 3;
  keeps(chart);
  chart.config.data.datasets[0].data[0].y = 2.9; // a new extent, inside the fixed [0, 3]
  assert.equal(keeps(chart), true);
  chart.config.data.datasets[0].data[0].x = -2; // x is still taken from the data
  assert.equal(keeps(chart), false);
});

test('bounds, labels, legend, size, present mode and extras each lay out again', () => {
  const changes = [
    (c) => (c.config.options.scales.y.min = -1),
    (c) => (c.config.options.scales.y.suggestedMax = 3),
    (c) => (c.config.options.scales.x.title = { text: 'logit z' }),
    (c) => (c.config.data.labels = ['a', 'b']),
    (c) => (c.config.data.datasets[1].label = 'MAE'),
    (c) => (c.config.data.datasets[1].data = []),
    (c) => (c.isDatasetVisible = (k) => k === 0),
    (c) => (c.width = 390),
    (c) => (c.canvas.ownerDocument.documentElement.dataset.present = 'true'),
    (c) => (c.$layoutExtra = 2),
  ];
  for (const change of changes) {
    const chart = fakeChart();
    keeps(chart);
    assert.equal(keeps(chart), true);
    change(chart);
    assert.equal(keeps(chart), false, String(change));
  }
});

test('only a silent update keeps the layout (a new theme or a resize lays out in full)', () => {
  const chart = fakeChart();
  keeps(chart);
  assert.equal(keeps(chart, 'default'), false);
  assert.equal(keeps(chart, 'resize'), false);
  assert.equal(keeps(chart, 'none'), true);
});

test('bars (plain numbers) count by their values', () => {
  const chart = fakeChart();
  chart.config.data = { labels: ['a', 'b'], datasets: [{ label: 'p', data: [0.2, 0.8] }] };
  keeps(chart);
  chart.config.data.datasets[0].data = [0.8, 0.2];
  assert.equal(keeps(chart), true, 'the same extent, [0.2, 0.8]');
  // A narrower extent changes the range Chart.js would take from the data, too.
  chart.config.data.datasets[0].data = [0.6, 0.4];
  assert.equal(keeps(chart), false);
});
