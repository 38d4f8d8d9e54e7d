// The one list of panels. Build scripts, the site's navigation, the widget, the embed dialog,
// the element's attributes and the tests all read it. Each panel's code lives in
// web/panels/<id>/ (page.html, main.js, panel.js, state.js and its own charts); only its state
// table (pure data and parsers, no DOM) is listed here.
//   id       the panel's name in `panel=` and its folder's name
//   page     the built page (dist/<page>); its script is dist/<id>.js
//   title    its name in the navigation and the embed dialog
//   trainer  whether it needs the core with the training race (the larger wasm build)
//   table    its parameters and defaults (the URL query, the widget's attributes)
import { table as binary } from './binary/state.js';
import { table as depth } from './depth/state.js';
import { table as landscape } from './landscape/state.js';
import { table as likelihood } from './likelihood/state.js';
import { table as multiclass } from './multiclass/state.js';
import { table as nextToken } from './next-token/state.js';
import { table as race } from './race/state.js';
import { table as regression } from './regression/state.js';
import { table as softTargets } from './soft-targets/state.js';

export const PANELS = Object.freeze([
  { id: 'binary', page: 'index.html', title: 'Binary playground', trainer: false, table: binary },
  {
    id: 'soft-targets',
    page: 'soft-targets.html',
    title: 'Soft targets',
    trainer: false,
    table: softTargets,
  },
  {
    id: 'multiclass',
    page: 'multiclass.html',
    title: 'Multi-class',
    trainer: false,
    table: multiclass,
  },
  {
    id: 'next-token',
    page: 'next-token.html',
    title: 'Next token',
    trainer: false,
    table: nextToken,
  },
  {
    id: 'regression',
    page: 'regression.html',
    title: 'Regression',
    trainer: false,
    table: regression,
  },
  {
    id: 'likelihood',
    page: 'likelihood.html',
    title: 'Likelihood',
    trainer: false,
    table: likelihood,
  },
  {
    id: 'landscape',
    page: 'landscape.html',
    title: 'Loss landscape',
    trainer: false,
    table: landscape,
  },
  { id: 'race', page: 'race.html', title: 'Training race', trainer: true, table: race },
  { id: 'depth', page: 'depth.html', title: 'Deep network', trainer: true, table: depth },
]);

export const PANEL_IDS = Object.freeze(PANELS.map((panel) => panel.id));

/** The panel with this id, or undefined. */
export const panelById = (id) => PANELS.find((panel) => panel.id === id);

/** Every parameter key of every panel (the widget's attributes are these, lower-cased). */
export const ALL_PARAMETER_KEYS = Object.freeze([
  ...new Set(PANELS.flatMap((panel) => panel.table.parameters.map((p) => p.key))),
]);
