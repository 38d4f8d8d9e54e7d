// Playing the descents: a few steps more on every animation frame, each a new state (the paths
// are computed ahead, so a frame costs a redraw, not a core call), until Pause or the last
// step a link may hold.
import { STEPS_SPEC } from './state.js';

const STEPS_PER_FRAME = 2;

/** @param {object} ctx  the panel context; onChange(playing) updates the Play button */
export function createPlayback(ctx, onChange) {
  let playing = false;
  let frame = 0;
  const view = ctx.doc.defaultView;

  function tick() {
    if (!playing) return;
    const state = ctx.state();
    const steps = Math.min(state.steps + STEPS_PER_FRAME, STEPS_SPEC().max);
    ctx.propose({ ...state, steps }, 'play');
    const { at } = ctx.results();
    // Both paths stopped (left the allowed window, or the loss stopped being finite).
    if (steps >= STEPS_SPEC().max || (at.ce.stopped && at.mse.stopped)) {
      pause();
      return;
    }
    frame = view.requestAnimationFrame(tick);
  }

  function play() {
    if (playing) return;
    playing = true;
    onChange(true);
    frame = view.requestAnimationFrame(tick);
  }

  function pause() {
    if (!playing) return;
    playing = false;
    view.cancelAnimationFrame(frame);
    onChange(false);
  }

  return { play, pause, toggle: () => (playing ? pause() : play()), isPlaying: () => playing };
}
