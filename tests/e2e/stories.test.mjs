// Every lab's story (web/shared/story.js) in headless Chromium, at a phone's 390×844 and at
// 1920×1080: each step, brought to the reading position as a reader's scrolling would, sets
// its scene on the figure; the figure's card is on screen beside (wide) or above (phone) the
// step; and every number the step quotes equals an independent reference at the step's state
// (tests/e2e/story/<lab>.mjs: closed forms and plain-JS references, never the page's core).
// Then: scrolling back sets the earlier scene again, the reader may move the figure and the
// next step starts from its own state, and the story runs inside a <loss-playground story>.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PANELS } from '../../web/panels/registry.js';
import { stepState } from '../../web/shared/story.js';
import { openReady, typeInto, getState, useServerAndBrowser } from './page_helpers.mjs';
import { openPage, screenshot } from './browser_harness.mjs';
import {
  assertFigureBesideStep,
  assertNoBadWords,
  assertStepNumbers,
  bringStep,
  readStory,
} from './story_steps.mjs';

const SIZES = [
  ['phone', { width: 390, height: 844 }],
  ['wide', { width: 1920, height: 1080 }],
];
const MIN_STEPS = 5;

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

const scenesOf = async (id) => (await import(`../../web/panels/${id}/scenes.js`)).SCENES;
const referenceOf = async (id) => (await import(`./story/${id}.mjs`)).expected;

/** The parts of the page's state a scene sets equal the scene's. */
function assertSceneShown(state, scene, where) {
  for (const [key, value] of Object.entries(scene.state)) {
    assert.deepEqual(state[key], value, `${where}: ${key} of scene ${scene.id}`);
  }
}

for (const panel of PANELS) {
  for (const [size, viewport] of SIZES) {
    test(`${panel.id} story at ${size}: every step's scene, figure and numbers`, async () => {
      const [scenes, expected] = [await scenesOf(panel.id), await referenceOf(panel.id)];
      const { page, context, problems } = await openReady(
        browser,
        `${server.url}${panel.page}?story=1`,
        { viewport, reducedMotion: 'reduce' },
      );
      const count = (await readStory(page)).steps.length;
      assert.ok(count >= MIN_STEPS, `${panel.id}: ${count} steps, at least ${MIN_STEPS} wanted`);
      let checked = 0;
      for (let index = 0; index < count; index += 1) {
        await bringStep(page, index);
        const shown = await readStory(page);
        const where = `${panel.id} at ${size}, step ${index + 1}`;
        assert.deepEqual(
          shown.steps.map((step) => step.active),
          shown.steps.map((_, i) => i === index),
          `${where}: the one step marked as read`,
        );
        const scene = scenes.find((one) => one.id === shown.steps[index].scene);
        assert.ok(scene, `${where}: names a scene of scenes.js`);
        assertSceneShown(await getState(page), scene, where);
        const beside = assertFigureBesideStep(shown, index, where);
        assertNoBadWords(shown, where);
        assert.equal(beside, size === 'wide', `${where}: figure beside on wide, above on a phone`);
        checked += assertStepNumbers(shown, index, expected(stepState(panel.table, scene)), where);
        if (index === 1) await screenshot(page, `story-${panel.id}-${size}`);
      }
      assert.ok(checked > 0, `${panel.id}: its story quotes live numbers`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('scrolling back sets the earlier scene; a step after the reader moved the figure starts from its own state', async () => {
  const scenes = await scenesOf('binary');
  const { page, context, problems } = await openReady(browser, `${server.url}index.html?story=1`, {
    viewport: { width: 390, height: 844 },
  });
  const sceneOf = async (index) => {
    const { steps } = await readStory(page);
    return scenes.find((one) => one.id === steps[index].scene);
  };
  await bringStep(page, 3);
  assertSceneShown(await getState(page), await sceneOf(3), 'step 4');
  // The figure stays live: the reader types a logit of their own.
  await typeInto(page, '#z-field', '3');
  await page.waitForFunction(() => window.lossplay.getState().z === 3);
  await bringStep(page, 4);
  assertSceneShown(await getState(page), await sceneOf(4), 'step 5 after the reader moved z');
  await bringStep(page, 0);
  assertSceneShown(await getState(page), await sceneOf(0), 'back at step 1');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a widget with the story attribute tells the story inside the host page', async () => {
  const scenes = await scenesOf('binary');
  const { page, context, problems } = await openPage(browser, `${server.url}examples/blog.html`, {
    viewport: { width: 1280, height: 800 },
  });
  await page.evaluate(() => {
    document.body.innerHTML = '<p>A post, and its figure:</p>'.repeat(12);
    const widget = document.createElement('loss-playground');
    widget.setAttribute('panel', 'binary');
    widget.setAttribute('story', '');
    widget.setAttribute('loading', 'eager');
    document.body.append(widget);
  });
  await page.waitForSelector('loss-playground[data-ready="true"]', { timeout: 20000 });
  const count = (await readStory(page)).steps.length;
  assert.ok(count >= MIN_STEPS);
  const expected = await referenceOf('binary');
  const table = PANELS.find((one) => one.id === 'binary').table;
  for (const index of [0, 3]) {
    await bringStep(page, index);
    const shown = await readStory(page);
    const scene = scenes.find((one) => one.id === shown.steps[index].scene);
    const state = await page.evaluate(() =>
      document.querySelector('loss-playground').lossplay.getState(),
    );
    assertSceneShown(state, scene, `widget step ${index + 1}`);
    assertFigureBesideStep(shown, index, `widget step ${index + 1}`);
    assertStepNumbers(shown, index, expected(stepState(table, scene)), `widget step ${index + 1}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the ten-minute path: every step sets its lab and scene on the figure, with the lab’s numbers', async () => {
  for (const [size, viewport] of SIZES) {
    const { page, context, problems } = await openPage(browser, `${server.url}story.html`, {
      viewport,
      reducedMotion: 'reduce',
    });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    const count = (await readStory(page)).steps.length;
    assert.ok(count >= 8, `the path has ${count} steps, at least 8 wanted`);
    for (let index = 0; index < count; index += 1) {
      await bringStep(page, index);
      const shown = await readStory(page);
      const { panel: id, scene: sceneId, link } = shown.steps[index];
      const where = `path at ${size}, step ${index + 1} (${id})`;
      const panel = PANELS.find((one) => one.id === id);
      const scene = (await scenesOf(id)).find((one) => one.id === sceneId);
      const figure = await page.evaluate(() => {
        const widget = document.querySelector('loss-playground');
        return { panel: widget.getAttribute('panel'), state: widget.lossplay.getState() };
      });
      assert.equal(figure.panel, id, `${where}: the figure shows the step's lab`);
      assertSceneShown(figure.state, scene, where);
      assertFigureBesideStep(shown, index, where);
      assertNoBadWords(shown, where);
      const state = stepState(panel.table, scene);
      assertStepNumbers(shown, index, (await referenceOf(id))(state), where);
      if (link !== null) assert.ok(link.startsWith(`${panel.page}?`), `${where}: ${link}`);
      if (index === 2) await screenshot(page, `story-path-${size}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the iframe route tells a story too: embed.html?panel=…&story=1', async () => {
  const { page, context, problems } = await openReady(
    browser,
    `${server.url}embed.html?panel=regression&story=1`,
    { viewport: { width: 680, height: 720 }, reducedMotion: 'reduce' },
  );
  assert.equal(await page.evaluate(() => document.body.dataset.panel), 'regression');
  const scenes = await scenesOf('regression');
  const { steps } = await readStory(page);
  assert.ok(steps.length >= MIN_STEPS);
  await bringStep(page, 2);
  const shown = await readStory(page);
  const scene = scenes.find((one) => one.id === shown.steps[2].scene);
  assertSceneShown(await getState(page), scene, 'framed story, step 3');
  assertFigureBesideStep(shown, 2, 'framed story, step 3');
  // Inside a frame the story keeps the reader there: no link out to the full lab.
  assert.equal(await page.isVisible('.story-leave'), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a lab’s first screen links to its story, and each step to the full lab at its state', async () => {
  const viewport = { width: 390, height: 844 };
  const { page, context, problems } = await openReady(browser, `${server.url}regression.html`, {
    viewport,
  });
  const link = page.locator('.story-link a');
  const box = await link.boundingBox();
  assert.ok(box && box.y + box.height <= viewport.height, 'the link is on the first screen');
  await link.click();
  await page.waitForSelector('body[data-ready="true"] .story-layout .story-step');
  await bringStep(page, 2);
  const state = await getState(page);
  await Promise.all([page.waitForNavigation(), page.click('.story-step.story-active .story-open')]);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.locator('.story-layout').count(), 0, 'the full lab again');
  assert.deepEqual(await getState(page), state, 'at the state the step showed');
  assert.deepEqual(problems, []);
  await context.close();
});
