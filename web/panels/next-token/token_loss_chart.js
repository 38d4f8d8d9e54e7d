// The loss −ln p at each word of the sentence, one bar per prediction, the chosen one filled
// (the others outlined) and named in bold on the axis, with the mean loss as a dashed line.
// The legend draws its swatches as the chart draws them (a filled box for the picked word, an
// outlined one for the others, a dashed line for the mean), so that it says why one bar is
// filled: that bar is the word the reader picked.
import {
  Chart,
  buildChart,
  MSE_DASH,
  applyThemeColors,
  categoryOptions,
  chartFont,
  fittedFont,
  numberTick,
} from '../../charts/chart_setup.js';
import {
  BarController,
  BarElement,
  CategoryScale,
  LineController,
  LineElement,
  PointElement,
} from 'chart.js';

// Bars and the mean's line, on words.
Chart.register(BarController, BarElement, CategoryScale, LineController, LineElement, PointElement);

/**
 * The bars (the chosen one filled) and the dashed line of the mean.
 * @returns {import('chart.js').ChartDataset<'bar' | 'line'>[]}
 */
function lossDatasets(palette, chosenOr) {
  return [
    {
      label: 'loss −ln p',
      data: [],
      order: 2,
      borderWidth: (context) => chosenOr(context.dataIndex, 3, 2),
      borderColor: () => palette.ce,
      backgroundColor: (context) => chosenOr(context.dataIndex, palette.ce, palette.surface),
    },
    {
      type: 'line',
      label: 'mean loss',
      data: [],
      order: 1,
      borderColor: () => palette.mse,
      backgroundColor: () => palette.mse,
      borderDash: MSE_DASH,
      borderWidth: 2.5,
      pointRadius: 0,
      pointHoverRadius: 3,
    },
  ];
}

// Every swatch as wide as the line samples of the other charts' legends, and boxes a little
// shorter than the text, so the dashed line and the boxes read as the same size.
const SWATCH_WIDTH = 28;
const SWATCH_HEIGHT = 12;

/**
 * The legend's items: one per look a bar or line has on the chart, not one per dataset (the
 * bars are one dataset drawn two ways). A click on a bar item hides the bars, as Chart.js does
 * for a dataset's own item.
 * @param {import('chart.js').Chart} chart
 * @returns {import('chart.js').LegendItem[]}
 */
function legendItems(chart, palette) {
  const hidden = (datasetIndex) => !chart.isDatasetVisible(datasetIndex);
  const box = (text, fillStyle, lineWidth) => ({
    text,
    datasetIndex: 0,
    hidden: hidden(0),
    pointStyle: /** @type {const} */ ('rect'),
    fillStyle,
    strokeStyle: palette.ce,
    lineWidth,
  });
  return [
    box('the word you picked', palette.ce, 3),
    box('the other words', palette.surface, 2),
    {
      text: 'mean loss',
      datasetIndex: 1,
      hidden: hidden(1),
      pointStyle: 'line',
      fillStyle: palette.mse,
      strokeStyle: palette.mse,
      lineWidth: 2.5,
      lineDash: MSE_DASH,
    },
  ];
}

/** @returns {import('chart.js').ChartOptions<'bar'>} */
function lossOptions(colors, palette, chosenOr) {
  const axisTitle = (text) => ({ display: true, text, color: colors.text, font: fittedFont() });
  const shared = categoryOptions(colors);
  return {
    ...shared,
    plugins: {
      ...shared.plugins,
      legend: {
        labels: {
          ...shared.plugins?.legend?.labels,
          usePointStyle: true,
          pointStyleWidth: SWATCH_WIDTH,
          boxHeight: SWATCH_HEIGHT,
          generateLabels: (chart) => legendItems(chart, palette),
        },
      },
    },
    scales: {
      x: {
        type: 'category',
        title: axisTitle('word predicted'),
        ticks: {
          color: colors.muted,
          // The chosen word reads in bold, so the highlight is not told by colour alone.
          font: (context) => ({
            ...chartFont(context),
            weight: chosenOr(context.index, 'bold', 'normal'),
          }),
        },
        grid: { color: colors.grid },
      },
      y: {
        type: 'linear',
        min: 0,
        title: axisTitle('loss −ln p'),
        ticks: { color: colors.muted, font: fittedFont(), callback: numberTick },
        grid: { color: colors.grid },
      },
    },
  };
}

export function createTokenLossChart(canvas, colors) {
  const palette = { ...colors };
  let chosen = 0;
  const chosenOr = (index, yes, no) => (index === chosen ? yes : no);
  const chart = buildChart(canvas, {
    type: 'bar',
    data: { labels: [], datasets: lossDatasets(palette, chosenOr) },
    options: lossOptions(colors, palette, chosenOr),
  });

  return {
    chart,
    /** words: the predicted words; losses: the core's −ln p for each; mean: their mean. */
    set(words, losses, mean, chosenIndex) {
      chosen = chosenIndex;
      chart.$layoutExtra = chosen; // its tick is bold: a wider label
      chart.data.labels = [...words];
      chart.data.datasets[0].data = Array.from(losses);
      chart.data.datasets[1].data = words.map(() => mean);
    },
    setColors(next) {
      applyThemeColors(chart, palette, next);
    },
    render() {
      chart.update('none');
    },
  };
}
