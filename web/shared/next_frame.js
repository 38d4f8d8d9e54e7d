// The point where the first frame of new content is on screen: after the next animation frame
// (its layout and paint) and the task that follows it. Work that can wait for it (the
// explanations' live numbers, chart tables) starts there, so the charts show first. Long work
// split with nextTask leaves the browser free to draw and answer input in between.

/** Resolves once the next frame has been painted; `onFrame` runs inside that frame. */
export const nextFrame = (onFrame = () => {}) =>
  new Promise((resolve) => {
    requestAnimationFrame(() => {
      onFrame();
      setTimeout(resolve, 0);
    });
  });

/** Resolves in a later task, after the browser has had the chance to draw and handle input. */
export const nextTask = () => new Promise((resolve) => setTimeout(resolve));
