// The page-weight gate of `npm run bench`: it must flag a page that grew more than 10 % over
// its recorded baseline (and only such a page), and every page of the site must have a
// baseline, so that a new page cannot grow unchecked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SITE_PAGES } from '../../bench/bench_site.mjs';
import { readBaseline, weightGrowth } from '../../bench/page_weight.mjs';

test('a page more than 10 % over its baseline is flagged, with its figures', () => {
  const baseline = {
    'a.html': { total: 1000 },
    'b.html': { total: 1000 },
    'c.html': { total: 1000 },
  };
  const weights = {
    'a.html': { total: 1100 }, // exactly +10 %: allowed
    'b.html': { total: 1101 },
    'c.html': { total: 400 },
    'new.html': { total: 9999 }, // no baseline yet: reported by the bench as such, not flagged
  };
  const problems = weightGrowth(weights, baseline);
  assert.equal(problems.length, 1, problems.join('; '));
  assert.match(problems[0], /^b\.html grew 10 % \(1000 → 1101 bytes gzip\)$/);
});

test('every page of the site has a recorded baseline with its parts adding up', () => {
  const baseline = readBaseline();
  for (const page of SITE_PAGES) {
    const parts = baseline[page];
    assert.ok(parts, `${page} has a baseline`);
    const sum = ['html', 'css', 'js', 'wasm', 'other'].reduce(
      (total, key) => total + parts[key],
      0,
    );
    assert.equal(parts.total, sum, page);
  }
});
