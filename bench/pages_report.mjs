// Every page figure of `npm run bench`, for one built site or for two side by side (the current
// dist/ and another build given with `--compare DIR`, measured in the same run): first render
// against the floor page, input to repaint unthrottled and at 4× CPU slowdown, Lighthouse's
// mobile preset, the weight of each page, and the race's frame rate while it trains.
import { FLOOR_PAGE, PANEL_PAGES, SITE_PAGES, prepareBenchSite } from './bench_site.mjs';
import { measureLighthouse } from './lighthouse_bench.mjs';
import { PHONE_SLOWDOWN, measureFirstRenders, measureRepaints } from './page_bench.mjs';
import { MAIN_PAGE_TARGET, measureWeights } from './page_weight.mjs';
import { raceRepaintRates } from './race_bench.mjs';

const FLOOR_RATIO_TARGET = 1.3;

/** All page figures of one built site (its dist folder). */
export async function measureSite(name, distDir) {
  const site = await prepareBenchSite(name, distDir);
  const panelPages = PANEL_PAGES.map((p) => p.page);
  return {
    name,
    firstRender: await measureFirstRenders(site, [FLOOR_PAGE, ...panelPages]),
    repaint: {
      1: await measureRepaints(site, 1),
      [PHONE_SLOWDOWN]: await measureRepaints(site, PHONE_SLOWDOWN),
    },
    race: await raceRepaintRates(site, [1, PHONE_SLOWDOWN]),
    weight: await measureWeights(site, SITE_PAGES),
    lighthouse: await measureLighthouse(site, [FLOOR_PAGE, ...SITE_PAGES]),
  };
}

const ms = (value) => value.toFixed(value < 10 ? 2 : 0);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const range = (s, f) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;

/** One row: a label, then one cell per site. */
function row(label, sites, cell, width = 34) {
  console.log(`  ${label.padEnd(22)}${sites.map((site) => cell(site).padEnd(width)).join('')}`);
}

function header(title, sites, width = 34) {
  console.log(`\n${title}`);
  row('', sites, (site) => site.name, width);
}

function printFirstRenders(sites) {
  header(
    `first complete render, ms: median (min–max) of n = ${sites[0].firstRender[FLOOR_PAGE].n} loads, ÷ the floor page (target ≤ ${FLOOR_RATIO_TARGET}×); [core ready, median]`,
    sites,
  );
  for (const page of Object.keys(sites[0].firstRender)) {
    row(page, sites, (site) => {
      const s = site.firstRender[page];
      const ratio = s.median / site.firstRender[FLOOR_PAGE].median;
      const ready = s.coreReady === null ? '' : ` [${ms(s.coreReady)}]`;
      return `${range(s, ms)}${page === FLOOR_PAGE ? '' : `  ${ratio.toFixed(2)}×`}${ready}`;
    });
  }
}

function printRepaints(sites) {
  for (const [slowdown, target] of [
    [1, 4],
    [PHONE_SLOWDOWN, 16],
  ]) {
    const { n } = Object.values(sites[0].repaint[slowdown])[0];
    header(
      `input to repaint, ms, CPU ${slowdown === 1 ? 'unthrottled' : `slowed ${slowdown}×`}: median / p95 / max of n = ${n} steps (target p95 ≤ ${target} ms)`,
      sites,
      26,
    );
    for (const name of Object.keys(sites[0].repaint[slowdown])) {
      row(
        name,
        sites,
        (site) => {
          const s = site.repaint[slowdown][name];
          const miss = s.p95 > target ? '  ✗' : '';
          return `${ms(s.median)} / ${ms(s.p95)} / ${ms(s.max)}${miss}`;
        },
        26,
      );
    }
  }
}

function printRace(sites) {
  header(
    `race while training, 3 s after Play: frames/s, epochs/s (target ≥ 50 frames/s at ${PHONE_SLOWDOWN}× on the defaults)`,
    sites,
  );
  for (const [name, bySlowdown] of Object.entries(sites[0].race)) {
    for (const slowdown of Object.keys(bySlowdown)) {
      row(`${name.slice(0, 13)}, ${slowdown}× CPU`, sites, (site) => {
        const r = site.race[name][slowdown];
        return `${r.fps.toFixed(0)} frames/s, ${r.epochsPerSecond.toFixed(0)} epochs/s`;
      });
    }
  }
}

function printWeights(sites, baseline) {
  header(
    `weight, KB gzip (-9) of every file a page loads until it has started: html + css + js + wasm + other = total (main page target ≤ ${kb(MAIN_PAGE_TARGET)} KB)`,
    sites,
    40,
  );
  for (const page of SITE_PAGES) {
    row(
      page,
      sites,
      (site) => {
        const w = site.weight[page];
        const parts = ['html', 'css', 'js', 'wasm', 'other'].map((k) => kb(w[k])).join(' + ');
        return `${parts} = ${kb(w.total)}`;
      },
      40,
    );
  }
  console.log(`  baseline (bench/page_weight_baseline.json), total KB, and now ÷ baseline:`);
  const now = sites.at(-1);
  for (const page of SITE_PAGES) {
    const before = baseline[page]?.total;
    const ratio = before ? `${(now.weight[page].total / before).toFixed(2)}×` : 'no baseline';
    console.log(`    ${page.padEnd(20)}${before ? kb(before) : '—'} KB   ${ratio}`);
  }
}

function printLighthouse(sites) {
  header(
    `Lighthouse ${sites[0].lighthouse[FLOOR_PAGE].runs} runs, mobile preset (slow 4G, ${PHONE_SLOWDOWN}× CPU): performance median (min–max) [target ≥ 95], accessibility, best practices [100]; FCP, LCP, TBT ms, CLS (medians)`,
    sites,
    52,
  );
  for (const page of Object.keys(sites[0].lighthouse)) {
    row(
      page,
      sites,
      (site) => {
        const { median: m, min, max, failed } = site.lighthouse[page];
        const score = `${m.performance} (${min.performance}–${max.performance})`;
        const extra = failed.length ? ` failed: ${failed.join(',')}` : '';
        return `${score} ${m.accessibility} ${m['best-practices']}; ${m.fcp.toFixed(0)} ${m.lcp.toFixed(0)} ${m.tbt.toFixed(0)} ${m.cls.toFixed(3)}${extra}`;
      },
      52,
    );
  }
}

export function printSites(sites, baseline) {
  printFirstRenders(sites);
  printRepaints(sites);
  printRace(sites);
  printWeights(sites, baseline);
  printLighthouse(sites);
}
