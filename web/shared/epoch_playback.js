// Playing a race (the training race, the deep network lab): trains in time slices of each
// animation frame, leaving the rest of the frame to repaint, at the speed the reader set
// (epochs per second).
import { raceFinished } from './race_history.js';

const FRAME_BUDGET_MS = 6; // training time per animation frame; the rest is for drawing

/**
 * @param {{race: () => object, state: () => object, finished: () => boolean,
 *          onTrained: () => void, onChange: (playing: boolean) => void}} hooks
 */
export function createPlayback({ race, state, finished, onTrained, onChange }) {
  let playing = false;
  let frame = 0;
  let lastTime = 0;
  let epochsDue = 0;

  function tick(now) {
    if (!playing) return;
    const seconds = lastTime ? Math.min(0.25, (now - lastTime) / 1000) : 0;
    lastTime = now;
    epochsDue += seconds * state().speed;
    const start = performance.now();
    let trained = false;
    while (epochsDue >= 1 && !finished() && performance.now() - start < FRAME_BUDGET_MS) {
      race().step(1);
      epochsDue -= 1;
      trained = true;
    }
    if (trained) onTrained();
    if (finished()) {
      pause();
      return;
    }
    frame = requestAnimationFrame(tick);
  }

  function play() {
    if (playing || finished()) return;
    playing = true;
    lastTime = 0;
    epochsDue = 1; // the first frame trains at once
    onChange(true);
    frame = requestAnimationFrame(tick);
  }

  function pause() {
    if (!playing) return;
    playing = false;
    cancelAnimationFrame(frame);
    onChange(false);
  }

  return { play, pause, toggle: () => (playing ? pause() : play()), isPlaying: () => playing };
}

/**
 * The playback of a panel whose results hold a race (the training race, the deep network lab):
 * each trained slice redraws, the Play button `button` (an element id) says Pause while
 * playing, and a pause redraws in full and then calls `onPause()`.
 * @param {{results: () => any, state: () => any, rerender: (source: string) => void,
 *          $: (id: string) => HTMLElement}} ctx
 */
export function createRacePlayback(ctx, button, onPause = () => {}) {
  return createPlayback({
    race: () => ctx.results().race,
    state: () => ctx.state(),
    finished: () => raceFinished(ctx.results().race, ctx.state()),
    onTrained: () => ctx.rerender('play'),
    onChange: (playing) => {
      ctx.$(button).textContent = playing ? 'Pause' : 'Play';
      ctx.$(button).setAttribute('aria-pressed', String(playing));
      if (playing) return;
      ctx.rerender('paused');
      onPause();
    },
  });
}
