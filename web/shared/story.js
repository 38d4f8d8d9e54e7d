// A lab's story: its explanation told in short steps beside (wide screens) or below (phones) the
// lab's figure, which stays pinned while the steps scroll past. The step at the reading
// position sets its scene on the figure; scrolling back sets the earlier one again. The figure
// stays live: the reader may move its controls at any step, and the next step starts again from
// the story's own state (the defaults and the step's scene), so every step's text is true of
// what the figure shows when the step arrives.
//
// A step is markup in the lab's story.eta:
//   <section class="story-step" data-scene="very-wrong"> … <span class="story-number"
//     data-story="dmse">…</span> … </section>
// data-scene names a scene of the lab's scenes.js (the one list present mode and "Show me" read
// too); each data-story names a number the lab's story.js `storyNumbers(core, state)` computes
// at that scene's state, so a step's numbers are the core's, at the state the step describes.
import { formatNumber } from './number_format.js';

/** The state a step shows: the defaults with its scene over them (not the reader's changes). */
export const stepState = (table, scene) => ({
  ...structuredClone(table.defaults),
  ...structuredClone(scene.state),
});

/** Fills a step's numbers from `values` ({name: number or text}); returns the names it
 *  lacked. */
export function fillStepNumbers(step, values) {
  const missing = [];
  for (const span of step.querySelectorAll('[data-story]')) {
    const value = values[span.dataset.story];
    if (typeof value === 'number') span.textContent = formatNumber(value);
    else if (typeof value === 'string') span.textContent = value;
    else missing.push(span.dataset.story);
  }
  return missing;
}

/**
 * A lab's story numbers by scene, each computed once however many steps show that scene (a
 * story dwells on one state for several steps; the race and depth labs train for theirs).
 * @param {object} core
 * @param {{table: object, storyNumbers?: Function}} spec  the lab's panel module
 */
export function numbersByScene(core, spec) {
  const { table, storyNumbers } = spec;
  const computed = new Map();
  return (scene) => {
    if (!computed.has(scene.id)) {
      computed.set(scene.id, Promise.resolve(storyNumbers?.(core, stepState(table, scene)) ?? {}));
    }
    return computed.get(scene.id);
  };
}

/** Fills every number of every step, each at its own step's state. */
async function fillStoryNumbers(steps, scenes, numbersOf) {
  const problems = [];
  for (const step of steps) {
    const scene = scenes.find((one) => one.id === step.dataset.scene);
    const values = scene ? await numbersOf(scene) : {};
    problems.push(...fillStepNumbers(step, values).map((name) => `${step.dataset.scene}/${name}`));
  }
  if (problems.length) throw new Error(`story numbers not computed: ${problems.join(', ')}`);
}

/**
 * Puts the figure (the playground) and the story side by side in one layout box, before the
 * panel mounts (its charts are made in their place), and marks `marked` (the page's root or
 * the widget's element) for the story's styles. Returns the layout box, or null for a panel
 * without a story.
 */
export function arrangeStory(root, marked) {
  const [playground, story] = [root.querySelector('.playground'), root.querySelector('.story')];
  if (!playground || !story) return null;
  const layout = playground.ownerDocument.createElement('div');
  layout.className = 'story-layout';
  playground.before(layout);
  layout.append(playground, story);
  story.hidden = false;
  marked.setAttribute('data-story', 'true');
  return layout;
}

const GLIDE_FRAMES = 14; // about a quarter of a second at 60 frames a second

/**
 * The states a glide from `from` to `to` passes through (`to` itself not included), eased out:
 * only when every field that differs is one of `keys` and a number at both ends (a logit, a
 * prediction), so the point on the chart slides to the step's state instead of jumping. Any
 * other change (a label, a data set, a count of steps) has no in-between: none.
 */
export function glideStates(from, to, keys, frames = GLIDE_FRAMES) {
  const changed = Object.keys(to).filter(
    (key) => JSON.stringify(from[key]) !== JSON.stringify(to[key]),
  );
  const glides = (key) =>
    keys.includes(key) && Number.isFinite(from[key]) && Number.isFinite(to[key]);
  if (changed.length === 0 || !changed.every(glides)) return [];
  return Array.from({ length: frames - 1 }, (_, i) => {
    const eased = 1 - (1 - (i + 1) / frames) ** 3;
    const between = changed.map((key) => [key, from[key] + (to[key] - from[key]) * eased]);
    return { ...to, ...Object.fromEntries(between) };
  });
}

/**
 * Starts a mounted panel's story in `layout` (arrangeStory's): fills its numbers, then follows
 * the reader's scrolling. `spec` is the panel module (its scenes, table, story numbers and the
 * fields a step may glide, `storyGlide`), `api` the mounted panel.
 */
export async function startStory(layout, { spec, api, core, reducedMotion }) {
  const steps = [...layout.querySelectorAll('.story-step')];
  const { table } = spec;
  await fillStoryNumbers(steps, api.scenes, numbersByScene(core, spec));
  const root = layout.getRootNode();
  const win = layout.ownerDocument.defaultView;
  const frame = () => new Promise((resolve) => win.requestAnimationFrame(resolve));
  let showing = 0; // a newer step stops an older one's glide
  return runStory({
    layout,
    steps,
    reducedMotion,
    show: async (index) => {
      const token = (showing += 1);
      const scene = api.scenes.find((one) => one.id === steps[index].dataset.scene);
      if (!scene) return;
      markSceneCard(root, scene);
      const target = stepState(table, scene);
      const glide = reducedMotion ? [] : glideStates(api.getState(), target, spec.storyGlide ?? []);
      for (const state of glide) {
        await frame();
        if (token !== showing) return;
        await api.propose(state, 'story-glide');
      }
      await api.propose(target, 'show-me');
    },
  });
}

/** The step at the reading position: on a wide screen 45 % down the window, on a phone a
 *  third of the way down the room the pinned figure leaves. */
function readingLine(figure, story, height) {
  const box = figure.getBoundingClientRect();
  const beside = box.right <= story.getBoundingClientRect().left + 1;
  const top = beside ? 0 : Math.max(0, box.bottom);
  return top + (height - top) * (beside ? 0.45 : 0.33);
}

/** Marks the card of the figure that `scene` is about (the one holding its `shows`), the one
 *  card the story's styles keep beside the step. */
export function markSceneCard(root, scene) {
  for (const old of root.querySelectorAll('.story-current')) old.classList.remove('story-current');
  const target = root.getElementById(scene.shows);
  target?.closest('.charts > *, .playground > *')?.classList.add('story-current');
}

/**
 * Follows the reader's scrolling through the steps of a story laid out in `layout` (the
 * figure first, the steps' column last): the step at the reading position is marked, and
 * `show(index)` sets the figure to it (resolving once it is shown). The layout's
 * data-story-step says which step is being shown, data-story-shown which one the figure shows.
 * @param {{layout: HTMLElement, steps: HTMLElement[], show: (index: number) => Promise<unknown>,
 *   reducedMotion: boolean}} options
 * @returns {{current: () => number, dispose: () => void}}
 */
export function runStory({ layout, steps, show, reducedMotion }) {
  const [figure, story] = [layout.firstElementChild, layout.lastElementChild];
  const win = layout.ownerDocument.defaultView;
  let current = -1;
  let frame = 0;

  const activate = (index) => {
    if (index === current) return;
    current = index;
    steps.forEach((step, i) => step.classList.toggle('story-active', i === index));
    layout.dataset.storyStep = String(index);
    if (!reducedMotion) {
      figure.animate([{ opacity: 0.45 }, { opacity: 1 }], { duration: 260, easing: 'ease-out' });
    }
    show(index).then(() => {
      if (current === index) layout.dataset.storyShown = String(index);
    });
  };
  const follow = () => {
    frame = 0;
    const line = readingLine(figure, story, win.innerHeight);
    let index = 0;
    steps.forEach((step, i) => {
      if (step.getBoundingClientRect().top <= line) index = i;
    });
    activate(index);
  };
  const onScroll = () => {
    frame ||= win.requestAnimationFrame(follow);
  };
  // Capture: a story may scroll inside a box of the host page (a slide, a course's frame).
  win.addEventListener('scroll', onScroll, { passive: true, capture: true });
  win.addEventListener('resize', onScroll);
  follow();
  return {
    current: () => current,
    dispose() {
      win.cancelAnimationFrame(frame);
      win.removeEventListener('scroll', onScroll, { capture: true });
      win.removeEventListener('resize', onScroll);
    },
  };
}
