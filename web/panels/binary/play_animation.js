// The play button's sweep of z across the slider range, back and forth. With
// prefers-reduced-motion it steps in whole units twice a second instead of gliding.
const SWEEP_SECONDS = 5; // one pass from −10 to 10
const REDUCED_STEP = 1;
const REDUCED_INTERVAL_MS = 500;

export function createPlayer({ min, max, getZ, setZ, onChange }) {
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  let frame = 0;
  let timer = 0;
  let direction = 1;
  let last = 0;
  let playing = false;

  function advance(delta) {
    let z = Math.min(max, Math.max(min, getZ())) + direction * delta;
    if (z >= max || z <= min) {
      z = Math.min(max, Math.max(min, z));
      direction = -direction;
    }
    setZ(Math.round(z * 100) / 100);
  }

  function tick(now) {
    if (!playing) return;
    const seconds = last ? (now - last) / 1000 : 0;
    last = now;
    advance(((max - min) / SWEEP_SECONDS) * Math.min(seconds, 0.1));
    frame = requestAnimationFrame(tick);
  }

  function start() {
    if (playing) return;
    playing = true;
    if (getZ() >= max) direction = -1;
    if (getZ() <= min) direction = 1;
    if (reducedMotion.matches) {
      timer = setInterval(() => advance(REDUCED_STEP), REDUCED_INTERVAL_MS);
    } else {
      last = 0;
      frame = requestAnimationFrame(tick);
    }
    onChange(true);
  }

  function stop() {
    if (!playing) return;
    playing = false;
    cancelAnimationFrame(frame);
    clearInterval(timer);
    onChange(false);
  }

  return { start, stop, toggle: () => (playing ? stop() : start()), isPlaying: () => playing };
}
