// The floor page's script: Chart.js with only what a line chart needs, one chart of a curve,
// and the same "lossplay:first-render" mark the pages set once their charts are on screen.
import { Chart, LineController, LineElement, LinearScale, PointElement } from 'chart.js';

Chart.register(LineController, LineElement, LinearScale, PointElement);

const POINTS = 401;
const data = Array.from({ length: POINTS }, (_, i) => {
  const x = -10 + (20 * i) / (POINTS - 1);
  return { x, y: 1 / (1 + Math.exp(-x)) };
});

new Chart(document.getElementById('floor-chart'), {
  type: 'line',
  data: { datasets: [{ data, borderWidth: 2.5, pointRadius: 0 }] },
  options: {
    animation: false,
    parsing: false,
    normalized: true,
    responsive: true,
    maintainAspectRatio: false,
    scales: { x: { type: 'linear' }, y: { type: 'linear' } },
  },
});
requestAnimationFrame(() => {
  performance.mark('lossplay:first-render');
  document.body.dataset.ready = 'true';
});
