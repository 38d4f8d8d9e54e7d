// The ten-minute path (story.html): the whole argument across the labs, one step per lab in
// the order the argument needs them. Each step names a lab and one of its scenes
// (data-panel, data-scene); the pinned figure is a <loss-playground> set to that scene, the
// step's numbers are the lab's own story numbers at that state (its story.js), and "Open this
// in the lab" links to the lab's page at the same state.
import { loadPanel, sharedCore } from '../embed/element.js';
import { PANELS } from '../panels/registry.js';
import { writeQuery } from '../shared/params.js';
import { fillStepNumbers, numbersByScene, runStory, stepState } from '../shared/story.js';

/** What each step shows: its lab's module, its scene and the state they make. `numbersOf(spec)`
 *  gives the lab's story numbers by scene (numbersByScene), one per lab for the whole path. */
async function planStep(step, numbersOf) {
  const spec = await loadPanel(step.dataset.panel);
  const scene = spec.scenes.find((one) => one.id === step.dataset.scene);
  if (!scene) throw new Error(`no scene “${step.dataset.scene}” in ${spec.id}`);
  const state = stepState(spec.table, scene);
  const page = PANELS.find((one) => one.id === spec.id).page;
  step.querySelector('.path-open')?.setAttribute('href', `${page}${writeQuery(state, spec.table)}`);
  const missing = fillStepNumbers(step, await numbersOf(spec)(scene));
  if (missing.length) throw new Error(`${spec.id}/${scene.id}: no ${missing.join(', ')}`);
  return { spec, scene };
}

/** Sets the figure to a step's lab and scene; resolves once the figure shows it. */
function showOnFigure(figure, { spec, scene }) {
  const shows = () =>
    figure.dataset.ready === 'true' &&
    figure.lossplay?.table === spec.table &&
    figure.getAttribute('scene') === scene.id;
  if (figure.getAttribute('panel') === spec.id && figure.getAttribute('scene') === scene.id) {
    if (shows()) return Promise.resolve();
  }
  return new Promise((resolve) => {
    const check = () => {
      if (!shows()) return;
      figure.removeEventListener('lossplay-ready', check);
      resolve();
    };
    figure.addEventListener('lossplay-ready', check);
    figure.setAttribute('panel', spec.id);
    figure.setAttribute('scene', scene.id);
  });
}

async function startPath() {
  const layout = /** @type {HTMLElement} */ (document.querySelector('.story-layout'));
  const figure = layout.querySelector('loss-playground');
  const steps = /** @type {HTMLElement[]} */ ([...layout.querySelectorAll('.story-step')]);
  try {
    const core = await sharedCore();
    const byLab = new Map();
    const numbersOf = (spec) => {
      if (!byLab.has(spec.id)) byLab.set(spec.id, numbersByScene(core, spec));
      return byLab.get(spec.id);
    };
    const plans = [];
    for (const step of steps) plans.push(await planStep(step, numbersOf));
    runStory({
      layout,
      steps,
      reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches,
      show: (index) => showOnFigure(figure, plans[index]),
    });
  } catch (error) {
    const notice = document.getElementById('notices');
    notice.textContent = `The path could not start: ${error.message}`;
  }
  document.body.dataset.ready = 'true';
}

startPath();
