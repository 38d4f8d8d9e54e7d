// Present mode, for a lecture: one panel fills the screen (its control strip, its charts and
// its verdict, in type that reads from the back of a room), and the arrow keys, Page Up/Down (a
// presentation clicker) or the buttons step through the panel's scenes in order. Entered with
// the Present button or `present=1` in the URL; Escape or Exit leaves it.
import { Chart } from 'chart.js';
import { fitFonts } from '../charts/chart_setup.js';

const NEXT_KEYS = new Set(['ArrowRight', 'PageDown', 'n']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'PageUp', 'p']);
// A clicker's keys: they belong to present mode even while a slider or a field has the focus,
// or the lecturer who touched a slider could neither step on nor leave. Arrows stay with a
// focused slider, letters with a field.
const CLICKER_KEYS = new Set(['PageDown', 'PageUp', 'Escape']);

/** Keys a focused form control uses itself (a slider's arrows, a field's letters). */
function keyBelongsToControl(event) {
  const target = event.target;
  if (!(target instanceof Element)) return false;
  return Boolean(target.closest('input, select, textarea, [contenteditable="true"]'));
}

function redrawCharts(doc) {
  for (const canvas of doc.querySelectorAll('canvas')) {
    const chart = Chart.getChart(canvas);
    if (!chart) continue;
    fitFonts(chart); // the type of present mode, or the page's again
    chart.update('none');
  }
}

/**
 * @param {Document} doc
 * @param {object} api  the mounted panel (scenes, showScene)
 * @param {{start: boolean, onChange: (presenting: boolean) => void}} options
 */
export function wirePresentMode(doc, api, { start, onChange }) {
  const $ = (id) => doc.getElementById(id);
  const [button, bar] = [$('present-button'), $('present-bar')];
  if (!button || !bar) return;
  let index = -1;

  const caption = () => {
    const scene = api.scenes[index];
    $('present-count').textContent = api.scenes.length
      ? `${Math.max(index + 1, 0)} / ${api.scenes.length}`
      : '';
    $('present-title').textContent = scene
      ? `${scene.title} (${scene.label})`
      : 'Move the controls, or press Next to step through the scenes.';
    const [prev, next] = /** @type {HTMLButtonElement[]} */ ([
      $('present-prev'),
      $('present-next'),
    ]);
    prev.disabled = index <= 0;
    next.disabled = index >= api.scenes.length - 1;
  };
  const go = async (step) => {
    const next = Math.min(Math.max(index + step, 0), api.scenes.length - 1);
    if (next === index || !api.scenes[next]) return;
    index = next;
    caption();
    await api.showScene(api.scenes[index].id);
  };
  const onKey = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (!CLICKER_KEYS.has(event.key) && keyBelongsToControl(event)) return;
    if (event.key === 'Escape') setPresenting(false);
    else if (NEXT_KEYS.has(event.key)) go(1);
    else if (PREVIOUS_KEYS.has(event.key)) go(-1);
    else return;
    // Handled: neither the browser nor a control's own key handling acts on it as well.
    event.preventDefault();
    event.stopPropagation();
  };

  function setPresenting(on) {
    const root = doc.documentElement;
    if (on === (root.dataset.present === 'true')) return;
    if (on) root.dataset.present = 'true';
    else delete root.dataset.present;
    bar.hidden = !on;
    // Capture: before a focused slider's own handling of Page Up/Down.
    if (on) doc.addEventListener('keydown', onKey, true);
    else doc.removeEventListener('keydown', onKey, true);
    caption();
    redrawCharts(doc);
    (on ? $('present-next') : button).focus();
    onChange(on);
  }

  button.addEventListener('click', () => setPresenting(true));
  $('present-exit').addEventListener('click', () => setPresenting(false));
  $('present-prev').addEventListener('click', () => go(-1));
  $('present-next').addEventListener('click', () => go(1));
  if (start) setPresenting(true);
}
