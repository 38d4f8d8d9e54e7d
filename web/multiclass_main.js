// The multi-class lab page.
import { startMulticlassLab } from './multiclass_lab.js';
import { startPage } from './page_bootstrap.js';

startPage((corePromise, notices, host) => startMulticlassLab(corePromise, notices, document, host));
