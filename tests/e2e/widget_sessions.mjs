// Long sessions with the <loss-playground> element, run inside a page (pass them to
// page.evaluate, after installHeapAfterGc) by the guest suite and the benchmark. Each warms up
// first, then measures the JS heap after garbage collection (Chromium started with
// --js-flags=--expose-gc --enable-precise-memory-info) before and after.

/** In the page: window.heapAfterGc(), the JS heap after four collections 50 ms apart. */
export function installHeapAfterGc() {
  window.heapAfterGc = async () => {
    for (let i = 0; i < 4; i += 1) {
      window.gc();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return performance.memory.usedJSHeapSize;
  };
}

/** `changes` changes of the `z` attribute of widget `id`, each awaited until applied. */
export async function attributeSession([id, warmUp, changes]) {
  const { heapAfterGc } = window; // installHeapAfterGc, first
  const widget = document.getElementById(id);
  let step = 0;
  const change = () =>
    new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (widget.dataset.ready !== 'true') return;
        observer.disconnect();
        resolve();
      });
      widget.dataset.ready = '';
      observer.observe(widget, { attributeFilter: ['data-ready'] });
      widget.setAttribute('z', String(-0.5 - (step % 7)));
      step += 1;
    });
  for (let i = 0; i < warmUp; i += 1) await change();
  const before = await heapAfterGc();
  const start = performance.now();
  for (let i = 0; i < changes; i += 1) await change();
  const ms = (performance.now() - start) / changes;
  return { before, after: await heapAfterGc(), ms, z: widget.lossplay.getState().z, steps: step };
}

/** `cycles` binary widgets added to the page's <main>, started and removed. */
export async function addRemoveSession([warmUp, cycles]) {
  const { heapAfterGc } = window; // installHeapAfterGc, first
  const main = document.querySelector('main');
  const cycle = async () => {
    const widget = document.createElement('loss-playground');
    widget.className = 'cycled';
    widget.setAttribute('panel', 'binary');
    widget.setAttribute('hide', 'explanations');
    const started = new Promise((resolve) =>
      widget.addEventListener('lossplay-ready', resolve, { once: true }),
    );
    main.append(widget);
    widget.scrollIntoView();
    await started;
    widget.remove();
  };
  for (let i = 0; i < warmUp; i += 1) await cycle();
  const before = await heapAfterGc();
  const start = performance.now();
  for (let i = 0; i < cycles; i += 1) await cycle();
  const ms = (performance.now() - start) / cycles;
  const left = document.querySelectorAll('.cycled').length;
  return { before, after: await heapAfterGc(), ms, left };
}

/**
 * How many 2D canvas contexts are alive in the page, from a heap snapshot taken after garbage
 * collection (call window.heapAfterGc first). Every panel draws its charts on such contexts, so
 * a widget the page no longer holds but something still references keeps its contexts here:
 * an exact count, where the heap's size also moves with the code V8 goes on compiling.
 * @param {import('playwright').Page} page
 */
export async function liveCanvasContexts(page) {
  await page.evaluate(() => window.heapAfterGc());
  const cdp = await page.context().newCDPSession(page);
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const { snapshot, nodes, strings } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const [typeNames] = snapshot.meta.node_types;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  let count = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const native = typeNames[nodes[i + typeAt]] === 'native';
    if (native && strings[nodes[i + nameAt]] === 'CanvasRenderingContext2D') count += 1;
  }
  return count;
}
