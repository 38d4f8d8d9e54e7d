// Read-out changes are announced politely once the input settles: each panel's aria-live
// region ends up describing the new state with the core's numbers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { corePromise } from '../js/load_core.mjs';
import { formatNumber as f } from '../../web/shared/number_format.js';
import { pageSuite } from './page_helpers.mjs';

const site = pageSuite();
const core = await corePromise;

async function announced(file, field, value, region, expected) {
  const { page, context, problems } = await site.openPage(file);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  assert.equal(await page.getAttribute(region, 'aria-live'), 'polite');
  await page.fill(field, value);
  await page.press(field, 'Enter');
  await page.waitForFunction(
    ([selector, text]) => document.querySelector(selector).textContent.includes(text),
    [region, expected],
    { timeout: 5000 },
  );
  assert.deepEqual(problems, []);
  await context.close();
}

/** The your-model lab's first example (a header `logit,label`, then one row an example): the
 *  expected calibration error of its probabilities at temperature `t`, 10 bins of equal width. */
function exampleEce(t) {
  const csv = new URL(
    '../../web/panels/your-model/examples/breast_cancer_logits.csv',
    import.meta.url,
  );
  const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1);
  const [logits, labels] = [0, 1].map((k) => rows.map((row) => Number(row.split(',')[k])));
  const { positive } = core.scoreExamples(logits, 1, labels, { temperature: t });
  return core.reliability(positive, labels, { bins: 10 }).ece;
}

test('every panel announces its new read-outs', async () => {
  const binary = core.binaryPoint(-3, 1);
  const soft = core.softTargetPointAtP(0.4, 0.9);
  const multi = core.multiclassPoint([5, 0.5, -1], 0);
  const fits = core.regressionLosses([4, 2, 3], [9, 5, 2], 1);
  // [page, field, what is typed into it, live region, text the region comes to hold]
  for (const row of [
    ['index.html', '#z-field', '-3', '#live-summary', `CE ${f(binary.ce)}`],
    ['soft-targets.html', '#soft-p-field', '0.4', '#soft-live', `BCE ${f(soft.bce)}`],
    ['multiclass.html', '#mc-logit-0', '5', '#mc-live', `Cross-entropy ${f(multi.ce)}`],
    ['regression.html', '#rg-target-0', '9', '#rg-live', `MSE ${f(fits.mse)}`],
    ['your-model.html', '#ym-t-field', '2', '#ym-live', `ECE ${f(exampleEce(2))} at T = 2.`],
  ]) {
    await announced(...row);
  }
});
