// The line chart every curve panel is made of: a few loss curves over one x-axis, each with
// its own colour and dash pattern, plus operating-point markers. Curves change rarely (a new
// label, a new axis); markers move on every input, which only needs a redraw.
import {
  Chart,
  applyThemeColors,
  buildChart,
  baseOptions,
  colorDataset,
  curveDataset,
} from './chart_setup.js';
import { LineController, LineElement, PointElement } from 'chart.js';
import { operatingPointsPlugin } from './plugins/operating_points.js';

Chart.register(LineController, LineElement, PointElement);

/**
 * Writes `count` points into a dataset's own point objects, as Chart.js's performance guide
 * advises: with parsing off, Chart.js reads them as they are, and an array it already knows
 * (same object, same length) costs neither a new point object per value nor a new array to
 * watch. Only a change of length makes a new array.
 * @param {{data: {x: number, y: number}[]}} dataset
 * @param {number} count
 * @param {(point: {x: number, y: number}, i: number) => void} write
 */
export function writePoints(dataset, count, write) {
  let points = dataset.data;
  if (points.length !== count) {
    points = Array.from({ length: count }, () => ({ x: 0, y: 0 }));
    dataset.data = points;
  }
  for (let i = 0; i < count; i += 1) write(points[i], i);
}

/**
 * @param {HTMLCanvasElement} canvas
 * @param {object} colors  readThemeColors() output
 * @param {{series: {label: string, colorKey: string, dash: number[]}[], xTitle: string,
 *          yTitle: string, titleOf: (x: number) => string, plugins?: object[]}} config
 */
export function createCurveChart(canvas, colors, config) {
  const palette = { ...colors };
  const options = baseOptions(colors, config);
  const chart = buildChart(canvas, {
    type: 'line',
    data: {
      datasets: config.series.map(({ label, colorKey, dash }) =>
        curveDataset(label, colorKey, dash, palette),
      ),
    },
    options,
    plugins: [...(config.plugins ?? []), operatingPointsPlugin],
  });
  let restyled = false;
  let dirty = true; // data or options changed since the last full update

  return {
    chart,
    palette,
    /** The chart's live options. Chart.js makes a new options object on every update, so a
     * reference kept from creation would silently stop reaching the chart. */
    get options() {
      return chart.options;
    },
    /** Replaces every curve: series k gets points (xs[i], show(ys[k][i])). */
    setSeries(xs, ys, show = (value) => value) {
      ys.forEach((values, k) => {
        // A series shorter than xs (a run that stopped early) simply ends.
        writePoints(chart.data.datasets[k], Math.min(xs.length, values.length), (point, i) => {
          point.x = xs[i];
          point.y = show(values[i]);
        });
      });
      dirty = true;
    },
    setLabels(labels) {
      labels.forEach((label, k) => {
        chart.data.datasets[k].label = label;
      });
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
      config.series.forEach(({ colorKey }, k) => {
        colorDataset(chart.data.datasets[k], palette[colorKey]);
      });
      chart.$operatingPoints?.forEach((marker) => {
        marker.color = palette[marker.colorKey] ?? marker.color;
        marker.border = palette.surface;
      });
      dirty = true;
      restyled = true;
    },
    /** Call after changing chart.options or anything drawn by a plugin from chart state. */
    invalidate() {
      dirty = true;
    },
    render() {
      if (dirty) {
        // A full update (instant: animation is off) after a theme change: an update('none')
        // keeps the style Chart.js resolved once for all of a dataset's points.
        chart.update(restyled ? 'default' : 'none');
        dirty = false;
        restyled = false;
      } else {
        chart.draw();
      }
    },
  };
}
