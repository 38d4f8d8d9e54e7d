// The operating-point markers of a loss-against-p chart: cross-entropy as a circle (a triangle
// pinned to the top edge when it is above the axis) and MSE as a diamond, both at p.
export function lossMarkers(p, ce, mse, axisMax) {
  const offScale = ce > axisMax;
  return {
    offScale,
    markers: [
      {
        x: p,
        y: Math.min(ce, axisMax),
        colorKey: 'ce',
        style: offScale ? 'triangle' : 'circle',
        rotation: 0,
      },
      { x: p, y: mse, colorKey: 'mse', style: 'rectRot', rotation: 0 },
    ],
  };
}
