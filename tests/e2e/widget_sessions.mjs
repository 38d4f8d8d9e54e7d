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
