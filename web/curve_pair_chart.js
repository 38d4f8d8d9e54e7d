// The chart both playground charts are made of: a cross-entropy curve (solid) and an MSE
// curve (dashed) over one x-axis, plus the operating-point markers. Curves change rarely
// (a new label, a new axis); markers move on every slider step, which only needs a redraw.
import {
  Chart,
  CE_DASH,
  MSE_DASH,
  applyThemeColors,
  baseOptions,
  curveDataset,
} from './chart_setup.js';
import { operatingPointsPlugin } from './operating_points.js';

/**
 * @param {HTMLCanvasElement} canvas
 * @param {object} colors  readThemeColors() output
 * @param {{labels: [string, string], xTitle: string, yTitle: string,
 *          titleOf: (x: number) => string, plugins?: object[]}} config
 */
export function createCurvePairChart(canvas, colors, config) {
  const palette = { ...colors };
  const options = baseOptions(colors, config);
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [
        curveDataset(config.labels[0], 'ce', CE_DASH, palette),
        curveDataset(config.labels[1], 'mse', MSE_DASH, palette),
      ],
    },
    options,
    plugins: [...(config.plugins ?? []), operatingPointsPlugin],
  });
  let dirty = true; // data or options changed since the last full update

  return {
    chart,
    palette,
    options: chart.options,
    /** Replaces both curves: points (xs[i], show(ce[i])) and (xs[i], show(mse[i])). */
    setSeries(xs, ce, mse, show = (value) => value) {
      const cePoints = new Array(xs.length);
      const msePoints = new Array(xs.length);
      for (let i = 0; i < xs.length; i += 1) {
        cePoints[i] = { x: xs[i], y: show(ce[i]) };
        msePoints[i] = { x: xs[i], y: show(mse[i]) };
      }
      chart.data.datasets[0].data = cePoints;
      chart.data.datasets[1].data = msePoints;
      dirty = true;
    },
    setLabels(ceLabel, mseLabel) {
      chart.data.datasets[0].label = ceLabel;
      chart.data.datasets[1].label = mseLabel;
      dirty = true;
    },
    /** markers: [{x, y, colorKey, style, rotation}] in data units. */
    setMarkers(markers) {
      chart.$operatingPoints = markers.map((marker) => ({
        ...marker,
        color: palette[marker.colorKey],
        border: palette.surface,
      }));
    },
    setColors(next) {
      applyThemeColors(chart, palette, next);
      dirty = true;
    },
    /** Call after changing chart.options or anything drawn by a plugin from chart state. */
    invalidate() {
      dirty = true;
    },
    render() {
      if (dirty) {
        chart.update('none');
        dirty = false;
      } else {
        chart.draw();
      }
    },
  };
}
