// A landscape data point dragged as a reader drags it: a pointer held down on a point and moved
// across the strip, one move per animation frame (60 Hz), then let go. For each move, the time
// from the event to the end of the work it triggers (state, core, maps and charts drawn); for
// the release, the same for the exact maps that follow. Unthrottled and at the 4× CPU slowdown
// of a mid-range phone, for one built site or two (`--compare`).
import { launchBrowser, openPage, startServer } from '../tests/e2e/browser_harness.mjs';
import { percentile, summary } from './page_bench.mjs';

const MOVES = 60;
const PAGE = 'landscape.html?steps=100';

async function dragOnce(browser, url, slowdown) {
  const { page, context, problems } = await openPage(browser, url, {
    viewport: { width: 1024, height: 768 },
  });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  if (slowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  await page.evaluate(() => {
    window.moves = [];
    window.release = [];
    // From the event's dispatch (a capturing listener on the window runs first) to the end of
    // the strip's own listeners (this one, registered after them, runs last). Chromium holds
    // pointer moves for the next frame, so the event's timeStamp would count that wait too.
    let start = 0;
    for (const type of ['pointermove', 'pointerup']) {
      window.addEventListener(type, () => (start = performance.now()), { capture: true });
    }
    const strip = document.getElementById('ls-strip');
    strip.addEventListener('pointermove', () => window.moves.push(performance.now() - start));
    strip.addEventListener('pointerup', () => window.release.push(performance.now() - start));
  });
  const point = await page.locator('#ls-strip circle[data-index="0"]').boundingBox();
  const from = { x: point.x + point.width / 2, y: point.y + point.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= MOVES; k += 1) {
    const dx = 120 * Math.sin((Math.PI * k) / MOVES);
    await page.mouse.move(from.x + dx, from.y);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  }
  await page.mouse.up();
  const times = await page.evaluate(() => ({ moves: window.moves, release: window.release }));
  await context.close();
  if (problems.length > 0) throw new Error(`${url}: ${problems.join('; ')}`);
  return times;
}

/** {slowdown: {move: summary + p95, release}} for the site served from `site`. */
export async function measureDrag(site, slowdowns = [1, 4]) {
  const server = await startServer(site);
  const browser = await launchBrowser();
  try {
    const figures = {};
    for (const slowdown of slowdowns) {
      const { moves, release } = await dragOnce(browser, `${server.url}${PAGE}`, slowdown);
      figures[slowdown] = {
        move: { ...summary(moves), p95: percentile(moves, 0.95) },
        release: release[0],
      };
    }
    return figures;
  } finally {
    await browser.close();
    server.stop();
  }
}

export function printDrag(sites) {
  console.log(
    `\nlandscape point dragged (${MOVES} pointer moves, one a frame; then let go): ms of work from each event's dispatch to its repaint`,
  );
  for (const { name, figures } of sites) {
    for (const [slowdown, f] of Object.entries(figures)) {
      console.log(
        `  ${name.padEnd(20)} CPU ${slowdown}×: move median ${f.move.median.toFixed(1)}, p95 ` +
          `${f.move.p95.toFixed(1)} (target ≤ ${slowdown > 1 ? 33 : 4}), max ${f.move.max.toFixed(1)}; ` +
          `let go → exact maps ${f.release.toFixed(1)} (target ≤ 100)`,
      );
    }
  }
}
