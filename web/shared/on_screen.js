// Which of some elements are on screen now, and when one comes near: for work worth doing only
// where the reader can see it (the race's charts while it plays, the explanations' costly
// numbers). Until the first report, nothing counts as on screen.

/** @returns {{has: (element: Element) => boolean, disconnect: () => void}} */
export function watchOnScreen(elements) {
  const shown = new Set();
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) shown.add(entry.target);
      else shown.delete(entry.target);
    }
  });
  elements.forEach((element) => observer.observe(element));
  return { has: (element) => shown.has(element), disconnect: () => observer.disconnect() };
}

/** Resolves once `element` comes within half a screen of the viewport. */
export function whenNearScreen(element) {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        resolve();
      },
      { rootMargin: '50% 0px' },
    );
    observer.observe(element);
  });
}
