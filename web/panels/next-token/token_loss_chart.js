// The loss −ln p at each word of the sentence, one bar per prediction, the chosen one filled
// (the others outlined) and named in bold on the axis, with the mean loss as a dashed line.
import {
  Chart,
  MSE_DASH,
  applyThemeColors,
  categoryOptions,
  chartFont,
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

/** @returns {import('chart.js').ChartOptions<'bar'>} */
function lossOptions(colors, chosenOr) {
  const axisTitle = (text) => ({ display: true, text, color: colors.text, font: chartFont });
  return {
    ...categoryOptions(colors),
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
        ticks: { color: colors.muted, font: chartFont, callback: numberTick },
        grid: { color: colors.grid },
      },
    },
  };
}

export function createTokenLossChart(canvas, colors) {
  const palette = { ...colors };
  let chosen = 0;
  const chosenOr = (index, yes, no) => (index === chosen ? yes : no);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: [], datasets: lossDatasets(palette, chosenOr) },
    options: lossOptions(colors, chosenOr),
  });

  return {
    chart,
    /** words: the predicted words; losses: the core's −ln p for each; mean: their mean. */
    set(words, losses, mean, chosenIndex) {
      chosen = chosenIndex;
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
