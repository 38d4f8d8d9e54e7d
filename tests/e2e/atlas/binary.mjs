// The binary playground's edge states: the read-outs against binaryPoint (closed forms in
// plain JS) and the verdict against what the state is (right or wrong side of ½, how sure).
import { binaryPoint } from '../reference.mjs';

export const states = [
  { name: 'the default', query: '' },
  { name: 'z just above 0, label 1: right, barely', query: '?z=1e-300&y=1' },
];

const NUMBERS = ['p', 'ce', 'mse', 'dce', 'dmse', 'ratio'];

export async function read(page) {
  const numbers = {};
  for (const id of NUMBERS) numbers[id] = await page.textContent(`#out-${id}`);
  return { numbers, sentences: { verdict: await page.textContent('#verdict') } };
}

export function expected({ z, y }) {
  const point = binaryPoint(z, y);
  const right = y >= 0.5 === z > 0;
  return {
    p: point.p,
    ce: point.ce,
    mse: point.mse,
    dce: Math.abs(point.dceDz),
    dmse: Math.abs(point.dmseDz),
    ratio: point.ratio,
    verdict: right ? /^(?!Wrong)/ : /^(Wrong|Confidently wrong)/,
  };
}
