// The race's downloads: its learning curves as CSV and each chart as PNG.
function download(doc, blob, name) {
  const link = doc.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

const COLUMNS = ['loss', 'trainAccuracy', 'testAccuracy', 'gradientNorm'];

/** One row per epoch, CE's columns then MSE's; a run that stopped early leaves cells empty. */
export function curvesCsv(history) {
  const header = ['epoch', ...COLUMNS.map((c) => `ce_${c}`), ...COLUMNS.map((c) => `mse_${c}`)];
  const lines = [header.join(',')];
  const epochs = Math.max(history.ce.loss.length, history.mse.loss.length);
  for (let e = 0; e < epochs; e += 1) {
    const cells = [String(e)];
    for (const run of [history.ce, history.mse]) {
      for (const c of COLUMNS) cells.push(e < run[c].length ? String(run[c][e]) : '');
    }
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function wireExports(ctx, history) {
  const { $, doc } = ctx;
  $('race-export-csv').addEventListener('click', () =>
    download(doc, new Blob([curvesCsv(history())], { type: 'text/csv' }), 'lossplay-race.csv'),
  );
  for (const button of ctx.root.querySelectorAll('[data-export-png]')) {
    const id = button.dataset.exportPng;
    button.addEventListener('click', () =>
      $(id).toBlob((blob) => download(doc, blob, `lossplay-${id}.png`), 'image/png'),
    );
  }
}
