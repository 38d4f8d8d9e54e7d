// Drives a lab's story (web/shared/story.js) in headless Chromium: brings a step to the
// reading position the way a reader's scrolling would, and reads what the step and the figure
// show. Works on a page (story=1) and inside a <loss-playground story> element.
import assert from 'node:assert/strict';
import { assertShows } from './reference.mjs';

/** Scrolls until step `index` sits at the reading position, then waits until its scene is
 *  shown on the figure. */
export async function bringStep(page, index) {
  await page.evaluate(async (index) => {
    // The story's root: the page (a lab's story, the ten-minute path), or the shadow root of
    // a widget telling its story. (Written out in each page function: the pages' policy
    // allows no eval.)
    const host = document.querySelector('loss-playground');
    const root = document.querySelector('.story-layout') || !host ? document : host.shadowRoot;
    const step = root.querySelectorAll('.story-step')[index];
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    // Three passes: the figure sticks only once the page has scrolled past the header.
    for (let pass = 0; pass < 3; pass += 1) {
      const figure = root.querySelector('.story-layout > :first-child').getBoundingClientRect();
      const story = root.querySelector('.story').getBoundingClientRect();
      const beside = figure.right <= story.left + 1;
      const target = beside ? innerHeight * 0.3 : figure.bottom + 4;
      let delta = step.getBoundingClientRect().top - target;
      // Above the text, the figure reaches its pinned place only once the page has scrolled
      // past what comes before it (the heading): a reader scrolls at least that far.
      if (!beside && figure.top > 1) delta = Math.max(delta, figure.top);
      window.scrollBy(0, delta);
      await frame();
    }
  }, index);
  await page.waitForFunction(
    (index) => {
      const host = document.querySelector('loss-playground');
      const root = document.querySelector('.story-layout') || !host ? document : host.shadowRoot;
      return root.querySelector('.story-layout')?.dataset.storyShown === String(index);
    },
    index,
    { timeout: 15000 },
  );
}

/** What the story and the figure show now: the steps' scenes and numbers, the boxes. */
export function readStory(page) {
  return page.evaluate(() => {
    const host = document.querySelector('loss-playground');
    const root = document.querySelector('.story-layout') || !host ? document : host.shadowRoot;
    const box = (element) => {
      const r = element.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    const steps = [...root.querySelectorAll('.story-step')].map((step) => ({
      panel: step.dataset.panel,
      scene: step.dataset.scene,
      link: step.querySelector('.path-open')?.getAttribute('href') ?? null,
      active: step.classList.contains('story-active'),
      box: box(step),
      numbers: [...step.querySelectorAll('[data-story]')].map((span) => [
        span.dataset.story,
        span.textContent,
      ]),
    }));
    // The card is in the page's figure, or in the widget that is the path's figure.
    const widget = root.querySelector('.story-layout > :first-child loss-playground');
    const current = (widget?.shadowRoot ?? root).querySelector('.story-current');
    const figure = root.querySelector('.story-layout > :first-child');
    return {
      steps,
      // What the figure says in words (a widget's, inside its shadow root).
      figureText: (widget?.shadowRoot ?? figure).textContent,
      figure: box(figure),
      current: current ? box(current) : null,
      height: innerHeight,
    };
  });
}

/** The figure's current card is whole on screen, beside the step (wide) or above it. */
export function assertFigureBesideStep(shown, index, where) {
  const { figure, current, height } = shown;
  const step = shown.steps[index].box;
  assert.ok(current, `${where}: the figure marks the card the step is about`);
  assert.ok(
    current.top >= figure.top - 1 && current.bottom <= figure.bottom + 1,
    `${where}: card inside the figure`,
  );
  assert.ok(figure.top >= -1 && figure.bottom <= height + 1, `${where}: figure on screen`);
  const beside = figure.right <= step.left + 1;
  if (beside) {
    assert.ok(step.top < height && step.bottom > 0, `${where}: step on screen beside the figure`);
  } else {
    assert.ok(step.top >= figure.bottom - 1, `${where}: step below the figure, not under it`);
    assert.ok(step.top < height - 40, `${where}: step's first lines on screen`);
  }
  return beside;
}

/** Nothing in the figure or the step reads NaN, Infinity or undefined where a number belongs. */
export function assertNoBadWords(shown, where) {
  assert.doesNotMatch(shown.figureText, /NaN|Infinity|undefined/, `${where}: the figure`);
}

/** Every number of step `index` against `expected(state)`. */
export function assertStepNumbers(shown, index, expectedNumbers, where) {
  const numbers = shown.steps[index].numbers;
  for (const [name, text] of numbers) {
    assert.doesNotMatch(text, /NaN|Infinity|undefined|…/, `${where}: ${name} is filled`);
    const want = expectedNumbers[name];
    if (typeof want === 'string') assert.equal(text.trim(), want, `${where}: ${name}`);
    else {
      assert.equal(typeof want, 'number', `${where}: no expectation for “${name}”`);
      assertShows(text, want, `${where}: ${name}`);
    }
  }
  return numbers.length;
}
