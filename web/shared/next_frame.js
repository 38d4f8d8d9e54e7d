// The point where the first frame of new content is on screen: after the next animation frame
// (its layout and paint) and the task that follows it. Work that can wait for it (the
// explanations' live numbers, chart tables) starts there, so the charts show first.

/** Resolves once the next frame has been painted; `onFrame` runs inside that frame. */
export const nextFrame = (onFrame = () => {}) =>
  new Promise((resolve) => {
    requestAnimationFrame(() => {
      onFrame();
      setTimeout(resolve, 0);
    });
  });
