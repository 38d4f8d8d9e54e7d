// The sentence as a row of chips: the first word is only read, every later one is a prediction
// the reader can pick (the chosen one is pressed). Picking one proposes the state.
import { POSITIONS, SENTENCE } from './state.js';

/** @returns {{render(state): void}} */
export function createTokenChips(ctx, container) {
  const first = ctx.doc.createElement('span');
  first.className = 'token-chip context';
  first.textContent = SENTENCE[0];
  const buttons = Array.from({ length: POSITIONS }, (_, n) => {
    const button = ctx.doc.createElement('button');
    button.type = 'button';
    button.className = 'token-chip';
    button.id = `nt-token-${n}`;
    button.textContent = SENTENCE[n + 1];
    button.addEventListener('click', () =>
      ctx.propose({ ...ctx.state(), position: n }, 'position'),
    );
    return button;
  });
  container.replaceChildren(first, ...buttons);
  return {
    render(state) {
      buttons.forEach((button, n) =>
        button.setAttribute('aria-pressed', String(n === state.position)),
      );
    },
  };
}
