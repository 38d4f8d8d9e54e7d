// The soft-targets lab page.
import { startPage } from './page_bootstrap.js';
import { startSoftTargetsLab } from './soft_targets_lab.js';

startPage((corePromise, notices, host) =>
  startSoftTargetsLab(corePromise, notices, document, host),
);
