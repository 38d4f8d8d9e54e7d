// embed.html?panel=…&…: opens the chosen panel in embed mode, keeping every other parameter.
import { panelById } from '../panels/registry.js';

const params = new URLSearchParams(window.location.search);
const known = panelById(params.get('panel') ?? 'binary');
params.set('embed', '1');
// Every `panel` value stays: the page says so if the first is not its own (an unknown panel
// falls back to the binary playground) or if the link gives more than one.
window.location.replace(`${(known ?? panelById('binary')).page}?${params}`);
