// The regression lab page.
import { startPage } from './page_bootstrap.js';
import { startRegressionLab } from './regression_lab.js';

startPage((corePromise, notices, host) => startRegressionLab(corePromise, notices, document, host));
