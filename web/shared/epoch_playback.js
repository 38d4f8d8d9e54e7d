// Training a race on the page (the training race, the deep network lab) without ever holding
// the main thread: each animation frame trains in small pieces (race.train) for a few
// milliseconds and leaves the rest of the frame to repaint, so an epoch of the heaviest network
// spreads over many frames, the page shows how far into it the race is, and Pause answers at
// the next event. Three reasons to train: the start of a race built with `deferStart` (always,
// until it is recorded), Play (at the speed the reader set, in epochs per second) and Step (to
// the end of the next epoch).
import { raceFinished } from './race_history.js';

const FRAME_BUDGET_MS = 6; // training time per animation frame; the rest is for drawing
// Rows × weights per race.train call: about a millisecond of wasm on a laptop, a few on a
// phone, so a frame overshoots its budget by at most one piece.
const PIECE_WORK = 1e6;
const MAX_SECONDS = 0.25; // a frame late by more (a background tab) does not pile up epochs

const position = (progress) => progress.epoch + progress.fraction;

/**
 * Trains `race` in pieces while `wantsMore(progress)` and the frame's budget lasts, telling
 * `onPiece(before, after)` of each; returns where it got, whether it moved, and the source to
 * redraw with ('started', 'play' when an epoch ended, else 'progress').
 */
function trainFrame(race, wantsMore, onPiece) {
  const start = performance.now();
  const before = race.progress();
  let progress = before;
  while (wantsMore(progress) && performance.now() - start < FRAME_BUDGET_MS) {
    const last = progress;
    progress = race.train(PIECE_WORK);
    onPiece(last, progress);
  }
  const started = progress.started !== before.started;
  const moved = started || position(progress) !== position(before);
  const source = started ? 'started' : progress.epoch !== before.epoch ? 'play' : 'progress';
  return { progress, moved, source };
}

/**
 * @param {{race: () => any, state: () => any, finished: () => boolean,
 *          onTrained: (source: string) => void, onChange: (playing: boolean) => void}} hooks
 *   onTrained(source) after each frame that trained: 'started' when the start was recorded,
 *   'step' when a Step reached its epoch, 'play' when an epoch ended, else 'progress'.
 */
export function createPlayback({ race, state, finished, onTrained, onChange }) {
  let mode = 'idle'; // 'play' | 'step' | 'idle' (a start still to record trains in any mode)
  let frame = 0;
  let lastTime = 0;
  let epochsDue = 0;
  let target = 0; // the epoch Step trains to

  const wantsMore = (progress) => {
    if (!progress.started) return true;
    if (mode === 'play') return epochsDue > 0 && !finished();
    if (mode === 'step') return progress.epoch < target;
    return false;
  };

  function tick(now) {
    frame = 0;
    if (mode === 'play') {
      const seconds = lastTime ? Math.min(MAX_SECONDS, (now - lastTime) / 1000) : 0;
      lastTime = now;
      epochsDue = Math.min(epochsDue + seconds * state().speed, 1 + state().speed * MAX_SECONDS);
    }
    const { progress, moved, source } = trainFrame(race(), wantsMore, (last, next) => {
      if (mode === 'play' && last.started) epochsDue -= position(next) - position(last);
    });
    if (mode === 'play' && finished()) setMode('idle');
    const stepped = mode === 'step' && progress.started && progress.epoch >= target;
    if (stepped) setMode('idle');
    if (moved) onTrained(stepped ? 'step' : source);
    if (wantsMore(progress) || mode === 'play') schedule();
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(tick);
  }

  function setMode(next) {
    const wasPlaying = mode === 'play';
    mode = next;
    if (wasPlaying !== (mode === 'play')) onChange(mode === 'play');
  }

  function play() {
    if (mode === 'play' || finished()) return;
    lastTime = 0;
    epochsDue = 1; // the first frames train an epoch at once
    setMode('play');
    schedule();
  }

  function pause() {
    if (mode === 'idle') return;
    setMode('idle');
    if (race().progress().started) stop();
  }

  function stop() {
    setMode('idle');
    cancelAnimationFrame(frame);
    frame = 0;
  }

  return {
    play,
    pause,
    toggle: () => (mode === 'play' ? pause() : play()),
    isPlaying: () => mode === 'play',
    /** Trains to the end of the next epoch over as many frames as it takes. */
    step() {
      target = mode === 'step' ? target + 1 : race().progress().epoch + 1;
      setMode('step');
      schedule();
    },
    /** Records the start of a race built with `deferStart`, over as many frames as it takes. */
    prepare() {
      if (!race().progress().started) schedule();
    },
    /** Stops every frame still asked for (the race is being released). */
    stop,
  };
}

/**
 * The playback of a panel whose results hold a race (the training race, the deep network lab):
 * each frame that trained redraws, with the source onTrained names; the Play button `button`
 * (an element id) says Pause while playing, and a pause redraws in full and calls `onPause()`.
 * @param {{results: () => any, state: () => any, rerender: (source: string) => void,
 *          $: (id: string) => HTMLElement}} ctx
 */
export function createRacePlayback(ctx, button, onPause = () => {}) {
  return createPlayback({
    race: () => ctx.results().race,
    state: () => ctx.state(),
    finished: () => raceFinished(ctx.results().race, ctx.state()),
    onTrained: (source) => ctx.rerender(source),
    onChange: (playing) => {
      ctx.$(button).textContent = playing ? 'Pause' : 'Play';
      ctx.$(button).setAttribute('aria-pressed', String(playing));
      if (playing) return;
      ctx.rerender('paused');
      onPause();
    },
  });
}
