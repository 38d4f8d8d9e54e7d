// embed.html?panel=…&…: opens the chosen panel in embed mode, keeping every other parameter.
import { panelById } from '../panels/registry.js';

const params = new URLSearchParams(window.location.search);
const known = panelById(params.get('panel') ?? 'binary');
params.set('embed', '1');
// A known panel needs no `panel` parameter on its own page; an unknown one is kept, so the
// page it falls back to can say so.
if (known) params.delete('panel');
window.location.replace(`${(known ?? panelById('binary')).page}?${params}`);
