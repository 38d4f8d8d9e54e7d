// What lossplay's Chart.js plugins (web/charts/plugins/) read from and write onto a chart, and
// what a dataset may carry besides its points. They live on the chart rather than in plugin
// options, which Chart.js resolves once and caches.
import type { ChartType } from 'chart.js';

/** One operating-point marker, in data units (operating_points.js). */
interface OperatingPoint {
  x: number;
  y: number;
  color: string;
  border: string;
  style?: string;
  rotation?: number;
  radius?: number;
  colorKey?: string;
}

declare module 'chart.js' {
  interface Chart {
    /** Markers drawn on top of the curves (plugins/operating_points.js). */
    $operatingPoints?: OperatingPoint[];
    /** Where each marker was drawn, for the browser tests. */
    $operatingPixels?: object[];
    /** Shaded x ranges with labels (plugins/saturation_zones.js). */
    $saturationZones?: {
      zones: { from: number; to: number; lines: string[]; anchor?: string }[];
      color: string;
      textColor: string;
    };
    /** Labelled vertical lines (plugins/epoch_markers.js); the race also keeps which run and
     *  accuracy levels each one marks. */
    $epochMarkers?: {
      x: number;
      label: string;
      color: string;
      row: number;
      run?: string;
      levels?: number[];
    }[];
    /** The colour behind an epoch marker's label. */
    $epochMarkerBackground?: string;
    /** Where each epoch marker was drawn, for the browser tests. */
    $epochMarkerPixels?: object[];
    /** How a "Show the numbers" table writes each row's x (chart_tables.js); formatNumber
     *  when unset. */
    $formatX?: (x: number) => string;
    /** The height the last layout left outside the plot (chart_setup.js, for fittedAxisTitle). */
    $reservedHeight?: number;
    /** What the chart's layout was last made from, whether this update keeps it, and what
     *  else the chart's code says it depends on (chart_setup.js, steadyLayout). */
    $layoutKey?: string;
    $layoutSteady?: boolean;
    $layoutExtra?: unknown;
    /** A labelled vertical bracket between two y values (plugins/kl_bracket.js). */
    $bracket?: { x: number; from: number; to: number; label: string; color: string } | null;
  }
  interface ChartDatasetProperties<TType extends ChartType, TData> {
    /** The values before the chart rescaled them to fit one axis: the table lists these. */
    $actual?: ArrayLike<number>;
  }
}
