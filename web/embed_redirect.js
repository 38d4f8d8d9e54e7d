// embed.html?panel=…&…: opens the chosen panel in embed mode, keeping every other parameter.
import { PANELS } from './embed_options.js';

const params = new URLSearchParams(window.location.search);
const panel = params.get('panel') ?? 'binary';
params.set('embed', '1');
// A known panel needs no `panel` parameter on its own page; an unknown one is kept, so the
// page it falls back to can say so.
if (Object.hasOwn(PANELS, panel)) params.delete('panel');
const page = Object.hasOwn(PANELS, panel) ? PANELS[panel] : PANELS.binary;
window.location.replace(`${page}?${params}`);
