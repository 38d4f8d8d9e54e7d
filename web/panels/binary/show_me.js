// "Show me" buttons in the explanations: each sets the playground to the state it names
// (data-z, data-y) and brings the playground into view. The label is written from the same
// attributes, so the button always says what it does.
import { formatNumber } from '../../shared/number_format.js';

export function wireShowMeButtons(root, playground, win = window) {
  // win: the window, or an embedded widget's host (it provides matchMedia).
  const reducedMotion = win.matchMedia('(prefers-reduced-motion: reduce)');
  for (const button of root.querySelectorAll('.show-me')) {
    const z = Number(button.dataset.z);
    const y = Number(button.dataset.y);
    button.textContent = `Show me: z = ${formatNumber(z)}, y = ${formatNumber(y)}`;
    button.addEventListener('click', () => {
      playground.show({ z, y, soft: y !== 0 && y !== 1 });
      root
        .getRootNode()
        .getElementById('playground')
        .scrollIntoView({
          behavior: reducedMotion.matches ? 'auto' : 'smooth',
          block: 'start',
        });
    });
  }
}
