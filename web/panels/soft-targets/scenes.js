// The soft-targets lab's scenes (see web/shared/scenes.js): three of them are preset buttons too;
// present mode and the story step through them all.

const [epsilon, classes] = [0.1, 2];
/** Label smoothing by the usual convention (Szegedy et al.; PyTorch's label_smoothing):
 * with K classes and strength ε the true class's target is 1 − ε + ε/K. */
export const SMOOTHING = Object.freeze({
  epsilon,
  classes,
  // The same 1 − ε + ε/K written as 1 minus the mass moved to the other K − 1 classes: one
  // subtraction from 1 instead of two, so ε = 0.1, K = 2 gives the double 0.95 itself rather
  // than 0.9500000000000001.
  target: 1 - (epsilon * (classes - 1)) / classes,
});

export const SCENES = Object.freeze([
  {
    id: 'target-09',
    title: 'A target of 0.9: both losses are smallest at p = t, and BCE never drops to 0.',
    label: 't = 0.9',
    state: { t: 0.9, p: 0.25, rows: [0.25, 0.5, 0.75] },
    shows: 'soft-chart',
  },
  {
    id: 'at-the-target',
    title: 'Predicting the target itself: MSE is 0, but BCE stops at its floor, the entropy H(t).',
    label: 'p = t = 0.9',
    state: { t: 0.9, p: 0.9, rows: [0.85, 0.9, 0.95] },
    shows: 'soft-chart',
  },
  {
    id: 'target-06',
    title: 'A target of 0.6: the floor rises, and BCE charges a confident miss far more than MSE.',
    label: 't = 0.6',
    state: { t: 0.6, p: 0.5, rows: [0.5, 0.6, 0.7] },
    shows: 'soft-chart',
  },
  {
    id: 'hard-target',
    title: 'A hard target of 1: the floor is 0, and BCE keeps pulling p toward 1 even at 0.99.',
    label: 't = 1',
    state: { t: 1, p: 0.99, rows: [0.9, 0.99, 0.999] },
    shows: 'soft-chart',
  },
  {
    id: 'smoothing',
    title: 'Label smoothing: the target is below 1, so the model is never pushed to certainty.',
    label: 'label smoothing',
    state: { t: SMOOTHING.target, p: 0.99, rows: [0.9, SMOOTHING.target, 0.99] },
    shows: 'soft-chart',
  },
]);
