// The your-model lab's scenes (see web/shared/scenes.js): four are "Show me" buttons too;
// present mode and the story step through them all.
export const SCENES = Object.freeze([
  {
    id: 'who-pulls',
    title: 'Cross-entropy spends its pull on the confident mistakes; Brier hardly minds them.',
    label: 'who carries the gradient',
    state: { data: 'breast-cancer', t: 1, sort: 'ce' },
    shows: 'ym-gradient-chart',
  },
  {
    id: 'worst-by-brier',
    title: "Sorted by the Brier score's gradient, the confident mistakes drop out of the top.",
    label: "sorted by Brier's gradient",
    state: { data: 'breast-cancer', t: 1, sort: 'brier-gradient' },
    // The histogram of gradient sizes, not the table: twenty rows are taller than the story's
    // figure can hold (60 % of a phone's height, the window's on a wide screen).
    shows: 'ym-gradient-chart',
  },
  {
    id: 'overconfident',
    title:
      'The digits model is right less often than it is sure: its points sit below the diagonal.',
    label: 'an overconfident model',
    state: { data: 'digits', t: 1, bins: 10, binning: 'width' },
    shows: 'ym-reliability-chart',
  },
  {
    id: 'equal-counts',
    title: 'Equal-count bins: every point stands for as many examples, so none rests on a handful.',
    label: 'equal-count bins',
    state: { data: 'digits', t: 1, bins: 10, binning: 'mass' },
    shows: 'ym-reliability-chart',
  },
  {
    id: 'cooled',
    title:
      'Dividing every logit by T = 2 pulls the probabilities in and the points toward the diagonal.',
    label: 'cooled by T = 2',
    state: { data: 'digits', t: 2, bins: 10, binning: 'width' },
    shows: 'ym-reliability-chart',
  },
  {
    id: 'honest',
    title: 'Reporting what you believe: the log score and Brier are at their lowest.',
    label: 'an honest report',
    state: { q: 0.7, r: 0.7 },
    shows: 'ym-score-chart',
  },
  {
    id: 'exaggerate',
    title: 'Exaggerating to 0.95: the proper scores charge for it, absolute error rewards it.',
    label: 'exaggerating',
    state: { q: 0.7, r: 0.95 },
    shows: 'ym-score-chart',
  },
]);
