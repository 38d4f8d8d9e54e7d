// Which of some elements are on screen now, for work worth doing only where the reader can see
// it (the race's charts while it plays). Until the first report, nothing counts as on screen.

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
